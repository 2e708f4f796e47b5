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
  addKeyMetric,
  getPartner,
  listKeyMetrics,
  listObjectives,
  removeKeyMetric,
  setObjectives,
  setTarget,
} from "@tandem/db";
import {
  getMetricDefinition,
  isMetricId,
  OBJECTIVES,
  PARTNER_CATALOG,
} from "@tandem/metrics";
import { PeriodPicker } from "~/components/period-picker.js";
import { notFound, requireOwnerStaff, type Member } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { formList, parseForm, readForm } from "~/lib/forms.server.js";
import { formatMetricValue } from "~/lib/format.js";
import { periodFromUrl } from "~/lib/scorecard.server.js";
import { sentForm } from "~/lib/sent-form.js";
import { parseTarget, targetHint } from "~/lib/targets.js";

const paramsSchema = z.object({
  partnerId: z.coerce.number().int().positive(),
});

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("objectives") }),
  z.object({
    intent: z.literal("add"),
    metricId: z.string().refine(isMetricId, "Choose a metric."),
    weight: z.coerce
      .number({ error: "Give a weight from 1 to 10." })
      .int("Give a whole weight from 1 to 10.")
      .min(1, "Give a weight from 1 to 10.")
      .max(10, "Give a weight from 1 to 10."),
  }),
  z.object({
    intent: z.literal("remove"),
    keyMetricId: z.coerce.number().int().positive(),
  }),
  z.object({
    intent: z.literal("target"),
    keyMetricId: z.coerce.number().int().positive(),
    target: z.string(),
  }),
]);

const PARTNER_OBJECTIVES = OBJECTIVES.filter((o) => o.level === "partner");

async function partnerFor(member: Member, params: unknown) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound("No such partner.");
  const partner = await getPartner(await getDb(), {
    programId: member.program.id,
    partnerId: parsed.data.partnerId,
  });
  if (!partner) throw notFound("No such partner.");
  return partner;
}

export const meta: MetaFunction = () => [
  { title: "Objectives and targets · Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const partner = await partnerFor(member, params);
  const url = new URL(request.url);
  const { period, error: periodError } = periodFromUrl(member.program, url);

  const db = await getDb();
  const owner = { programId: member.program.id, partnerId: partner.id };
  const [chosen, keys] = await Promise.all([
    listObjectives(db, owner),
    listKeyMetrics(db, { ...owner, period }),
  ]);
  const keyIds = new Set(keys.map((k) => k.metricId));
  const suggested = [
    ...new Set(
      PARTNER_OBJECTIVES.filter((o) => chosen.includes(o.id)).flatMap(
        (o) => o.suggestedMetrics,
      ),
    ),
  ].filter((id) => !keyIds.has(id));
  const nameOf = (id: string) =>
    isMetricId(id) ? getMetricDefinition(id).name : id;
  return data(
    {
      periodError,
      partner: { id: partner.id, name: partner.name },
      period,
      at: url.searchParams.get("at") ?? "",
      objectives: PARTNER_OBJECTIVES.map((o) => ({
        id: o.id,
        name: o.name,
        chosen: chosen.includes(o.id),
        metrics: o.suggestedMetrics.map(nameOf).join(", "),
      })),
      suggested: suggested.map((id) => ({ id, name: nameOf(id) })),
      options: PARTNER_CATALOG.filter((m) => !keyIds.has(m.id)).map((m) => ({
        id: m.id,
        name: m.name,
      })),
      keys: keys.map((k) => {
        const metric = isMetricId(k.metricId)
          ? getMetricDefinition(k.metricId)
          : { unit: "count" as const };
        const unit = metric.unit;
        const stored =
          k.target === null
            ? null
            : unit === "money"
              ? BigInt(k.target.split(".")[0]!)
              : Number(k.target);
        return {
          id: k.id,
          name: nameOf(k.metricId),
          weight: k.weight,
          target:
            stored === null
              ? null
              : formatMetricValue(stored, unit, member.program),
          hint: targetHint(metric),
        };
      }),
    },
    { status: periodError ? 400 : 200 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const partner = await partnerFor(member, params);
  const url = new URL(request.url);
  const { period } = periodFromUrl(member.program, url);
  const formData = await readForm(request);
  const form = parseForm(formData, actionSchema);
  const refuse = (errors: Record<string, string[] | undefined>, status = 400) =>
    data(
      { errors, values: form.values, chosen: formList(formData, "objective") },
      status,
    );
  if (!form.ok) return refuse(form.errors);

  const db = await getDb();
  const owner = { programId: member.program.id, partnerId: partner.id };
  const input = form.data;
  const actorId = member.user.id;
  if (input.intent === "objectives") {
    const objectives = formList(formData, "objective");
    const result = await setObjectives(db, { ...owner, objectives, actorId });
    if (!result.ok) return refuse({ form: [result.message] });
  } else if (input.intent === "add") {
    const result = await addKeyMetric(db, { ...owner, ...input, actorId });
    if (!result.ok) {
      return refuse({ metricId: [result.message] }, 409);
    }
  } else if (input.intent === "remove") {
    if (!(await removeKeyMetric(db, { ...owner, ...input, actorId }))) {
      throw notFound("No such key metric.");
    }
  } else {
    const keys = await listKeyMetrics(db, { ...owner, period });
    const key = keys.find((k) => k.id === input.keyMetricId);
    if (!key || !isMetricId(key.metricId)) {
      throw notFound("No such key metric.");
    }
    const parsed = parseTarget(
      input.target,
      getMetricDefinition(key.metricId),
      member.program.currencyDigits,
    );
    if ("error" in parsed) {
      return refuse({ [`target-${key.id}`]: [parsed.error] });
    }
    await setTarget(db, {
      ...owner,
      keyMetricId: key.id,
      period,
      target: parsed.target,
      actorId,
    });
  }
  return redirect(`${url.pathname}${url.search}`);
}

export default function Objectives() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string[] | undefined> = result?.errors ?? {};
  const chosen = sentForm(result, "objectives");
  const target = sentForm(result, "target");
  const add = sentForm(result, "add");
  const back = `/partners/${d.partner.id}/scorecard?kind=${d.period.kind}&at=${d.period.key}`;
  return (
    <section>
      <h1>{d.partner.name}: objectives, key metrics and targets</h1>
      <p>
        <Link to={back}>Back to the scorecard for {d.period.label}</Link>
      </p>
      {errors.form ? <p role="alert">{errors.form.join(" ")}</p> : null}

      <Form key={chosen.key} method="post" className="stack">
        <h2>Objectives</h2>
        <input type="hidden" name="intent" value="objectives" />
        <fieldset>
          <legend>What is this partnership for?</legend>
          {d.objectives.map((o) => (
            <label key={o.id} className="check">
              <span>
                <input
                  type="checkbox"
                  name="objective"
                  value={o.id}
                  defaultChecked={
                    chosen.sent && result
                      ? result.chosen.includes(o.id)
                      : o.chosen
                  }
                />{" "}
                {o.name} <small>({o.metrics})</small>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit">Save objectives</button>
      </Form>

      <h2>Key metrics and targets for {d.period.label}</h2>
      <PeriodPicker kind={d.period.kind} at={d.at} error={d.periodError} />
      {d.keys.length === 0 ? <p>No key metrics yet.</p> : null}
      <ul className="plain">
        {d.keys.map((k) => (
          <li key={k.id}>
            <strong>{k.name}</strong> (weight {k.weight}) · target for{" "}
            {d.period.label}: {k.target ?? "none"}
            <Form
              key={
                target.values.keyMetricId === String(k.id) ? target.key : k.id
              }
              method="post"
              className="inline"
            >
              <input type="hidden" name="intent" value="target" />
              <input type="hidden" name="keyMetricId" value={k.id} />
              <label>
                New target ({k.hint})
                <input
                  name="target"
                  inputMode="decimal"
                  defaultValue={
                    target.values.keyMetricId === String(k.id)
                      ? target.values.target
                      : undefined
                  }
                  aria-describedby={`target-${k.id}-error`}
                />
              </label>
              <span id={`target-${k.id}-error`} className="field-error">
                {errors[`target-${k.id}`]?.join(" ")}
              </span>
              <button type="submit">Set target</button>
            </Form>
            <Form method="post" className="inline">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="keyMetricId" value={k.id} />
              <button type="submit">Remove {k.name}</button>
            </Form>
          </li>
        ))}
      </ul>

      <Form key={add.key} method="post" className="stack">
        <h3>Add a key metric</h3>
        <input type="hidden" name="intent" value="add" />
        {d.suggested.length > 0 ? (
          <p>
            Suggested by the objectives:{" "}
            {d.suggested.map((m) => m.name).join(", ")}.
          </p>
        ) : null}
        <label>
          Metric
          <select
            name="metricId"
            defaultValue={add.values.metricId ?? d.suggested[0]?.id ?? ""}
            aria-describedby="metricId-error"
          >
            <option value="">Choose…</option>
            {d.options.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <span id="metricId-error" className="field-error">
          {errors.metricId?.join(" ")}
        </span>
        <label>
          Weight in the score (1-10)
          <input
            name="weight"
            defaultValue={add.values.weight ?? "1"}
            inputMode="numeric"
            aria-describedby="weight-error"
          />
        </label>
        <span id="weight-error" className="field-error">
          {errors.weight?.join(" ")}
        </span>
        <button type="submit">Add key metric</button>
      </Form>
    </section>
  );
}
