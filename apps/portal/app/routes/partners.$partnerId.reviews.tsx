import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { listReviews, openReview } from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { requireMember, requireOwnerStaff } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm } from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";
import { requireVisiblePartner } from "~/lib/partner-route.server.js";
import {
  periodFromForm,
  reviewPeriodSchema,
} from "~/lib/period-choice.server.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Reviews of ${data?.partner.name ?? "a partner"} · Tandem` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const partner = await requireVisiblePartner(member, params);

  const reviews = await listReviews(await getDb(), {
    programId: member.program.id,
    partnerId: partner.id,
  });
  return {
    partner: { id: partner.id, name: partner.name },
    canOpen: member.isOwnerSide,
    reviews: reviews.map((r) => ({
      id: r.id,
      periodLabel: r.periodLabel,
      status: r.status,
      openedOn: r.openedAt.toISOString().slice(0, 10),
      agreed: r.agreedAt !== null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const partner = await requireVisiblePartner(member, params);
  const form = parseForm(await readForm(request), reviewPeriodSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const period = periodFromForm(member.program, form.data);
  if (!period.ok) {
    // A range's reason goes beside its days, a named period's beside it.
    const field =
      form.data.from || form.data.to || form.data.kind === "custom"
        ? "from"
        : "at";
    return data(
      { errors: { [field]: [period.message] }, values: form.values },
      400,
    );
  }
  const opened = await openReview(await getDb(), {
    programId: member.program.id,
    partnerId: partner.id,
    period: period.value,
    actorId: member.user.id,
  });
  if (!opened.ok) {
    const status = opened.error === "already_open" ? 409 : 404;
    return data(
      { errors: { form: [opened.message] }, values: form.values },
      status,
    );
  }
  logger.info(
    { programId: member.program.id, reviewId: opened.value.id },
    "Review opened",
  );
  return redirect(`/reviews/${opened.value.id}`);
}

export default function PartnerReviews() {
  const { partner, canOpen, reviews } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const value = (name: string) => result?.values?.[name];
  return (
    <section>
      <h1>Reviews of {partner.name}</h1>
      <p>
        <Link to={`/partners/${partner.id}/scorecard`}>Scorecard</Link> ·{" "}
        <Link to={`/partners/${partner.id}/activities`}>Activities</Link>
      </p>
      {reviews.length === 0 ? (
        <p>No reviews yet.</p>
      ) : (
        <ul aria-label="Reviews">
          {reviews.map((r) => (
            <li key={r.id}>
              <Link to={`/reviews/${r.id}`}>Review for {r.periodLabel}</Link> ·{" "}
              {r.status} · opened {r.openedOn}
              {r.agreed ? " · agreed by the partner" : ""}
            </li>
          ))}
        </ul>
      )}
      {canOpen ? (
        <Form method="post" className="stack" noValidate>
          <h2>Open a review</h2>
          <p>
            Opening freezes the scorecard of the period as it stands now; both
            sides see that snapshot, whatever changes later.
          </p>
          <FormError errors={errors} />
          <Field label="Period" name="kind" errors={errors}>
            <select
              name="kind"
              defaultValue={value("kind") ?? "quarter"}
              aria-describedby="kind-error"
            >
              <option value="month">Month</option>
              <option value="quarter">Quarter</option>
              <option value="year">Year</option>
              <option value="custom">Custom range (below)</option>
            </select>
          </Field>
          <Field
            label="Which (2017-03, 2017-Q1 or 2017; empty for the current one)"
            name="at"
            defaultValue={value("at")}
            errors={errors}
          />
          <Field
            label="or from"
            name="from"
            type="date"
            defaultValue={value("from")}
            errors={errors}
          />
          <Field
            label="to (included)"
            name="to"
            type="date"
            defaultValue={value("to")}
            errors={errors}
          />
          <button type="submit">Open review</button>
        </Form>
      ) : null}
    </section>
  );
}
