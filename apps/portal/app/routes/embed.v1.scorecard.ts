import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { embedPreflight, embedScorecard } from "~/lib/embed.server.js";

export function loader({ request }: LoaderFunctionArgs) {
  return embedScorecard(request);
}

/** Remix sends every method but GET and HEAD here. */
export function action({ request }: ActionFunctionArgs) {
  if (request.method === "OPTIONS") return embedPreflight(request);
  return new Response("Only GET is allowed here.", {
    status: 405,
    headers: { Allow: "GET, OPTIONS" },
  });
}
