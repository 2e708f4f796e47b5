import { describe, expect, it } from "vitest";
import { readTable } from "./read-table.js";
import { mapRevenueRows, type RevenueMapping } from "./revenue-rows.js";

const MAPPING: RevenueMapping = {
  customer: "Customer",
  day: "Date",
  amount: "Amount",
  partner: "Partner",
  kind: "Kind",
  dateFormat: "YYYY-MM-DD",
  decimalSeparator: ".",
};

function table(text: string) {
  const read = readTable(text);
  if (!read.ok) throw new Error(read.message);
  return read;
}

describe("mapRevenueRows", () => {
  const file = [
    "Customer,Date,Amount,Partner,Kind",
    'Acme,2024-01-05,"1,200.50",Alpha,',
    "Acme,2024-02-05,300,Alpha,expansion",
    "Acme,2024-03-05,-50,Alpha,contraction",
    "Beta,2024-03-05,-50,,renewal",
    ",2024-03-05,10,,",
    "Gamma,2024-02-30,10,,",
    "Gamma,2024-07-01,10,,",
    "Gamma,2024-03-01,10,,refund",
    "Delta,2024-03-01,1,000,Alpha,new",
  ].join("\n");
  const { rows, rejected } = mapRevenueRows(table(file), MAPPING, {
    currencyDigits: 2,
    importDate: "2024-06-30",
  });

  it("reads exact amounts, with contractions negative", () => {
    expect(
      rows.map((r) => [r.customer, r.amountMinor, r.kind, r.partnerName]),
    ).toEqual([
      ["Acme", 120050n, null, "Alpha"],
      ["Acme", 30000n, "expansion", "Alpha"],
      ["Acme", -5000n, "contraction", "Alpha"],
    ]);
  });

  it("lists the other rows with their reasons", () => {
    expect(rejected).toEqual([
      {
        rowNumber: 5,
        reasons: ['Amount: "-50" is negative; only a contraction is'],
      },
      { rowNumber: 6, reasons: ["Customer: is empty"] },
      { rowNumber: 7, reasons: ['Date: "2024-02-30" is not a real day'] },
      { rowNumber: 8, reasons: ['Date: "2024-07-01" is after today'] },
      {
        rowNumber: 9,
        reasons: [
          'Kind: "refund" is not one of new, expansion, renewal, contraction',
        ],
      },
      // "1,000" unquoted: not a revenue of 1.
      {
        rowNumber: 10,
        reasons: ["row has values beyond the last named column"],
      },
    ]);
  });
});
