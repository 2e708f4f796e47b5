import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { addPartner, listPartners, typedNameKey } from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { requireOwnerAdmin, requireOwnerStaff } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm, requiredLine } from "~/lib/forms.server.js";

const partnerSchema = z.object({
  name: requiredLine("The partner's name", 200),
});

export const meta: MetaFunction = () => [{ title: "Partners · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const partners = await listPartners(await getDb(), {
    programId: member.program.id,
  });
  return {
    canAdd: member.membership.role === "owner_admin",
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireOwnerAdmin(request);
  const form = parseForm(await readForm(request), partnerSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, 400);

  const db = await getDb();
  const existing = await listPartners(db, { programId: member.program.id });
  if (
    existing.some((p) => typedNameKey(p.name) === typedNameKey(form.data.name))
  ) {
    return data(
      {
        errors: { name: ["A partner of that name is already in the program."] },
        values: form.values,
      },
      409,
    );
  }
  await addPartner(db, {
    programId: member.program.id,
    name: form.data.name,
    actorId: member.user.id,
  });
  return redirect("/partners");
}

export default function Partners() {
  const { partners, canAdd } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Partners</h1>
      <ul>
        {partners.map((p) => (
          <li key={p.id}>
            <Link to={`/partners/${p.id}/scorecard`}>{p.name}</Link>
            {canAdd ? (
              <>
                {" "}
                · <Link to={`/partners/${p.id}/edit`}>Edit {p.name}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {canAdd ? (
        <Form method="post" className="stack" noValidate>
          <h2>Add a partner</h2>
          <FormError errors={result?.errors} />
          <Field
            label="Name"
            name="name"
            defaultValue={result?.values?.name}
            errors={result?.errors}
          />
          <button type="submit">Add partner</button>
        </Form>
      ) : null}
    </section>
  );
}
