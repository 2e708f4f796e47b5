import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { checkMapping } from "./check-mapping.js";
import { decodeCsv } from "./decode-csv.js";
import type { LeadImportRow } from "./lead-import-row.js";
import { leadImportMappingSchema } from "./mapping-schema.js";
import { mapLeadRows } from "./map-lead-rows.js";
import { readTable } from "./read-table.js";
import { readSharedData } from "./testing/shared-data.js";

/** The mapping crm-sales-opportunities/EXPECTED.md describes. */
const MAPPING = leadImportMappingSchema.parse({
  columns: {
    externalId: "opportunity_id",
    partner: "sales_agent",
    company: "account",
    status: "deal_stage",
    registeredOn: "engage_date",
    closedOn: "close_date",
    amount: "close_value",
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
});

const USD = { currencyDigits: 2, importDate: "2018-01-02" };

function importPipeline() {
  const bytes = readSharedData("crm-sales-opportunities/sales_pipeline.csv");
  const decoded = decodeCsv(bytes, "auto");
  if (!decoded.ok) throw new Error(decoded.message);
  const table = readTable(decoded.text);
  if (!table.ok) throw new Error(table.message);
  return { table, ...mapLeadRows(table, MAPPING, USD) };
}

function countBy<T>(items: readonly T[], key: (item: T) => string) {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function sumMinor(leads: readonly LeadImportRow[]): bigint {
  return leads.reduce((sum, lead) => sum + (lead.amountMinor ?? 0n), 0n);
}

describe("the CRM sales opportunities pipeline", () => {
  const { table, leads, rejected } = importPipeline();
  const won = leads.filter((lead) => lead.status === "won");

  it("fits the mapping of EXPECTED.md", () => {
    expect(checkMapping(MAPPING, table.headers)).toEqual({ ok: true });
  });

  it("accounts for all 8,800 opportunities, none rejected", () => {
    expect(table.rows).toHaveLength(8800);
    expect(rejected).toEqual([]);
    expect(leads.length + rejected.length).toBe(8800);
  });

  it("has 4,238 won, 2,473 lost and 2,089 open leads", () => {
    const open = (lead: LeadImportRow) =>
      lead.status === "submitted" || lead.status === "accepted";
    expect(countBy(leads, (lead) => lead.status)).toEqual({
      won: 4238,
      lost: 2473,
      accepted: 1589,
      submitted: 500,
    });
    expect(leads.filter(open)).toHaveLength(2089);
  });

  it("won exactly 10,005,534 USD", () => {
    expect(sumMinor(won)).toBe(1000553400n);
  });

  it("puts won revenue in the quarters of its close days", () => {
    const quarter = (day: string) => {
      const date = Temporal.PlainDate.from(day);
      return `${date.year} Q${Math.ceil(date.month / 3)}`;
    };
    const byQuarter = new Map<string, bigint>();
    for (const lead of won) {
      const key = quarter(lead.closedOn ?? "");
      byQuarter.set(key, (byQuarter.get(key) ?? 0n) + (lead.amountMinor ?? 0n));
    }
    expect(Object.fromEntries(byQuarter)).toEqual({
      "2017 Q1": 113467200n,
      "2017 Q2": 308611100n,
      "2017 Q3": 298225500n,
      "2017 Q4": 280249600n,
    });
  });

  it("gives the 500 undated prospects the import day", () => {
    const prospects = leads.filter((lead) => lead.status === "submitted");
    const days = new Set(prospects.map((lead) => lead.registeredOn));
    expect(prospects).toHaveLength(500);
    expect([...days]).toEqual(["2018-01-02"]);
  });

  it("keeps each opportunity's own id", () => {
    const ids = new Set(leads.map((lead) => lead.externalId));
    expect(ids.size).toBe(8800);
    expect(leads[0]).toMatchObject({
      rowNumber: 2,
      externalId: "1C1I7A6R",
      partnerName: "Moses Frase",
      company: "Cancity",
      registeredOn: "2016-10-20",
      closedOn: "2017-03-01",
      amountMinor: 105400n,
    });
  });
});
