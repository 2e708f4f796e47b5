import { addManual, type ManualTotals } from "./manual.js";

/**
 * What the database aggregates for one partner (or the whole program)
 * in one period P. Money is in integer minor units of the program's
 * currency. docs/metrics.md says which rows count and on which day.
 */
export interface PartnerFacts {
  /** Leads registered in P (by registration day). */
  leadsRegistered: number;
  /** Of those, registered through the API, an import or the widget. */
  leadsAutomated: number;
  /** Leads won in P (by close day). */
  leadsWon: number;
  /** Leads lost in P (by close day). */
  leadsLost: number;
  /** Sum of the won amounts of the leads won in P. */
  wonAmountMinor: bigint;
  /** Sum of revenue events in P of the partner's customers. */
  revenueMinor: bigint;
  /** Customers acquired in P (first won deal). */
  newCustomers: number;
  /** Of those, in one of the program's target segments. */
  newCustomersInTargetSegments: number;
  /** Money spent on the partner in P. */
  costsMinor: bigint;
  /** Customers active at P's start; of them, still active at its end. */
  customersActiveAtStart: number;
  customersRetained: number;
  /** Overall ratings (0-10) of the partner's side in P. */
  partnerRatingSum: number;
  partnerRatingCount: number;
  /** Of those, ratings of 9-10 and of 0-6. */
  partnerPromoters: number;
  partnerDetractors: number;
  /** Overall ratings (0-10) of the owner's side in P. */
  ownerRatingSum: number;
  ownerRatingCount: number;
  /** Communication scores (1-5) of both sides' ratings in P. */
  communicationScoreSum: number;
  communicationScoreCount: number;
  /** Campaigns, co-selling, joint development, events, trainings. */
  jointActivities: number;
  /** Meetings, calls, business reviews. */
  communications: number;
  /** Innovation activities completed in P. */
  innovations: number;
  /**
   * Median hours to the owner's first decision over leads registered
   * in P; null when none of them has been decided.
   */
  responseHoursMedian: number | null;
  /** Sum and count of manual measures of each manual metric in P. */
  manualSums: ManualTotals;
  manualCounts: ManualTotals;
}

/**
 * No facts at all. Frozen down to the manual maps, which are shared:
 * give a copy new maps (`{ ...EMPTY_FACTS, manualSums: {} }`) before
 * writing into them.
 */
export const EMPTY_FACTS: Readonly<PartnerFacts> = Object.freeze({
  leadsRegistered: 0,
  leadsAutomated: 0,
  leadsWon: 0,
  leadsLost: 0,
  wonAmountMinor: 0n,
  revenueMinor: 0n,
  newCustomers: 0,
  newCustomersInTargetSegments: 0,
  costsMinor: 0n,
  customersActiveAtStart: 0,
  customersRetained: 0,
  partnerRatingSum: 0,
  partnerRatingCount: 0,
  partnerPromoters: 0,
  partnerDetractors: 0,
  ownerRatingSum: 0,
  ownerRatingCount: 0,
  communicationScoreSum: 0,
  communicationScoreCount: 0,
  jointActivities: 0,
  communications: 0,
  innovations: 0,
  responseHoursMedian: null,
  manualSums: Object.freeze({}),
  manualCounts: Object.freeze({}),
});

/**
 * Two sets of facts as one, e.g. partners into a program total. A
 * median cannot be added: with decided leads on one side only, that
 * side's median is the median of both; with both, it is unknown here
 * and null (the database takes the program's median over its leads).
 */
export function addFacts(a: PartnerFacts, b: PartnerFacts): PartnerFacts {
  return {
    leadsRegistered: a.leadsRegistered + b.leadsRegistered,
    leadsAutomated: a.leadsAutomated + b.leadsAutomated,
    leadsWon: a.leadsWon + b.leadsWon,
    leadsLost: a.leadsLost + b.leadsLost,
    wonAmountMinor: a.wonAmountMinor + b.wonAmountMinor,
    revenueMinor: a.revenueMinor + b.revenueMinor,
    newCustomers: a.newCustomers + b.newCustomers,
    newCustomersInTargetSegments:
      a.newCustomersInTargetSegments + b.newCustomersInTargetSegments,
    costsMinor: a.costsMinor + b.costsMinor,
    customersActiveAtStart: a.customersActiveAtStart + b.customersActiveAtStart,
    customersRetained: a.customersRetained + b.customersRetained,
    partnerRatingSum: a.partnerRatingSum + b.partnerRatingSum,
    partnerRatingCount: a.partnerRatingCount + b.partnerRatingCount,
    partnerPromoters: a.partnerPromoters + b.partnerPromoters,
    partnerDetractors: a.partnerDetractors + b.partnerDetractors,
    ownerRatingSum: a.ownerRatingSum + b.ownerRatingSum,
    ownerRatingCount: a.ownerRatingCount + b.ownerRatingCount,
    communicationScoreSum: a.communicationScoreSum + b.communicationScoreSum,
    communicationScoreCount:
      a.communicationScoreCount + b.communicationScoreCount,
    jointActivities: a.jointActivities + b.jointActivities,
    communications: a.communications + b.communications,
    innovations: a.innovations + b.innovations,
    responseHoursMedian: addMedians(
      a.responseHoursMedian,
      b.responseHoursMedian,
    ),
    manualSums: addManual(a.manualSums, b.manualSums),
    manualCounts: addManual(a.manualCounts, b.manualCounts),
  };
}

function addMedians(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return null;
}
