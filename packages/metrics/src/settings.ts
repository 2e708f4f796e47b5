/** How much each component counts in the ecosystem health index. */
export interface HealthWeights {
  engagement: number;
  satisfaction: number;
  growth: number;
  expansion: number;
}

/** The program's choices that formulas depend on. */
export interface ProgramSettings {
  /** Gross margin for P-CLTV: 10000 is 100 %. A whole number. */
  grossMarginBasisPoints: number;
  /** P-CLTV's expected lifetime when churn is zero or tiny. Whole. */
  lifetimeCapMonths: number;
  /** Accounts aimed at over all target segments; null when none set. */
  targetAccounts: number | null;
  healthWeights: HealthWeights;
}

export const DEFAULT_PROGRAM_SETTINGS: Readonly<ProgramSettings> =
  Object.freeze({
    grossMarginBasisPoints: 10000,
    lifetimeCapMonths: 60,
    targetAccounts: null,
    healthWeights: Object.freeze({
      engagement: 1,
      satisfaction: 1,
      growth: 1,
      expansion: 1,
    }),
  });
