import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import {
  programs,
  targetSegments,
  type HealthWeights,
} from "./schema/index.js";

export interface ProgramSettingsInput {
  programId: number;
  actorId: number | null;
  grossMarginBasisPoints: number;
  lifetimeCapMonths: number;
  healthWeights: HealthWeights;
}

/** The program's formula settings (see the metric engine's docs). */
export async function updateProgramSettings(
  db: Database,
  input: ProgramSettingsInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(programs)
      .set({
        grossMarginBasisPoints: input.grossMarginBasisPoints,
        lifetimeCapMonths: input.lifetimeCapMonths,
        healthWeights: input.healthWeights,
      })
      .where(eq(programs.id, input.programId));
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      kind: "program.settings_changed",
      subjectType: "program",
      subjectId: input.programId,
      summary: "Changed the program's formula settings",
      details: {
        grossMarginBasisPoints: input.grossMarginBasisPoints,
        lifetimeCapMonths: input.lifetimeCapMonths,
        healthWeights: input.healthWeights,
      },
    });
  });
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
  {
    programId,
    segmentId,
    actorId,
  }: { programId: number; segmentId: number; actorId: number | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(targetSegments)
      .where(
        and(
          eq(targetSegments.programId, programId),
          eq(targetSegments.id, segmentId),
        ),
      )
      .returning({ id: targetSegments.id, name: targetSegments.name });
    if (!removed) return false;
    await recordAudit(tx, {
      programId,
      actorId,
      kind: "segment.removed",
      subjectType: "target_segment",
      subjectId: removed.id,
      summary: `Removed the target segment ${removed.name}`,
    });
    return true;
  });
}

/** Deal registration rules: protection and the decision service level. */
export async function updateLeadRules(
  db: Database,
  input: {
    programId: number;
    actorId: number;
    protectionDays: number;
    decisionSlaDays: number;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        protectionDays: programs.protectionDays,
        decisionSlaDays: programs.decisionSlaDays,
      })
      .from(programs)
      .where(eq(programs.id, input.programId))
      .for("update");
    if (!before) throw new Error(`program ${input.programId} not found`);
    await tx
      .update(programs)
      .set({
        protectionDays: input.protectionDays,
        decisionSlaDays: input.decisionSlaDays,
      })
      .where(eq(programs.id, input.programId));
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      kind: "program.lead_rules_changed",
      subjectType: "program",
      subjectId: input.programId,
      summary: `Protection ${input.protectionDays} days, decisions due within ${input.decisionSlaDays} days`,
      details: {
        before,
        after: {
          protectionDays: input.protectionDays,
          decisionSlaDays: input.decisionSlaDays,
        },
      },
    });
  });
}
