import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/lib/auth.server.js";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return redirect(user ? "/leads" : "/login");
}
