import { getMetricDefinition, type ManualMetricId } from "@tandem/metrics";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { notifyScorecardChanged } from "./notify.js";
import { partnersBelong } from "./program-scope.js";
import { fail, ok, type Result } from "./result.js";
import { manualMeasures } from "./schema/index.js";

/**
 * A value staff enter for a metric without an event source, in the
 * metric's unit (money in minor units, a percent as a fraction), for
 * a partner or, with partner null, the program itself.
 */
export async function recordManualMeasure(
  db: Database,
  input: {
    programId: number;
    partnerId: number | null;
    metricId: ManualMetricId;
    measuredOn: string;
    value: number;
    note?: string | null;
    createdBy?: number | null;
  },
): Promise<Result<{ id: number }, "not_found" | "bad_value">> {
  // The column keeps six decimals; NaN or an infinity is no measure.
  if (!Number.isFinite(input.value)) {
    return fail("bad_value", "A measure is a finite number.");
  }
  const metric = getMetricDefinition(input.metricId);
  const { scale } = metric;
  if (scale && (input.value < scale.min || input.value > scale.max)) {
    const fraction =
      metric.unit === "percent" ? " (a fraction: 0.25 for 25 %)" : "";
    return fail(
      "bad_value",
      `${metric.name} lies between ${scale.min} and ${scale.max}${fraction}.`,
    );
  }
  const { partnerId } = input;
  return db.transaction(async (tx) => {
    if (partnerId !== null) {
      if (!(await partnersBelong(tx, input.programId, [partnerId]))) {
        return fail("not_found", "This partner does not exist.");
      }
    }
    const [row] = await tx
      .insert(manualMeasures)
      .values({ ...input, value: String(input.value) })
      .returning({ id: manualMeasures.id });
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.createdBy ?? null,
      partnerId,
      kind: "measure.recorded",
      subjectType: "manual_measure",
      subjectId: row!.id,
      summary: `Recorded ${input.metricId.replaceAll("_", " ")}`,
      details: {
        metricId: input.metricId,
        measuredOn: input.measuredOn,
        value: input.value,
      },
    });
    // A program measure shows on the overview, which is read afresh.
    if (partnerId !== null) {
      await notifyScorecardChanged(tx, {
        programId: input.programId,
        partnerId,
      });
    }
    return ok({ id: row!.id });
  });
}
