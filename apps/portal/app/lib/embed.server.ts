import { createHash } from "node:crypto";
import {
  EMBED_API_VERSION,
  embedScorecardSchema,
  periodKindSchema,
  type EmbedError,
  type EmbedScorecard,
} from "@tandem/embed-contract";
import { findEmbedKey, getPartnerScorecard, resolvePeriod } from "@tandem/db";
import { SKELETON_METRIC_IDS, valueToDecimal } from "@tandem/metrics";
import { z } from "zod";
import { getDb } from "./db.server.js";

const querySchema = z.object({
  key: z
    .string()
    .regex(/^pk_[0-9a-f]{32}$/)
    .optional(),
  period: periodKindSchema.default("quarter"),
  at: z.string().max(16).optional(),
});

type Code = EmbedError["error"]["code"];

const EMBEDDED_METRICS = new Set<string>(SKELETON_METRIC_IDS);

function errorResponse(
  status: number,
  code: Code,
  message: string,
  corsOrigin: string | null,
): Response {
  const body: EmbedError = {
    version: EMBED_API_VERSION,
    error: { code, message },
  };
  return Response.json(body, { status, headers: headers(corsOrigin) });
}

function headers(corsOrigin: string | null): Headers {
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

/**
 * GET /embed/v1/scorecard?key=pk_...&period=quarter[&at=2017-Q1]
 * The key names one partner and the origins that may show it; CORS
 * headers go only to those origins.
 */
export async function embedScorecard(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    const field = String(query.error.issues[0]?.path[0] ?? "query");
    return errorResponse(
      400,
      "bad_request",
      `The ${field} parameter is not valid.`,
      null,
    );
  }
  const { key, period: kind, at } = query.data;
  if (!key) {
    return errorResponse(
      401,
      "missing_key",
      "Give the embed key as ?key=pk_…",
      null,
    );
  }

  const found = await findEmbedKey(await getDb(), { key });
  if (!found)
    return errorResponse(
      404,
      "unknown_key",
      "This embed key does not exist.",
      null,
    );
  const origin = requestOrigin(request);
  const allowed = origin !== null && found.key.allowedOrigins.includes(origin);
  if (!allowed) {
    return errorResponse(
      403,
      "origin_not_allowed",
      origin
        ? `This key may not be used on ${origin}.`
        : "This key works only in a web page on one of its allowed origins.",
      null,
    );
  }
  if (found.key.revokedAt) {
    return errorResponse(
      410,
      "revoked_key",
      "This embed key has been revoked.",
      origin,
    );
  }
  const chosen = resolvePeriod(found.program, kind, at);
  if (!chosen.ok) {
    return errorResponse(400, "bad_request", chosen.message, origin);
  }
  const period = chosen.value;

  const card = await getPartnerScorecard(await getDb(), {
    program: found.program,
    partner: found.partner,
    period,
  });
  const digits = found.program.currencyDigits;
  const body: EmbedScorecard = embedScorecardSchema.parse({
    version: EMBED_API_VERSION,
    partner: { name: found.partner.name },
    program: {
      name: found.program.name,
      currency: found.program.currency,
      timeZone: found.program.timeZone,
    },
    period: card.period,
    // TODO(#5): the metrics a key chooses; v1's units are these six's.
    metrics: card.metrics
      .filter((m) => EMBEDDED_METRICS.has(m.definition.id))
      .map((m) => ({
        id: m.definition.id,
        label: m.definition.name,
        unit: m.definition.unit,
        value: valueToDecimal(m.value, m.definition.unit, digits),
        previous: valueToDecimal(m.previous, m.definition.unit, digits),
      })),
    generatedAt: new Date().toISOString(),
  });
  return withEtag(request, body, headers(origin));
}

/** The ETag covers the figures, not the moment they were computed. */
function withEtag(
  request: Request,
  body: EmbedScorecard,
  h: Headers,
): Response {
  const { generatedAt: _ignored, ...figures } = body;
  const etag = `"${createHash("sha256").update(JSON.stringify(figures)).digest("base64url").slice(0, 27)}"`;
  h.set("ETag", etag);
  // Revalidate every time: a reload after a won deal shows it at once.
  h.set("Cache-Control", "no-cache");
  if (request.headers.get("If-None-Match") === etag) {
    return new Response(null, { status: 304, headers: h });
  }
  h.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { status: 200, headers: h });
}

/** A CORS preflight: answered for listed origins of a live key only. */
export async function embedPreflight(request: Request): Promise<Response> {
  const key = new URL(request.url).searchParams.get("key");
  const origin = request.headers.get("Origin");
  const found = key ? await findEmbedKey(await getDb(), { key }) : null;
  const allowed =
    found &&
    !found.key.revokedAt &&
    origin &&
    found.key.allowedOrigins.includes(origin);
  return new Response(null, {
    status: allowed ? 204 : 403,
    headers: headers(allowed ? origin : null),
  });
}
