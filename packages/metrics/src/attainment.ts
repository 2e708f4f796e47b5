import type { MetricValue } from "./partner-values.js";
import { moneyRatio } from "./ratios.js";

/** Beyond 150 % a key metric counts no more, so one cannot carry all. */
export const ATTAINMENT_CAP = 1.5;

/** A target: money in minor units as a bigint, anything else a number. */
export type MetricTarget = bigint | number;

/**
 * Rounded to nine decimals, so that figures entered as decimals meet
 * the status boundaries exactly (0.08 / 0.1 is 0.7999999999999999 in
 * floating point, and must read as 80 %).
 */
function tidy(fraction: number): number {
  return Math.round(fraction * 1e9) / 1e9;
}

function quotient(a: bigint | number, b: bigint | number): number | null {
  if (typeof a === "bigint" && typeof b === "bigint") return moneyRatio(a, b);
  return Number(a) / Number(b);
}

/**
 * How far a value reached its target, a fraction 0..1.5: value / target,
 * or target / value when lower is better. Null when either is missing
 * or the target is 0 or below (a ratio to it means nothing: set a
 * positive target). A negative value where higher is better attains
 * 0; a value of 0 or below where lower is better (no cost, no wait)
 * attains the cap.
 */
export function attainment(
  value: MetricValue,
  target: MetricTarget | null,
  higherIsBetter: boolean,
): number | null {
  if (value === null || target === null) return null;
  if (!(Number(target) > 0) || !Number.isFinite(Number(value))) return null;
  if (!higherIsBetter && Number(value) <= 0) return ATTAINMENT_CAP;
  const raw = higherIsBetter
    ? quotient(value, target)
    : quotient(target, value);
  if (raw === null || !Number.isFinite(raw)) return null;
  return tidy(Math.min(ATTAINMENT_CAP, Math.max(0, raw)));
}

export type MetricStatus = "on_track" | "at_risk" | "off_track";

/** On track from 100 %, at risk from 80 %, off track below. */
export function attainmentStatus(fraction: number | null): MetricStatus | null {
  if (fraction === null) return null;
  if (fraction >= 1) return "on_track";
  if (fraction >= 0.8) return "at_risk";
  return "off_track";
}
