import { sql } from "drizzle-orm";
import type { Database } from "./client.js";

/** The channel that tells listeners a partner's scorecard changed. */
export const SCORECARD_CHANNEL = "tandem_scorecard";

/**
 * Called inside the writing transaction, so nothing is announced that
 * did not commit (PostgreSQL delivers NOTIFY at commit).
 */
export async function notifyScorecardChanged(
  tx: Pick<Database, "execute">,
  { programId, partnerId }: { programId: number; partnerId: number },
): Promise<void> {
  const payload = JSON.stringify({ programId, partnerId });
  await tx.execute(sql`select pg_notify(${SCORECARD_CHANNEL}, ${payload})`);
}

/** The channel that tells listeners an embed key changed (revoked). */
export const EMBED_KEY_CHANNEL = "tandem_embed_key";

/** Inside the transaction that changed the key; the payload is the key. */
export async function notifyEmbedKeyChanged(
  tx: Pick<Database, "execute">,
  { key }: { key: string },
): Promise<void> {
  await tx.execute(sql`select pg_notify(${EMBED_KEY_CHANNEL}, ${key})`);
}
