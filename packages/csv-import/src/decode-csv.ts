import {
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
  const bom = sniffBom(bytes);
  const used = bom?.encoding ?? (encoding === "auto" ? "utf-8" : encoding);
  const skip = bom?.length ?? 0;
  const decoded = decodeAs(bytes.subarray(skip), used, skip);
  if (!decoded.ok) return decoded;

  const nul = decoded.text.indexOf("\u0000");
  if (nul >= 0) return { ok: false, message: nulMessage(decoded.text, nul) };
  return { ok: true, text: decoded.text, encoding: used };
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
