import { and, eq, isNull, notInArray, type SQL } from "drizzle-orm";
import {
  getMetricDefinition,
  isMetricId,
  OBJECTIVES,
  type KeyMetric,
  type MetricTarget,
  type Period,
} from "@tandem/metrics";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { fail, ok, type Result } from "./result.js";
import {
  keyMetrics,
  keyMetricTargets,
  partnershipObjectives,
} from "./schema/index.js";

/** A partnership, or the program's own objectives (partner null). */
export interface Owner {
  programId: number;
  partnerId: number | null;
}

function ownedBy(
  table: typeof keyMetrics | typeof partnershipObjectives,
  { programId, partnerId }: Owner,
): SQL {
  return and(
    eq(table.programId, programId),
    partnerId === null
      ? isNull(table.partnerId)
      : eq(table.partnerId, partnerId),
    isNull(table.removedAt),
  )!;
}

export async function listObjectives(
  db: Database,
  owner: Owner,
): Promise<string[]> {
  const rows = await db
    .select({ objective: partnershipObjectives.objective })
    .from(partnershipObjectives)
    .where(ownedBy(partnershipObjectives, owner))
    .orderBy(partnershipObjectives.id);
  return rows.map((r) => r.objective);
}

/** Makes the chosen objectives the live ones; dropped ones are kept, marked. */
export async function setObjectives(
  db: Database,
  input: Owner & { objectives: string[]; actorId: number },
): Promise<Result<string[], "unknown_objective">> {
  const unknown = input.objectives.find(
    (id) => !OBJECTIVES.some((o) => o.id === id),
  );
  if (unknown)
    return fail("unknown_objective", `"${unknown}" is not an objective.`);
  await db.transaction(async (tx) => {
    const live = await listObjectives(tx, input);
    const keep = input.objectives.length ? input.objectives : ["-"];
    await tx
      .update(partnershipObjectives)
      .set({ removedAt: new Date() })
      .where(
        and(
          ownedBy(partnershipObjectives, input),
          notInArray(partnershipObjectives.objective, keep),
        ),
      );
    const added = input.objectives.filter((id) => !live.includes(id));
    const dropped = live.filter((id) => !input.objectives.includes(id));
    if (added.length > 0 || dropped.length > 0) {
      await recordAudit(tx, {
        programId: input.programId,
        actorId: input.actorId,
        partnerId: input.partnerId,
        kind: "objectives.set",
        summary: "Changed the partnership's objectives",
        details: { added, dropped },
      });
    }
    if (added.length > 0) {
      await tx.insert(partnershipObjectives).values(
        added.map((objective) => ({
          programId: input.programId,
          partnerId: input.partnerId,
          objective,
          createdBy: input.actorId,
        })),
      );
    }
  });
  return ok(input.objectives);
}

export interface KeyMetricRow {
  id: number;
  metricId: string;
  weight: number;
  /** As stored: a decimal string (money in minor units), or null. */
  target: string | null;
}

/** Live key metrics with their targets for one period. */
export async function listKeyMetrics(
  db: Database,
  input: Owner & { period: Pick<Period, "kind" | "key"> },
): Promise<KeyMetricRow[]> {
  const rows = await db
    .select({
      id: keyMetrics.id,
      metricId: keyMetrics.metricId,
      weight: keyMetrics.weight,
      target: keyMetricTargets.target,
    })
    .from(keyMetrics)
    .leftJoin(
      keyMetricTargets,
      and(
        eq(keyMetricTargets.keyMetricId, keyMetrics.id),
        eq(keyMetricTargets.periodKind, input.period.kind),
        eq(keyMetricTargets.periodKey, input.period.key),
      ),
    )
    .where(ownedBy(keyMetrics, input))
    .orderBy(keyMetrics.id);
  return rows;
}

/** Every partner's live key metrics and targets for one period. */
export async function listProgramKeyMetrics(
  db: Database,
  input: { programId: number; period: Pick<Period, "kind" | "key"> },
): Promise<Map<number | null, KeyMetricRow[]>> {
  const rows = await db
    .select({
      id: keyMetrics.id,
      partnerId: keyMetrics.partnerId,
      metricId: keyMetrics.metricId,
      weight: keyMetrics.weight,
      target: keyMetricTargets.target,
    })
    .from(keyMetrics)
    .leftJoin(
      keyMetricTargets,
      and(
        eq(keyMetricTargets.keyMetricId, keyMetrics.id),
        eq(keyMetricTargets.periodKind, input.period.kind),
        eq(keyMetricTargets.periodKey, input.period.key),
      ),
    )
    .where(
      and(
        eq(keyMetrics.programId, input.programId),
        isNull(keyMetrics.removedAt),
      ),
    )
    .orderBy(keyMetrics.id);
  const byPartner = new Map<number | null, KeyMetricRow[]>();
  for (const { partnerId, ...row } of rows) {
    const list = byPartner.get(partnerId) ?? [];
    list.push(row);
    byPartner.set(partnerId, list);
  }
  return byPartner;
}

/** A stored target as the engine takes it: money exact, others numbers. */
export function toKeyMetric(row: KeyMetricRow): KeyMetric | null {
  if (!isMetricId(row.metricId)) return null;
  const unit = getMetricDefinition(row.metricId).unit;
  let target: MetricTarget | null = null;
  if (row.target !== null) {
    target =
      unit === "money" ? BigInt(row.target.split(".")[0]!) : Number(row.target);
  }
  return { metricId: row.metricId, target, weight: row.weight };
}

export async function addKeyMetric(
  db: Database,
  input: Owner & { metricId: string; weight: number; actorId: number },
): Promise<Result<number, "unknown_metric" | "already_key">> {
  if (!isMetricId(input.metricId)) {
    return fail("unknown_metric", `"${input.metricId}" is not a metric.`);
  }
  const { metricId } = input;
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: keyMetrics.id })
      .from(keyMetrics)
      .where(
        and(ownedBy(keyMetrics, input), eq(keyMetrics.metricId, metricId)),
      );
    if (existing.length > 0) {
      return fail("already_key", "That metric is already a key metric here.");
    }
    const [row] = await tx
      .insert(keyMetrics)
      .values({
        programId: input.programId,
        partnerId: input.partnerId,
        metricId,
        weight: input.weight,
        createdBy: input.actorId,
      })
      .returning({ id: keyMetrics.id });
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: input.partnerId,
      kind: "key_metric.added",
      subjectType: "key_metric",
      subjectId: row!.id,
      summary: `Made ${metricId.replaceAll("_", " ")} a key metric`,
      details: { metricId, weight: input.weight },
    });
    return ok(row!.id);
  });
}

export async function removeKeyMetric(
  db: Database,
  input: Owner & { keyMetricId: number; actorId: number | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .update(keyMetrics)
      .set({ removedAt: new Date() })
      .where(
        and(ownedBy(keyMetrics, input), eq(keyMetrics.id, input.keyMetricId)),
      )
      .returning({ id: keyMetrics.id, metricId: keyMetrics.metricId });
    if (!removed) return false;
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: input.partnerId,
      kind: "key_metric.removed",
      subjectType: "key_metric",
      subjectId: removed.id,
      summary: `Removed ${removed.metricId.replaceAll("_", " ")} from the key metrics`,
    });
    return true;
  });
}

/** Sets (or corrects) a key metric's target for one period. */
export async function setTarget(
  db: Database,
  input: Owner & {
    keyMetricId: number;
    period: Pick<Period, "kind" | "key">;
    target: string;
    actorId: number;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: keyMetrics.id, metricId: keyMetrics.metricId })
      .from(keyMetrics)
      .where(
        and(ownedBy(keyMetrics, input), eq(keyMetrics.id, input.keyMetricId)),
      );
    if (!owned) return false;
    await writeTarget(tx, input);
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId: input.partnerId,
      kind: "target.set",
      subjectType: "key_metric",
      subjectId: owned.id,
      summary: `Set the ${input.period.key} target of ${owned.metricId.replaceAll("_", " ")} to ${input.target}`,
      details: { period: input.period.key, target: input.target },
    });
    return true;
  });
}

async function writeTarget(
  tx: Pick<Database, "insert">,
  input: {
    programId: number;
    keyMetricId: number;
    period: Pick<Period, "kind" | "key">;
    target: string;
    actorId: number;
  },
): Promise<void> {
  await tx
    .insert(keyMetricTargets)
    .values({
      programId: input.programId,
      keyMetricId: input.keyMetricId,
      periodKind: input.period.kind,
      periodKey: input.period.key,
      target: input.target,
      createdBy: input.actorId,
    })
    .onConflictDoUpdate({
      target: [
        keyMetricTargets.keyMetricId,
        keyMetricTargets.periodKind,
        keyMetricTargets.periodKey,
      ],
      set: {
        target: input.target,
        createdBy: input.actorId,
        createdAt: new Date(),
      },
    });
}
