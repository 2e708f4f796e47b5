import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { embedPreflight } from "~/lib/embed.server.js";
import { embedStream } from "~/lib/live/embed-stream.server.js";

export function loader({ request }: LoaderFunctionArgs) {
  return embedStream(request);
}

/** Remix sends every method but GET and HEAD here. */
export function action({ request }: ActionFunctionArgs) {
  if (request.method === "OPTIONS") return embedPreflight(request);
  return new Response("Only GET is allowed here.", {
    status: 405,
    headers: { Allow: "GET, OPTIONS" },
  });
}
