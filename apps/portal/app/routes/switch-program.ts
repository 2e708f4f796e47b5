import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { setCurrentProgram } from "@tandem/db";
import { forbidden, getUser } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { parseForm, readForm } from "~/lib/forms.server.js";

const switchSchema = z.object({
  programId: z.coerce.number().int().positive("Choose a program."),
});

export async function loader() {
  return redirect("/leads");
}

/**
 * Works in another program of one's own. The id from the form is only
 * taken when the session's person is a member of that program.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (!user) throw redirect("/login");
  const form = parseForm(await readForm(request), switchSchema);
  if (!form.ok) throw new Response("Choose a program.", { status: 400 });

  const switched = await setCurrentProgram(await getDb(), {
    sessionId: user.sessionId,
    programId: form.data.programId,
  });
  if (!switched) throw forbidden("You are not a member of that program.");
  return redirect("/leads");
}
