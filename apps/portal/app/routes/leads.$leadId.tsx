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
  changeLeadStatus,
  getLead,
  LEAD_TRANSITIONS,
  listLeadEvents,
  programToday,
  type LeadChange,
} from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import {
  notFound,
  requireMember,
  requireOwnerStaff,
} from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
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
      amount: moneyField(currencyDigits, "12500 or 12,500.00"),
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
  const history = await listLeadEvents(db, {
    programId: member.program.id,
    leadId: lead.id,
  });
  const money = (v: bigint | null) =>
    v === null ? null : formatMoney(v, member.program);
  return {
    canDecide: member.isOwnerSide,
    next: LEAD_TRANSITIONS[lead.status],
    today: programToday(member.program),
    lead: {
      id: lead.id,
      company: lead.company ?? "(no company)",
      contactName: lead.contactName,
      contactEmail: lead.contactEmail,
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
      by: event.actorName ?? "system",
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such lead.");
  const form = parseForm(
    await readForm(request),
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

export default function LeadPage() {
  const { lead, history, canDecide, next, today } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <section>
      <h1>{lead.company}</h1>
      <dl className="facts">
        <dt>Partner</dt>
        <dd>{lead.partnerName}</dd>
        <dt>Status</dt>
        <dd>{lead.status}</dd>
        <dt>Registered</dt>
        <dd>{lead.registeredOn}</dd>
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

      {canDecide && next.length > 0 ? (
        <section aria-labelledby="decide">
          <h2 id="decide">Decide</h2>
          <FormError errors={errors} />
          {next.includes("accepted") ? (
            <Form method="post" className="inline">
              <input type="hidden" name="intent" value="accept" />
              <Field
                idPrefix="accept-"
                label="Note (optional)"
                name="reason"
                errors={undefined}
              />
              <button type="submit">Accept</button>
            </Form>
          ) : null}
          {next.includes("rejected") ? (
            <Form method="post" className="inline">
              <input type="hidden" name="intent" value="reject" />
              <Field
                idPrefix="reject-"
                label="Reason for rejecting"
                name="reason"
                errors={
                  result?.values?.intent === "reject" ? errors : undefined
                }
              />
              <button type="submit">Reject</button>
            </Form>
          ) : null}
          {next.includes("won") ? (
            <Form method="post" className="inline">
              <input type="hidden" name="intent" value="win" />
              <Field
                idPrefix="win-"
                label="Amount won"
                name="amount"
                inputMode="decimal"
                errors={result?.values?.intent === "win" ? errors : undefined}
              />
              <Field
                idPrefix="win-"
                label="Won on"
                name="closedOn"
                type="date"
                defaultValue={today}
                max={today}
                errors={result?.values?.intent === "win" ? errors : undefined}
              />
              <button type="submit">Mark won</button>
            </Form>
          ) : null}
          {next.includes("lost") ? (
            <Form method="post" className="inline">
              <input type="hidden" name="intent" value="lose" />
              <Field
                idPrefix="lose-"
                label="Lost on"
                name="closedOn"
                type="date"
                defaultValue={today}
                max={today}
                errors={result?.values?.intent === "lose" ? errors : undefined}
              />
              <Field
                idPrefix="lose-"
                label="Reason (optional)"
                name="reason"
                errors={undefined}
              />
              <button type="submit">Mark lost</button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <ol className="history">
          {history.map((event) => (
            <li key={event.id}>
              <strong>
                {event.from ? `${event.from} → ${event.to}` : event.to}
              </strong>{" "}
              on {event.on} by {event.by}
              {event.amount ? ` · ${event.amount}` : ""}
              {event.reason ? ` · ${event.reason}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
