import { findEmbedKey } from "@tandem/db";
import { getDb } from "../db.server.js";

type Found = Awaited<ReturnType<typeof findEmbedKey>>;

/**
 * A backstop: NOTIFY on revocation clears an entry at once; this bounds
 * how long a missed notification could keep one.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { found: Found; expires: number }>();

/**
 * The key's row, from memory when this process heard it recently. Only
 * used while the process listens for key changes; unknown keys are not
 * kept, so a key made a moment ago is found.
 */
export async function findKeyCached(key: string): Promise<Found> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.found;
  const found = await findEmbedKey(await getDb(), { key });
  if (!found) return null;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { found, expires: now + TTL_MS });
  return found;
}

export function forgetKey(key: string): void {
  entries.delete(key);
}

export function forgetAllKeys(): void {
  entries.clear();
}
