import type { ParseError } from "papaparse";
import { detectDelimiter } from "./detect-delimiter.js";
import { findHeaderIndex, isBlank } from "./find-header.js";
import { headerColumns } from "./header-columns.js";
import { parseRecords, type Delimiter } from "./parse-records.js";

/**
 * One data record. `cells` line up with the table's headers; a record
 * with values to the right of the last named column keeps them after
 * it (cells.length > headers.length), so the row can be refused.
 */
export type TableRow = { rowNumber: number; cells: string[] };

export type Table = {
  delimiter: Delimiter;
  /** The 1-based row of the header, counting preamble records. */
  headerRow: number;
  headers: string[];
  rows: TableRow[];
};

export type ReadTableResult =
  ({ ok: true } & Table) | { ok: false; message: string };

/**
 * Splits decoded CSV text into a header and data rows. Row numbers are
 * records, as a spreadsheet numbers its rows: a quoted cell spanning
 * three lines is still one row.
 */
export function readTable(text: string): ReadTableResult {
  // Line breaks are unified first so that a file mixing CRLF and LF (one
  // edited by hand after export) still splits into its records.
  const unified = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (unified.trim() === "") return fail("The file is empty.");

  const delimiter = detectDelimiter(unified);
  const { records, errors } = parseRecords(unified, delimiter);
  const [error] = errors;
  if (error) return fail(parseErrorMessage(error));

  const headerIndex = findHeaderIndex(records);
  const header = records[headerIndex];
  if (!header) return fail(NO_HEADER);
  const headerRow = headerIndex + 1;
  const data = records.slice(headerIndex + 1);
  const columns = headerColumns(header, data, headerRow);
  if (!columns.ok) return columns;

  const rows: TableRow[] = [];
  data.forEach((cells, offset) => {
    if (isBlank(cells)) return;
    const rowNumber = headerRow + offset + 1;
    rows.push({ rowNumber, cells: alignCells(cells, columns) });
  });
  if (rows.length === 0) {
    return fail(`The file has a header (row ${headerRow}) but no data rows.`);
  }
  return { ok: true, delimiter, headerRow, headers: columns.headers, rows };
}

const NO_HEADER =
  "No header row found: the header must be the first row with at " +
  "least two column names, filled in most of its cells.";

function alignCells(
  cells: readonly string[],
  columns: { indexes: number[]; width: number },
): string[] {
  const aligned = columns.indexes.map((index) => cells[index] ?? "");
  const beyond = cells.slice(columns.width);
  if (isBlank(beyond)) return aligned;
  return [...aligned, ...beyond];
}

function parseErrorMessage(error: ParseError): string {
  const row = error.row === undefined ? "" : ` in row ${error.row + 1}`;
  if (error.code === "MissingQuotes") {
    return (
      `A quoted cell${row} is never closed, so the rest of the file ` +
      'cannot be read. Look for a stray " in that row.'
    );
  }
  if (error.code === "InvalidQuotes") {
    return (
      `A quoted cell${row} has text after its closing quote. Inside ` +
      'quotes, a " must be written twice ("").'
    );
  }
  return `The file cannot be read as CSV${row}: ${error.message}.`;
}

function fail(message: string): ReadTableResult {
  return { ok: false, message };
}
