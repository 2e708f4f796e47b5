import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  decideConflict,
  getLead,
  listConflictSides,
  type ConflictDecision,
} from "@tandem/db";
import { OPEN_STATUSES } from "@tandem/db/values";
import { Field, FormError } from "~/components/field.js";
import { notFound, requireOwnerStaff } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import {
  parseForm,
  readForm,
  requiredText,
  text,
  type FieldErrors,
} from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";

const decisionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("accept"),
    reason: text(2000),
    otherReason: text(2000),
  }),
  z.object({
    intent: z.literal("reject"),
    reason: requiredText("A reason", 2000),
  }),
]);

const paramsSchema = z.object({ leadId: z.coerce.number().int().positive() });
const idsSchema = z.array(z.coerce.number().int().positive()).max(50);

const KIND_WORDS = {
  same_partner: "the same partner's lead",
  other_partner: "another partner's registration",
  customer: "an existing customer",
} as const;

export const meta: MetaFunction = () => [
  { title: "Decide a conflict · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such lead.");

  const db = await getDb();
  const scope = { programId: member.program.id, leadId: parsed.data.leadId };
  const lead = await getLead(db, scope);
  if (!lead) throw notFound("No such lead.");
  const sides = await listConflictSides(db, scope);
  return {
    lead: {
      id: lead.id,
      partnerName: lead.partnerName,
      company: lead.company ?? "(no company)",
      contactName: lead.contactName,
      contactEmail: lead.contactEmail,
      companyDomain: lead.companyDomain,
      status: lead.status,
      registeredOn: lead.registeredOn,
    },
    sides: sides.map((side, i) => ({
      key: i,
      kind: KIND_WORDS[side.kind],
      rules: side.rules.join(", "),
      lead: side.lead,
      customer: side.customer,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such lead.");
  const formData = await readForm(request);
  const form = parseForm(formData, decisionSchema);
  const ids = idsSchema.safeParse(formData.getAll("rejectLeadIds"));
  if (!form.ok || !ids.success) {
    const errors = form.ok ? {} : form.errors;
    if (!ids.success) errors.rejectLeadIds = ["Choose leads from the list."];
    return data({ errors, values: form.values }, 400);
  }

  const input = form.data;
  const decision: ConflictDecision =
    input.intent === "accept"
      ? {
          accept: true,
          reason: input.reason ?? null,
          rejectLeadIds: ids.data,
          otherReason: input.otherReason ?? null,
        }
      : { accept: false, reason: input.reason };
  const result = await decideConflict(await getDb(), {
    programId: member.program.id,
    leadId: parsed.data.leadId,
    actorId: member.user.id,
    decision,
  });
  if (!result.ok) {
    if (result.error === "not_found") throw notFound("No such lead.");
    return data(
      { errors: { form: [result.message] }, values: form.values },
      409,
    );
  }
  logger.info(
    {
      programId: member.program.id,
      leadId: parsed.data.leadId,
      accepted: decision.accept,
      rejected: result.value.rejected,
    },
    "Lead conflict decided",
  );
  return redirect(`/leads/${parsed.data.leadId}`);
}

function Contact(props: {
  contactName: string | null;
  contactEmail: string | null;
  companyDomain: string | null;
}) {
  return (
    <>
      <dt>Contact</dt>
      <dd>
        {props.contactName ?? "—"}
        {props.contactEmail ? ` <${props.contactEmail}>` : ""}
      </dd>
      {props.companyDomain ? (
        <>
          <dt>Website</dt>
          <dd>{props.companyDomain}</dd>
        </>
      ) : null}
    </>
  );
}

export default function Conflict() {
  const { lead, sides } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: FieldErrors | undefined = result?.errors;
  const open = lead.status === "under_review";
  const rejectable = sides.filter(
    (s) => s.lead && OPEN_STATUSES.includes(s.lead.status),
  );
  return (
    <section>
      <h1>Conflict: {lead.company}</h1>
      <p>
        <Link to={`/leads/${lead.id}`}>Back to the lead</Link> ·{" "}
        <Link to="/leads/inbox?view=conflicts">Conflicts inbox</Link>
      </p>
      <div className="cards">
        <article className="card" aria-labelledby="this-one">
          <h2 id="this-one">This registration</h2>
          <dl className="facts">
            <dt>Partner</dt>
            <dd>{lead.partnerName}</dd>
            <dt>Company</dt>
            <dd>{lead.company}</dd>
            <Contact {...lead} />
            <dt>Status</dt>
            <dd>{lead.status.replace("_", " ")}</dd>
            <dt>Registered</dt>
            <dd>{lead.registeredOn}</dd>
          </dl>
        </article>
        {sides.map((side) => (
          <article
            className="card"
            key={side.key}
            aria-labelledby={`side-${side.key}`}
          >
            <h2 id={`side-${side.key}`}>Matches {side.kind}</h2>
            <p>Same {side.rules}</p>
            {side.lead ? (
              <dl className="facts">
                <dt>Partner</dt>
                <dd>{side.lead.partnerName}</dd>
                <dt>Company</dt>
                <dd>
                  <Link to={`/leads/${side.lead.id}`}>
                    {side.lead.company ?? "(no company)"}
                  </Link>
                </dd>
                <Contact {...side.lead} />
                <dt>Status</dt>
                <dd>{side.lead.status.replace("_", " ")}</dd>
                <dt>Registered</dt>
                <dd>{side.lead.registeredOn}</dd>
                {side.lead.protectedUntil && side.lead.status === "accepted" ? (
                  <>
                    <dt>Protected through</dt>
                    <dd>{side.lead.protectedUntil}</dd>
                  </>
                ) : null}
              </dl>
            ) : null}
            {side.customer ? (
              <dl className="facts">
                <dt>Customer</dt>
                <dd>{side.customer.name}</dd>
                <dt>Through</dt>
                <dd>{side.customer.partnerName ?? "direct"}</dd>
                <dt>Since</dt>
                <dd>{side.customer.acquiredOn}</dd>
              </dl>
            ) : null}
          </article>
        ))}
      </div>

      {open ? (
        <section aria-labelledby="decide">
          <h2 id="decide">Decide</h2>
          <p>
            Reasons are shown to the partner whose lead they concern; never name
            the other partner in them.
          </p>
          <FormError errors={errors} />
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="accept" />
            <Field
              idPrefix="accept-"
              label="Note to this partner (optional)"
              name="reason"
              errors={result?.values?.intent === "accept" ? errors : undefined}
            />
            {rejectable.length > 0 ? (
              <fieldset>
                <legend>Reject with it (or leave them as they are)</legend>
                {rejectable.map((side) => (
                  <label key={side.key} className="inline">
                    <input
                      type="checkbox"
                      name="rejectLeadIds"
                      value={side.lead!.id}
                    />
                    {side.lead!.partnerName}: {side.lead!.company} (
                    {side.lead!.status.replace("_", " ")})
                  </label>
                ))}
                <span id="rejectLeadIds-error" className="field-error">
                  {errors?.rejectLeadIds?.join(" ")}
                </span>
              </fieldset>
            ) : null}
            {rejectable.length > 0 ? (
              <Field
                idPrefix="accept-"
                label="Reason given to the partners rejected (optional)"
                name="otherReason"
                hint="Without one they read: another registration for this company was accepted."
                errors={undefined}
              />
            ) : null}
            <button type="submit">Accept this registration</button>
          </Form>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="reject" />
            <Field
              idPrefix="reject-"
              label="Reason for rejecting this registration"
              name="reason"
              hint="The partner sees this reason."
              errors={result?.values?.intent === "reject" ? errors : undefined}
            />
            <button type="submit">Reject this registration</button>
          </Form>
        </section>
      ) : (
        <p className="notice">
          This registration is {lead.status.replace("_", " ")}; there is nothing
          left to decide here.
        </p>
      )}
    </section>
  );
}
