/**
 * What the database aggregates for one partner (or the whole program)
 * in one period. Money is in integer minor units of the program's
 * currency.
 */
export interface PartnerFacts {
  /** Leads registered in the period (by registration day). */
  leadsRegistered: number;
  /** Leads won in the period (by close day). */
  leadsWon: number;
  /** Leads lost in the period (by close day). */
  leadsLost: number;
  /** Sum of the won amounts of the leads won in the period. */
  wonAmountMinor: bigint;
  /** Sum of revenue events in the period of the partner's customers. */
  revenueMinor: bigint;
  /** Sum and count of overall ratings given by the partner's side. */
  partnerRatingSum: number;
  partnerRatingCount: number;
}

export const EMPTY_FACTS: Readonly<PartnerFacts> = Object.freeze({
  leadsRegistered: 0,
  leadsWon: 0,
  leadsLost: 0,
  wonAmountMinor: 0n,
  revenueMinor: 0n,
  partnerRatingSum: 0,
  partnerRatingCount: 0,
});

export function addFacts(a: PartnerFacts, b: PartnerFacts): PartnerFacts {
  return {
    leadsRegistered: a.leadsRegistered + b.leadsRegistered,
    leadsWon: a.leadsWon + b.leadsWon,
    leadsLost: a.leadsLost + b.leadsLost,
    wonAmountMinor: a.wonAmountMinor + b.wonAmountMinor,
    revenueMinor: a.revenueMinor + b.revenueMinor,
    partnerRatingSum: a.partnerRatingSum + b.partnerRatingSum,
    partnerRatingCount: a.partnerRatingCount + b.partnerRatingCount,
  };
}
