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
  addActionItem,
  addReviewNote,
  agreeToReview,
  closeReview,
  getReview,
  partnershipPeople,
  setActionItemDone,
  type ReviewError,
} from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { StatusBadge } from "~/components/status-badge.js";
import {
  canSeePartner,
  forbidden,
  notFound,
  requireMember,
  type Member,
} from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import {
  dayField,
  parseForm,
  readForm,
  requiredLine,
  requiredText,
} from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";
import { frozenScorecard } from "~/lib/review-views.server.js";

const paramsSchema = z.object({ reviewId: z.coerce.number().int().positive() });
const id = z.coerce.number().int().positive();

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("note"),
    body: requiredText("The text", 4000),
  }),
  z.object({
    intent: z.literal("item"),
    title: requiredLine("What is to be done", 300),
    ownerId: z.coerce
      .number({ error: "Choose who does it." })
      .int()
      .positive("Choose who does it."),
    dueOn: dayField,
  }),
  z.object({ intent: z.enum(["done", "undone"]), itemId: id }),
  z.object({ intent: z.enum(["agree", "close"]) }),
]);

/** The review, if this member may see it; a 404 otherwise. */
async function reviewFor(member: Member, params: unknown) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such review.");
  const review = await getReview(await getDb(), {
    programId: member.program.id,
    reviewId: parsed.data.reviewId,
  });
  if (!review || !canSeePartner(member, review.partnerId)) {
    throw notFound("No such review.");
  }
  return review;
}

const STATUS_OF: Record<ReviewError, number> = {
  not_found: 404,
  not_allowed: 403,
  closed: 409,
  already_open: 409,
  bad_owner: 400,
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Review for ${data?.review.periodLabel ?? ""} · Tandem` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const review = await reviewFor(member, params);

  const people = member.isOwnerSide
    ? await partnershipPeople(await getDb(), {
        programId: member.program.id,
        partnerId: review.partnerId,
      })
    : [];
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return {
    review: {
      id: review.id,
      partnerId: review.partnerId,
      partnerName: review.snapshot.partner.name,
      periodLabel: review.periodLabel,
      status: review.status,
      openedBy: review.openedBy,
      openedOn: day(review.openedAt),
      agreedBy: review.agreedBy,
      agreedOn: day(review.agreedAt),
      closedBy: review.closedBy,
      closedOn: day(review.closedAt),
    },
    card: frozenScorecard(review.snapshot, member.program),
    notes: review.notes.map((n) => ({
      id: n.id,
      side: n.side,
      body: n.body,
      author: n.author,
      on: day(n.createdAt),
    })),
    items: review.items.map((i) => ({
      id: i.id,
      title: i.title,
      owner: i.owner,
      dueOn: i.dueOn,
      done: i.doneAt !== null,
    })),
    people: people.map((p) => ({
      id: p.id,
      name: p.partnerId === null ? `${p.name} (program)` : p.name,
    })),
    isOwnerSide: member.isOwnerSide,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const review = await reviewFor(member, params);
  const form = parseForm(await readForm(request), actionSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const db = await getDb();
  const input = form.data;
  const base = {
    programId: member.program.id,
    reviewId: review.id,
    actor: { userId: member.user.id, partnerId: member.partnerId },
  };
  if (input.intent === "item" && !member.isOwnerSide) {
    throw forbidden("Only the program's staff add action items.");
  }
  const result =
    input.intent === "note"
      ? await addReviewNote(db, { ...base, body: input.body })
      : input.intent === "item"
        ? await addActionItem(db, { ...base, ...input })
        : input.intent === "done" || input.intent === "undone"
          ? await setActionItemDone(db, {
              ...base,
              itemId: input.itemId,
              done: input.intent === "done",
            })
          : input.intent === "agree"
            ? await agreeToReview(db, base)
            : await closeReview(db, base);
  if (!result.ok) {
    const field = result.error === "bad_owner" ? "ownerId" : "form";
    return data(
      { errors: { [field]: [result.message] }, values: form.values },
      STATUS_OF[result.error],
    );
  }
  logger.info(
    { programId: member.program.id, reviewId: review.id, intent: input.intent },
    "Review changed",
  );
  return redirect(`/reviews/${review.id}`);
}

export default function Review() {
  const { review, card, notes, items, people, isOwnerSide } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const intent = result?.values?.intent;
  const errorsFor = (name: string) =>
    intent === name ? result?.errors : undefined;
  const open = review.status === "open";
  return (
    <section>
      <h1>
        Review of {review.partnerName} for {review.periodLabel}
      </h1>
      <p>
        <span data-testid="review-status">
          {open ? "Open" : `Closed on ${review.closedOn} by ${review.closedBy}`}
        </span>{" "}
        · opened on {review.openedOn} by {review.openedBy} ·{" "}
        <span data-testid="review-agreement">
          {review.agreedBy
            ? `Agreed by ${review.agreedBy} on ${review.agreedOn}`
            : "Not agreed by the partner yet"}
        </span>
      </p>
      <p>
        <Link to={`/partners/${review.partnerId}/reviews`}>All reviews</Link> ·{" "}
        <Link to={`/partners/${review.partnerId}/scorecard`}>
          Live scorecard
        </Link>
      </p>
      <FormError errors={result?.errors} />

      <section aria-labelledby="frozen">
        <h2 id="frozen">Scorecard for {card.periodLabel}, as frozen</h2>
        <p>Taken {card.takenAt}.</p>
        <p>
          Partnership score:{" "}
          <span className="score" data-testid="frozen-score">
            {card.score ?? "not enough data"}
          </span>
          {card.score !== null ? " / 100" : null}
        </p>
        {card.keyMetrics.length === 0 ? (
          <p>No key metrics were chosen.</p>
        ) : (
          <div className="table-wrap">
            <table aria-label="Key metrics">
              <thead>
                <tr>
                  <th>Key metric</th>
                  <th className="num">Value</th>
                  <th className="num">Target</th>
                  <th className="num">Attainment</th>
                  <th>Status</th>
                  <th>Change</th>
                </tr>
              </thead>
              <tbody>
                {card.keyMetrics.map((k) => (
                  <tr key={k.metricId}>
                    <th scope="row">{k.label}</th>
                    <td className="num" data-key-metric={k.metricId}>
                      {k.value}
                    </td>
                    <td className="num">{k.target ?? "none"}</td>
                    <td className="num">{k.attainment ?? "—"}</td>
                    <td>
                      <StatusBadge status={k.status} />
                    </td>
                    <td>{k.change}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="table-wrap">
          <table aria-label="Every metric">
            <thead>
              <tr>
                <th>Metric</th>
                <th className="num">{card.periodLabel}</th>
                <th className="num">{card.previousLabel}</th>
              </tr>
            </thead>
            <tbody>
              {card.metrics.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.label}</th>
                  <td className="num" data-metric={m.id}>
                    {m.value}
                  </td>
                  <td className="num">{m.previous}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="items">
        <h2 id="items">Action items</h2>
        {items.length === 0 ? (
          <p>No action items.</p>
        ) : (
          <ul aria-label="Action items">
            {items.map((i) => (
              <li key={i.id}>
                {i.done ? "✓ done: " : ""}
                {i.title} · {i.owner} · due {i.dueOn}
                {open ? (
                  <Form method="post" className="inline">
                    <input
                      type="hidden"
                      name="intent"
                      value={i.done ? "undone" : "done"}
                    />
                    <input type="hidden" name="itemId" value={i.id} />
                    <button type="submit">
                      {i.done ? "Mark not done" : "Mark done"}: {i.title}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {open && isOwnerSide ? (
          <Form method="post" className="stack" noValidate>
            <h3>Add an action item</h3>
            <input type="hidden" name="intent" value="item" />
            <Field
              idPrefix="item-"
              label="What is to be done"
              name="title"
              defaultValue={intent === "item" ? result?.values?.title : ""}
              errors={errorsFor("item")}
            />
            <Field
              idPrefix="item-"
              label="Owner"
              name="ownerId"
              errors={errorsFor("item")}
            >
              <select
                name="ownerId"
                defaultValue={intent === "item" ? result?.values?.ownerId : ""}
                aria-describedby="item-ownerId-error"
              >
                <option value="">Choose…</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              idPrefix="item-"
              label="Due"
              name="dueOn"
              type="date"
              defaultValue={intent === "item" ? result?.values?.dueOn : ""}
              errors={errorsFor("item")}
            />
            <button type="submit">Add action item</button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="notes">
        <h2 id="notes">Notes and comments</h2>
        {notes.length === 0 ? (
          <p>Nothing written yet.</p>
        ) : (
          <ul aria-label="Notes and comments">
            {notes.map((n) => (
              <li key={n.id}>
                {n.on} · {n.author} (
                {n.side === "owner" ? "program" : "partner"}
                ): {n.body}
              </li>
            ))}
          </ul>
        )}
        {open ? (
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="note" />
            <Field
              idPrefix="note-"
              label={isOwnerSide ? "Note" : "Comment"}
              name="body"
              errors={errorsFor("note")}
            >
              <textarea
                name="body"
                rows={3}
                defaultValue={intent === "note" ? result?.values?.body : ""}
                aria-describedby="note-body-error"
              />
            </Field>
            <button type="submit">
              {isOwnerSide ? "Add note" : "Add comment"}
            </button>
          </Form>
        ) : null}
      </section>

      {open ? (
        <section aria-labelledby="decide">
          <h2 id="decide">{isOwnerSide ? "Close" : "Agree"}</h2>
          <Form method="post">
            {isOwnerSide ? (
              <>
                <input type="hidden" name="intent" value="close" />
                <p>A closed review can no longer change.</p>
                <button type="submit">Close review</button>
              </>
            ) : review.agreedBy ? (
              <p>Your side has agreed to this review.</p>
            ) : (
              <>
                <input type="hidden" name="intent" value="agree" />
                <button type="submit">Agree to this review</button>
              </>
            )}
          </Form>
        </section>
      ) : null}
    </section>
  );
}
