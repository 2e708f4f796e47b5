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
  addLeadComment,
  changeLeadStatus,
  getLead,
  getRegistrationCheck,
  listLaterConflicts,
  LEAD_TRANSITIONS,
  listLeadComments,
  listLeadEvents,
  programToday,
  protectionDaysLeft,
  SYSTEM_TRANSITIONS,
  WAITING_STATUSES,
  type LeadChange,
} from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import {
  notFound,
  requireMember,
  requireOwnerStaff,
  type Member,
} from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { formatInstant } from "~/lib/instants.server.js";
import {
  moneyField,
  parseForm,
  pastDayField,
  readForm,
  requiredText,
  text,
} from "~/lib/forms.server.js";
import { formatMoney } from "~/lib/format.js";
import { logger } from "~/lib/logger.server.js";
import { sentForm } from "~/lib/sent-form.js";

const commentSchema = z.object({
  intent: z.literal("comment"),
  body: requiredText("A comment", 5000),
});

function changeSchema(currencyDigits: number, today: string) {
  const notAfterToday = pastDayField(today);
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("accept"), reason: text(2000) }),
    z.object({
      intent: z.literal("reject"),
      reason: requiredText("A reason", 2000),
    }),
    z.object({
      intent: z.literal("win"),
      amount: moneyField(currencyDigits, "12500 or 12,500.00").refine(
        (minor) => minor > 0n,
        "A won deal brings in more than 0; mark it lost if nothing was won.",
      ),
      closedOn: notAfterToday,
      reason: text(2000),
    }),
    z.object({
      intent: z.literal("lose"),
      closedOn: notAfterToday,
      reason: text(2000),
    }),
  ]);
}

const paramsSchema = z.object({ leadId: z.coerce.number().int().positive() });

/** How many days, in words, with the last day named. */
function countdown(daysLeft: number, until: string): string {
  if (daysLeft === 0) return `Last protected day today (${until})`;
  return `${daysLeft} day${daysLeft === 1 ? "" : "s"} left (through ${until})`;
}

export const meta: MetaFunction = () => [{ title: "Lead · Tandem" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such lead.");

  const db = await getDb();
  const lead = await getLead(db, {
    programId: member.program.id,
    leadId: parsed.data.leadId,
    partnerId: member.partnerId,
  });
  if (!lead) throw notFound("No such lead.");
  const scope = { programId: member.program.id, leadId: lead.id };
  const waiting = WAITING_STATUSES.includes(lead.status);
  const [history, comments, check, laterConflicts] = await Promise.all([
    listLeadEvents(db, scope),
    listLeadComments(db, scope),
    waiting ? getRegistrationCheck(db, scope) : null,
    member.isOwnerSide ? listLaterConflicts(db, scope) : [],
  ]);
  const money = (v: bigint | null) =>
    v === null ? null : formatMoney(v, member.program);
  const today = programToday(member.program);
  const daysLeft = protectionDaysLeft(lead, today);
  return {
    canDecide: member.isOwnerSide,
    next: LEAD_TRANSITIONS[lead.status].filter(
      (s) => !SYSTEM_TRANSITIONS.includes(s),
    ),
    today,
    check:
      check && lead.source !== "import"
        ? {
            reviewReason: check.reviewReason,
            duplicates: check.duplicates.map((d) => ({
              id: d.id,
              company: d.company ?? "(no company)",
            })),
          }
        : null,
    protection:
      daysLeft === null ? null : countdown(daysLeft, lead.protectedUntil!),
    laterConflicts,
    timeZone: member.program.timeZone,
    comments: comments.map((c) => ({
      id: c.id,
      body: c.body,
      by: c.authorName,
      at: c.createdAt.toISOString(),
      shown: formatInstant(c.createdAt, member.program.timeZone),
    })),
    lead: {
      id: lead.id,
      company: lead.company ?? "(no company)",
      contactName: lead.contactName,
      contactEmail: lead.contactEmail,
      companyDomain: lead.companyDomain,
      partnerName: lead.partnerName,
      status: lead.status,
      registeredOn: lead.registeredOn,
      closedOn: lead.closedOn,
      estimatedValue: money(lead.estimatedValueMinor),
      wonAmount: money(lead.wonAmountMinor),
      notes: lead.notes,
      externalId: lead.externalId,
    },
    history: history.map((event) => ({
      id: event.id,
      from: event.fromStatus,
      to: event.toStatus,
      reason: event.reason,
      amount: money(event.amountMinor),
      on: event.effectiveOn,
      at: event.createdAt.toISOString(),
      shown: formatInstant(event.createdAt, member.program.timeZone),
      by: event.actorName ?? "system",
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such lead.");
  const formData = await readForm(request);
  if (formData.get("intent") === "comment") {
    return comment(member, parsed.data.leadId, formData);
  }
  await requireOwnerStaff(request);
  const form = parseForm(
    formData,
    changeSchema(member.program.currencyDigits, programToday(member.program)),
  );
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const input = form.data;
  const reason = input.reason ?? null;
  const change: LeadChange =
    input.intent === "accept"
      ? { to: "accepted", reason }
      : input.intent === "reject"
        ? { to: "rejected", reason: input.reason }
        : input.intent === "win"
          ? {
              to: "won",
              amountMinor: input.amount,
              closedOn: input.closedOn,
              reason,
            }
          : { to: "lost", closedOn: input.closedOn, reason };
  const result = await changeLeadStatus(await getDb(), {
    programId: member.program.id,
    leadId: parsed.data.leadId,
    actorId: member.user.id,
    change,
  });
  if (!result.ok) {
    if (result.error === "not_found") throw notFound("No such lead.");
    if (result.error === "before_registration") {
      return data(
        { errors: { closedOn: [result.message] }, values: form.values },
        400,
      );
    }
    return data(
      { errors: { form: [result.message] }, values: form.values },
      409,
    );
  }
  logger.info(
    {
      programId: member.program.id,
      leadId: result.value.id,
      status: change.to,
    },
    "Lead status changed",
  );
  return redirect(`/leads/${result.value.id}`);
}

/** Both sides comment; a partner only on its own leads. */
async function comment(member: Member, leadId: number, formData: FormData) {
  const form = parseForm(formData, commentSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);
  const result = await addLeadComment(await getDb(), {
    programId: member.program.id,
    leadId,
    partnerId: member.partnerId,
    authorId: member.user.id,
    body: form.data.body,
  });
  if (!result.ok) throw notFound("No such lead.");
  logger.info(
    { programId: member.program.id, leadId, commentId: result.value.id },
    "Lead comment added",
  );
  return redirect(`/leads/${leadId}#comments`);
}

export default function LeadPage() {
  const {
    lead,
    history,
    comments,
    canDecide,
    next,
    today,
    check,
    protection,
    laterConflicts,
    timeZone,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const accept = sentForm(result, "accept");
  const reject = sentForm(result, "reject");
  const win = sentForm(result, "win");
  const lose = sentForm(result, "lose");
  const comment = sentForm(result, "comment");
  // A refusal of a move no longer open (409) names no field; it is
  // shown whether or not the page still offers that move.
  const moveError = [accept, reject, win, lose].find((f) => f.errors?.form);
  return (
    <section>
      <h1>{lead.company}</h1>
      {check ? (
        <div className="notice" role="status">
          {lead.status === "under_review" ? (
            <p>
              <strong>Under review.</strong> {check.reviewReason} The
              program&apos;s staff decide which registration is accepted.
              {canDecide ? (
                <>
                  {" "}
                  <Link to={`/leads/${lead.id}/conflict`}>
                    Compare the registrations and decide
                  </Link>
                </>
              ) : null}
            </p>
          ) : check.duplicates.length > 0 ? (
            <p>
              <strong>Possible duplicate</strong> of{" "}
              {canDecide ? "this partner's" : "your"} lead{" "}
              {check.duplicates.map((d, i) => (
                <span key={d.id}>
                  {i > 0 ? ", " : ""}
                  <Link to={`/leads/${d.id}`}>{d.company}</Link>
                </span>
              ))}
              ; registered as confirmed by the partner.
            </p>
          ) : (
            <p>
              <strong>New lead.</strong> No other registration or customer
              matched when it was registered.
            </p>
          )}
        </div>
      ) : null}
      {laterConflicts.length > 0 ? (
        <div className="notice" role="status">
          <p>
            <strong>Contested.</strong> A later registration of this company by
            another partner is under review:{" "}
            {laterConflicts.map((c, i) => (
              <span key={c.id}>
                {i > 0 ? ", " : ""}
                <Link to={`/leads/${c.id}/conflict`}>
                  lead {c.id} of {c.partnerName}
                </Link>
              </span>
            ))}
            . Deciding it settles both.
          </p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>Partner</dt>
        <dd>{lead.partnerName}</dd>
        <dt>Status</dt>
        <dd>{lead.status.replace("_", " ")}</dd>
        {protection ? (
          <>
            <dt>Protection</dt>
            <dd>{protection}</dd>
          </>
        ) : null}
        <dt>Registered</dt>
        <dd>{lead.registeredOn}</dd>
        {lead.companyDomain ? (
          <>
            <dt>Website</dt>
            <dd>{lead.companyDomain}</dd>
          </>
        ) : null}
        {lead.contactName ? (
          <>
            <dt>Contact</dt>
            <dd>
              {lead.contactName}
              {lead.contactEmail ? ` <${lead.contactEmail}>` : ""}
            </dd>
          </>
        ) : null}
        {lead.estimatedValue ? (
          <>
            <dt>Estimated value</dt>
            <dd>{lead.estimatedValue}</dd>
          </>
        ) : null}
        {lead.wonAmount ? (
          <>
            <dt>Won</dt>
            <dd>
              {lead.wonAmount} on {lead.closedOn}
            </dd>
          </>
        ) : null}
        {lead.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{lead.notes}</dd>
          </>
        ) : null}
      </dl>

      <FormError errors={moveError?.errors} />
      {canDecide && next.length > 0 && lead.status !== "under_review" ? (
        <section aria-labelledby="decide">
          <h2 id="decide">Decide</h2>
          <p>Reasons and notes you give here are shown to the partner.</p>
          {next.includes("accepted") ? (
            <Form key={accept.key} method="post" className="inline">
              <input type="hidden" name="intent" value="accept" />
              <Field
                idPrefix="accept-"
                label="Note (optional)"
                name="reason"
                hint="The partner sees this note."
                defaultValue={accept.values.reason}
                errors={accept.errors}
              />
              <button type="submit">
                {lead.status === "expired" ? "Accept again" : "Accept"}
              </button>
            </Form>
          ) : null}
          {next.includes("rejected") ? (
            <Form key={reject.key} method="post" className="inline">
              <input type="hidden" name="intent" value="reject" />
              <Field
                idPrefix="reject-"
                label="Reason for rejecting"
                name="reason"
                hint="The partner sees this reason."
                defaultValue={reject.values.reason}
                errors={reject.errors}
              />
              <button type="submit">Reject</button>
            </Form>
          ) : null}
          {next.includes("won") ? (
            <Form key={win.key} method="post" className="inline">
              <input type="hidden" name="intent" value="win" />
              <Field
                idPrefix="win-"
                label="Amount won"
                name="amount"
                inputMode="decimal"
                defaultValue={win.values.amount}
                errors={win.errors}
              />
              <Field
                idPrefix="win-"
                label="Won on"
                name="closedOn"
                type="date"
                defaultValue={win.values.closedOn ?? today}
                max={today}
                errors={win.errors}
              />

              <button type="submit">Mark won</button>
            </Form>
          ) : null}
          {next.includes("lost") ? (
            <Form key={lose.key} method="post" className="inline">
              <input type="hidden" name="intent" value="lose" />
              <Field
                idPrefix="lose-"
                label="Lost on"
                name="closedOn"
                type="date"
                defaultValue={lose.values.closedOn ?? today}
                max={today}
                errors={lose.errors}
              />
              <Field
                idPrefix="lose-"
                label="Reason (optional)"
                name="reason"
                hint="The partner sees this reason."
                defaultValue={lose.values.reason}
                errors={lose.errors}
              />
              <button type="submit">Mark lost</button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <p>Times in {timeZone}.</p>
        <ol className="history">
          {history.map((event) => (
            <li key={event.id}>
              <strong>
                {event.from
                  ? `${event.from.replace("_", " ")} → ${event.to.replace("_", " ")}`
                  : event.to.replace("_", " ")}
              </strong>{" "}
              on {event.on} by {event.by} (
              <time dateTime={event.at}>{event.shown}</time>)
              {event.amount ? ` · ${event.amount}` : ""}
              {event.reason ? ` · ${event.reason}` : ""}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="comments">
        <h2 id="comments">Comments</h2>
        <p>Comments are seen by the partner and by the program&apos;s staff.</p>
        {comments.length === 0 ? (
          <p>No comments yet.</p>
        ) : (
          <ol className="history">
            {comments.map((c) => (
              <li key={c.id}>
                <strong>{c.by}</strong>, <time dateTime={c.at}>{c.shown}</time>:{" "}
                {c.body}
              </li>
            ))}
          </ol>
        )}
        <Form key={comment.key} method="post" className="stack">
          <input type="hidden" name="intent" value="comment" />
          <FormError errors={comment.errors} />
          <Field label="Add a comment" name="body" errors={comment.errors}>
            <textarea
              name="body"
              rows={3}
              defaultValue={comment.values.body}
              aria-describedby="body-error"
            />
          </Field>
          <button type="submit">Post comment</button>
        </Form>
      </section>
    </section>
  );
}
