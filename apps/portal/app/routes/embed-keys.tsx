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
  createEmbedKey,
  getPartner,
  listEmbedKeys,
  listPartners,
  revokeEmbedKey,
} from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { notFound, requireOwnerStaff } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm, requiredText } from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";
import { parseOrigins } from "~/lib/origins.js";

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    label: requiredText("A label", 100),
    partnerId: z.coerce
      .number({ error: "Choose a partner." })
      .int()
      .positive("Choose a partner."),
    origins: z.string().transform((v, ctx) => {
      const parsed = parseOrigins(v);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.origins;
    }),
  }),
  z.object({
    intent: z.literal("revoke"),
    keyId: z.coerce.number().int().positive(),
  }),
]);

export const meta: MetaFunction = () => [{ title: "Embed keys · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const db = await getDb();
  const [keys, partners] = await Promise.all([
    listEmbedKeys(db, { programId: member.program.id }),
    listPartners(db, { programId: member.program.id }),
  ]);
  return {
    origin: new URL(request.url).origin,
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
    keys: keys.map((k) => ({
      id: k.id,
      key: k.key,
      label: k.label,
      partnerName: k.partnerName,
      origins: k.allowedOrigins,
      revoked: k.revokedAt !== null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const form = parseForm(await readForm(request), actionSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const db = await getDb();
  const input = form.data;
  if (input.intent === "revoke") {
    const revoked = await revokeEmbedKey(db, {
      programId: member.program.id,
      keyId: input.keyId,
    });
    if (!revoked) throw notFound("No such live key.");
    logger.info(
      { programId: member.program.id, keyId: input.keyId },
      "Embed key revoked",
    );
    return redirect("/embed-keys");
  }
  const partner = await getPartner(db, {
    programId: member.program.id,
    partnerId: input.partnerId,
  });
  if (!partner) {
    return data(
      {
        errors: { partnerId: ["Choose a partner of this program."] },
        values: form.values,
      },
      400,
    );
  }
  const key = await createEmbedKey(db, {
    programId: member.program.id,
    partnerId: partner.id,
    label: input.label,
    allowedOrigins: input.origins,
    createdBy: member.user.id,
  });
  logger.info(
    { programId: member.program.id, keyId: key.id },
    "Embed key created",
  );
  return redirect("/embed-keys");
}

export default function EmbedKeys() {
  const { keys, partners, origin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <section>
      <h1>Embed keys</h1>
      <p>
        A key lets a web page show one partner&apos;s scorecard with the{" "}
        <code>&lt;partner-scorecard&gt;</code> element. It is publishable; it
        only works on the pages of the origins you list.
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Partner</th>
              <th scope="col">Key</th>
              <th scope="col">Allowed origins</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td>{k.label}</td>
                <td>{k.partnerName}</td>
                <td>
                  <code>{k.key}</code>
                </td>
                <td>{k.origins.join(", ")}</td>
                <td>
                  {k.revoked ? (
                    "revoked"
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="keyId" value={k.id} />
                      <Link to={`/widget/demo?key=${k.key}`}>Demo</Link>{" "}
                      <button type="submit">Revoke</button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Form method="post" className="stack" noValidate>
        <h2>Create a key</h2>
        <FormError errors={errors} />
        <input type="hidden" name="intent" value="create" />
        <Field
          label="Label"
          name="label"
          defaultValue={result?.values?.label}
          errors={errors}
        />
        <Field label="Partner" name="partnerId" errors={errors}>
          <select
            name="partnerId"
            defaultValue={result?.values?.partnerId}
            aria-describedby="partnerId-error"
          >
            <option value="">Choose…</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Allowed origins (one a line, e.g. https://partner.example)"
          name="origins"
          errors={errors}
        >
          <textarea
            name="origins"
            rows={3}
            defaultValue={result?.values?.origins ?? origin}
            aria-describedby="origins-error"
          />
        </Field>
        <button type="submit">Create key</button>
      </Form>
    </section>
  );
}
