import { describe, expect, it } from "vitest";
import { importSummary, seeImported } from "./import-summary.js";

const none = { rowsRead: 0, created: 0, updated: 0, unchanged: 0, refused: 0 };

describe("an import's summary", () => {
  it("says one row and one lead in the singular", () => {
    const r = { ...none, kind: "leads", rowsRead: 1, created: 1 };
    expect(importSummary(r)).toBe(
      "1 row read: 1 new lead, 0 updated, 0 unchanged, 0 refused.",
    );
  });

  it("says several in the plural, none too", () => {
    const r = { ...none, kind: "leads", rowsRead: 3, created: 2, updated: 1 };
    expect(importSummary(r)).toBe(
      "3 rows read: 2 new leads, 1 updated, 0 unchanged, 0 refused.",
    );
    expect(importSummary({ ...none, kind: "leads" })).toBe(
      "0 rows read: 0 new leads, 0 updated, 0 unchanged, 0 refused.",
    );
  });

  it("counts revenue events, and the ones skipped when any", () => {
    const one = { ...none, kind: "revenue", rowsRead: 1, created: 1 };
    expect(importSummary(one)).toBe(
      "1 row read: 1 revenue event imported, 0 refused.",
    );
    const again = { ...one, rowsRead: 4, created: 2, unchanged: 1, refused: 1 };
    expect(importSummary(again)).toBe(
      "4 rows read: 2 revenue events imported, " +
        "1 already imported from an earlier file (skipped), 1 refused.",
    );
  });

  it("sends a revenue import to the overview, a lead import to leads", () => {
    expect(seeImported("revenue")).toEqual({
      to: "/overview",
      label: "See the overview",
    });
    expect(seeImported("leads")).toEqual({
      to: "/leads",
      label: "See the leads",
    });
  });
});
