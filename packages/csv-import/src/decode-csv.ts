import {
  binaryMessage,
  invalidMessage,
  nulMessage,
  oddLengthMessage,
} from "./decode-messages.js";
import { decodeWindows1252 } from "./windows-1252.js";

export const TEXT_ENCODINGS = [
  "utf-8",
  "windows-1252",
  "utf-16le",
  "utf-16be",
] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];
export type EncodingChoice = "auto" | TextEncodingName;

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; message: string };

type Bom = { encoding: TextEncodingName; length: number };

/**
 * Turns the bytes of an uploaded file into text. A byte-order mark wins
 * over the encoding chosen, as in the WHATWG Encoding Standard's decode
 * algorithm: it cannot be there by accident, while the choice can be.
 * Without one, "auto" means strict UTF-8, because guessing between legacy
 * code pages silently garbles names.
 */
export function decodeCsv(
  bytes: Uint8Array,
  encoding: EncodingChoice,
): DecodeResult {
  const kind = binaryKind(bytes);
  if (kind) return { ok: false, message: binaryMessage(kind) };
  const bom = sniffBom(bytes);
  const used = bom?.encoding ?? (encoding === "auto" ? "utf-8" : encoding);
  const skip = bom?.length ?? 0;
  const decoded = decodeAs(bytes.subarray(skip), used, skip);
  if (!decoded.ok) return decoded;

  const nul = decoded.text.indexOf("\u0000");
  if (nul >= 0) return { ok: false, message: nulMessage(decoded.text, nul) };
  return { ok: true, text: decoded.text, encoding: used };
}

/** Files people upload by mistake, by their first bytes. */
const SIGNATURES: readonly [string, readonly number[]][] = [
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a PDF document", [0x25, 0x50, 0x44, 0x46]],
  [
    "a zip archive, such as an Excel workbook (.xlsx)",
    [0x50, 0x4b, 0x03, 0x04],
  ],
  ["an old Excel or Office file (.xls)", [0xd0, 0xcf, 0x11, 0xe0]],
];

function binaryKind(bytes: Uint8Array): string | null {
  const found = SIGNATURES.find(([, start]) =>
    start.every((byte, i) => bytes[i] === byte),
  );
  return found ? found[0] : null;
}

function sniffBom(bytes: Uint8Array): Bom | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { encoding: "utf-8", length: 3 };
  }
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

type Decoded = { ok: true; text: string } | { ok: false; message: string };

function decodeAs(
  body: Uint8Array,
  encoding: TextEncodingName,
  skipped: number,
): Decoded {
  if (encoding === "windows-1252") {
    return { ok: true, text: decodeWindows1252(body) };
  }
  if (encoding !== "utf-8" && body.length % 2 === 1) {
    return { ok: false, message: oddLengthMessage(encoding) };
  }
  try {
    const decoder = new TextDecoder(encoding, {
      fatal: true,
      ignoreBOM: true,
    });
    return { ok: true, text: decoder.decode(body) };
  } catch {
    return { ok: false, message: invalidMessage(body, encoding, skipped) };
  }
}
