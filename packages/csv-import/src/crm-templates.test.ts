import { describe, expect, it } from "vitest";
import { checkMapping } from "./check-mapping.js";
import { decodeCsv } from "./decode-csv.js";
import { mapLeadRows } from "./map-lead-rows.js";
import { readTable } from "./read-table.js";
import { suggestMapping } from "./suggest-mapping.js";
import { readSharedData } from "./testing/shared-data.js";

function readSample(name: string) {
  const bytes = readSharedData(`crm-import-samples/${name}`);
  const decoded = decodeCsv(bytes, "auto");
  if (!decoded.ok) throw new Error(decoded.message);
  const table = readTable(decoded.text);
  if (!table.ok) throw new Error(table.message);
  return { bytes, decoded, table };
}

describe("Pipedrive's deals template", () => {
  const { table } = readSample("Pipedrive sample data - Import data.csv");

  it("finds the header below the multi-line note", () => {
    expect(table.headerRow).toBe(2);
    expect(table.headers).toEqual([
      "Person - Name*",
      "Person - First name",
      "Person - Last name",
      "Person - Phone",
      "Person - Email (Work)",
      "Person - Email (Home)",
      "Organization - Name*",
      "Organization - Address",
      "Deal - Title",
      "Deal - Value",
      "Activity - Subject*",
      "Activity - Due date",
      "Note - Content*",
    ]);
    expect(table.rows.map((row) => row.rowNumber)).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]);
  });

  const suggested = suggestMapping(table.headers);
  const mapping = {
    ...suggested,
    columns: { ...suggested.columns, registeredOn: "Activity - Due date" },
    dateFormat: "M/D/YYYY" as const,
    fixedPartner: "Northwind Partners",
  };
  const options = { currencyDigits: 2, importDate: "2025-03-01" };

  it("imports every deal with dollar amounts and US dates", () => {
    expect(checkMapping(mapping, table.headers)).toEqual({ ok: true });
    const { leads, rejected } = mapLeadRows(table, mapping, options);
    expect(rejected).toEqual([]);
    expect(leads).toHaveLength(12);
    expect(leads[2]).toMatchObject({
      rowNumber: 5,
      partnerName: "Northwind Partners",
      company: "Silicon Links Inc",
      contactName: "Phyllis Yang",
      contactEmail: null,
      estimatedValueMinor: 300000n,
      status: "submitted",
      registeredOn: "2024-12-16",
      notes: "Pricing doesn't work. Consider offering discounts.",
    });
    expect(leads[0]?.registeredOn).toBe("2024-12-05");
  });

  it("derives the same ids when the file is imported again", () => {
    const again = readSample("Pipedrive sample data - Import data.csv");
    const ids = (rows: { externalId: string }[]) =>
      rows.map((row) => row.externalId);
    const first = ids(mapLeadRows(table, mapping, options).leads);
    const second = ids(mapLeadRows(again.table, mapping, options).leads);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(12);
    for (const id of first) expect(id).toMatch(/^row:[0-9a-f]{64}$/);
  });
});

describe("HubSpot's companies template", () => {
  const { bytes, decoded, table } = readSample(
    "HubSpot example - Companies import file.csv",
  );

  it("drops the byte-order mark and reads CRLF rows", () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text.startsWith("Name,")).toBe(true);
    expect(table.headers).toEqual([
      "Name",
      "Company domain name",
      "Phone Number",
      "City",
    ]);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ["The Dragonfly Inn", "thedragonfly.com", "555-5555", "Stars Hollow"],
      ["Pawnee Parks Dept.", "pawneeparks.com", "888-8888", "Pawnee"],
      ["The Good Place", "thegoodplace.com", "000-2222", "Good Place"],
    ]);
  });
});
