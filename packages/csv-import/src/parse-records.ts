import Papa from "papaparse";
import type { ParseError } from "papaparse";

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export type ParsedRecords = {
  records: string[][];
  errors: ParseError[];
};

/**
 * Parses text whose line breaks are already "\n". Blank records are
 * kept, so that a record's index plus one is its row number in a
 * spreadsheet.
 */
export function parseRecords(
  text: string,
  delimiter: Delimiter,
  preview = 0,
): ParsedRecords {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
    preview,
  });
  return { records: result.data, errors: result.errors };
}
