import type { DecimalSeparator } from "./mapping-schema.js";

export type AmountResult =
  { ok: true; minor: bigint } | { ok: false; problem: string };

export type AmountFormat = {
  decimalSeparator: DecimalSeparator;
  currencyDigits: number;
};

/**
 * No single amount reaches a trillion in the currency's whole units, in
 * a file or typed into a form: a larger one is a slip (a pasted id, a
 * misplaced separator), and sums of many stay far from the signed 64-bit
 * columns' limit.
 */
export const AMOUNT_LIMIT_WHOLE = 10n ** 12n;

/** Spaces of every width, and apostrophes (Swiss), group thousands. */
const SPACE_GROUPS = [" ", "\u00a0", "\u202f", "\u2009", "'", "\u2019"];

// "$", "US$", "R$", "€", or a code such as "USD 100" or "EUR100".
const CURRENCY_PREFIX = /^(?:[A-Z]{0,3}\p{Sc}|[A-Z]{3}(?=[\s\d]))\s*/u;
const CURRENCY_SUFFIX = /\s*(?:\p{Sc}|[A-Z]{3})$/u;
const MINUS = /^[-\u2212]\s*/;

/**
 * Reads an amount such as "$3,000", "1.234,56 €" or "(12.50)" into
 * integer minor units. Digits are joined as text and converted with
 * BigInt, so no value passes through a floating-point number.
 */
export function parseAmount(text: string, format: AmountFormat): AmountResult {
  const digits = format.currencyDigits;
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) {
    throw new RangeError(`currencyDigits must be 0 to 6, not ${digits}`);
  }
  const { number, negative } = stripDecorations(text.trim());
  const parts = splitNumber(number, format.decimalSeparator);
  if (!parts) return { ok: false, problem: "is not an amount" };
  if (negative) return { ok: false, problem: "is negative" };

  const { whole, fraction } = parts;
  if (fraction.length > digits) {
    return { ok: false, problem: tooPrecise(digits) };
  }
  if (BigInt(whole) >= AMOUNT_LIMIT_WHOLE) {
    return { ok: false, problem: "is a trillion or more" };
  }
  const scale = 10n ** BigInt(digits);
  const minor = BigInt(whole) * scale + BigInt(fraction.padEnd(digits, "0"));
  return { ok: true, minor };
}

function tooPrecise(digits: number): string {
  if (digits === 0) return "has decimals, but the currency has none";
  const places = digits === 1 ? "1 decimal place" : `${digits} decimal places`;
  return `has more than ${places}`;
}

function stripDecorations(text: string): {
  number: string;
  negative: boolean;
} {
  let rest = text;
  let negative = false;
  // Accounting formats write a negative amount in parentheses.
  if (rest.startsWith("(") && rest.endsWith(")")) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  const steps = [MINUS, CURRENCY_PREFIX, MINUS, CURRENCY_SUFFIX];
  for (const step of steps) {
    const before = rest;
    rest = rest.replace(step, "");
    if (step === MINUS && rest !== before) negative = true;
  }
  if (/\d\s*-$/.test(rest)) {
    negative = true;
    rest = rest.slice(0, -1).trim();
  }
  return { number: rest, negative };
}

function splitNumber(
  text: string,
  decimal: DecimalSeparator,
): { whole: string; fraction: string } | null {
  const [whole = "", fraction, ...extra] = text.split(decimal);
  if (extra.length > 0) return null;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  const plain = ungroup(whole, decimal === "." ? "," : ".");
  if (plain === null) return null;
  return { whole: plain, fraction: fraction ?? "" };
}

/**
 * The digits of an integer part, with one kind of thousands separator
 * used consistently ("1,234,567"), or null for anything else ("12,5").
 */
function ungroup(whole: string, groupMark: string): string | null {
  if (/^\d+$/.test(whole)) return whole;
  const mark = /\D/.exec(whole)?.[0];
  if (mark === undefined) return null;
  if (mark !== groupMark && !SPACE_GROUPS.includes(mark)) return null;
  const groups = whole.split(mark);
  const [lead = "", ...rest] = groups;
  if (!/^\d{1,3}$/.test(lead)) return null;
  if (!rest.every((group) => /^\d{3}$/.test(group))) return null;
  return groups.join("");
}
