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
  checkPasswordReset,
  resetPassword,
  type ResetProblem,
} from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm } from "~/lib/forms.server.js";
import { logger } from "~/lib/logger.server.js";
import {
  mismatch,
  newPasswordFields,
  passwordsMatch,
} from "~/lib/passwords.js";
import { sessionCookie } from "~/lib/session.server.js";

const resetSchema = z
  .object(newPasswordFields)
  .refine(passwordsMatch, mismatch);

const STATUS: Record<ResetProblem, number> = {
  unknown: 404,
  expired: 410,
  used: 410,
};

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

export const meta: MetaFunction = () => [
  { title: "Choose a new password · Tandem" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const checked = await checkPasswordReset(await getDb(), {
    token: tokenOf(request),
  });
  if (!checked.ok) {
    return data({ problem: checked.message }, STATUS[checked.error]);
  }
  return { problem: null };
}

/** Every session of the person ends, this browser's too. */
export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(await readForm(request), resetSchema);
  if (!form.ok) return data({ errors: form.errors }, 400);

  const reset = await resetPassword(await getDb(), {
    token: tokenOf(request),
    password: form.data.password,
  });
  if (!reset.ok) {
    return data({ errors: { form: [reset.message] } }, STATUS[reset.error]);
  }
  logger.info({ userId: reset.value.userId }, "Password reset");
  return redirect("/login?done=reset", {
    headers: {
      "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }),
    },
  });
}

export default function ResetPassword() {
  const { problem } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (problem !== null) {
    return (
      <section>
        <h1>This link cannot be used</h1>
        <p role="alert">{problem}</p>
        <p>
          <Link to="/password/forgot">Ask for a new link</Link>.
        </p>
      </section>
    );
  }
  const errors = result?.errors;
  return (
    <section>
      <h1>Choose a new password</h1>
      <Form method="post" className="stack" noValidate>
        <FormError errors={errors} />
        <Field
          label="New password (10 characters or more)"
          name="password"
          type="password"
          autoComplete="new-password"
          errors={errors}
        />
        <Field
          label="The password again"
          name="confirm"
          type="password"
          autoComplete="new-password"
          errors={errors}
        />
        <button type="submit">Set password</button>
      </Form>
    </section>
  );
}
