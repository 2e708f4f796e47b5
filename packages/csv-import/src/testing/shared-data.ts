import { readFileSync } from "node:fs";

/**
 * The public data sets live beside the project, never inside it (their
 * licences are not ours): /work/shared/data from /work/main.
 */
const SHARED_DATA = new URL("../../../../../shared/data/", import.meta.url);

/** The bytes of a file under shared/data, as an upload would give them. */
export function readSharedData(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, SHARED_DATA)));
}
