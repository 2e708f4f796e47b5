import { divideRounded } from "./numbers.js";

/** A share or a mean of counts; null rather than NaN on nothing. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

const SCALE = 10n ** 12n;

/**
 * a / b for money, exact to 1e-12 before the one conversion to a
 * float (a float of a large sum of cents would already be rounded).
 */
export function moneyRatio(a: bigint, b: bigint): number | null {
  if (b === 0n) return null;
  return Number(divideRounded(a * SCALE, b)) / 1e12;
}

/**
 * (current - previous) / |previous|. Dividing by the magnitude keeps
 * the sign meaning "up" even when a period's revenue was negative (more
 * contraction than sales). Null when there is nothing to grow from.
 */
export function growth(
  current: bigint,
  previous: bigint | null,
): number | null {
  if (previous === null || previous === 0n) return null;
  const magnitude = previous < 0n ? -previous : previous;
  return moneyRatio(current - previous, magnitude);
}

/** A count's change against an earlier count: the same rule. */
export function countGrowth(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** The mean of money in whole minor units; null over no items. */
export function meanMoney(sum: bigint, count: number): bigint | null {
  return count === 0 ? null : divideRounded(sum, BigInt(count));
}
