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
    return ok({ id: row!.id });
  });
}
