import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getPartner, updatePartnerAttributes } from "@tandem/db";
import { PARTNER_TYPES } from "@tandem/db/values";
import { Field, FormError } from "~/components/field.js";
import { notFound, requireOwnerAdmin, type Member } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { dayField, line, parseForm, readForm } from "~/lib/forms.server.js";

const paramsSchema = z.object({
  partnerId: z.coerce.number().int().positive(),
});
const attributesSchema = z.object({
  type: z.enum(PARTNER_TYPES, { error: "Choose a kind of partner." }),
  tier: line(50).transform((v) => v ?? null),
  declaredReach: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/[,\s]/g, "") : null))
    .refine(
      (v) => v === null || /^\d{1,9}$/.test(v),
      "Enter a whole number of accounts, from 0 to 999,999,999.",
    )
    .transform((v) => (v === null ? null : Number(v))),
  joinedOn: z
    .string({ error: "Give the day the partnership began." })
    .pipe(
      z.string().min(1, "Give the day the partnership began.").pipe(dayField),
    ),
  endedOn: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(dayField.nullable()),
});

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

export const meta: MetaFunction = () => [{ title: "Edit partner · Tandem" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireOwnerAdmin(request);
  const p = await partnerFor(member, params);
  return {
    partner: {
      id: p.id,
      name: p.name,
      type: p.type,
      tier: p.tier ?? "",
      declaredReach: p.declaredReach === null ? "" : String(p.declaredReach),
      joinedOn: p.joinedOn,
      endedOn: p.endedOn ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireOwnerAdmin(request);
  const partner = await partnerFor(member, params);
  const form = parseForm(await readForm(request), attributesSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const result = await updatePartnerAttributes(await getDb(), {
    programId: member.program.id,
    partnerId: partner.id,
    attributes: form.data,
    actorId: member.user.id,
  });
  if (!result.ok) {
    return data(
      { errors: { endedOn: [result.message] }, values: form.values },
      400,
    );
  }
  return redirect("/partners");
}

export default function EditPartner() {
  const { partner } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const value = (name: keyof typeof partner) =>
    result?.values?.[name] ?? String(partner[name]);
  return (
    <section>
      <h1>{partner.name}</h1>
      <Form method="post" className="stack" noValidate>
        <FormError errors={errors} />
        <Field label="Kind of partner" name="type" errors={errors}>
          <select
            name="type"
            defaultValue={value("type")}
            aria-describedby="type-error"
          >
            {PARTNER_TYPES.map((t) => (
              <option key={t} value={t}>
                {t.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Tier"
          name="tier"
          defaultValue={value("tier")}
          errors={errors}
        />
        <Field
          label="Declared reach (customers or audience)"
          name="declaredReach"
          inputMode="numeric"
          defaultValue={value("declaredReach")}
          errors={errors}
        />
        <Field
          label="Partner since"
          name="joinedOn"
          type="date"
          defaultValue={value("joinedOn")}
          errors={errors}
        />
        <Field
          label="Partnership ended on (empty while active)"
          name="endedOn"
          type="date"
          defaultValue={value("endedOn")}
          errors={errors}
        />
        <button type="submit">Save</button>
      </Form>
    </section>
  );
}
