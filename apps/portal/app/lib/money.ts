/**
 * Reads an amount typed by a person ("1,250.50", "$3,000", "1250") into
 * integer minor units, exactly. Null when it is not an amount.
 */
export function parseMoney(input: string, digits: number): bigint | null {
  const cleaned = input.replace(/[\s$€£,]/g, "");
  const match = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  return BigInt(match[1]! + fraction.padEnd(digits, "0"));
}
