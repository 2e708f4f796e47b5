import { describe, expect, it } from "vitest";
import { readTable } from "./read-table.js";

function table(text: string) {
  const result = readTable(text);
  if (!result.ok) throw new Error(`expected a table: ${result.message}`);
  return result;
}

function failure(text: string): string {
  const result = readTable(text);
  if (result.ok) throw new Error("expected readTable to fail");
  return result.message;
}

describe("readTable", () => {
  it("reads a comma file with CRLF and trims header names", () => {
    const result = table(" id , name \r\n1,Ann\r\n2,Bob\r\n");
    expect(result.delimiter).toBe(",");
    expect(result.headerRow).toBe(1);
    expect(result.headers).toEqual(["id", "name"]);
    expect(result.rows).toEqual([
      { rowNumber: 2, cells: ["1", "Ann"] },
      { rowNumber: 3, cells: ["2", "Bob"] },
    ]);
  });

  it("counts a multi-line quoted cell as one row", () => {
    const text = 'id,notes\n1,"first\r\nsecond"\n2,plain\n';
    const result = table(text);
    expect(result.rows).toEqual([
      { rowNumber: 2, cells: ["1", "first\nsecond"] },
      { rowNumber: 3, cells: ["2", "plain"] },
    ]);
  });

  it("passes over a preamble and blank rows, keeping row numbers", () => {
    const text = '"Exported\nby CRM",,\n,,\nid,name,city\n\n1,Ann,Oslo\n';
    const result = table(text);
    expect(result.headerRow).toBe(3);
    expect(result.headers).toEqual(["id", "name", "city"]);
    expect(result.rows).toEqual([
      { rowNumber: 5, cells: ["1", "Ann", "Oslo"] },
    ]);
  });

  it("detects semicolons even when amounts hold commas", () => {
    const text = "Deal;Wert;Datum\nA;1.234,56;31.12.2024\nB;7,50;1.2.2025\n";
    const result = table(text);
    expect(result.delimiter).toBe(";");
    expect(result.rows[0]?.cells).toEqual(["A", "1.234,56", "31.12.2024"]);
  });

  it("detects semicolons below a preamble in a short file", () => {
    const result = table("Bericht: Deals\r\n\r\nid;name;betrag\r\n1;A;1,5\r\n");
    expect(result.delimiter).toBe(";");
    expect(result.headerRow).toBe(3);
    expect(result.rows).toEqual([{ rowNumber: 4, cells: ["1", "A", "1,5"] }]);
  });

  it("detects tabs and pipes", () => {
    expect(table("a\tb\n1,5\t2\n").delimiter).toBe("\t");
    expect(table("a|b\n1|2\n").delimiter).toBe("|");
  });

  it("pads short rows and keeps values beyond the header", () => {
    const result = table("a,b,c\n1\n1,2,3,4\n1,2,3,,\n");
    expect(result.rows.map((row) => row.cells)).toEqual([
      ["1", "", ""],
      ["1", "2", "3", "4"],
      ["1", "2", "3"],
    ]);
  });

  it("drops a column with no name and no values", () => {
    const result = table("a,,b\n1,,2\n");
    expect(result.headers).toEqual(["a", "b"]);
    expect(result.rows[0]?.cells).toEqual(["1", "2"]);
  });

  it("refuses a column with values but no name", () => {
    expect(failure("a,,b\n1,x,2\n")).toContain("Column 2 has values");
  });

  it("refuses duplicate header names", () => {
    expect(failure("id,Email,email,Email\n1,a,b,c\n")).toContain(
      '"Email" names columns 2 and 4',
    );
  });

  it("refuses a file without data rows, or without a header", () => {
    expect(failure("id,name\r\n,\r\n")).toContain("no data rows");
    expect(failure("just one cell\nanother\n")).toContain("No header row");
    expect(failure("\r\n \n")).toBe("The file is empty.");
  });

  it("refuses a quote that is never closed, naming its row", () => {
    expect(failure('id,name\n1,Ann\n2,"Bob\n3,Cid\n')).toContain("row 3");
  });
});
