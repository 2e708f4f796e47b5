import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  changeMemberRole,
  invitePerson,
  listInvitations,
  listPartners,
  listPeople,
  removeMember,
  revokeInvitation,
  type InvitationTarget,
} from "@tandem/db";
import { ROLES, roleName } from "@tandem/db/values";
import { Field, FormError } from "~/components/field.js";
import { InvitationList, PeopleTable } from "~/components/people-table.js";
import {
  notFound,
  requirePeopleAdmin,
  type Member,
} from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm, requiredLine } from "~/lib/forms.server.js";
import { tokenLink } from "~/lib/links.server.js";
import { logger } from "~/lib/logger.server.js";

const email = z
  .string()
  .trim()
  .min(1, {
    message: "Enter the email address of the person to invite.",
    abort: true,
  })
  .email("That is not an email address; check it, such as ann@example.com.")
  .max(254, "Use at most 254 characters.");
const id = z.coerce.number().int().positive();
const role = z.enum(ROLES, { error: "Choose a role." });

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("invite"),
    email,
    role,
    partnerId: z.string().optional(),
  }),
  z.object({
    intent: z.literal("invite-partner"),
    partnerName: requiredLine("The company's name", 200),
    email,
  }),
  z.object({ intent: z.literal("revoke"), invitationId: id }),
  z.object({ intent: z.literal("role"), membershipId: id, role }),
  z.object({ intent: z.literal("remove"), membershipId: id }),
]);

/** Partner admins reach their own partner's people only. */
function reach(member: Member): { partnerId?: number } {
  return member.membership.role === "owner_admin"
    ? {}
    : { partnerId: member.partnerId! };
}

export const meta: MetaFunction = () => [{ title: "People · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requirePeopleAdmin(request);
  const db = await getDb();
  const programId = member.program.id;
  const scope = { programId, ...reach(member) };
  const isOwnerAdmin = member.membership.role === "owner_admin";
  const [people, invitations, partners] = await Promise.all([
    listPeople(db, scope),
    listInvitations(db, scope),
    isOwnerAdmin ? listPartners(db, { programId }) : Promise.resolve([]),
  ]);
  const url = new URL(request.url);
  return {
    isOwnerAdmin,
    partnerName: member.membership.partnerName,
    me: member.user.id,
    sent: url.searchParams.get("sent") === "1",
    people: people.map((p) => ({ ...p, roleName: roleName(p.role) })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      roleName: roleName(i.role),
      partnerName: i.partnerName,
      state: i.state,
      expiresOn: i.expiresAt.toISOString().slice(0, 10),
    })),
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requirePeopleAdmin(request);
  const form = parseForm(await readForm(request), actionSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const db = await getDb();
  const programId = member.program.id;
  const actorId = member.user.id;
  const input = form.data;
  const own = reach(member);
  const refuse = (field: string, message: string, status = 400) =>
    data({ errors: { [field]: [message] }, values: form.values }, status);

  if (input.intent === "invite" || input.intent === "invite-partner") {
    let target: InvitationTarget;
    if (input.intent === "invite-partner") {
      if (own.partnerId !== undefined) {
        return refuse("form", "Only the program's admins add partners.", 403);
      }
      target = { role: "partner_admin", newPartnerName: input.partnerName };
    } else if (input.role === "owner_admin" || input.role === "owner_staff") {
      if (own.partnerId !== undefined) {
        return refuse("role", "Invite people of your own company only.", 403);
      }
      target = { role: input.role };
    } else {
      const partnerId = own.partnerId ?? Number(input.partnerId);
      if (!Number.isInteger(partnerId) || partnerId <= 0) {
        return refuse("partnerId", "Choose the partner this person is with.");
      }
      target = { role: input.role, partnerId };
    }
    const invited = await invitePerson(db, {
      programId,
      actorId,
      email: input.email,
      target,
      linkFor: tokenLink(request, "/invitations/accept"),
    });
    if (!invited.ok) {
      const field =
        invited.error === "partner_exists"
          ? "partnerName"
          : invited.error === "not_found"
            ? "partnerId"
            : "email";
      const status = invited.error === "not_found" ? 400 : 409;
      return refuse(field, invited.message, status);
    }
    logger.info(
      { programId, invitationId: invited.value.invitationId },
      "Invitation sent",
    );
    return redirect("/people?sent=1");
  }

  if (input.intent === "revoke") {
    const revoked = await revokeInvitation(db, {
      programId,
      actorId,
      invitationId: input.invitationId,
      ...own,
    });
    if (!revoked) throw notFound("No such open invitation.");
    return redirect("/people");
  }

  if (input.intent === "role" && own.partnerId !== undefined) {
    if (!input.role.startsWith("partner_")) {
      return refuse("role", "Choose partner admin or partner user.", 403);
    }
  }
  const changed =
    input.intent === "role"
      ? await changeMemberRole(db, { programId, actorId, ...input, ...own })
      : await removeMember(db, { programId, actorId, ...input, ...own });
  if (!changed.ok) {
    if (changed.error === "not_found") throw notFound(changed.message);
    return refuse("form", changed.message, 409);
  }
  logger.info({ programId, intent: input.intent }, "Membership changed");
  return redirect("/people");
}

export default function People() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const intent = result?.values?.intent;
  const errorsFor = (...names: string[]) =>
    intent && names.includes(intent) ? result?.errors : undefined;
  const value = (name: string) => result?.values?.[name] ?? "";
  const roles = d.isOwnerAdmin
    ? ROLES
    : (["partner_user", "partner_admin"] as const);
  return (
    <section>
      <h1>People{d.partnerName ? ` of ${d.partnerName}` : ""}</h1>
      {d.sent ? (
        <p className="notice" role="status">
          Invitation sent. The link works once, for 7 days.
        </p>
      ) : null}
      <FormError errors={errorsFor("role", "remove", "revoke")} />
      <PeopleTable people={d.people} me={d.me} roles={roles} />

      <Form method="post" className="stack" noValidate>
        <h2>Invite a person</h2>
        <FormError errors={errorsFor("invite")} />
        <input type="hidden" name="intent" value="invite" />
        <Field
          idPrefix="invite-"
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={intent === "invite" ? value("email") : ""}
          errors={errorsFor("invite")}
        />
        <Field
          idPrefix="invite-"
          label="Role"
          name="role"
          errors={errorsFor("invite")}
        >
          <select
            name="role"
            defaultValue={intent === "invite" ? value("role") : "partner_user"}
            aria-describedby="invite-role-error"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
        </Field>
        {d.isOwnerAdmin ? (
          <Field
            idPrefix="invite-"
            label="Partner (for partner roles)"
            name="partnerId"
            errors={errorsFor("invite")}
          >
            <select
              name="partnerId"
              defaultValue={intent === "invite" ? value("partnerId") : ""}
              aria-describedby="invite-partnerId-error"
            >
              <option value="">Choose…</option>
              {d.partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <button type="submit">Send invitation</button>
      </Form>

      {d.isOwnerAdmin ? (
        <Form method="post" className="stack" noValidate>
          <h2>Invite a new partner company</h2>
          <p>
            Adds the company as a partner and invites its first person as its
            partner admin, who can then invite colleagues.
          </p>
          <FormError errors={errorsFor("invite-partner")} />
          <input type="hidden" name="intent" value="invite-partner" />
          <Field
            idPrefix="partner-"
            label="Company"
            name="partnerName"
            defaultValue={
              intent === "invite-partner" ? value("partnerName") : ""
            }
            errors={errorsFor("invite-partner")}
          />
          <Field
            idPrefix="partner-"
            label="Email of its first admin"
            name="email"
            type="email"
            autoComplete="off"
            defaultValue={intent === "invite-partner" ? value("email") : ""}
            errors={errorsFor("invite-partner")}
          />
          <button type="submit">Add partner and invite</button>
        </Form>
      ) : null}

      <h2>Invitations</h2>
      <InvitationList invitations={d.invitations} />
    </section>
  );
}
