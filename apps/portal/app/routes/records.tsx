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
  findCustomer,
  importRevenueEvents,
  listPartners,
  programToday,
  recordActivity,
  recordCost,
  recordManualMeasure,
} from "@tandem/db";
import { ACTIVITY_KINDS, COST_KINDS, REVENUE_KINDS } from "@tandem/db/values";
import {
  getMetricDefinition,
  isManualMetricId,
  MANUAL_METRIC_IDS,
} from "@tandem/metrics";
import { Field, FormError } from "~/components/field.js";
import { requireOwnerStaff } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import {
  formList,
  moneyField,
  parseForm,
  pastDayField,
  readForm,
  requiredLine,
  text,
} from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";
import { sentForm } from "~/lib/sent-form.js";

const partnerId = z.coerce
  .number({ error: "Choose a partner." })
  .int()
  .positive("Choose a partner.");

/** A partner or none (""), for a measure or a direct customer. */
const optionalPartnerId = z
  .string()
  .regex(/^\d{0,15}$/, "Choose one of this program's partners.")
  .optional();

function actionSchema(digits: number, today: string) {
  const past = pastDayField(today);
  return z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("cost"),
      partnerId,
      kind: z.enum(COST_KINDS, { error: "Choose what the money was for." }),
      amount: moneyField(digits, "1250 or 1,250.00"),
      incurredOn: past,
      note: text(500),
    }),
    z.object({
      intent: z.literal("activity"),
      kind: z.enum(ACTIVITY_KINDS, { error: "Choose a kind of activity." }),
      title: requiredLine("A title", 200),
      occurredOn: past,
      completed: z.string().optional(),
    }),
    z.object({
      intent: z.literal("measure"),
      metricId: z.string().refine(isManualMetricId, "Choose a measure."),
      partnerId: optionalPartnerId,
      measuredOn: past,
      value: z
        .string()
        .trim()
        .regex(/^-?\d{1,12}(\.\d{1,6})?$/, "Enter a number such as 12 or 3.5.")
        .transform(Number),
    }),
    z.object({
      intent: z.literal("revenue"),
      customer: requiredLine("The customer", 200),
      partnerId: optionalPartnerId,
      kind: z.enum(REVENUE_KINDS, { error: "Choose a kind of revenue." }),
      // Typed as a positive amount whatever the kind; the kind gives the
      // sign, so a minus sign is refused rather than guessed at.
      amount: moneyField(digits, "1250 or 1,250.00"),
      occurredOn: past,
    }),
  ]);
}

export const meta: MetaFunction = () => [{ title: "Record · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const partners = await listPartners(await getDb(), {
    programId: member.program.id,
  });
  return {
    today: programToday(member.program),
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
    measures: MANUAL_METRIC_IDS.map((id) => ({
      id,
      name: getMetricDefinition(id).name,
      unit: getMetricDefinition(id).unit,
    })),
    recorded: new URL(request.url).searchParams.get("recorded"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const formData = await readForm(request);
  const today = programToday(member.program);
  const form = parseForm(
    formData,
    actionSchema(member.program.currencyDigits, today),
  );
  // A multiple select sends many values; they come back on their own.
  const refuse = (errors: Record<string, string[] | undefined>) =>
    data(
      {
        errors,
        values: form.values,
        partnerIds: formList(formData, "partnerIds"),
      },
      400,
    );
  if (!form.ok) return refuse(form.errors);

  const db = await getDb();
  const programId = member.program.id;
  const createdBy = member.user.id;
  const input = form.data;
  const optionalPartner = (v: string | undefined) => (v ? Number(v) : null);
  let result;
  if (input.intent === "cost") {
    const { amount, intent: _i, note, ...rest } = input;
    result = await recordCost(db, {
      ...rest,
      programId,
      amountMinor: amount,
      note: note ?? null,
      createdBy,
    });
  } else if (input.intent === "activity") {
    const partnerIds = formList(formData, "partnerIds")
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    result = await recordActivity(db, {
      programId,
      kind: input.kind,
      title: input.title,
      occurredOn: input.occurredOn,
      completed: input.completed === "on",
      partnerIds,
      createdBy,
    });
  } else if (input.intent === "measure") {
    if (!isManualMetricId(input.metricId)) throw new Error("checked above");
    result = await recordManualMeasure(db, {
      programId,
      partnerId: optionalPartner(input.partnerId),
      metricId: input.metricId,
      measuredOn: input.measuredOn,
      value: input.value,
      createdBy,
    });
  } else {
    const partnerId = optionalPartner(input.partnerId);
    const known = await findCustomer(db, {
      programId,
      partnerId,
      name: input.customer,
    });
    // Expansion, renewal and contraction are of a customer already won;
    // on a name not yet a customer they would quietly make a new one,
    // and before its first day they would move its start back.
    if (input.kind !== "new") {
      if (known === null) {
        return refuse({
          customer: [
            `${input.customer} is not yet a ${partnerId === null ? "direct customer" : "customer through this partner"}: record its first revenue as new.`,
          ],
        });
      }
      if (input.occurredOn < known.acquiredOn) {
        return refuse({
          occurredOn: [
            `${known.name} became a customer on ${known.acquiredOn}; ${input.kind} revenue comes on that day or later.`,
          ],
        });
      }
    }
    const signed = input.kind === "contraction" ? -input.amount : input.amount;
    result = await importRevenueEvents(db, {
      programId,
      actorId: createdBy,
      source: "the records form",
      rows: [
        {
          customer: known?.name ?? input.customer,
          partnerId,
          occurredOn: input.occurredOn,
          amountMinor: signed,
          kind: input.kind,
        },
      ],
    });
  }
  if (!result.ok) {
    const partnerField =
      input.intent === "activity" ? "partnerIds" : "partnerId";
    switch (result.error) {
      case "bad_value":
        return refuse({ value: [result.message] });
      case "bad_amount":
        return refuse({ amount: [result.message] });
      case "no_partner":
        return refuse({ [partnerField]: [result.message] });
      default:
        // An id from an old page or a hand-made form; the list holds the
        // program's partners, and nothing says whose the id was.
        return refuse({
          [partnerField]: ["Choose one of this program's partners."],
        });
    }
  }
  logger.info({ programId, kind: input.intent }, "Fact recorded");
  return redirect(`/records?recorded=${input.intent}`);
}

function PartnerSelect({
  name,
  optional,
  partners,
  errors,
  prefix,
  defaultValue,
}: {
  name: string;
  optional?: string;
  partners: { id: number; name: string }[];
  errors: Record<string, string[] | undefined> | undefined;
  prefix: string;
  defaultValue: string | undefined;
}) {
  return (
    <Field idPrefix={prefix} label="Partner" name={name} errors={errors}>
      <select
        name={name}
        defaultValue={defaultValue}
        aria-describedby={`${prefix}${name}-error`}
      >
        <option value="">{optional ?? "Choose…"}</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

export default function Records() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const cost = sentForm(result, "cost");
  const activity = sentForm(result, "activity");
  const measure = sentForm(result, "measure");
  const revenue = sentForm(result, "revenue");
  const chosen = activity.sent && result ? result.partnerIds : undefined;
  return (
    <section>
      <h1>Record what happened</h1>
      {d.recorded ? (
        <p className="notice" role="status">
          Recorded. The scorecards include it now.
        </p>
      ) : null}
      <p>
        Many revenue events at once?{" "}
        <Link to="/imports/revenue">Import a CSV</Link>.
      </p>

      <Form key={cost.key} method="post" className="stack" noValidate>
        <h2>A cost</h2>
        <FormError errors={cost.errors} />
        <input type="hidden" name="intent" value="cost" />
        <PartnerSelect
          name="partnerId"
          partners={d.partners}
          errors={cost.errors}
          prefix="cost-"
          defaultValue={cost.values.partnerId}
        />
        <Field idPrefix="cost-" label="For" name="kind" errors={cost.errors}>
          <select
            name="kind"
            defaultValue={cost.values.kind}
            aria-describedby="cost-kind-error"
          >
            {COST_KINDS.map((k) => (
              <option key={k} value={k}>
                {k.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </Field>
        <Field
          idPrefix="cost-"
          label="Amount"
          name="amount"
          defaultValue={cost.values.amount}
          inputMode="decimal"
          errors={cost.errors}
        />
        <Field
          idPrefix="cost-"
          label="Day"
          name="incurredOn"
          type="date"
          defaultValue={cost.values.incurredOn ?? d.today}
          max={d.today}
          errors={cost.errors}
        />
        <Field
          idPrefix="cost-"
          label="Note (optional)"
          name="note"
          defaultValue={cost.values.note}
          errors={cost.errors}
        />
        <button type="submit">Record cost</button>
      </Form>

      <Form key={activity.key} method="post" className="stack" noValidate>
        <h2>An activity or a communication</h2>
        <FormError errors={activity.errors} />
        <input type="hidden" name="intent" value="activity" />
        <Field
          idPrefix="activity-"
          label="Kind"
          name="kind"
          errors={activity.errors}
        >
          <select
            name="kind"
            defaultValue={activity.values.kind}
            aria-describedby="activity-kind-error"
          >
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {k.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </Field>
        <Field
          idPrefix="activity-"
          label="Title"
          name="title"
          defaultValue={activity.values.title}
          errors={activity.errors}
        />
        <Field
          idPrefix="activity-"
          label="Day"
          name="occurredOn"
          type="date"
          defaultValue={activity.values.occurredOn ?? d.today}
          max={d.today}
          errors={activity.errors}
        />
        <Field
          idPrefix="activity-"
          label="Partners involved"
          name="partnerIds"
          errors={activity.errors}
        >
          <select
            name="partnerIds"
            multiple
            defaultValue={chosen}
            size={6}
            aria-describedby="activity-partnerIds-error"
          >
            {d.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <label className="check">
          <span>
            <input
              type="checkbox"
              name="completed"
              defaultChecked={
                !activity.sent || activity.values.completed === "on"
              }
            />{" "}
            Completed (an innovation counts once completed)
          </span>
        </label>
        <button type="submit">Record activity</button>
      </Form>

      <Form key={measure.key} method="post" className="stack" noValidate>
        <h2>A manual measure</h2>
        <FormError errors={measure.errors} />
        <input type="hidden" name="intent" value="measure" />
        <Field
          idPrefix="measure-"
          label="Measure"
          name="metricId"
          errors={measure.errors}
        >
          <select
            name="metricId"
            defaultValue={measure.values.metricId}
            aria-describedby="measure-metricId-error"
          >
            {d.measures.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} (
                {m.unit === "percent"
                  ? "a fraction, 0.25 for 25 %"
                  : m.unit === "money"
                    ? "minor units"
                    : m.unit}
                )
              </option>
            ))}
          </select>
        </Field>
        <PartnerSelect
          name="partnerId"
          optional="The whole program"
          partners={d.partners}
          errors={measure.errors}
          prefix="measure-"
          defaultValue={measure.values.partnerId}
        />
        <Field
          idPrefix="measure-"
          label="Value"
          name="value"
          defaultValue={measure.values.value}
          inputMode="decimal"
          errors={measure.errors}
        />
        <Field
          idPrefix="measure-"
          label="Day measured"
          name="measuredOn"
          type="date"
          defaultValue={measure.values.measuredOn ?? d.today}
          max={d.today}
          errors={measure.errors}
        />
        <button type="submit">Record measure</button>
      </Form>

      <Form key={revenue.key} method="post" className="stack" noValidate>
        <h2>A revenue event</h2>
        <FormError errors={revenue.errors} />
        <input type="hidden" name="intent" value="revenue" />
        <Field
          idPrefix="revenue-"
          label="Customer"
          name="customer"
          defaultValue={revenue.values.customer}
          errors={revenue.errors}
        />
        <PartnerSelect
          name="partnerId"
          optional="None (a direct customer)"
          partners={d.partners}
          errors={revenue.errors}
          prefix="revenue-"
          defaultValue={revenue.values.partnerId}
        />
        <Field
          idPrefix="revenue-"
          label="Kind"
          name="kind"
          errors={revenue.errors}
        >
          <select
            name="kind"
            defaultValue={revenue.values.kind}
            aria-describedby="revenue-kind-error"
          >
            {REVENUE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </Field>
        <Field
          idPrefix="revenue-"
          label="Amount (positive; a contraction's is booked as negative)"
          name="amount"
          defaultValue={revenue.values.amount}
          inputMode="decimal"
          errors={revenue.errors}
        />
        <Field
          idPrefix="revenue-"
          label="Day"
          name="occurredOn"
          type="date"
          defaultValue={revenue.values.occurredOn ?? d.today}
          max={d.today}
          errors={revenue.errors}
        />
        <button type="submit">Record revenue</button>
      </Form>
    </section>
  );
}
