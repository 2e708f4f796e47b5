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
  changePassword,
  listOpenSessions,
  recordSignInFailure,
  signInAllowed,
  signOutOtherSessions,
} from "@tandem/db";
import { Field, FormError } from "~/components/field.js";
import { requireMember } from "~/lib/auth.server.js";
import { clientAddressOf } from "~/lib/client-address.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm } from "~/lib/forms.server.js";
import { formatInstant } from "~/lib/instants.server.js";
import { logger } from "~/lib/logger.server.js";
import {
  mismatch,
  newPasswordFields,
  passwordsMatch,
} from "~/lib/passwords.js";

const actionSchema = z.discriminatedUnion("intent", [
  z
    .object({
      intent: z.literal("password"),
      current: z.string().min(1, "Give your current password."),
      ...newPasswordFields,
    })
    .refine(passwordsMatch, mismatch),
  z.object({ intent: z.literal("sign-out-others") }),
]);

const NOTICES = {
  password: "Your password is changed. Other browsers were signed out.",
  "signed-out": "Every other browser is signed out.",
} as const;

export const meta: MetaFunction = () => [{ title: "Your account · Tandem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const open = await listOpenSessions(await getDb(), {
    userId: member.user.id,
    sessionId: member.sessionId,
  });
  const zone = member.program.timeZone;
  const done = new URL(request.url).searchParams.get("done");
  return {
    name: member.user.name,
    email: member.user.email,
    timeZone: zone,
    sessions: open.map((s) => ({
      current: s.current,
      browser: s.browser ?? "A browser we could not name",
      started: formatInstant(s.createdAt, zone),
      ends: formatInstant(s.expiresAt, zone),
    })),
    notice:
      done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
  };
}

/**
 * A wrong current password counts as a failed sign-in of the person's
 * address (decision 0014), so a borrowed session cannot guess it.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const form = parseForm(await readForm(request), actionSchema);
  if (!form.ok) return data({ errors: form.errors }, 400);
  const db = await getDb();
  const { id: userId, email } = member.user;
  const sessionId = member.sessionId;

  if (form.data.intent === "sign-out-others") {
    const ended = await signOutOtherSessions(db, { userId, sessionId });
    logger.info({ userId, ended }, "Signed out of other browsers");
    return redirect("/account?done=signed-out");
  }

  const attempt = { email, clientAddress: clientAddressOf(context) };
  const allowed = await signInAllowed(db, attempt);
  if (!allowed.ok) {
    const minutes = Math.ceil(allowed.retryAfterSeconds / 60);
    const message =
      "Too many wrong passwords. Try again in " +
      `${minutes} minute${minutes === 1 ? "" : "s"}.`;
    return data(
      { errors: { current: [message] } },
      {
        status: 429,
        headers: { "Retry-After": String(allowed.retryAfterSeconds) },
      },
    );
  }
  const changed = await changePassword(db, {
    userId,
    sessionId,
    current: form.data.current,
    password: form.data.password,
  });
  if (!changed.ok && changed.error === "same_as_current") {
    return data({ errors: { password: [changed.message] } }, 400);
  }
  if (!changed.ok) {
    await recordSignInFailure(db, attempt);
    return data({ errors: { current: [changed.message] } }, 400);
  }
  logger.info({ userId, ...changed.value }, "Password changed");
  return redirect("/account?done=password");
}

export default function Account() {
  const { name, email, timeZone, sessions, notice } =
    useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <section className="stack">
      <h1>Your account</h1>
      {notice ? <p role="status">{notice}</p> : null}
      <dl>
        <dt>Name</dt>
        <dd>{name}</dd>
        <dt>Email</dt>
        <dd>{email}</dd>
      </dl>

      <h2>Change your password</h2>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="password" />
        <FormError errors={errors} />
        <Field
          label="Current password"
          name="current"
          type="password"
          autoComplete="current-password"
          errors={errors}
        />
        <Field
          label="New password (10 characters or more)"
          name="password"
          type="password"
          autoComplete="new-password"
          errors={errors}
        />
        <Field
          label="The new password again"
          name="confirm"
          type="password"
          autoComplete="new-password"
          errors={errors}
        />
        <button type="submit">Change password</button>
      </Form>

      <h2>Where you are signed in</h2>
      <div className="table-wrap">
        <table>
          <caption>
            Open sessions, newest first (times in {timeZone}); each lasts 30
            days unless signed out.
          </caption>
          <thead>
            <tr>
              <th scope="col">Signed in</th>
              <th scope="col">Ends</th>
              <th scope="col">Browser</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s, i) => (
              <tr key={i}>
                <td>{s.started}</td>
                <td>{s.ends}</td>
                <td>
                  {s.browser}
                  {s.current ? " (this one)" : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-others" />
          <button type="submit">
            Sign out of {others} other browser{others === 1 ? "" : "s"}
          </button>
        </Form>
      ) : (
        <p>You are signed in on this browser only.</p>
      )}
    </section>
  );
}
