import { filledWidth, findHeaderIndex, isBlank } from "./find-header.js";
import { DELIMITERS, parseRecords, type Delimiter } from "./parse-records.js";

/** Enough records to get past a preamble and see the rows agree. */
const PREVIEW_RECORDS = 50;

type Score = { clean: boolean; agreeing: number; width: number };

/**
 * Papaparse's own guess sums the changes in field count over the first
 * ten records, so a preamble, blank records or the empty record after a
 * final line break count against the right delimiter, and a short file
 * can end with no guess at all. Here each candidate is scored by how
 * much of the preview forms one table under the header it yields; ties
 * go to the wider header, then to the order of DELIMITERS.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = DELIMITERS[0];
  let bestScore: Score | null = null;
  for (const delimiter of DELIMITERS) {
    const score = scoreDelimiter(text, delimiter);
    if (score && (!bestScore || isBetter(score, bestScore))) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function scoreDelimiter(text: string, delimiter: Delimiter): Score | null {
  const { records, errors } = parseRecords(text, delimiter, PREVIEW_RECORDS);
  const headerIndex = findHeaderIndex(records);
  const header = records[headerIndex];
  if (!header) return null;

  const nonBlank = records.filter((cells) => !isBlank(cells));
  const table = records.slice(headerIndex).filter((cells) => !isBlank(cells));
  const agreeing = table.filter((c) => c.length === header.length).length;
  return {
    clean: errors.length === 0,
    agreeing: agreeing / nonBlank.length,
    width: filledWidth(header),
  };
}

function isBetter(a: Score, b: Score): boolean {
  if (a.clean !== b.clean) return a.clean;
  if (a.agreeing !== b.agreeing) return a.agreeing > b.agreeing;
  return a.width > b.width;
}
