import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { notifyScorecardChanged } from "./notify.js";
import { partnersBelong } from "./program-scope.js";
import { fail, ok, type Result } from "./result.js";
import { costs } from "./schema/index.js";
import type { CostKind } from "./values.js";

/** Money spent on a partner on a day (commission, funds, fees...). */
export async function recordCost(
  db: Database,
  input: {
    programId: number;
    partnerId: number;
    kind: CostKind;
    amountMinor: bigint;
    incurredOn: string;
    note?: string | null;
    createdBy?: number | null;
  },
): Promise<Result<{ id: number }, "not_found">> {
  return db.transaction(async (tx) => {
    if (!(await partnersBelong(tx, input.programId, [input.partnerId]))) {
      return fail("not_found", "This partner does not exist.");
    }
    const [row] = await tx
      .insert(costs)
      .values(input)
      .returning({ id: costs.id });
    await notifyScorecardChanged(tx, input);
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.createdBy ?? null,
      partnerId: input.partnerId,
      kind: "cost.recorded",
      subjectType: "cost",
      subjectId: row!.id,
      summary: `Recorded a ${input.kind.replaceAll("_", " ")} cost`,
      details: {
        kind: input.kind,
        amountMinor: input.amountMinor.toString(),
        incurredOn: input.incurredOn,
      },
    });
    return ok({ id: row!.id });
  });
}
