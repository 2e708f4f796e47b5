/** A record is blank when every cell is empty after trimming. */
export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/** The cells up to the last non-empty one: padding does not count. */
export function filledWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? "").trim() === "") width -= 1;
  return width;
}

/**
 * The index of the header record, or -1. The header is the first record
 * with at least two non-empty cells where non-empty cells are more than
 * half of its cells up to the last non-empty one. Exports put notes
 * above the header (Pipedrive's template has a quoted paragraph padded
 * with commas); such a note has one filled cell and is passed over.
 * A preamble line with two or more filled cells would be taken for the
 * header; the column check of the mapping then reports it.
 */
export function findHeaderIndex(records: readonly string[][]): number {
  return records.findIndex(isHeaderLike);
}

function isHeaderLike(cells: readonly string[]): boolean {
  const width = filledWidth(cells);
  let filled = 0;
  for (let i = 0; i < width; i++) {
    if ((cells[i] ?? "").trim() !== "") filled += 1;
  }
  return filled >= 2 && filled * 2 > width;
}
