import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { revokeSession } from "@tandem/db";
import { getUser } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { sessionCookie } from "~/lib/session.server.js";

export async function loader() {
  return redirect("/");
}

/** Revokes the session row, so the old cookie is worthless everywhere. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (user) await revokeSession(await getDb(), { sessionId: user.sessionId });
  return redirect("/login", {
    headers: {
      "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }),
    },
  });
}
