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
  getPartner,
  getPartnerScorecard,
  getRatingStatus,
  listKeyMetrics,
  listRatings,
  rateRelationship,
  scoreRows,
} from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { PeriodPicker } from "~/components/period-picker.js";
import { useLiveReload } from "~/components/use-live-reload.js";
import {
  canSeePartner,
  notFound,
  requireMember,
  type Member,
} from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm, text } from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";
import { keyMetricViews } from "~/lib/key-metrics.server.js";
import { periodFromUrl, toMetricViews } from "~/lib/scorecard.server.js";
import { KeyMetrics } from "~/components/key-metrics.js";

const paramsSchema = z.object({
  partnerId: z.coerce.number().int().positive(),
});

/** An optional 1-5 score of one side of the relationship. */
const dimension = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine(
    (v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 5),
    "Choose 1 to 5, or leave it empty.",
  );

const ratingSchema = z.object({
  score: z
    .string({ error: "Choose a score from 0 to 10." })
    .trim()
    .regex(/^\d{1,2}$/, "Choose a whole number from 0 to 10.")
    .transform(Number)
    .refine((n) => n <= 10, "Choose a score from 0 to 10."),
  comment: text(2000).transform((v) => v ?? null),
  communication: dimension,
  trust: dimension,
  value: dimension,
  support: dimension,
});

/** The partner, if this member may see it; a 404 otherwise. */
async function partnerFor(member: Member, params: unknown) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success || !canSeePartner(member, parsed.data.partnerId)) {
    throw notFound("No such partner.");
  }
  const partner = await getPartner(await getDb(), {
    programId: member.program.id,
    partnerId: parsed.data.partnerId,
  });
  if (!partner) throw notFound("No such partner.");
  return partner;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.partner.name ?? "Scorecard"} · Tandem` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const partner = await partnerFor(member, params);
  const url = new URL(request.url);
  const { period, error: periodError } = periodFromUrl(member.program, url);

  const db = await getDb();
  const owner = { programId: member.program.id, partnerId: partner.id };
  const [card, ratings, keyRows, due] = await Promise.all([
    getPartnerScorecard(db, { program: member.program, partner, period }),
    listRatings(db, owner),
    listKeyMetrics(db, { ...owner, period }),
    getRatingStatus(db, { program: member.program, partnerId: partner.id }),
  ]);
  const key = keyMetricViews(
    scoreRows(card.series, keyRows),
    card.periods,
    member.program,
  );
  return data(
    {
      periodError,
      score: key.score,
      keyMetrics: key.keyMetrics,
      canSteer: member.isOwnerSide,
      partner: { id: partner.id, name: partner.name },
      period: card.period,
      previous: card.previous,
      at: url.searchParams.get("at") ?? "",
      metrics: toMetricViews(card.metrics, member.program),
      side: member.isOwnerSide ? "owner" : "partner",
      due: due && {
        periodLabel: due.period.label,
        owner: due.sides.owner.ratedOn,
        partner: due.sides.partner.ratedOn,
      },
      ratings: ratings.map((r) => ({
        id: r.id,
        side: r.side,
        score: r.score,
        comment: r.comment,
        ratedOn: r.ratedOn,
        by: r.userName,
        dimensions: (["communication", "trust", "value", "support"] as const)
          .filter((name) => r[name] !== null)
          .map((name) => `${name} ${r[name]}/5`)
          .join(", "),
      })),
    },
    { status: periodError ? 400 : 200 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const partner = await partnerFor(member, params);
  const form = parseForm(await readForm(request), ratingSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const rated = await rateRelationship(await getDb(), {
    programId: member.program.id,
    partnerId: partner.id,
    side: member.isOwnerSide ? "owner" : "partner",
    userId: member.user.id,
    score: form.data.score,
    comment: form.data.comment,
    dimensions: {
      communication: form.data.communication,
      trust: form.data.trust,
      value: form.data.value,
      support: form.data.support,
    },
  });
  if (!rated.ok) throw notFound("No such partner.");
  logger.info(
    { programId: member.program.id, partnerId: partner.id },
    "Relationship rated",
  );
  const url = new URL(request.url);
  return redirect(`${url.pathname}${url.search}#ratings`);
}

export default function Scorecard() {
  const {
    periodError,
    score,
    keyMetrics,
    canSteer,
    partner,
    period,
    previous,
    at,
    metrics,
    ratings,
    side,
    due,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useLiveReload(`/live/partners/${partner.id}`);
  return (
    <section>
      <h1>
        {partner.name}: scorecard for {period.label}
      </h1>
      <p>
        <Link to={`/partners/${partner.id}/activities`}>Activities</Link> ·{" "}
        <Link to={`/partners/${partner.id}/reviews`}>Reviews</Link> ·{" "}
        <a href="#ratings">Ratings</a>
      </p>
      <PeriodPicker kind={period.kind} at={at} error={periodError} />
      <KeyMetrics
        score={score}
        keyMetrics={keyMetrics}
        steerLink={
          canSteer
            ? `/partners/${partner.id}/objectives?kind=${period.kind}&at=${period.key}`
            : null
        }
      />
      <h2>Every metric</h2>
      <div className="cards" aria-label="Metrics">
        {metrics.map((m) => (
          <article key={m.id} className="card" aria-labelledby={`m-${m.id}`}>
            <h2 id={`m-${m.id}`}>{m.label}</h2>
            <p className="value" data-metric={m.id}>
              {m.value}
            </p>
            <p className="prev">
              {previous.label}: {m.previous}
            </p>
            <p className="desc">{m.description}</p>
          </article>
        ))}
      </div>

      <section id="ratings" aria-labelledby="rate">
        <h2 id="rate">Rate the relationship</h2>
        <p>
          You rate as the {side === "owner" ? "program's staff" : "partner"}.
          The partner side&apos;s ratings make the satisfaction score.
        </p>
        {due ? (
          <ul aria-label="Ratings due" data-testid="ratings-due">
            {(["owner", "partner"] as const).map((s) => (
              <li key={s}>
                {s === "owner" ? "Program's staff" : "Partner"} for{" "}
                {due.periodLabel}:{" "}
                {due[s] ? `rated on ${due[s]}` : <strong>due</strong>}
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" className="stack" noValidate>
          <FormError errors={result?.errors} />
          <Field
            label="Score (0 = poor, 10 = excellent)"
            name="score"
            type="number"
            min={0}
            max={10}
            step={1}
            defaultValue={result?.values?.score}
            errors={result?.errors}
          />
          <fieldset>
            <legend>Optional: 1 (poor) to 5 (excellent)</legend>
            {(["communication", "trust", "value", "support"] as const).map(
              (name) => (
                <Field
                  key={name}
                  label={`${name[0]!.toUpperCase()}${name.slice(1)}`}
                  name={name}
                  errors={result?.errors}
                >
                  <select
                    name={name}
                    defaultValue={result?.values?.[name] ?? ""}
                    aria-describedby={`${name}-error`}
                  >
                    <option value="">—</option>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </Field>
              ),
            )}
          </fieldset>
          <Field label="Comment" name="comment" errors={result?.errors}>
            <textarea
              name="comment"
              rows={3}
              defaultValue={result?.values?.comment}
              aria-describedby="comment-error"
            />
          </Field>
          <button type="submit">Send rating</button>
        </Form>
        <h3>Both sides&apos; ratings</h3>
        {ratings.length === 0 ? (
          <p>No ratings yet.</p>
        ) : (
          <ul>
            {ratings.map((r) => (
              <li key={r.id}>
                {r.ratedOn} · {r.side === "owner" ? "program" : "partner"} ·{" "}
                {r.by}: <strong>{r.score}/10</strong>
                {r.dimensions ? ` · ${r.dimensions}` : ""}
                {r.comment ? ` · ${r.comment}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
