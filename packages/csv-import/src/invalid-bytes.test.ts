import { describe, expect, it } from "vitest";
import { firstInvalidUtf8, lineAtOffset } from "./invalid-bytes.js";

const at = (...values: number[]) => firstInvalidUtf8(new Uint8Array(values));

describe("firstInvalidUtf8", () => {
  it("accepts one- to four-byte sequences", () => {
    const text = "a é € 😀";
    expect(firstInvalidUtf8(new TextEncoder().encode(text))).toBe(-1);
  });

  it("finds overlong forms, surrogates and stray bytes", () => {
    expect(at(0x41, 0xc0, 0x80)).toBe(1);
    expect(at(0xe0, 0x80, 0x80)).toBe(0);
    expect(at(0x41, 0x42, 0xed, 0xa0, 0x80)).toBe(2);
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0);
    expect(at(0x80)).toBe(0);
    expect(at(0xff)).toBe(0);
  });

  it("finds a sequence cut off at the end", () => {
    expect(at(0x41, 0xe2, 0x82)).toBe(1);
  });
});

describe("lineAtOffset", () => {
  it("counts line feeds before the offset", () => {
    const bytes = new TextEncoder().encode("a\nb\r\nc");
    expect(lineAtOffset(bytes, 0)).toBe(1);
    expect(lineAtOffset(bytes, 2)).toBe(2);
    expect(lineAtOffset(bytes, 5)).toBe(3);
  });
});
