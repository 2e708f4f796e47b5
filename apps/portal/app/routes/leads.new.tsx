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
  checkRegistration,
  partnershipEndedOn,
  programToday,
  registerLead,
} from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { requirePartnerMember } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import {
  moneyField,
  parseForm,
  readForm,
  requiredLine,
  text,
} from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";

/**
 * A website or domain as typed ("acme.com", "https://www.acme.com/x"),
 * kept as its bare host name, which is what registrations match on.
 */
const websiteField = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return null;
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value)
      ? value
      : `https://${value}`;
    const host = URL.canParse(withScheme)
      ? new URL(withScheme).hostname.toLowerCase()
      : "";
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) {
      ctx.addIssue({
        code: "custom",
        message: "Enter a website or domain, such as acme.com.",
      });
      return z.NEVER;
    }
    return host.replace(/^www\./, "");
  });

function leadSchema(currencyDigits: number) {
  return z.object({
    company: requiredLine("Company", 200),
    contactName: requiredLine("Contact name", 200),
    contactEmail: z
      .string()
      .trim()
      .min(1, "Contact email is required.")
      .pipe(z.email("Enter a valid email address, such as name@company.com.")),
    companyDomain: text(300).pipe(websiteField),
    confirmDuplicate: z.literal("yes").optional(),
    estimatedValue: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .pipe(moneyField(currencyDigits, "1250 or 1,250.50").nullable()),
    notes: text(5000).transform((v) => v ?? null),
  });
}

export const meta: MetaFunction = () => [{ title: "Register a lead · Tandem" }];

async function endedOf(
  member: Awaited<ReturnType<typeof requirePartnerMember>>,
) {
  return partnershipEndedOn(await getDb(), {
    programId: member.program.id,
    partnerId: member.partnerId,
    today: programToday(member.program),
  });
}

function endedMessage(endedOn: string): string {
  return `Your partnership ended on ${endedOn}, so no new leads can be registered. Ask the program's staff if this is a mistake.`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requirePartnerMember(request);
  const endedOn = await endedOf(member);
  return {
    currency: member.program.currency,
    ended: endedOn ? endedMessage(endedOn) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requirePartnerMember(request);
  const form = parseForm(
    await readForm(request),
    leadSchema(member.program.currencyDigits),
  );
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);
  const endedOn = await endedOf(member);
  if (endedOn) {
    return data(
      { errors: { form: [endedMessage(endedOn)] }, values: form.values },
      403,
    );
  }

  const { estimatedValue, confirmDuplicate, ...rest } = form.data;
  const input = {
    programId: member.program.id,
    partnerId: member.partnerId,
    lead: { ...rest, estimatedValueMinor: estimatedValue },
  };
  const db = await getDb();
  if (!confirmDuplicate) {
    const check = await checkRegistration(db, input);
    if (check.outcome === "duplicate") {
      // Nothing is saved until the partner confirms.
      return data(
        {
          errors: undefined,
          values: form.values,
          duplicates: check.ownLeads.map((l) => ({
            id: l.id,
            company: l.company ?? "(no company)",
            status: l.status,
            registeredOn: l.registeredOn,
          })),
        },
        409,
      );
    }
  }
  const lead = await registerLead(db, { ...input, actorId: member.user.id });
  logger.info(
    { programId: member.program.id, leadId: lead.id, outcome: lead.outcome },
    "Lead registered",
  );
  return redirect(`/leads/${lead.id}`);
}

export default function NewLead() {
  const { ended } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values: Record<string, string | undefined> = result?.values ?? {};
  const duplicates =
    result && "duplicates" in result ? result.duplicates : null;
  return (
    <section>
      <h1>Register a lead</h1>
      <p>
        Tandem checks every registration against the program&apos;s leads and
        customers and tells you at once whether it is new, a possible duplicate
        of one of your leads, or needs the program&apos;s review.
      </p>
      {ended ? <p role="alert">{ended}</p> : null}
      {duplicates ? (
        <section className="notice" aria-labelledby="duplicate">
          <h2 id="duplicate">Possible duplicate</h2>
          <p>
            You have already registered this company (by its name, domain or
            contact email):
          </p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/leads/${d.id}`}>{d.company}</Link>, {d.status},
                registered {d.registeredOn}
              </li>
            ))}
          </ul>
          <p>Register it anyway, or withdraw it; nothing is saved yet.</p>
          <Form method="post" className="inline">
            {Object.entries(values)
              .filter(([k]) => k !== "confirmDuplicate")
              .map(([k, v]) => (
                <input key={k} type="hidden" name={k} value={v ?? ""} />
              ))}
            <input type="hidden" name="confirmDuplicate" value="yes" />
            <button type="submit">Register anyway</button>
            <Link to="/leads">Withdraw</Link>
          </Form>
        </section>
      ) : null}
      {ended ? null : (
        <Form method="post" className="stack" noValidate>
          <FormError errors={errors} />
          <Field
            label="Company"
            name="company"
            defaultValue={values.company}
            errors={errors}
            required
          />
          <Field
            label="Contact name"
            name="contactName"
            defaultValue={values.contactName}
            errors={errors}
            required
          />
          <Field
            label="Contact email"
            name="contactEmail"
            type="email"
            defaultValue={values.contactEmail}
            errors={errors}
            required
          />
          <Field
            label="Website or domain (optional)"
            name="companyDomain"
            defaultValue={values.companyDomain}
            errors={errors}
            hint="The company's site, such as acme.com; registrations are matched by it."
          />
          <Field
            label="Estimated value"
            name="estimatedValue"
            inputMode="decimal"
            defaultValue={values.estimatedValue}
            errors={errors}
          />
          <Field label="Notes" name="notes" errors={errors}>
            <textarea
              name="notes"
              rows={4}
              defaultValue={values.notes}
              aria-describedby="notes-error"
            />
          </Field>
          <button type="submit">Register lead</button>
        </Form>
      )}
    </section>
  );
}
