import { findEmbedKey } from "@tandem/db";
import { getDb } from "./db.server.js";
import { embedError, requestOrigin } from "./embed-http.server.js";
import { env } from "./env.server.js";
import { findKeyCached } from "./live/key-cache.server.js";
import { listeningHub } from "./live/live.server.js";
import { RateLimiter } from "./rate-limit.server.js";

export type FoundKey = NonNullable<Awaited<ReturnType<typeof findEmbedKey>>>;

/** What a key may show, once the request has earned it. */
export interface EmbedGrant {
  found: FoundKey;
  origin: string;
  /** Whose figures: one partner, or (null) the whole program. */
  target: { programId: number; partnerId: number | null };
}

export type EmbedAccess =
  { ok: true; grant: EmbedGrant } | { ok: false; response: Response };

let limiter: RateLimiter | undefined;

function rateLimiter(): RateLimiter {
  const { EMBED_RATE_BURST, EMBED_RATE_PER_SECOND } = env();
  limiter ??= new RateLimiter(EMBED_RATE_BURST, EMBED_RATE_PER_SECOND);
  return limiter;
}

/**
 * The key exists, the page's origin is on its list, it is live, and it
 * has requests left; otherwise the error to send. Only a listed origin
 * gets CORS headers, so another site's script learns nothing.
 */
export function checkEmbedAccess(
  request: Request,
  key: string,
): Promise<EmbedAccess> {
  return checkKeyForOrigin(requestOrigin(request), key);
}

/** The same checks, for the origin the request came from (or none). */
export async function checkKeyForOrigin(
  origin: string | null,
  key: string,
): Promise<EmbedAccess> {
  // From memory only while revocations are heard (decision 0010).
  const found = listeningHub()
    ? await findKeyCached(key)
    : await findEmbedKey(await getDb(), { key });
  const partnerMissing = found?.key.scope === "partner" && !found.partner;
  if (!found || partnerMissing) {
    // Readable by the asking page, so a site owner's widget can say the
    // key is mistyped; it tells nothing of any key or program.
    const message = "This embed key does not exist.";
    return refuse(embedError(404, "unknown_key", message, origin));
  }
  if (origin === null || !found.key.allowedOrigins.includes(origin)) {
    const message = origin
      ? `This key may not be used on ${origin}.`
      : "This key works only in a web page on one of its allowed origins.";
    return refuse(embedError(403, "origin_not_allowed", message, null));
  }
  if (found.key.revokedAt) {
    const message = "This embed key has been revoked.";
    return refuse(embedError(410, "revoked_key", message, origin));
  }
  const decision = rateLimiter().take(key);
  if (!decision.ok) {
    const wait = String(decision.retryAfterSeconds);
    const message = `Too many requests for this key; retry in ${wait} s.`;
    return refuse(
      embedError(429, "rate_limited", message, origin, {
        "Retry-After": wait,
      }),
    );
  }
  const partnerId = found.key.scope === "partner" ? found.partner!.id : null;
  return {
    ok: true,
    grant: {
      found,
      origin,
      target: { programId: found.program.id, partnerId },
    },
  };
}

function refuse(response: Response): EmbedAccess {
  return { ok: false, response };
}
