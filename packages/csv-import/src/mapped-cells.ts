import { LEAD_FIELD_IDS, type LeadFieldId } from "./lead-fields.js";
import type { MappedColumns } from "./mapping-schema.js";

/**
 * The trimmed, non-empty cells of one row, by the field they map to; a
 * quoted cell's line breaks stay in notes only, and no cell keeps a
 * control character (PostgreSQL cannot store NUL).
 */
export type MappedCells = Partial<Record<LeadFieldId, string>>;

export type ColumnIndexes = Map<LeadFieldId, number>;

/** Where each mapped field's column sits in the table's headers. */
export function columnIndexes(
  headers: readonly string[],
  columns: MappedColumns,
): ColumnIndexes {
  const indexes: ColumnIndexes = new Map();
  for (const field of LEAD_FIELD_IDS) {
    const column = columns[field];
    const index = column ? headers.indexOf(column) : -1;
    if (index >= 0) indexes.set(field, index);
  }
  return indexes;
}

export function readMappedCells(
  cells: readonly string[],
  indexes: ColumnIndexes,
): MappedCells {
  const mapped: MappedCells = {};
  for (const [field, index] of indexes) {
    const value = clean(cells[index] ?? "", field === "notes").trim();
    if (value !== "") mapped[field] = value;
  }
  return mapped;
}

function clean(value: string, multiline: boolean): string {
  return multiline
    ? value.replace(/\r\n?/g, "\n").replace(/[^\P{Cc}\n\t]/gu, "")
    : value.replace(/\p{Cc}+/gu, " ");
}
