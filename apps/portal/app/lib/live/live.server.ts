import { EMBED_KEY_CHANNEL } from "@tandem/db";
import { connect } from "../db.server.js";
import { forgetAllKeys, forgetKey } from "./key-cache.server.js";
import { stopWatching } from "./key-watch.server.js";
import { ScorecardHub } from "./scorecard-hub.server.js";
import { closeAllStreams } from "./sse.server.js";

let hub: ScorecardHub | undefined;
let keysHeard: Promise<() => Promise<void>> | undefined;

/**
 * This process's hub, listening from start-up (or the first stream).
 * It also hears revoked keys, so the key cache can drop them at once.
 */
export async function liveHub(): Promise<ScorecardHub> {
  hub ??= new ScorecardHub();
  const handle = await connect();
  keysHeard ??= handle.listen(EMBED_KEY_CHANNEL, forgetKey, forgetAllKeys);
  await Promise.all([hub.start(handle), keysHeard]);
  return hub;
}

/** The hub if it is already listening (a cache is safe only then). */
export function listeningHub(): ScorecardHub | undefined {
  return hub?.listening ? hub : undefined;
}

/** Ends every stream and the LISTEN, before the database closes. */
export async function stopLive(): Promise<void> {
  closeAllStreams();
  stopWatching();
  const current = hub;
  const stopKeys = keysHeard;
  hub = undefined;
  keysHeard = undefined;
  await current?.stop();
  await (
    await stopKeys
  )?.();
  forgetAllKeys();
}
