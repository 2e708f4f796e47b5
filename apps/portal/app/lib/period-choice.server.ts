import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { PERIOD_KINDS, type Period } from "@tandem/metrics";
import {
  MAX_CUSTOM_DAYS,
  resolvePeriod,
  type Program,
  type Result,
} from "@tandem/db";
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
 * The period chosen, as the scorecard's picker and the review form send
 * it: a range when either day is given (the second included), else the
 * named period (a custom one by its key, as links carry it), or the
 * current one when none is named.
 */
export function periodFromForm(
  program: Program,
  input: {
    kind: (typeof PERIOD_KINDS)[number] | "custom";
    at?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
): Result<Period, "bad_period"> {
  if (input.from || input.to || (input.kind === "custom" && !input.at)) {
    return rangeOfDays(program, input.from, input.to);
  }
  return resolvePeriod(program, input.kind, input.at || null);
}

const refused = (message: string): Result<Period, "bad_period"> => ({
  ok: false,
  error: "bad_period",
  message,
});

/**
 * A custom range from a picker, both days included, or the reason it
 * cannot be in words a person can act on (not the range's internal key).
 */
export function rangeOfDays(
  program: Program,
  from: string | undefined,
  to: string | undefined,
): Result<Period, "bad_period"> {
  if (!from || !to) return refused("Give both days of a custom range.");
  const days: Temporal.PlainDate[] = [];
  for (const [which, text] of [
    ["first", from],
    ["last", to],
  ] as const) {
    const day = dayField.safeParse(text);
    if (!day.success) {
      return refused(
        `The ${which} day "${text}" is not a day; use YYYY-MM-DD.`,
      );
    }
    days.push(Temporal.PlainDate.from(day.data));
  }
  const [first, last] = days as [Temporal.PlainDate, Temporal.PlainDate];
  if (Temporal.PlainDate.compare(last, first) < 0) {
    return refused("The range ends before it starts.");
  }
  const end = last.add({ days: 1 });
  if (first.until(end).days > MAX_CUSTOM_DAYS) {
    return refused("A custom range spans three years at most.");
  }
  if (first.year < 1900) return refused("A range starts in 1900 or later.");
  return resolvePeriod(program, "custom", `${first}..${end}`);
}
