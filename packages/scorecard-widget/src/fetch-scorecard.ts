import type { EmbedScorecard, PeriodKind } from "@tandem/embed-contract";
import { parseErrorMessage, parseScorecard } from "./parse-response.js";

export interface ScorecardRequest {
  apiBase: string;
  key: string;
  period: PeriodKind;
  signal: AbortSignal;
}

export type ScorecardResult =
  { ok: true; scorecard: EmbedScorecard } | { ok: false; message: string };

/**
 * Fetches one scorecard. Every failure a host page can meet (bad origin,
 * network down, a server error, a reply of the wrong shape) comes back as
 * a message a person can act on, never as a thrown error.
 */
export async function fetchScorecard(
  request: ScorecardRequest,
): Promise<ScorecardResult> {
  const url = scorecardUrl(request);
  if (!url) {
    return { ok: false, message: `Invalid api-base "${request.apiBase}".` };
  }

  let response: Response;
  try {
    // The key is publishable and the API answers any allowed origin, so
    // no cookies are sent: the portal session must never ride along.
    response = await fetch(url, {
      mode: "cors",
      credentials: "omit",
      // Revalidate the browser's copy (a cheap 304 when unchanged): the
      // widget is live, and must not show figures older than its stream.
      cache: "no-cache",
      headers: { Accept: "application/json" },
      signal: request.signal,
    });
  } catch {
    return {
      ok: false,
      // The browser hides why: the portal is down, or (more often) this
      // page's origin is not on the key's list and got no CORS header.
      message:
        `Could not load the scorecard from ${url.origin}: the service ` +
        `is unreachable, or this key does not allow this site.`,
    };
  }

  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = parseErrorMessage(body);
    const fallback = `The scorecard service answered HTTP ${response.status}.`;
    return { ok: false, message: message ?? fallback };
  }

  const parsed = parseScorecard(body);
  if (!parsed.ok) {
    const problem = `The scorecard service sent an unreadable reply`;
    return { ok: false, message: `${problem}: ${parsed.problem}.` };
  }
  return { ok: true, scorecard: parsed.value };
}

/**
 * An embed API address under the portal. Resolved against the base as a
 * folder, so a portal served under a path (https://example.com/portal)
 * keeps that path.
 */
export function embedUrl(apiBase: string, path: string): URL | undefined {
  const base = apiBase.endsWith("/") ? apiBase : `${apiBase}/`;
  let url: URL;
  try {
    url = new URL(path, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  return url;
}

function scorecardUrl(request: ScorecardRequest): URL | undefined {
  const url = embedUrl(request.apiBase, "embed/v1/scorecard");
  url?.searchParams.set("key", request.key);
  url?.searchParams.set("period", request.period);
  return url;
}
