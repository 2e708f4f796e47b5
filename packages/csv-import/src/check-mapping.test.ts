import { describe, expect, it } from "vitest";
import { checkMapping, type MappingCheck } from "./check-mapping.js";
import type { LeadImportMapping } from "./mapping-schema.js";

/** The fields with errors, or [] when the mapping fits. */
function fieldsWithErrors(check: MappingCheck): string[] {
  return check.ok ? [] : Object.keys(check.fieldErrors);
}

const HEADERS = ["id", "agent", "account", "stage", "closed", "value"];

const mapping: LeadImportMapping = {
  columns: {
    externalId: "id",
    partner: "agent",
    company: "account",
    status: "stage",
    closedOn: "closed",
    amount: "value",
  },
  statusValues: { Won: "won", Lost: "lost", Open: "accepted" },
  defaultStatus: "submitted",
  dateFormat: "YYYY-MM-DD",
  decimalSeparator: ".",
  fixedPartner: null,
  missingRegisteredOn: "import-date",
};

describe("checkMapping", () => {
  it("accepts a mapping that fits the file", () => {
    expect(checkMapping(mapping, HEADERS)).toEqual({ ok: true });
  });

  it("names a mapped column the file does not have", () => {
    const columns = { ...mapping.columns, company: "Account Name" };
    expect(checkMapping({ ...mapping, columns }, HEADERS)).toEqual({
      ok: false,
      fieldErrors: {
        company: ['"Account Name" is not a column of this file.'],
      },
    });
  });

  it("needs a partner column or one partner for all rows", () => {
    const columns = { ...mapping.columns, partner: null };
    const without = checkMapping({ ...mapping, columns }, HEADERS);
    expect(fieldsWithErrors(without)).toEqual(["partner"]);
    const fixed = { ...mapping, columns, fixedPartner: "Acme" };
    expect(checkMapping(fixed, HEADERS)).toEqual({ ok: true });
  });

  it("needs the registered day when rows without one are refused", () => {
    const strict = { ...mapping, missingRegisteredOn: "reject" as const };
    const result = checkMapping(strict, HEADERS);
    expect(fieldsWithErrors(result)).toEqual(["registeredOn"]);
  });

  it("needs what won and lost leads carry when they can occur", () => {
    const columns = { partner: "agent", status: "stage" };
    const result = checkMapping({ ...mapping, columns }, HEADERS);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.fieldErrors).toEqual({
      closedOn: [
        "A won lead needs a close date: map closed on.",
        "A lost lead needs a close date: map closed on.",
      ],
      amount: ["A won lead needs an amount: map amount."],
      company: ["A won lead needs a company: map company."],
    });
  });

  it("ignores status values when no status column is mapped", () => {
    const columns = { partner: "agent" };
    expect(checkMapping({ ...mapping, columns }, HEADERS)).toEqual({
      ok: true,
    });
  });
});
