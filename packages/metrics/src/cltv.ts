import { divideRounded } from "./numbers.js";
import type { CltvFacts } from "./program-facts.js";
import { moneyRatio } from "./ratios.js";
import type { ProgramSettings } from "./settings.js";

type CltvSettings = Pick<
  ProgramSettings,
  "grossMarginBasisPoints" | "lifetimeCapMonths"
>;

/**
 * Expected gross profit of one customer over its lifetime, in minor
 * units: ARPA x margin x lifetime, where ARPA = revenue / customer-
 * months, monthly churn = churned / customer-months and lifetime =
 * 1 / churn, at most the cap (and the cap when nobody churned).
 *
 * When the lifetime is not capped, customer-months cancel out:
 * value = revenue x margin / churned, exactly, in integers. Otherwise
 * value = revenue x margin x cap / customer-months, with the months
 * taken exactly as the number they are. One rounding, half away from
 * zero, at the end. Null without customer-months.
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
  const months = exactFraction(facts.customerMonths);
  return divideRounded(
    facts.revenueMinor * margin * BigInt(cap) * months.denominator,
    10_000n * months.numerator,
  );
}

/**
 * A double as the exact fraction it holds (numerator / 2^k), so that
 * dividing by customer-months rounds once, at the end: rounding them to
 * a millionth first put a P-CLTV of $815,273.44 off by 22 cents.
 */
function exactFraction(value: number): {
  numerator: bigint;
  denominator: bigint;
} {
  // A double's fraction has 52 bits below its leading one; customer-
  // months are never below a day's worth, so a few dozen steps do.
  let shift = 0;
  while (!Number.isInteger(value * 2 ** shift) && shift < 1000) shift += 1;
  return {
    numerator: BigInt(value * 2 ** shift),
    denominator: 2n ** BigInt(shift),
  };
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
