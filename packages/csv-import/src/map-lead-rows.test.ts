import { describe, expect, it } from "vitest";
import type { LeadImportMapping } from "./mapping-schema.js";
import { mapLeadRows } from "./map-lead-rows.js";
import { readTable } from "./read-table.js";

const OPTIONS = { currencyDigits: 2, importDate: "2024-06-30" };

const MAPPING: LeadImportMapping = {
  columns: {
    externalId: "id",
    partner: "agent",
    company: "account",
    contactEmail: "email",
    status: "stage",
    registeredOn: "engaged",
    closedOn: "closed",
    amount: "value",
  },
  statusValues: {
    Won: "won",
    Lost: "lost",
    Engaging: "accepted",
    Prospecting: "submitted",
  },
  defaultStatus: "submitted",
  dateFormat: "YYYY-MM-DD",
  decimalSeparator: ".",
  fixedPartner: null,
  missingRegisteredOn: "import-date",
};

function tableOf(text: string) {
  const table = readTable(text);
  if (!table.ok) throw new Error(table.message);
  return table;
}

const FILE = [
  "id,agent,account,email,stage,engaged,closed,value",
  'A1,Ann,Acme,ann@acme.test,Won,2017-01-05,2017-03-01,"1,054.50"',
  "A2,Ann,Acme,,Lost,2017-01-06,2017-02-30,0",
  'A3,Bob,Beta,,Won,2017-01-07,2017-03-02,"12,5x"',
  "A4,Bob,Beta,,Stalled,2017-01-08,,",
  "A5,Cid,Core,,Won,2017-01-09,2017-03-03,",
  "A1,Cid,Core,,Engaging,2017-01-10,,",
  "A6, Cid ,,,Prospecting,,,",
  "A7,Dee,Delta,dee(at)delta,Engaging,2017-01-11,,",
  ",Dee,Delta,,Engaging,2017-01-12,,",
  "A8,Eve,Echo,,  won ,2017-01-13,2017-03-04,$200",
  "A9,Eve,Echo,,Won,2017-01-13,2017-03-04,200,extra",
  "A10,Eve,,,Won,2017-01-14,,",
].join("\r\n");

describe("mapLeadRows", () => {
  const { leads, rejected } = mapLeadRows(tableOf(FILE), MAPPING, OPTIONS);

  it("keeps the good rows, with exact amounts and ISO days", () => {
    expect(leads.map((lead) => lead.rowNumber)).toEqual([2, 8, 11]);
    expect(leads[0]).toEqual({
      rowNumber: 2,
      externalId: "A1",
      partnerName: "Ann",
      company: "Acme",
      contactName: null,
      contactEmail: "ann@acme.test",
      estimatedValueMinor: null,
      status: "won",
      registeredOn: "2017-01-05",
      closedOn: "2017-03-01",
      amountMinor: 105450n,
      notes: null,
    });
    expect(leads[1]).toMatchObject({
      partnerName: "Cid",
      company: null,
      status: "submitted",
      registeredOn: "2024-06-30",
      closedOn: null,
    });
    expect(leads[2]).toMatchObject({ status: "won", amountMinor: 20000n });
  });

  it("lists every other row with its number and reasons", () => {
    expect(rejected).toEqual([
      { rowNumber: 3, reasons: ['closed: "2017-02-30" is not a real day'] },
      { rowNumber: 4, reasons: ['value: "12,5x" is not an amount'] },
      {
        rowNumber: 5,
        reasons: ['stage: "Stalled" is not a known status value'],
      },
      {
        rowNumber: 6,
        reasons: ["value: is empty; a won lead needs an amount"],
      },
      { rowNumber: 7, reasons: ['id: "A1" is already used by row 2'] },
      { rowNumber: 9, reasons: ["email: is not an email address"] },
      { rowNumber: 10, reasons: ["id: is empty; a row needs an id"] },
      {
        rowNumber: 12,
        reasons: ["row has values beyond the last named column"],
      },
      {
        rowNumber: 13,
        reasons: [
          "closed: is empty; a won lead needs a close date",
          "value: is empty; a won lead needs an amount",
          "account: is empty; a won lead needs a company",
        ],
      },
    ]);
  });

  it("accounts for every data row once", () => {
    const byNumber = (a: number, b: number) => a - b;
    const rows = [...leads, ...rejected].map((row) => row.rowNumber);
    const all = tableOf(FILE).rows.map((row) => row.rowNumber);
    expect(rows.sort(byNumber)).toEqual(all.sort(byNumber));
  });

  it("never repeats a contact email in a reason", () => {
    const reasons = rejected.flatMap((row) => row.reasons).join("\n");
    expect(reasons).not.toContain("dee(at)delta");
  });

  it("refuses a registered day when the mapping says so", () => {
    const strict = { ...MAPPING, missingRegisteredOn: "reject" as const };
    const table = tableOf(`${FILE.split("\r\n")[0]}\nA6,Cid,,,,,,`);
    expect(mapLeadRows(table, strict, OPTIONS).rejected).toEqual([
      {
        rowNumber: 2,
        reasons: ["engaged: is empty; a lead needs a registered day"],
      },
    ]);
  });

  it("refuses days after the import day", () => {
    // OPTIONS.importDate is 2024-06-30: the next day is in the future.
    const header = FILE.split("\r\n")[0];
    const table = tableOf(
      `${header}\nF1,Ann,Acme,,Lost,2024-06-30,2024-07-01,\n` +
        `F2,Ann,Acme,,Engaging,9999-12-31,,`,
    );
    expect(mapLeadRows(table, MAPPING, OPTIONS).rejected).toEqual([
      { rowNumber: 2, reasons: ['closed: "2024-07-01" is after today'] },
      { rowNumber: 3, reasons: ['engaged: "9999-12-31" is after today'] },
    ]);
  });

  it("throws when the mapping was not checked against the file", () => {
    const table = tableOf("agent,name\nAnn,x\n");
    expect(() => mapLeadRows(table, MAPPING, OPTIONS)).toThrow(
      /not a column of this file/,
    );
  });
});

describe("mapLeadRows without an id column", () => {
  const mapping: LeadImportMapping = {
    ...MAPPING,
    columns: { partner: "agent", company: "account", notes: "notes" },
    fixedPartner: "Fallback Partner",
  };
  const FILE_WITHOUT_IDS = [
    "agent,account,notes",
    "Ann,Acme,first",
    "Ann,Acme,second",
    ",Acme,first",
    "Ann , Acme,first",
  ].join("\n");

  it("derives ids from the values, the same on every import", () => {
    const first = mapLeadRows(tableOf(FILE_WITHOUT_IDS), mapping, OPTIONS);
    const again = mapLeadRows(tableOf(FILE_WITHOUT_IDS), mapping, OPTIONS);
    const ids = first.leads.map((lead) => lead.externalId);
    expect(ids).toEqual(again.leads.map((lead) => lead.externalId));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^row:[0-9a-f]{64}$/);
    expect(first.leads[2]?.partnerName).toBe("Fallback Partner");
  });

  it("refuses a row with the same values as an earlier one", () => {
    const { rejected } = mapLeadRows(
      tableOf(FILE_WITHOUT_IDS),
      mapping,
      OPTIONS,
    );
    expect(rejected).toEqual([
      {
        rowNumber: 5,
        reasons: ["row repeats row 2 (same values, no id column)"],
      },
    ]);
  });

  it("keeps a quoted cell's line breaks in notes only", () => {
    const { leads } = mapLeadRows(
      tableOf(
        [
          "id,agent,account,notes",
          'N1,Ann,"Acme\r\nHoldings","first line\r\nsecond\u0000 line"',
        ].join("\n"),
      ),
      {
        ...MAPPING,
        columns: {
          externalId: "id",
          partner: "agent",
          company: "account",
          notes: "notes",
        },
      },
      OPTIONS,
    );
    expect(leads[0]?.company).toBe("Acme Holdings");
    expect(leads[0]?.notes).toBe("first line\nsecond line");
  });

  it("refuses a row closed before it was registered", () => {
    const { leads, rejected } = mapLeadRows(
      tableOf(
        [
          "id,agent,account,stage,engaged,closed,value",
          "D1,Ann,Acme,Won,2026-11-01,2026-10-01,100",
          "D2,Ann,Acme,Won,2026-11-01,2026-11-01,100",
        ].join("\n"),
      ),
      {
        ...MAPPING,
        columns: {
          externalId: "id",
          partner: "agent",
          company: "account",
          status: "stage",
          registeredOn: "engaged",
          closedOn: "closed",
          amount: "value",
        },
      },
      { ...OPTIONS, importDate: "2026-12-01" },
    );
    expect(rejected).toEqual([
      {
        rowNumber: 2,
        reasons: [
          'closed: "2026-10-01" is before the registered day 2026-11-01',
        ],
      },
    ]);
    expect(leads.map((lead) => lead.externalId)).toEqual(["D2"]);
  });
});
