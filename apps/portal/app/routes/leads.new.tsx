import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { registerLead } from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { requirePartnerMember } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import {
  moneyField,
  parseForm,
  readForm,
  requiredText,
  text,
} from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";

function leadSchema(currencyDigits: number) {
  return z.object({
    company: requiredText("Company", 200),
    contactName: requiredText("Contact name", 200),
    contactEmail: z
      .string()
      .trim()
      .min(1, "Contact email is required.")
      .pipe(z.email("Enter a valid email address, such as name@company.com.")),
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

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requirePartnerMember(request);
  return { currency: member.program.currency };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requirePartnerMember(request);
  const form = parseForm(
    await readForm(request),
    leadSchema(member.program.currencyDigits),
  );
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const { estimatedValue, ...rest } = form.data;
  const lead = await registerLead(await getDb(), {
    programId: member.program.id,
    partnerId: member.partnerId,
    actorId: member.user.id,
    lead: { ...rest, estimatedValueMinor: estimatedValue },
  });
  logger.info(
    { programId: member.program.id, leadId: lead.id },
    "Lead registered",
  );
  return redirect(`/leads/${lead.id}`);
}

export default function NewLead() {
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? {};
  return (
    <section>
      <h1>Register a lead</h1>
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
    </section>
  );
}
