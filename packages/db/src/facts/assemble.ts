import { Temporal } from "temporal-polyfill";
import {
  addCltvFacts,
  addFacts,
  EMPTY_CLTV_FACTS,
  type CltvFacts,
  type PartnerFacts,
  type ProgramFacts,
} from "@tandem/metrics";
import type { Database } from "../client.js";
import { loadCltvFacts } from "./cltv.js";
import {
  emptyFacts,
  loadFactsAndMedians,
  type FactsByPartner,
} from "./partner.js";
import {
  activeOn,
  lastDay,
  listPartnerSpans,
  loadProgramOnlyFacts,
  type ProgramOnlyFacts,
} from "./program.js";

export interface ProgramFactsSeries {
  /** Each partner's facts (every partner of the program, even idle). */
  partners: FactsByPartner;
  /** Each partner's trailing-year customer window, per period. */
  cltv: Map<number, CltvFacts[]>;
  /** Direct customers' window, per period. */
  directCltv: CltvFacts[];
  program: ProgramFacts[];
}

/**
 * Everything a program scorecard needs for consecutive periods: one
 * grouped pass per fact table, then arithmetic here.
 */
export async function loadProgramFacts(
  db: Database,
  input: { programId: number; timeZone: string; bounds: readonly string[] },
): Promise<ProgramFactsSeries> {
  const query = { programId: input.programId, bounds: input.bounds };
  const [spans, { partners, medians }, cltvAll, only] = await Promise.all([
    listPartnerSpans(db, input.programId),
    loadFactsAndMedians(db, query),
    loadCltvFacts(db, query),
    loadProgramOnlyFacts(db, query, input.timeZone),
  ]);
  const periods = input.bounds.length - 1;
  for (const span of spans) {
    if (!partners.has(span.id)) {
      partners.set(span.id, Array.from({ length: periods }, emptyFacts));
    }
  }
  const blank = () => Array.from({ length: periods }, () => EMPTY_CLTV_FACTS);
  const directCltv = cltvAll.get(null) ?? blank();
  const cltv = new Map<number, CltvFacts[]>();
  for (const span of spans) cltv.set(span.id, cltvAll.get(span.id) ?? blank());

  const program = only.map((facts, i): ProgramFacts => {
    const start = input.bounds[i]!;
    const end = input.bounds[i + 1]!;
    const dayBefore = Temporal.PlainDate.from(start)
      .subtract({ days: 1 })
      .toString();
    const activeAtEnd = spans.filter((p) => activeOn(p, lastDay(end)));
    const activeIds = new Set(activeAtEnd.map((p) => p.id));
    const factsOf = (id: number) => partners.get(id)![i]!;
    return {
      activeAtStart: spans.filter((p) => activeOn(p, dayBefore)).length,
      activeAtEnd: activeAtEnd.length,
      engaged: activeAtEnd.filter((p) => engagedIn(factsOf(p.id))).length,
      connectedPairs: [...facts.pairs].filter((pair) =>
        pair.split("-").every((id) => activeIds.has(Number(id))),
      ).length,
      coSoldWon: facts.coSoldWon,
      singleWon: facts.singleWon,
      declaredReach: activeAtEnd.reduce(
        (sum, p) => sum + (p.declaredReach ?? 0),
        0,
      ),
      integrated: [...facts.integratedPartnerIds].filter((id) =>
        activeIds.has(id),
      ).length,
      directCltv: directCltv[i]!,
      partnerCltv: [...cltv.values()].reduce(
        (sum, s) => addCltvFacts(sum, s[i]!),
        EMPTY_CLTV_FACTS,
      ),
      totals: programTotals(
        [...partners.values()].map((s) => s[i]!),
        facts,
        medians[i] ?? null,
      ),
    };
  });
  return { partners, cltv, directCltv, program };
}

function engagedIn(f: PartnerFacts): boolean {
  return (
    f.leadsRegistered > 0 ||
    f.jointActivities + f.communications + f.innovations > 0 ||
    f.partnerRatingCount + f.ownerRatingCount > 0
  );
}

/**
 * The partners' facts added up, except what is the program's own: an
 * activity with several partners counts once, the response median is
 * taken over all leads, and manual measures are the program's.
 */
function programTotals(
  partners: PartnerFacts[],
  only: ProgramOnlyFacts,
  responseHoursMedian: number | null,
): PartnerFacts {
  const sum = partners.reduce(addFacts, emptyFacts());
  return {
    ...sum,
    jointActivities: only.jointActivities,
    communications: only.communications,
    innovations: only.innovations,
    responseHoursMedian,
    manualSums: only.manualSums,
    manualCounts: only.manualCounts,
  };
}
