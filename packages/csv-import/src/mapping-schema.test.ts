import { describe, expect, it } from "vitest";
import { leadImportMappingSchema } from "./mapping-schema.js";

const valid = {
  columns: { partner: " Owner ", company: null },
  statusValues: { Won: "won", "Closed Lost": "lost" },
  defaultStatus: "submitted",
  dateFormat: "D.M.YYYY",
  decimalSeparator: ",",
  fixedPartner: null,
  missingRegisteredOn: "reject",
};

describe("leadImportMappingSchema", () => {
  it("accepts a mapping and trims header names", () => {
    const result = leadImportMappingSchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data?.columns).toEqual({ partner: "Owner", company: null });
  });

  it("refuses unknown statuses, formats and empty names", () => {
    const bad = {
      ...valid,
      columns: { partner: "  " },
      statusValues: { Won: "done" },
      dateFormat: "YY/MM/DD",
      fixedPartner: "",
    };
    const result = leadImportMappingSchema.safeParse(bad);
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual([
      "columns.partner",
      "statusValues.Won",
      "dateFormat",
      "fixedPartner",
    ]);
  });

  it("refuses stage names that differ only in case but disagree", () => {
    const bad = { ...valid, statusValues: { Won: "won", " won": "lost" } };
    const result = leadImportMappingSchema.safeParse(bad);
    expect(result.error?.issues[0]?.message).toBe(
      '" won" is already mapped to won.',
    );
  });

  it("refuses a status value for empty cells", () => {
    const bad = { ...valid, statusValues: { " ": "won" } };
    const result = leadImportMappingSchema.safeParse(bad);
    expect(result.error?.issues[0]?.path).toEqual(["statusValues", " "]);
  });
});
