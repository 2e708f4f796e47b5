import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requestPasswordReset } from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm } from "~/lib/forms.server.js";
import { tokenLink } from "~/lib/links.server.js";
import { logger } from "~/lib/logger.server.js";

const forgotSchema = z.object({
  email: z.string().trim().email("Enter the email address you sign in with."),
});

export const meta: MetaFunction = () => [
  { title: "Reset your password · Tandem" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1" };
}

/** The same answer whether or not the address has an account. */
export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(await readForm(request), forgotSchema);
  if (!form.ok) {
    return data({ errors: form.errors, email: form.values.email ?? "" }, 400);
  }

  await requestPasswordReset(await getDb(), {
    email: form.data.email,
    linkFor: tokenLink(request, "/password/reset"),
  });
  logger.info("Password reset asked for");
  return redirect("/password/forgot?sent=1");
}

export default function ForgotPassword() {
  const { sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Reset your password</h1>
      {sent ? (
        <p className="notice" role="status">
          If an account has that address, a link to choose a new password is on
          its way. It works once, within an hour.
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormError errors={result?.errors} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={result?.email ?? ""}
          errors={result?.errors}
        />
        <button type="submit">Send me a link</button>
      </Form>
    </section>
  );
}
