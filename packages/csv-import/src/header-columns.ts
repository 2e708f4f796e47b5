import { filledWidth } from "./find-header.js";

export type HeaderColumns =
  | { ok: true; headers: string[]; indexes: number[]; width: number }
  | { ok: false; message: string };

/**
 * Names the columns from the header record. A column with an empty name
 * is dropped when no data row uses it (spreadsheets pad records with
 * empty cells); one that holds values could not be mapped, so the file
 * is refused rather than those values silently left behind.
 */
export function headerColumns(
  header: readonly string[],
  dataRows: readonly string[][],
  headerRow: number,
): HeaderColumns {
  const width = filledWidth(header);
  const headers: string[] = [];
  const indexes: number[] = [];
  const seen = new Map<string, number>();
  for (let index = 0; index < width; index++) {
    const name = (header[index] ?? "").trim();
    if (name === "") {
      if (isColumnUsed(dataRows, index)) {
        return unnamed(index, headerRow);
      }
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) return duplicate(name, first, index);
    seen.set(name, index);
    headers.push(name);
    indexes.push(index);
  }
  return { ok: true, headers, indexes, width };
}

function isColumnUsed(rows: readonly string[][], index: number): boolean {
  return rows.some((cells) => (cells[index] ?? "").trim() !== "");
}

function unnamed(index: number, headerRow: number): HeaderColumns {
  return {
    ok: false,
    message:
      `Column ${index + 1} has values but no name in the header ` +
      `(row ${headerRow}). Name it, or delete the column.`,
  };
}

function duplicate(name: string, first: number, index: number): HeaderColumns {
  return {
    ok: false,
    message:
      `Column names must be unique: "${name}" names columns ` +
      `${first + 1} and ${index + 1}. Rename one of them.`,
  };
}
