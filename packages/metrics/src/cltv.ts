import { divideRounded } from "./numbers.js";
import type { CltvFacts } from "./program-facts.js";
import { moneyRatio } from "./ratios.js";
import type { ProgramSettings } from "./settings.js";

type CltvSettings = Pick<
  ProgramSettings,
  "grossMarginBasisPoints" | "lifetimeCapMonths"
>;

/** Customer-months carry fractions of a month; a millionth is plenty. */
const MICRO = 1_000_000;

/**
 * Expected gross profit of one customer over its lifetime, in minor
 * units: ARPA x margin x lifetime, where ARPA = revenue / customer-
 * months, monthly churn = churned / customer-months and lifetime =
 * 1 / churn, at most the cap (and the cap when nobody churned).
 *
 * When the lifetime is not capped, customer-months cancel out:
 * value = revenue x margin / churned, exactly, in integers. Otherwise
 * value = revenue x margin x cap / customer-months. One rounding, half
 * away from zero, at the end. Null without customer-months.
 */
export function customerLifetimeValue(
  facts: CltvFacts,
  settings: CltvSettings,
): bigint | null {
  if (!(facts.customerMonths > 0)) return null;
  const margin = BigInt(settings.grossMarginBasisPoints);
  const cap = settings.lifetimeCapMonths;
  const uncapped =
    facts.churned > 0 && facts.customerMonths / facts.churned <= cap;
  if (uncapped) {
    return divideRounded(
      facts.revenueMinor * margin,
      10_000n * BigInt(facts.churned),
    );
  }
  const months = BigInt(Math.round(facts.customerMonths * MICRO));
  if (months === 0n) return null;
  return divideRounded(
    facts.revenueMinor * margin * BigInt(cap) * BigInt(MICRO),
    10_000n * months,
  );
}

/**
 * How much more a partner's customer is worth than a direct one:
 * partner / direct - 1. Null when either is unknown, or when a direct
 * customer is worth nothing or less (no baseline to compare with).
 */
export function cltvUplift(
  partner: bigint | null,
  direct: bigint | null,
): number | null {
  if (partner === null || direct === null || direct <= 0n) return null;
  return moneyRatio(partner - direct, direct);
}
