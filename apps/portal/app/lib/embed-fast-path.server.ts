import type { IncomingMessage, ServerResponse } from "node:http";
import { periodKindSchema } from "@tandem/embed-contract";
import { checkKeyForOrigin } from "./embed-access.server.js";
import { EMBED_CACHE_CONTROL, embedKeySchema } from "./embed.server.js";
import { cachedCard } from "./live/card-cache.server.js";
import { listeningHub } from "./live/live.server.js";

const PATH = "/embed/v1/scorecard";

/**
 * The embed JSON's common case answered before Express and Remix: a
 * page on a listed origin asking for a live key's scorecard, served from
 * this process's caches. Remix's request handling costs more than the
 * answer itself (see the bench), so server.js tries this first.
 * Anything else (an error to explain, a same-origin page without
 * Origin, a chosen period, no cache yet) goes on to the route, which
 * stays the one place that words errors.
 */
export function embedFastPath(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
): void {
  if (req.method !== "GET" || !req.url?.startsWith(PATH)) return next();
  answer(req, res).then(
    (answered) => {
      if (!answered) next();
    },
    () => next(),
  );
}

async function answer(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url!, "http://portal.invalid");
  const origin = req.headers.origin;
  const hub = listeningHub();
  const key = url.searchParams.get("key");
  const kind = periodKindSchema.safeParse(
    url.searchParams.get("period") ?? "quarter",
  );
  const extra = [...url.searchParams.keys()].some(
    (name) => !["key", "period"].includes(name),
  );
  if (url.pathname !== PATH || !origin || !hub || !kind.success || extra) {
    return false;
  }
  if (!key || !embedKeySchema.safeParse(key).success) return false;

  const access = await checkKeyForOrigin(origin, key);
  if (!access.ok) return false;
  const built = await cachedCard(hub, access.grant, kind.data, undefined);
  if (!built.ok) return false;

  // The same headers as embedHeaders() and the route's, written plainly.
  const fresh = req.headers["if-none-match"] === built.etag;
  res.writeHead(fresh ? 304 : 200, {
    Vary: "Origin",
    "X-Content-Type-Options": "nosniff",
    "Access-Control-Allow-Origin": access.grant.origin,
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Max-Age": "600",
    ETag: built.etag,
    "Cache-Control": EMBED_CACHE_CONTROL,
    ...(fresh ? {} : { "Content-Type": "application/json; charset=utf-8" }),
  });
  res.end(fresh ? undefined : built.body);
  return true;
}
