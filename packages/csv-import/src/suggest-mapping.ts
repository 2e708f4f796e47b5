import { HEADER_SYNONYMS, headerKey } from "./header-synonyms.js";
import { LEAD_FIELD_IDS } from "./lead-fields.js";
import type { LeadStatus } from "./lead-statuses.js";
import type { LeadImportMapping, MappedColumns } from "./mapping-schema.js";

/**
 * Stage names that mean one of our statuses in most CRMs. A file's own
 * stages ("Engaging") are for the user to map.
 */
const COMMON_STATUS_VALUES: Record<string, LeadStatus> = {
  submitted: "submitted",
  new: "submitted",
  accepted: "accepted",
  rejected: "rejected",
  won: "won",
  "closed won": "won",
  closedwon: "won",
  lost: "lost",
  "closed lost": "lost",
  closedlost: "lost",
};

/**
 * A first mapping for the mapping form, guessed from header names only,
 * so formats keep neutral defaults for the user to confirm. Fields are
 * filled in LEAD_FIELD_IDS order, each taking its best-ranked synonym
 * among the headers no earlier field took.
 */
export function suggestMapping(headers: readonly string[]): LeadImportMapping {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const columns: MappedColumns = {};
  for (const field of LEAD_FIELD_IDS) {
    const index = bestHeader(keys, HEADER_SYNONYMS[field], taken);
    columns[field] = index === -1 ? null : (headers[index] ?? null);
    if (index !== -1) taken.add(index);
  }
  return {
    columns,
    statusValues: { ...COMMON_STATUS_VALUES },
    defaultStatus: "submitted",
    dateFormat: "YYYY-MM-DD",
    decimalSeparator: ".",
    fixedPartner: null,
    missingRegisteredOn: "import-date",
  };
}

function bestHeader(
  keys: readonly string[],
  synonyms: readonly string[],
  taken: ReadonlySet<number>,
): number {
  for (const synonym of synonyms) {
    const index = keys.findIndex((key, i) => key === synonym && !taken.has(i));
    if (index !== -1) return index;
  }
  return -1;
}
