import { findLiveKeys } from "@tandem/db";
import { getDb } from "../db.server.js";
import { describeError, logger } from "../logger.server.js";

/** How often open streams' keys are checked for revocation. */
export const KEY_CHECK_MS = 2_000;

const watchers = new Map<string, Set<() => void>>();
let timer: NodeJS.Timeout | undefined;

/**
 * Calls `onRevoked` once the key is revoked (or gone). One query a tick
 * for all keys with open streams in this process, whichever process
 * revoked it.
 */
export function watchKey(key: string, onRevoked: () => void): () => void {
  let set = watchers.get(key);
  if (!set) watchers.set(key, (set = new Set()));
  set.add(onRevoked);
  timer ??= setInterval(() => void check(), KEY_CHECK_MS).unref();
  return () => {
    set.delete(onRevoked);
    if (set.size === 0) watchers.delete(key);
    if (watchers.size === 0) stopWatching();
  };
}

export function stopWatching(): void {
  clearInterval(timer);
  timer = undefined;
}

async function check(): Promise<void> {
  const keys = [...watchers.keys()];
  if (keys.length === 0) return;
  let live: Set<string>;
  try {
    live = await findLiveKeys(await getDb(), { keys });
  } catch (error) {
    logger.warn({ err: describeError(error) }, "Could not check embed keys");
    return;
  }
  for (const key of keys) {
    if (live.has(key)) continue;
    for (const onRevoked of [...(watchers.get(key) ?? [])]) onRevoked();
  }
}
