/**
 * Windows-1252 differs from ISO-8859-1 only in bytes 0x80-0x9F, where it
 * has printable characters (the euro sign, curly quotes, dashes). Bytes
 * the code page leaves undefined keep their own code point, as the WHATWG
 * Encoding Standard says.
 */
const HIGH_CONTROL_RANGE = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6,
  0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * Node's own TextDecoder("windows-1252") decodes as ISO-8859-1 since
 * 20.18.3 (nodejs/node#60888, nodejs/node#56542), turning "€" into a
 * control character, so the table is applied here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    const high = byte >= 0x80 && byte <= 0x9f;
    codes[i] = high ? (HIGH_CONTROL_RANGE[byte - 0x80] ?? byte) : byte;
  }
  return joinCodeUnits(codes);
}

/** String.fromCharCode in slices, to stay under the argument limit. */
function joinCodeUnits(codes: Uint16Array): string {
  const parts: string[] = [];
  const slice = 8192;
  for (let start = 0; start < codes.length; start += slice) {
    parts.push(String.fromCharCode(...codes.subarray(start, start + slice)));
  }
  return parts.join("");
}
