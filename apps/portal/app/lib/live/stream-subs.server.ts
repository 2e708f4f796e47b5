import { periodKindSchema, type PeriodKind } from "@tandem/embed-contract";

/** One scorecard a stream carries: a key, a period kind, maybe a period. */
export interface StreamSub {
  /** As the client wrote it, e.g. "pk_…:month"; events name it. */
  id: string;
  key: string;
  kind: PeriodKind;
  at: string | undefined;
}

export const MAX_SUBS = 20;

const SUB =
  /^(pk_[0-9a-f]{32})(?::(month|quarter|year)(?::([0-9A-Za-z-]{1,16}))?)?$/;

/**
 * Reads `keys=k1,k2:month,k3:quarter:2017-Q1` (or a single `key=`), so
 * every widget on a page can share one connection (browsers allow only
 * six per origin).
 */
export function parseSubs(
  url: URL,
): { ok: true; subs: StreamSub[] } | { ok: false; message: string } {
  const raw = url.searchParams.get("keys") ?? url.searchParams.get("key");
  if (!raw) {
    return { ok: false, message: "Give the embed keys as ?keys=pk_…" };
  }
  const items = [...new Set(raw.split(",").filter(Boolean))];
  if (items.length === 0 || items.length > MAX_SUBS) {
    return { ok: false, message: `Give 1 to ${MAX_SUBS} keys.` };
  }
  const subs: StreamSub[] = [];
  for (const id of items) {
    const match = SUB.exec(id);
    if (!match) {
      const shown = id.slice(0, 60);
      return {
        ok: false,
        message: `"${shown}" is not a key such as pk_…:quarter.`,
      };
    }
    const kind = periodKindSchema.parse(match[2] ?? "quarter");
    subs.push({ id, key: match[1]!, kind, at: match[3] });
  }
  return { ok: true, subs };
}
