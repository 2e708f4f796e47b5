import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/lib/auth.server.js";

/** "My scorecard": partners go to theirs, staff to the overview. */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const search = new URL(request.url).search;
  if (member.partnerId === null) return redirect(`/overview${search}`);
  return redirect(`/partners/${member.partnerId}/scorecard${search}`);
}
