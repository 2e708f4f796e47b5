import { createHash } from "node:crypto";
import {
  EMBED_API_VERSION,
  embedScorecardSchema,
  type EmbedScorecard,
  type PeriodKind,
} from "@tandem/embed-contract";
import { getScorecardTrend, resolvePeriod } from "@tandem/db";
import {
  isPartnerMetricId,
  SKELETON_METRIC_IDS,
  valueToDecimal,
} from "@tandem/metrics";
import type { PartnerMetricId } from "@tandem/metrics";
import { getDb } from "./db.server.js";
import type { FoundKey } from "./embed-access.server.js";

/** Periods in each metric's sparkline, the current one included. */
export const SPARKLINE_POINTS = 6;

export type CardResult =
  | { ok: true; card: EmbedScorecard; body: string; etag: string }
  | { ok: false; message: string };

/** The ETag covers the figures, not the moment they were computed. */
export function figuresEtag(card: EmbedScorecard): string {
  const { generatedAt: _ignored, ...figures } = card;
  const hash = createHash("sha256").update(JSON.stringify(figures));
  return `"${hash.digest("base64url").slice(0, 27)}"`;
}

/** The metric ids a key shows, in its order; unknown ids are skipped. */
export function keyMetrics(found: FoundKey): PartnerMetricId[] {
  const offered = new Set<string>(SKELETON_METRIC_IDS);
  const chosen = found.key.metrics ?? SKELETON_METRIC_IDS;
  return chosen.filter(
    (id): id is PartnerMetricId => offered.has(id) && isPartnerMetricId(id),
  );
}

/**
 * The scorecard a key may show for a period: its partner's, or the
 * program's totals without any partner's name, limited to its metrics.
 */
export async function buildEmbedCard(
  found: FoundKey,
  kind: PeriodKind,
  at: string | undefined,
): Promise<CardResult> {
  const chosen = resolvePeriod(found.program, kind, at);
  if (!chosen.ok) return { ok: false, message: chosen.message };
  const isPartner = found.key.scope === "partner";
  const trend = await getScorecardTrend(await getDb(), {
    programId: found.program.id,
    partnerId: isPartner ? found.partner!.id : null,
    period: chosen.value,
    points: SPARKLINE_POINTS,
  });
  const digits = found.program.currencyDigits;
  const metrics = keyMetrics(found).map((id) => {
    const m = trend.metrics.find((r) => r.definition.id === id)!;
    const unit = m.definition.unit;
    return {
      id,
      label: m.definition.name,
      unit,
      value: valueToDecimal(m.value, unit, digits),
      previous: valueToDecimal(m.previous, unit, digits),
      series: trend.series.map((point) => ({
        key: point.period.key,
        value: valueToDecimal(point.values[id], unit, digits),
      })),
    };
  });
  const card = embedScorecardSchema.parse({
    version: EMBED_API_VERSION,
    scope: found.key.scope,
    partner: isPartner ? { name: found.partner!.name } : null,
    program: {
      name: found.program.name,
      currency: found.program.currency,
      timeZone: found.program.timeZone,
    },
    period: trend.period,
    metrics,
    generatedAt: new Date().toISOString(),
  });
  // Serialised once: a cached card is sent many times.
  return {
    ok: true,
    card,
    body: JSON.stringify(card),
    etag: figuresEtag(card),
  };
}
