import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { PERIOD_KINDS, type Period } from "@tandem/metrics";
import { resolvePeriod, type Program, type Result } from "@tandem/db";
import { dayField } from "./forms.server.js";

/** The period picker's fields, as the review form sends them. */
export const reviewPeriodSchema = z.object({
  kind: z.enum([...PERIOD_KINDS, "custom"], {
    error: "Choose a month, a quarter, a year or a custom range.",
  }),
  at: z.string().trim().max(24).optional(),
  from: z.union([z.literal(""), dayField]).optional(),
  to: z.union([z.literal(""), dayField]).optional(),
});

/**
 * The period chosen, as the scorecard's picker reads it: a range when
 * both days are given (the second included), else the named period, or
 * the current one when none is named.
 */
export function periodFromForm(
  program: Program,
  input: z.infer<typeof reviewPeriodSchema>,
): Result<Period, "bad_period"> {
  if (input.from && input.to) {
    const end = Temporal.PlainDate.from(input.to).add({ days: 1 });
    if (input.to < input.from) {
      return {
        ok: false,
        error: "bad_period",
        message: "The range ends before it starts.",
      };
    }
    return resolvePeriod(program, "custom", `${input.from}..${end}`);
  }
  if (input.kind === "custom") {
    return {
      ok: false,
      error: "bad_period",
      message: "Give both days of a custom range.",
    };
  }
  return resolvePeriod(program, input.kind, input.at || null);
}
