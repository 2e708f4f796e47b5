import { Temporal } from "temporal-polyfill";
import { checkMapping } from "./check-mapping.js";
import { deriveExternalId } from "./derive-id.js";
import type {
  LeadImportRow,
  MapLeadRowsOptions,
  RejectedRow,
} from "./lead-import-row.js";
import { statusLookup } from "./lead-statuses.js";
import {
  columnIndexes,
  readMappedCells,
  type ColumnIndexes,
  type MappedCells,
} from "./mapped-cells.js";
import type { LeadImportMapping } from "./mapping-schema.js";
import { mapLeadRow } from "./map-lead-row.js";
import { quoted } from "./reason.js";
import type { Table } from "./read-table.js";

export type MapLeadRowsResult = {
  leads: LeadImportRow[];
  rejected: RejectedRow[];
};

/**
 * Maps every data row to a lead or a rejection with its reasons, so that
 * leads plus rejected rows account for every row of the file. The
 * mapping must have passed checkMapping for these headers: a mapping
 * that does not fit is a bug of the caller, and throws.
 */
export function mapLeadRows(
  table: Pick<Table, "headers" | "rows">,
  mapping: LeadImportMapping,
  options: MapLeadRowsOptions,
): MapLeadRowsResult {
  const check = checkMapping(mapping, table.headers);
  if (!check.ok) {
    const detail = JSON.stringify(check.fieldErrors);
    throw new Error(`The mapping does not fit the file: ${detail}`);
  }
  const importDate = Temporal.PlainDate.from(options.importDate).toString();
  const context = {
    mapping,
    statuses: statusLookup(mapping.statusValues),
    options: { ...options, importDate },
  };
  const indexes = columnIndexes(table.headers, mapping.columns);
  const firstRowOfId = new Map<string, number>();
  const result: MapLeadRowsResult = { leads: [], rejected: [] };

  for (const { rowNumber, cells } of table.rows) {
    if (cells.length > table.headers.length) {
      const reason = `row has values beyond the last named column`;
      result.rejected.push({ rowNumber, reasons: [reason] });
      continue;
    }
    const mapped = readMappedCells(cells, indexes);
    const identity = identify(mapped, indexes, mapping);
    const reasons = identity.reason ? [identity.reason] : [];
    if (identity.id !== null) {
      const first = firstRowOfId.get(identity.id);
      if (first !== undefined) reasons.push(repeated(identity, first));
      else firstRowOfId.set(identity.id, rowNumber);
    }
    const lead = mapLeadRow(mapped, context);
    if (!lead.ok) reasons.push(...lead.reasons);
    if (reasons.length > 0 || !lead.ok || identity.id === null) {
      result.rejected.push({ rowNumber, reasons });
      continue;
    }
    result.leads.push({ rowNumber, externalId: identity.id, ...lead.lead });
  }
  return result;
}

type Identity = {
  id: string | null;
  column: string | null;
  reason: string | null;
};

function identify(
  cells: MappedCells,
  indexes: ColumnIndexes,
  mapping: LeadImportMapping,
): Identity {
  const column = mapping.columns.externalId ?? null;
  if (column === null) {
    const id = deriveExternalId(cells, indexes, mapping.fixedPartner);
    return { id, column, reason: null };
  }
  const id = cells.externalId ?? null;
  const reason = id === null ? `${column}: is empty; a row needs an id` : null;
  return { id, column, reason };
}

function repeated(identity: Identity, first: number): string {
  if (identity.column === null) {
    return `row repeats row ${first} (same values, no id column)`;
  }
  const id = quoted(identity.id ?? "");
  return `${identity.column}: ${id} is already used by row ${first}`;
}
