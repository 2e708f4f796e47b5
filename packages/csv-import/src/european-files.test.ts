import { describe, expect, it } from "vitest";
import { decodeCsv, type EncodingChoice } from "./decode-csv.js";
import type { LeadImportMapping } from "./mapping-schema.js";
import { mapLeadRows } from "./map-lead-rows.js";
import { readTable } from "./read-table.js";

/** A German Excel export: semicolons, decimal commas, dotted dates. */
const GERMAN_ROWS = [
  "Partner;Firma;Phase;Erfasst;Abschluss;Betrag",
  "Müller GmbH;Bäckerei Schön;Gewonnen;3.1.2024;31.12.2024;1.234,56 €",
  "Müller GmbH;Café Zürich;Verloren;15.2.2024;1.3.2024;0,00",
  "Weiß AG;Straße & Co;Offen;29.2.2024;;",
];

const MAPPING: LeadImportMapping = {
  columns: {
    partner: "Partner",
    company: "Firma",
    status: "Phase",
    registeredOn: "Erfasst",
    closedOn: "Abschluss",
    amount: "Betrag",
  },
  statusValues: { gewonnen: "won", verloren: "lost", offen: "accepted" },
  defaultStatus: "submitted",
  dateFormat: "D.M.YYYY",
  decimalSeparator: ",",
  fixedPartner: null,
  missingRegisteredOn: "reject",
};

function importBytes(bytes: Uint8Array, encoding: EncodingChoice) {
  const decoded = decodeCsv(bytes, encoding);
  if (!decoded.ok) throw new Error(decoded.message);
  const table = readTable(decoded.text);
  if (!table.ok) throw new Error(table.message);
  const options = { currencyDigits: 2, importDate: "2025-01-10" };
  return { table, ...mapLeadRows(table, MAPPING, options) };
}

function expectGermanLeads(result: ReturnType<typeof importBytes>) {
  expect(result.rejected).toEqual([]);
  expect(result.leads.map((lead) => lead.amountMinor)).toEqual([
    123456n,
    0n,
    null,
  ]);
  expect(result.leads[0]).toMatchObject({
    partnerName: "Müller GmbH",
    company: "Bäckerei Schön",
    status: "won",
    registeredOn: "2024-01-03",
    closedOn: "2024-12-31",
  });
  expect(result.leads[2]?.registeredOn).toBe("2024-02-29");
}

describe("files from European spreadsheets", () => {
  it("reads a semicolon file with decimal commas and D.M.YYYY", () => {
    const bytes = new TextEncoder().encode(GERMAN_ROWS.join("\r\n"));
    const result = importBytes(bytes, "auto");
    expect(result.table.delimiter).toBe(";");
    expectGermanLeads(result);
  });

  it("reads Excel's Unicode text: UTF-16LE, BOM, tabs", () => {
    const text = GERMAN_ROWS.map((row) => row.replaceAll(";", "\t"));
    const body = Buffer.from(text.join("\r\n"), "utf16le");
    const bytes = new Uint8Array([0xff, 0xfe, ...body]);
    const result = importBytes(bytes, "auto");
    expect(result.table.delimiter).toBe("\t");
    expectGermanLeads(result);
  });

  it("reads Windows-1252 when the user chooses it", () => {
    const bytes = encodeWindows1252(GERMAN_ROWS.join("\r\n"));
    expect(decodeCsv(bytes, "auto").ok).toBe(false);
    expectGermanLeads(importBytes(bytes, "windows-1252"));
  });
});

/** Latin-1 letters are their own byte; the euro sign is 0x80. */
function encodeWindows1252(text: string): Uint8Array {
  return new Uint8Array(
    [...text].map((char) => (char === "€" ? 0x80 : char.charCodeAt(0))),
  );
}
