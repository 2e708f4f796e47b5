import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getMetricDefinition } from "@tandem/metrics";
import {
  createEmbedKey,
  getPartner,
  listEmbedKeys,
  listPartners,
  revokeEmbedKey,
} from "@tandem/db";
import { CreateKeyForm } from "~/components/create-key-form.js";
import { notFound, requireOwnerStaff } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm } from "~/lib/forms.server.js";
import {
  createKeySchema,
  EMBED_METRIC_IDS,
} from "~/lib/embed-key-form.server.js";
import { logger } from "~/lib/logger.server.js";

const revokeSchema = z.object({
  intent: z.literal("revoke"),
  keyId: z.coerce.number().int().positive(),
});

/** What an embed can show; a key without a choice shows all of them. */
const METRICS = EMBED_METRIC_IDS.map((id) => ({
  id,
  name: getMetricDefinition(id).name,
}));

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
    metrics: METRICS,
    keys: keys.map((k) => ({
      id: k.id,
      key: k.key,
      label: k.label,
      shows: k.scope === "program" ? "Program badge" : k.partnerName,
      metrics: (k.metrics ?? METRICS.map((m) => m.id)).map(
        (id) => METRICS.find((m) => m.id === id)?.name ?? id,
      ),
      origins: k.allowedOrigins,
      revoked: k.revokedAt !== null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const formData = await readForm(request);
  // Chosen by intent, so errors name the fields of that one form.
  const schema =
    formData.get("intent") === "revoke" ? revokeSchema : createKeySchema;
  const form = parseForm(formData, schema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const db = await getDb();
  const input = form.data;
  if (input.intent === "revoke") {
    const revoked = await revokeEmbedKey(db, {
      programId: member.program.id,
      keyId: input.keyId,
      actorId: member.user.id,
    });
    if (!revoked) throw notFound("No such live key.");
    logger.info(
      { programId: member.program.id, keyId: input.keyId },
      "Embed key revoked",
    );
    return redirect("/embed-keys");
  }
  const partner =
    input.partnerId === null
      ? null
      : await getPartner(db, {
          programId: member.program.id,
          partnerId: input.partnerId,
        });
  if (input.partnerId !== null && !partner) {
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
    target: partner
      ? { scope: "partner", partnerId: partner.id }
      : { scope: "program" },
    metrics: input.metrics,
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
  const { keys, partners, metrics, origin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <section>
      <h1>Embed keys</h1>
      <p>
        A key lets a web page show one partner&apos;s scorecard, or the
        program&apos;s badge of totals, with the{" "}
        <code>&lt;partner-scorecard&gt;</code> element. It is publishable; it
        only works on the pages of the origins you list, and shows only the
        metrics you choose.
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Shows</th>
              <th scope="col">Key</th>
              <th scope="col">Allowed origins</th>
              <th scope="col">Metrics</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td>{k.label}</td>
                <td>{k.shows}</td>
                <td>
                  <code>{k.key}</code>
                </td>
                <td>{k.origins.join(", ")}</td>
                <td>{k.metrics.join(", ")}</td>
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

      <CreateKeyForm
        partners={partners}
        metrics={metrics}
        origin={origin}
        errors={errors}
        values={result?.values}
      />
    </section>
  );
}
