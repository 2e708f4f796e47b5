import { EMBED_API_VERSION, type EmbedError } from "@tandem/embed-contract";

export type EmbedErrorCode = EmbedError["error"]["code"];

/** CORS goes only to a listed origin of the key (decision 0006). */
export function embedHeaders(corsOrigin: string | null): Headers {
  const h = new Headers({
    Vary: "Origin",
    "X-Content-Type-Options": "nosniff",
  });
  if (corsOrigin) {
    h.set("Access-Control-Allow-Origin", corsOrigin);
    h.set("Access-Control-Allow-Methods", "GET, OPTIONS");
    h.set("Access-Control-Max-Age", "600");
  }
  return h;
}

export function embedError(
  status: number,
  code: EmbedErrorCode,
  message: string,
  corsOrigin: string | null,
  extra: Record<string, string> = {},
): Response {
  const body: EmbedError = {
    version: EMBED_API_VERSION,
    error: { code, message },
  };
  const headers = embedHeaders(corsOrigin);
  // An error must never be served from a cache in place of the figures.
  headers.set("Cache-Control", "no-store");
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return Response.json(body, { status, headers });
}

/**
 * The page asking: its Origin header, or this portal itself for a
 * same-origin request (browsers send no Origin on a same-origin GET).
 */
export function requestOrigin(request: Request): string | null {
  const origin = request.headers.get("Origin");
  if (origin) return origin;
  const site = request.headers.get("Sec-Fetch-Site");
  return site === "same-origin" ? new URL(request.url).origin : null;
}
