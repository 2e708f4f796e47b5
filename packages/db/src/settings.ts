import { and, asc, eq } from "drizzle-orm";
import type { Database } from "./client.js";
import {
  programs,
  targetSegments,
  type HealthWeights,
} from "./schema/index.js";

export interface ProgramSettingsInput {
  programId: number;
  grossMarginBasisPoints: number;
  lifetimeCapMonths: number;
  healthWeights: HealthWeights;
}

/** The program's formula settings (see the metric engine's docs). */
export async function updateProgramSettings(
  db: Database,
  input: ProgramSettingsInput,
): Promise<void> {
  await db
    .update(programs)
    .set({
      grossMarginBasisPoints: input.grossMarginBasisPoints,
      lifetimeCapMonths: input.lifetimeCapMonths,
      healthWeights: input.healthWeights,
    })
    .where(eq(programs.id, input.programId));
}

export async function listTargetSegments(
  db: Database,
  { programId }: { programId: number },
) {
  return db
    .select({
      id: targetSegments.id,
      name: targetSegments.name,
      targetAccounts: targetSegments.targetAccounts,
    })
    .from(targetSegments)
    .where(eq(targetSegments.programId, programId))
    .orderBy(asc(targetSegments.name));
}

export async function removeTargetSegment(
  db: Database,
  { programId, segmentId }: { programId: number; segmentId: number },
): Promise<boolean> {
  const removed = await db
    .delete(targetSegments)
    .where(
      and(
        eq(targetSegments.programId, programId),
        eq(targetSegments.id, segmentId),
      ),
    )
    .returning({ id: targetSegments.id });
  return removed.length > 0;
}
