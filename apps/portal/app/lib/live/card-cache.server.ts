import type { PeriodKind } from "@tandem/embed-contract";
import type { EmbedGrant } from "../embed-access.server.js";
import { buildEmbedCard, type CardResult } from "../embed-card.server.js";
import type { ScorecardHub } from "./scorecard-hub.server.js";

/** A backstop: a card is rebuilt this often even without a NOTIFY. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  version: string;
  expires: number;
  card: Promise<CardResult>;
}

const entries = new Map<string, Entry>();

/**
 * One build per key, period and change, however many streams and
 * requests ask: a NOTIFY for the key's target makes the entry stale.
 */
export function cachedCard(
  hub: ScorecardHub,
  grant: EmbedGrant,
  kind: PeriodKind,
  at: string | undefined,
): Promise<CardResult> {
  const id = `${grant.found.key.key}|${kind}|${at ?? ""}`;
  const version = hub.version(grant.target);
  const now = Date.now();
  const hit = entries.get(id);
  if (hit && hit.version === version && hit.expires > now) return hit.card;

  const card = buildEmbedCard(grant.found, kind, at);
  const entry = { version, expires: now + TTL_MS, card };
  entries.delete(id);
  entries.set(id, entry);
  if (entries.size > MAX_ENTRIES) {
    entries.delete(entries.keys().next().value!);
  }
  card.catch(() => {
    if (entries.get(id) === entry) entries.delete(id);
  });
  return card;
}
