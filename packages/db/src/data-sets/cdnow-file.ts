import { readFileSync } from "node:fs";

/** Read in place beside the project: its licence is not ours. */
const FILE = new URL(
  "../../../../../shared/data/cdnow-purchases/CDNOW_master.txt",
  import.meta.url,
);

export interface Purchase {
  customerId: number;
  /** ISO day. */
  day: string;
  items: number;
  cents: bigint;
}

/** The file's lines, without their CRLF endings. */
export function cdnowLines(): string[] {
  return readFileSync(FILE, "latin1").split("\r\n").filter(Boolean);
}

/**
 * One fixed-width line: customer id in columns 1-6, yyyymmdd in 8-15,
 * items in 16-18, dollars with cents in 19-26. The amount is read as
 * text, so no cent goes through a float.
 */
export function parsePurchase(line: string): Purchase {
  const day = line.slice(7, 15);
  const [dollars, cents] = line.slice(18, 26).trim().split(".");
  if (!/^\d{8}$/.test(day) || cents?.length !== 2) {
    throw new Error(`not a CDNOW line: ${JSON.stringify(line)}`);
  }
  return {
    customerId: Number(line.slice(0, 6)),
    day: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`,
    items: Number(line.slice(15, 18)),
    cents: BigInt(dollars!) * 100n + BigInt(cents),
  };
}
