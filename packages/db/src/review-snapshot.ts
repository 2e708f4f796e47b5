import type {
  MetricChange,
  MetricStatus,
  MetricUnit,
  MetricValue,
  Period,
} from "@tandem/metrics";
import type { Database } from "./client.js";
import { scoreRows } from "./key-scorecards.js";
import { listKeyMetrics } from "./objectives.js";
import type { Partner, Program } from "./programs.js";
import { getPartnerScorecard } from "./scorecards.js";

/**
 * A value as stored in JSON: money (a bigint of minor units) as a
 * decimal string, other values as numbers, no value as null.
 */
export type StoredValue = string | number | null;

export interface SnapshotMetric {
  id: string;
  name: string;
  description: string;
  unit: MetricUnit;
  value: StoredValue;
  previous: StoredValue;
}

export interface SnapshotKeyMetric {
  metricId: string;
  name: string;
  unit: MetricUnit;
  value: StoredValue;
  target: StoredValue;
  attainment: number | null;
  status: MetricStatus | null;
  weight: number;
  change: { absolute: StoredValue; relative: number | null };
}

/**
 * Version 1 of a review's frozen scorecard: the period's values, the
 * key metrics with targets, attainment and status, and the score, as
 * the scorecard page showed them when the review opened.
 */
export interface ReviewSnapshot {
  version: 1;
  takenAt: string;
  partner: { id: number; name: string };
  period: Pick<Period, "kind" | "key" | "label" | "start" | "end">;
  previousLabel: string;
  score: number | null;
  keyMetrics: SnapshotKeyMetric[];
  metrics: SnapshotMetric[];
}

export function storeValue(value: MetricValue): StoredValue {
  return typeof value === "bigint" ? value.toString() : value;
}

/** Back to what the formatters take: strings were bigints. */
export function readValue(value: StoredValue): MetricValue {
  return typeof value === "string" ? BigInt(value) : value;
}

function storeChange(change: MetricChange) {
  return {
    absolute: storeValue(change.absolute),
    relative: change.relative,
  };
}

/** The partnership's scorecard for the period, as a snapshot to keep. */
export async function takeSnapshot(
  db: Database,
  input: {
    program: Program;
    partner: Pick<Partner, "id" | "name">;
    period: Period;
    now: Date;
  },
): Promise<ReviewSnapshot> {
  const card = await getPartnerScorecard(db, input);
  const rows = await listKeyMetrics(db, {
    programId: input.program.id,
    partnerId: input.partner.id,
    period: input.period,
  });
  const scored = scoreRows(card.series, rows);
  return {
    version: 1,
    takenAt: input.now.toISOString(),
    partner: { id: input.partner.id, name: input.partner.name },
    period: {
      kind: card.period.kind,
      key: card.period.key,
      label: card.period.label,
      start: card.period.start,
      end: card.period.end,
    },
    previousLabel: card.previous.label,
    score: scored.score,
    keyMetrics: scored.keyMetrics.map((k) => ({
      metricId: k.definition.id,
      name: k.definition.name,
      unit: k.definition.unit,
      value: storeValue(k.value),
      target: storeValue(k.target),
      attainment: k.attainment,
      status: k.status,
      weight: k.weight,
      change: storeChange(k.change),
    })),
    metrics: card.metrics.map((m) => ({
      id: m.definition.id,
      name: m.definition.name,
      description: m.definition.description,
      unit: m.definition.unit,
      value: storeValue(m.value),
      previous: storeValue(m.previous),
    })),
  };
}
