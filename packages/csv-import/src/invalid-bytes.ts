/**
 * The offset of the first byte that starts an invalid UTF-8 sequence, or
 * -1 when all bytes are valid. TextDecoder only says that decoding
 * failed; the user needs to know where, to find the cell in the file.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const rule = sequenceRule(lead);
    if (rule === null) return i;
    let [low, high] = rule.second;
    for (let k = 1; k <= rule.continuation; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < low || next > high) return i;
      [low, high] = [0x80, 0xbf];
    }
    i += rule.continuation + 1;
  }
  return -1;
}

type SequenceRule = { continuation: number; second: [number, number] };

/**
 * The allowed range of the second byte excludes overlong forms,
 * surrogates and code points above U+10FFFF (RFC 3629, section 4).
 */
function sequenceRule(lead: number): SequenceRule | null {
  const any: [number, number] = [0x80, 0xbf];
  if (lead >= 0xc2 && lead <= 0xdf) return { continuation: 1, second: any };
  if (lead === 0xe0) return { continuation: 2, second: [0xa0, 0xbf] };
  if (lead === 0xed) return { continuation: 2, second: [0x80, 0x9f] };
  if (lead >= 0xe1 && lead <= 0xef) return { continuation: 2, second: any };
  if (lead === 0xf0) return { continuation: 3, second: [0x90, 0xbf] };
  if (lead === 0xf4) return { continuation: 3, second: [0x80, 0x8f] };
  if (lead >= 0xf1 && lead <= 0xf3) return { continuation: 3, second: any };
  return null;
}

/** The 1-based line of a byte offset, counting line feeds before it. */
export function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line += 1;
  }
  return line;
}

/**
 * The offset of the first code unit of an unpaired surrogate in UTF-16
 * bytes (an even count), or -1 when the text is well formed.
 */
export function firstInvalidUtf16(
  bytes: Uint8Array,
  littleEndian: boolean,
): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let expectLow = false;
  for (let at = 0; at + 1 < bytes.length; at += 2) {
    const unit = view.getUint16(at, littleEndian);
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    if (expectLow !== isLow) return expectLow ? at - 2 : at;
    expectLow = isHigh;
  }
  return expectLow ? bytes.length - 2 : -1;
}
