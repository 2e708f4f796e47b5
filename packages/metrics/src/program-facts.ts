import { EMPTY_FACTS, type PartnerFacts } from "./facts.js";

/**
 * A trailing twelve-month window of customers, for P-CLTV: revenue of
 * their events in the window, the months they were customers within it
 * (fractional: days / (365.2425 / 12)), and how many churned in it.
 */
export interface CltvFacts {
  revenueMinor: bigint;
  customerMonths: number;
  churned: number;
}

export const EMPTY_CLTV_FACTS: Readonly<CltvFacts> = Object.freeze({
  revenueMinor: 0n,
  customerMonths: 0,
  churned: 0,
});

/** Windows of two groups of customers as one (all partners together). */
export function addCltvFacts(a: CltvFacts, b: CltvFacts): CltvFacts {
  return {
    revenueMinor: a.revenueMinor + b.revenueMinor,
    customerMonths: a.customerMonths + b.customerMonths,
    churned: a.churned + b.churned,
  };
}

/** Deals won in P: the sum of their amounts and how many. */
export interface WonDeals {
  sumMinor: bigint;
  count: number;
}

/**
 * What the program has in P beyond its partners' facts. "Active" means
 * on the day named; the partners counted in `engaged`, `integrated`,
 * `connectedPairs` and `declaredReach` are those active at P's end.
 */
export interface ProgramFacts {
  /** Active on the last day before P. */
  activeAtStart: number;
  /** Active on the last day of P. */
  activeAtEnd: number;
  /** With a lead registered, an activity or a rating in P. */
  engaged: number;
  /** Distinct pairs that shared an activity or a co-sold lead in P. */
  connectedPairs: number;
  /** Won in P naming two partners or more. */
  coSoldWon: WonDeals;
  /** Won in P naming exactly one partner. */
  singleWon: WonDeals;
  /** Sum of the reach the partners declare. */
  declaredReach: number;
  /** With a live integration in P (API key used, webhook, embed key). */
  integrated: number;
  /** The window of customers won without a partner. */
  directCltv: CltvFacts;
  /** The window of every partner's customers together. */
  partnerCltv: CltvFacts;
  /** The program's own facts in P: see docs/metrics.md. */
  totals: PartnerFacts;
}

export const EMPTY_PROGRAM_FACTS: Readonly<ProgramFacts> = Object.freeze({
  activeAtStart: 0,
  activeAtEnd: 0,
  engaged: 0,
  connectedPairs: 0,
  coSoldWon: Object.freeze({ sumMinor: 0n, count: 0 }),
  singleWon: Object.freeze({ sumMinor: 0n, count: 0 }),
  declaredReach: 0,
  integrated: 0,
  directCltv: EMPTY_CLTV_FACTS,
  partnerCltv: EMPTY_CLTV_FACTS,
  totals: EMPTY_FACTS,
});
