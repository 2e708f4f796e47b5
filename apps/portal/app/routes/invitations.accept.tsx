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
  acceptInvitation,
  createSession,
  findInvitation,
  setCurrentProgram,
  type InvitationProblem,
} from "@tandem/db";
import { roleName } from "@tandem/db/values";
import { Field, FormError } from "~/components/field.js";
import { getUser } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm, requiredLine } from "~/lib/forms.server.js";
import { browserName } from "~/lib/browser-name.server.js";
import { logger } from "~/lib/logger.server.js";
import {
  mismatch,
  newPasswordFields,
  passwordsMatch,
} from "~/lib/passwords.js";
import { sessionCookie } from "~/lib/session.server.js";

const newAccountSchema = z
  .object({ name: requiredLine("Your name", 200), ...newPasswordFields })
  .refine(passwordsMatch, mismatch);

const STATUS: Record<InvitationProblem, number> = {
  unknown: 404,
  expired: 410,
  used: 410,
  revoked: 410,
};

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

export const meta: MetaFunction = () => [
  { title: "Accept an invitation · Tandem" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  const db = await getDb();
  const found = await findInvitation(db, { token });
  if (!found.ok) {
    return data({ problem: found.message } as const, STATUS[found.error]);
  }
  const invitation = found.value;
  const user = await getUser(request);
  const signedInAs = user?.user.email ?? null;
  return {
    problem: null,
    programName: invitation.programName,
    partnerName: invitation.partnerName,
    roleName: roleName(invitation.role),
    email: invitation.email,
    hasAccount: invitation.hasAccount,
    signedInAs,
    isAddressee:
      signedInAs !== null &&
      signedInAs.toLowerCase() === invitation.email.toLowerCase(),
    back: `/invitations/accept?token=${encodeURIComponent(token)}`,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = tokenOf(request);
  const formData = await readForm(request);
  const user = await getUser(request);
  const db = await getDb();

  let newAccount: { name: string; password: string } | undefined;
  const found = await findInvitation(db, { token });
  if (found.ok && !found.value.hasAccount) {
    const form = parseForm(formData, newAccountSchema);
    if (!form.ok) {
      return data({ errors: form.errors, name: form.values.name ?? "" }, 400);
    }
    newAccount = { name: form.data.name, password: form.data.password };
  }

  const accepted = await acceptInvitation(db, {
    token,
    userId: user?.user.id ?? null,
    newAccount,
  });
  if (!accepted.ok) {
    const status =
      accepted.error in STATUS
        ? STATUS[accepted.error as InvitationProblem]
        : accepted.error === "needs_account"
          ? 401
          : accepted.error === "wrong_account"
            ? 403
            : 409;
    return data({ errors: { form: [accepted.message] }, name: "" }, status);
  }
  const { userId, programId } = accepted.value;
  logger.info({ programId, userId }, "Invitation accepted");
  if (user?.user.id === userId) {
    await setCurrentProgram(db, { sessionId: user.sessionId, programId });
    return redirect("/leads");
  }
  const session = await createSession(db, {
    userId,
    programId,
    browser: browserName(request.headers.get("User-Agent")),
  });
  return redirect("/leads", {
    headers: { "Set-Cookie": await sessionCookie().serialize(session.id) },
  });
}

export default function AcceptInvitation() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (d.problem !== null) {
    return (
      <section>
        <h1>This invitation cannot be used</h1>
        <p role="alert">{d.problem}</p>
        <p>
          Ask the person who invited you to send a new one, or{" "}
          <Link to="/login">sign in</Link>.
        </p>
      </section>
    );
  }
  const errors = result?.errors;
  const where = d.partnerName ? ` for ${d.partnerName}` : "";
  return (
    <section>
      <h1>Join {d.programName}</h1>
      <p>
        You are invited{where} as {d.roleName}, at {d.email}.
      </p>
      {!d.hasAccount ? (
        <Form method="post" className="stack" noValidate>
          <FormError errors={errors} />
          <Field
            label="Your name"
            name="name"
            autoComplete="name"
            defaultValue={result?.name ?? ""}
            errors={errors}
          />
          <Field
            label="Choose a password (10 characters or more)"
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
          <button type="submit">Create my account and join</button>
        </Form>
      ) : d.isAddressee ? (
        <Form method="post" className="stack">
          <FormError errors={errors} />
          <button type="submit">Join {d.programName}</button>
        </Form>
      ) : (
        <>
          <FormError errors={errors} />
          <p>
            You have an account with this address.{" "}
            {d.signedInAs
              ? "You are signed in as someone else: sign out, then "
              : ""}
            <Link to={`/login?redirectTo=${encodeURIComponent(d.back)}`}>
              Sign in as {d.email}
            </Link>{" "}
            to accept.
          </p>
        </>
      )}
    </section>
  );
}
