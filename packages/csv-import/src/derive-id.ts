import { createHash } from "node:crypto";
import { LEAD_FIELD_IDS } from "./lead-fields.js";
import type { ColumnIndexes, MappedCells } from "./mapped-cells.js";

/**
 * An id for a row of a file without an id column, made from its mapped
 * values, so that importing the same file again finds the same leads.
 * Spacing is normalised (a re-export may pad cells), case is not (it
 * may be a real correction). Editing any mapped value, or the mapping,
 * gives a new id: such files are better imported with an id column.
 */
export function deriveExternalId(
  cells: MappedCells,
  indexes: ColumnIndexes,
  fixedPartner: string | null,
): string {
  const entries: [string, string][] = [];
  for (const field of LEAD_FIELD_IDS) {
    if (!indexes.has(field)) continue;
    entries.push([field, (cells[field] ?? "").replace(/\s+/g, " ")]);
  }
  if (!indexes.has("partner")) entries.push(["partner", fixedPartner ?? ""]);
  const digest = createHash("sha256").update(JSON.stringify(entries));
  return `row:${digest.digest("hex")}`;
}
