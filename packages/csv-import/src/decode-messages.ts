import type { TextEncodingName } from "./decode-csv.js";
import {
  firstInvalidUtf16,
  firstInvalidUtf8,
  lineAtOffset,
} from "./invalid-bytes.js";

/*
 * What the user reads when an upload cannot be decoded: where the
 * problem is, and which encoding to choose instead.
 */

export function invalidMessage(
  body: Uint8Array,
  encoding: TextEncodingName,
  skipped: number,
): string {
  if (encoding === "utf-8") {
    const at = Math.max(firstInvalidUtf8(body), 0);
    const hex = (body[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return (
      `The file is not valid UTF-8: byte 0x${hex} at offset ` +
      `${at + skipped} (line ${lineAtOffset(body, at)}) cannot be read. ` +
      "If it was saved by Excel or another Windows program, choose " +
      "Windows-1252 and upload it again."
    );
  }
  const at = Math.max(firstInvalidUtf16(body, encoding === "utf-16le"), 0);
  return (
    `The file is not valid ${label(encoding)}: the character at byte ` +
    `offset ${at + skipped} is half of a pair. Choose another encoding ` +
    "or export the file again."
  );
}

export function oddLengthMessage(encoding: TextEncodingName): string {
  return (
    `The file is not ${label(encoding)}: it has an odd number of bytes. ` +
    "Choose another encoding."
  );
}

export function binaryMessage(kind: string): string {
  return (
    `The file is ${kind}, not CSV text. Save or export the data as CSV ` +
    '(in Excel: File, Save As, "CSV UTF-8") and upload that.'
  );
}

export function nulMessage(text: string, index: number): string {
  const line = text.slice(0, index).split("\n").length;
  return (
    `The file contains a NUL character on line ${line}, so it is not ` +
    'CSV text in this encoding. A file saved as "Unicode text" without ' +
    "a byte-order mark needs UTF-16LE."
  );
}

function label(encoding: TextEncodingName): string {
  return encoding.toUpperCase();
}
