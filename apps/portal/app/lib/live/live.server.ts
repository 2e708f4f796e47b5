import { connect } from "../db.server.js";
import { stopWatching } from "./key-watch.server.js";
import { ScorecardHub } from "./scorecard-hub.server.js";
import { closeAllStreams } from "./sse.server.js";

let hub: ScorecardHub | undefined;

/** This process's hub, listening once the first stream asks for it. */
export async function liveHub(): Promise<ScorecardHub> {
  hub ??= new ScorecardHub();
  await hub.start(await connect());
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
  hub = undefined;
  await current?.stop();
}
