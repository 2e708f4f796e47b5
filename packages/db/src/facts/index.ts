export { loadProgramFacts, type ProgramFactsSeries } from "./assemble.js";
export { loadCltvFacts, type CltvByPartner } from "./cltv.js";
export { emptyFacts, loadFacts, type FactsByPartner } from "./partner.js";
export type { FactsQuery } from "./query.js";
