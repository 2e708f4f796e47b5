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
  listTargetSegments,
  removeTargetSegment,
  setRatingCadence,
  setTargetSegment,
  updateLeadRules,
  updateProgramSettings,
} from "@tandem/db";
import { RATING_CADENCES } from "@tandem/db/values";
import { Field, FormError } from "~/components/field.js";
import {
  notFound,
  requireOwnerAdmin,
  requireOwnerStaff,
} from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm, requiredLine } from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";
import { sentForm } from "~/lib/sent-form.js";

const weight = z.coerce
  .number({ error: "Give a weight from 0 to 10." })
  .min(0, "Give a weight from 0 to 10.")
  .max(10, "Give a weight from 0 to 10.");

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("settings"),
    grossMargin: z
      .string()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, "Give a percent such as 65 or 72.5.")
      .transform((v) => Math.round(Number(v) * 100))
      .refine((bp) => bp <= 10000, "A margin is at most 100 %."),
    lifetimeCapMonths: z.coerce
      .number({ error: "Give a number of months from 1 to 600." })
      .int("Give a whole number of months.")
      .min(1, "Give a number of months from 1 to 600.")
      .max(600, "Give a number of months from 1 to 600."),
    engagement: weight,
    satisfaction: weight,
    growth: weight,
    expansion: weight,
  }),
  z.object({
    intent: z.literal("segment"),
    name: requiredLine("The segment's name", 100),
    targetAccounts: z.coerce
      .number({ error: "Give the number of accounts aimed at." })
      .int("Give a whole number of accounts.")
      .min(1, "Give at least one account.")
      .max(10_000_000, "That is more accounts than we can count."),
  }),
  z.object({
    intent: z.literal("rating-cadence"),
    ratingCadence: z.enum(RATING_CADENCES, {
      error: "Choose how often each side rates.",
    }),
  }),
  z.object({
    intent: z.literal("lead-rules"),
    protectionDays: z.coerce
      .number({ error: "Give a number of days from 1 to 730." })
      .int("Give a whole number of days.")
      .min(1, "Give a number of days from 1 to 730.")
      .max(730, "Give a number of days from 1 to 730."),
    decisionSlaDays: z.coerce
      .number({ error: "Give a number of days from 0 to 90." })
      .int("Give a whole number of days.")
      .min(0, "Give a number of days from 0 to 90.")
      .max(90, "Give a number of days from 0 to 90."),
  }),
  z.object({
    intent: z.literal("remove-segment"),
    segmentId: z.coerce.number().int().positive(),
  }),
]);

export const meta: MetaFunction = () => [
  { title: "Program settings · Tandem" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const segments = await listTargetSegments(await getDb(), {
    programId: member.program.id,
  });
  const p = member.program;
  return {
    canEdit: member.membership.role === "owner_admin",
    settings: {
      grossMargin: String(p.grossMarginBasisPoints / 100),
      lifetimeCapMonths: String(p.lifetimeCapMonths),
      protectionDays: String(p.protectionDays),
      decisionSlaDays: String(p.decisionSlaDays),
      ...Object.fromEntries(
        Object.entries(p.healthWeights).map(([k, v]) => [k, String(v)]),
      ),
    } as Record<string, string>,
    timeZone: p.timeZone,
    currency: p.currency,
    ratingCadence: p.ratingCadence,
    segments,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireOwnerAdmin(request);
  const form = parseForm(await readForm(request), actionSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const db = await getDb();
  const programId = member.program.id;
  const actorId = member.user.id;
  const input = form.data;
  if (input.intent === "settings") {
    const { engagement, satisfaction, growth, expansion } = input;
    if (engagement + satisfaction + growth + expansion === 0) {
      return data(
        {
          errors: { engagement: ["At least one weight must be above 0."] },
          values: form.values,
        },
        400,
      );
    }
    await updateProgramSettings(db, {
      programId,
      actorId,
      grossMarginBasisPoints: input.grossMargin,
      lifetimeCapMonths: input.lifetimeCapMonths,
      healthWeights: { engagement, satisfaction, growth, expansion },
    });
  } else if (input.intent === "rating-cadence") {
    await setRatingCadence(db, {
      programId,
      cadence: input.ratingCadence,
      actorId: member.user.id,
    });
  } else if (input.intent === "lead-rules") {
    await updateLeadRules(db, {
      programId,
      actorId: member.user.id,
      protectionDays: input.protectionDays,
      decisionSlaDays: input.decisionSlaDays,
    });
  } else if (input.intent === "segment") {
    const saved = await setTargetSegment(db, { programId, actorId, ...input });
    if (!saved.ok) {
      return data(
        { errors: { targetAccounts: [saved.message] }, values: form.values },
        400,
      );
    }
  } else if (
    !(await removeTargetSegment(db, { programId, actorId, ...input }))
  ) {
    throw notFound("No such segment.");
  }
  logger.info({ programId, intent: input.intent }, "Program settings changed");
  return redirect("/settings");
}

export default function Settings() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // Each form shows its own errors and, when refused, what was typed.
  const formulas = sentForm(result, "settings");
  const cadence = sentForm(result, "rating-cadence");
  const rules = sentForm(result, "lead-rules");
  const segment = sentForm(result, "segment");
  const value = (form: typeof formulas, name: string) =>
    form.values[name] ?? d.settings[name];
  const disabled = !d.canEdit;
  return (
    <section>
      <h1>Program settings</h1>
      <p>
        Time zone {d.timeZone}; currency {d.currency}.
        {disabled ? " Only the program's admins can change these." : ""}
      </p>
      <Form method="post" className="stack" noValidate key={formulas.key}>
        <h2>Formulas</h2>
        <FormError errors={formulas.errors} />
        <input type="hidden" name="intent" value="settings" />
        <fieldset disabled={disabled}>
          <Field
            label="Gross margin for customer lifetime value (%)"
            name="grossMargin"
            defaultValue={value(formulas, "grossMargin")}
            errors={formulas.errors}
          />
          <Field
            label="Expected lifetime when no customer churns (months)"
            name="lifetimeCapMonths"
            defaultValue={value(formulas, "lifetimeCapMonths")}
            errors={formulas.errors}
          />
          <p>Weights of the ecosystem health index (0 leaves one out):</p>
          {(["engagement", "satisfaction", "growth", "expansion"] as const).map(
            (name) => (
              <Field
                key={name}
                label={`${name[0]!.toUpperCase()}${name.slice(1)}`}
                name={name}
                defaultValue={value(formulas, name)}
                errors={formulas.errors}
              />
            ),
          )}
          <button type="submit">Save settings</button>
        </fieldset>
      </Form>

      <Form method="post" className="stack" noValidate key={cadence.key}>
        <h2>Rating cadence</h2>
        <p>
          Each side of every partnership is asked to rate it once in each
          calendar period (in the program&apos;s time zone); a reminder goes to
          the side&apos;s people when the period starts and they have not rated
          yet.
        </p>
        <input type="hidden" name="intent" value="rating-cadence" />
        <fieldset disabled={disabled}>
          <Field
            label="Rate every"
            name="ratingCadence"
            errors={cadence.errors}
          >
            <select
              name="ratingCadence"
              defaultValue={cadence.values.ratingCadence ?? d.ratingCadence}
              aria-describedby="ratingCadence-error"
            >
              <option value="month">month</option>
              <option value="quarter">quarter</option>
              <option value="year">year</option>
              <option value="off">never (no reminders)</option>
            </select>
          </Field>
          <button type="submit">Save rating cadence</button>
        </fieldset>
      </Form>

      <Form method="post" className="stack" noValidate key={rules.key}>
        <h2>Deal registration</h2>
        <input type="hidden" name="intent" value="lead-rules" />
        <fieldset disabled={disabled}>
          <Field
            label="Protection (days)"
            name="protectionDays"
            inputMode="numeric"
            hint="An accepted lead stays its partner's this many days after acceptance, unless it is won or lost first."
            defaultValue={value(rules, "protectionDays")}
            errors={rules.errors}
          />
          <Field
            label="Decision service level (days)"
            name="decisionSlaDays"
            inputMode="numeric"
            hint="Days the staff have to decide a registered lead; later ones show as overdue in the inbox."
            defaultValue={value(rules, "decisionSlaDays")}
            errors={rules.errors}
          />
          <button type="submit">Save deal registration rules</button>
        </fieldset>
      </Form>

      <h2>Target segments</h2>
      <p>
        Market penetration counts new customers in these segments against the
        accounts aimed at.
      </p>
      <ul>
        {d.segments.map((s) => (
          <li key={s.id}>
            {s.name}: {s.targetAccounts} accounts
            {d.canEdit ? (
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="remove-segment" />
                <input type="hidden" name="segmentId" value={s.id} />
                <button type="submit">Remove {s.name}</button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {d.canEdit ? (
        <Form method="post" className="stack" noValidate key={segment.key}>
          <input type="hidden" name="intent" value="segment" />
          <Field
            idPrefix="segment-"
            label="Segment"
            name="name"
            defaultValue={segment.values.name}
            errors={segment.errors}
          />
          <Field
            idPrefix="segment-"
            label="Accounts aimed at"
            name="targetAccounts"
            inputMode="numeric"
            defaultValue={segment.values.targetAccounts}
            errors={segment.errors}
          />
          <button type="submit">Save segment</button>
        </Form>
      ) : null}
    </section>
  );
}
