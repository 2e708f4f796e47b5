import { describe, expect, it } from "vitest";
import { parseAmount, type AmountFormat } from "./parse-amount.js";

const US: AmountFormat = { decimalSeparator: ".", currencyDigits: 2 };
const EU: AmountFormat = { decimalSeparator: ",", currencyDigits: 2 };

describe("parseAmount", () => {
  it.each([
    ["1054", US, 105400n],
    ["$3,000", US, 300000n],
    ["US$ 1,234,567.8", US, 123456780n],
    ["USD 12.50", US, 1250n],
    ["0", US, 0n],
    ["1.234,56 €", EU, 123456n],
    ["1 234,56", EU, 123456n],
    ["1\u202f234,5\u00a0€", EU, 123450n],
    ["€7,05", EU, 705n],
    ["1'234.50 CHF", US, 123450n],
  ])("reads %s", (text, format, minor) => {
    expect(parseAmount(text, format)).toEqual({ ok: true, minor });
  });

  it("stays exact beyond the precision of a double", () => {
    // Six decimal places: the most minor units a file can reach.
    const result = parseAmount("987654321098.765433", {
      ...US,
      currencyDigits: 6,
    });
    expect(result).toEqual({ ok: true, minor: 987654321098765433n });
  });

  it.each([
    ["12,5x", US, "is not an amount"],
    ["12,5", US, "is not an amount"],
    ["1,23,456", US, "is not an amount"],
    ["1.234,56", US, "is not an amount"],
    ["1E+05", US, "is not an amount"],
    ["$", US, "is not an amount"],
    ["12.345", US, "has more than 2 decimal places"],
    ["1.000", US, "has more than 2 decimal places"],
    ["-5", US, "is negative"],
    ["$-5.00", US, "is negative"],
    ["(12.50)", US, "is negative"],
    ["5-", US, "is negative"],
    [
      "9223372036854775808",
      { ...US, currencyDigits: 0 },
      "is a trillion or more",
    ],
    ["1,000,000,000,000.00", US, "is a trillion or more"],
  ])("refuses %s", (text, format, problem) => {
    expect(parseAmount(text, format)).toEqual({ ok: false, problem });
  });

  it("knows currencies without minor units", () => {
    const yen = { decimalSeparator: ".", currencyDigits: 0 } as const;
    expect(parseAmount("1,500", yen)).toEqual({ ok: true, minor: 1500n });
    expect(parseAmount("1.5", yen)).toEqual({
      ok: false,
      problem: "has decimals, but the currency has none",
    });
  });
});
