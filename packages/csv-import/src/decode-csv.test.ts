import { describe, expect, it } from "vitest";
import { decodeCsv } from "./decode-csv.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]) =>
  new Uint8Array(parts.flatMap((part) => [...part]));
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, "utf16le"));
const utf16be = (text: string) =>
  new Uint8Array(Buffer.from(text, "utf16le").swap16());

describe("decodeCsv", () => {
  it("names an image or a workbook instead of blaming the encoding", () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    expect(decodeCsv(png, "auto")).toEqual({
      ok: false,
      message:
        'The file is a PNG image, not CSV text. Save or export the data as CSV (in Excel: File, Save As, "CSV UTF-8") and upload that.',
    });
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    const read = decodeCsv(xlsx, "windows-1252");
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(
      /^The file is a zip archive, such as an Excel workbook/,
    );
  });

  it("reads UTF-8 without a byte-order mark", () => {
    expect(decodeCsv(utf8("Zoë;München\n"), "auto")).toEqual({
      ok: true,
      text: "Zoë;München\n",
      encoding: "utf-8",
    });
  });

  it("strips a UTF-8 byte-order mark", () => {
    const result = decodeCsv(bytes([0xef, 0xbb, 0xbf], utf8("Name")), "auto");
    expect(result).toEqual({ ok: true, text: "Name", encoding: "utf-8" });
  });

  it("reads UTF-16LE and UTF-16BE by their byte-order marks", () => {
    const text = "Name\tCity\r\nZoë\tMünchen €\r\n";
    const le = decodeCsv(bytes([0xff, 0xfe], utf16le(text)), "auto");
    const be = decodeCsv(bytes([0xfe, 0xff], utf16be(text)), "auto");
    expect(le).toEqual({ ok: true, text, encoding: "utf-16le" });
    expect(be).toEqual({ ok: true, text, encoding: "utf-16be" });
  });

  it("lets a byte-order mark win over the encoding chosen", () => {
    const file = bytes([0xef, 0xbb, 0xbf], utf8("Café"));
    const result = decodeCsv(file, "windows-1252");
    expect(result).toEqual({ ok: true, text: "Café", encoding: "utf-8" });
  });

  it("refuses bytes that are not UTF-8 and says where", () => {
    const file = bytes(utf8("Name\nCaf"), [0xe9], utf8(",Paris\n"));
    const result = decodeCsv(file, "auto");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("byte 0xE9 at offset 8 (line 2)");
    expect(result.message).toContain("Windows-1252");
  });

  it("counts the byte-order mark in the offset it reports", () => {
    const file = bytes([0xef, 0xbb, 0xbf], utf8("ab"), [0xc0, 0x80]);
    const result = decodeCsv(file, "utf-8");
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toContain("offset 5 (line 1)");
  });

  it("decodes Windows-1252 with its own characters in 0x80-0x9F", () => {
    const file = bytes(utf8("Caf"), [0xe9, 0x20, 0x80, 0x92, 0x96, 0x9f]);
    expect(decodeCsv(file, "windows-1252")).toEqual({
      ok: true,
      text: "Café €’–Ÿ",
      encoding: "windows-1252",
    });
  });

  it("reads UTF-16 without a byte-order mark when chosen", () => {
    const result = decodeCsv(utf16le("a\tb"), "utf-16le");
    expect(result).toEqual({ ok: true, text: "a\tb", encoding: "utf-16le" });
  });

  it("points at UTF-16 when auto finds NUL characters", () => {
    const result = decodeCsv(utf16le("a\tb\nc\td"), "auto");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("UTF-16LE");
  });

  it("refuses UTF-16 with an odd byte count or a lone surrogate", () => {
    const odd = decodeCsv(bytes([0xff, 0xfe, 0x41, 0x00, 0x42]), "auto");
    expect(!odd.ok && odd.message).toContain("odd number of bytes");
    const lone = bytes([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]);
    const result = decodeCsv(lone, "auto");
    expect(!result.ok && result.message).toContain("offset 4");
  });
});
