import { periodKindSchema } from "@tandem/embed-contract";
import { findEmbedKey } from "@tandem/db";
import { z } from "zod";
import { getDb } from "./db.server.js";
import { checkEmbedAccess } from "./embed-access.server.js";
import { buildEmbedCard } from "./embed-card.server.js";
import { embedError, embedHeaders } from "./embed-http.server.js";
import { cachedCard } from "./live/card-cache.server.js";
import { listeningHub } from "./live/live.server.js";

export const embedKeySchema = z.string().regex(/^pk_[0-9a-f]{32}$/);

const querySchema = z.object({
  key: embedKeySchema.optional(),
  period: periodKindSchema.default("quarter"),
  at: z.string().max(16).optional(),
});

/**
 * Shared caches and browsers may keep an answer this long; the live
 * stream brings changes sooner (decision 0009).
 */
export const EMBED_CACHE_CONTROL =
  "public, max-age=15, stale-while-revalidate=15";

/**
 * GET /embed/v1/scorecard?key=pk_...&period=quarter[&at=2017-Q1]
 * The key names one partner (or the program's badge), the metrics and
 * the origins that may show them; CORS headers go only to those origins.
 */
export async function embedScorecard(request: Request): Promise<Response> {
  const url = new URL(request.url);
  // A mistake in the snippet itself is readable by the page that has it;
  // no key is involved, so nothing of anyone's is told.
  const asking = request.headers.get("Origin");
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    const field = String(query.error.issues[0]?.path[0] ?? "query");
    const message = `The ${field} parameter is not valid.`;
    return embedError(400, "bad_request", message, asking);
  }
  const { key, period: kind, at } = query.data;
  if (!key) {
    const message = "Give the embed key as ?key=pk_…";
    return embedError(401, "missing_key", message, asking);
  }

  const access = await checkEmbedAccess(request, key);
  if (!access.ok) return access.response;
  const { found, origin } = access.grant;

  // Cached only while NOTIFY can tell this process the figures changed.
  const hub = listeningHub();
  const built = hub
    ? await cachedCard(hub, access.grant, kind, at)
    : await buildEmbedCard(found, kind, at);
  if (!built.ok) return embedError(400, "bad_request", built.message, origin);
  return withEtag(request, built, embedHeaders(origin));
}

function withEtag(
  request: Request,
  built: { body: string; etag: string },
  h: Headers,
): Response {
  h.set("ETag", built.etag);
  h.set("Cache-Control", EMBED_CACHE_CONTROL);
  if (request.headers.get("If-None-Match") === built.etag) {
    return new Response(null, { status: 304, headers: h });
  }
  h.set("Content-Type", "application/json; charset=utf-8");
  return new Response(built.body, { status: 200, headers: h });
}

/** A CORS preflight: answered for listed origins of a live key only. */
export async function embedPreflight(request: Request): Promise<Response> {
  const key = new URL(request.url).searchParams.get("key");
  const origin = request.headers.get("Origin");
  const valid = key !== null && embedKeySchema.safeParse(key).success;
  const found = valid ? await findEmbedKey(await getDb(), { key }) : null;
  const allowed =
    found &&
    !found.key.revokedAt &&
    origin &&
    found.key.allowedOrigins.includes(origin);
  return new Response(null, {
    status: allowed ? 204 : 403,
    headers: embedHeaders(allowed ? origin : null),
  });
}
