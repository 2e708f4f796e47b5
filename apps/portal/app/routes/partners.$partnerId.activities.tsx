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
  listPartnerActivities,
  listPartners,
  programToday,
  recordActivity,
} from "@tandem/db";
import { ACTIVITY_KINDS } from "@tandem/db/values";
import { Field, FormError } from "~/components/field.js";
import { requireMember } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import {
  parseForm,
  pastDayField,
  readForm,
  requiredLine,
} from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";
import { requireVisiblePartner } from "~/lib/partner-route.server.js";

function activitySchema(today: string) {
  return z.object({
    kind: z.enum(ACTIVITY_KINDS, { error: "Choose a kind of activity." }),
    title: requiredLine("A title", 200),
    occurredOn: pastDayField(today),
    completed: z.string().optional(),
  });
}

const words = (kind: string) => kind.replaceAll("_", " ");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Activities with ${data?.partner.name ?? "a partner"} · Tandem` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const partner = await requireVisiblePartner(member, params);

  const db = await getDb();
  const programId = member.program.id;
  const [activities, partners] = await Promise.all([
    listPartnerActivities(db, {
      programId,
      partnerId: partner.id,
      forOwner: member.isOwnerSide,
    }),
    member.isOwnerSide ? listPartners(db, { programId }) : [],
  ]);
  return {
    partner: { id: partner.id, name: partner.name },
    today: programToday(member.program),
    isOwnerSide: member.isOwnerSide,
    others: partners
      .filter((p) => p.id !== partner.id)
      .map((p) => ({ id: p.id, name: p.name })),
    activities,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const partner = await requireVisiblePartner(member, params);
  const formData = await readForm(request);
  const today = programToday(member.program);
  const form = parseForm(formData, activitySchema(today));
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  // A partner's people log for their own partnership only; staff may
  // name further partners of the program for a joint activity.
  const others = member.isOwnerSide
    ? formData
        .getAll("partnerIds")
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0)
    : [];
  const recorded = await recordActivity(await getDb(), {
    programId: member.program.id,
    kind: form.data.kind,
    title: form.data.title,
    occurredOn: form.data.occurredOn,
    completed: form.data.completed === "on",
    partnerIds: [partner.id, ...others],
    createdBy: member.user.id,
  });
  if (!recorded.ok) {
    return data(
      { errors: { partnerIds: [recorded.message] }, values: form.values },
      400,
    );
  }
  logger.info(
    { programId: member.program.id, activityId: recorded.value.id },
    "Activity logged",
  );
  return redirect(`/partners/${partner.id}/activities?logged=1`);
}

export default function Activities() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const value = (name: string) => result?.values?.[name];
  return (
    <section>
      <h1>Activities with {d.partner.name}</h1>
      <p>
        <Link to={`/partners/${d.partner.id}/scorecard`}>Scorecard</Link> ·{" "}
        <Link to={`/partners/${d.partner.id}/reviews`}>Reviews</Link>
      </p>
      <Form method="post" className="stack" noValidate>
        <h2>Log an activity or a communication</h2>
        <FormError errors={errors} />
        <Field label="Kind" name="kind" errors={errors}>
          <select
            name="kind"
            defaultValue={value("kind")}
            aria-describedby="kind-error"
          >
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {words(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Title"
          name="title"
          defaultValue={value("title")}
          errors={errors}
        />
        <Field
          label="Day"
          name="occurredOn"
          type="date"
          defaultValue={value("occurredOn") ?? d.today}
          max={d.today}
          errors={errors}
        />
        {d.isOwnerSide && d.others.length > 0 ? (
          <Field
            label="Other partners involved (optional)"
            name="partnerIds"
            errors={errors}
          >
            <select
              name="partnerIds"
              multiple
              size={Math.min(6, d.others.length)}
              aria-describedby="partnerIds-error"
            >
              {d.others.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <label className="check">
          <span>
            <input
              type="checkbox"
              name="completed"
              defaultChecked={result ? value("completed") === "on" : true}
            />{" "}
            Completed (an innovation counts once completed)
          </span>
        </label>
        <button type="submit">Log activity</button>
      </Form>

      <h2>Logged so far</h2>
      {d.activities.length === 0 ? (
        <p>Nothing logged yet.</p>
      ) : (
        <ul aria-label="Activities">
          {d.activities.map((a) => (
            <li key={a.id}>
              {a.occurredOn} · {words(a.kind)} · {a.title}
              {a.completed ? "" : " (under way)"}
              {a.by ? ` · logged by ${a.by}` : ""}
              {a.partners.length > 1 ? ` · with ${a.partners.join(", ")}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
