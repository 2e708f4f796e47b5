import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import {
  clearSignInFailures,
  createSession,
  recordSignInFailure,
  signInAllowed,
  verifyLogin,
} from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { getUser } from "~/lib/auth.server.js";
import { clientAddressOf } from "~/lib/client-address.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm } from "~/lib/forms.server.js";
import { browserName } from "~/lib/browser-name.server.js";
import { logger } from "~/lib/logger.server.js";
import { sessionCookie } from "~/lib/session.server.js";

const loginSchema = z.object({
  email: z.string().trim().email("Enter the email address you signed up with."),
  password: z.string().min(1, "Enter your password."),
  redirectTo: z.string().optional(),
});

/**
 * Only paths on this site: never an open redirect. Browsers read a
 * backslash as a slash, so "/" + "\\evil.example" would leave the site.
 */
function safeRedirect(to: string | undefined): string {
  if (!to || !to.startsWith("/") || /[\\\s]/.test(to)) return "/leads";
  const url = new URL(to, "http://tandem.invalid");
  if (url.origin !== "http://tandem.invalid") return "/leads";
  return `${url.pathname}${url.search}${url.hash}`;
}

export const meta: MetaFunction = () => [{ title: "Sign in · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) return redirect("/leads");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(await readForm(request), loginSchema);
  if (!form.ok) {
    return data({ errors: form.errors, email: form.values.email ?? "" }, 400);
  }

  // Counted before the password is checked: a right guess during a
  // lock-out is refused like any other (decision 0014).
  const db = await getDb();
  const attempt = {
    email: form.data.email,
    clientAddress: clientAddressOf(context),
  };
  const allowed = await signInAllowed(db, attempt);
  if (!allowed.ok) {
    const minutes = Math.ceil(allowed.retryAfterSeconds / 60);
    logger.warn("Sign-in refused: too many failed attempts");
    return data(
      {
        errors: {
          form: [
            "Too many failed sign-ins. Try again in " +
              `${minutes} minute${minutes === 1 ? "" : "s"}, or reset ` +
              "your password.",
          ],
        },
        email: form.data.email,
      },
      {
        status: 429,
        headers: { "Retry-After": String(allowed.retryAfterSeconds) },
      },
    );
  }

  const user = await verifyLogin(db, form.data);
  if (!user) {
    await recordSignInFailure(db, attempt);
    logger.info("Sign-in refused: wrong email or password");
    return data(
      {
        errors: { form: ["That email and password do not match."] },
        email: form.data.email,
      },
      401,
    );
  }

  await clearSignInFailures(db, attempt);
  const session = await createSession(db, {
    userId: user.id,
    browser: browserName(request.headers.get("User-Agent")),
  });
  logger.info({ userId: user.id }, "Signed in");
  return redirect(safeRedirect(form.data.redirectTo), {
    headers: { "Set-Cookie": await sessionCookie().serialize(session.id) },
  });
}

export default function Login() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors;
  const notice = {
    reset: "Your password is changed. Sign in with the new one.",
    joined: "Welcome. Sign in to continue.",
  }[params.get("done") ?? ""];
  return (
    <section>
      <h1>Sign in</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormError errors={errors} />
        <input
          type="hidden"
          name="redirectTo"
          value={params.get("redirectTo") ?? ""}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={result?.email ?? ""}
          errors={errors}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          errors={errors}
        />
        <button type="submit">Sign in</button>
      </Form>
      <p>
        <Link to="/password/forgot">Forgot your password?</Link>
      </p>
    </section>
  );
}
