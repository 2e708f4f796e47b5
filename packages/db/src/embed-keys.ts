import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "./client.js";
import { notifyEmbedKeyChanged } from "./notify.js";
import { embedKeys, partners, programs } from "./schema/index.js";

export type EmbedKey = typeof embedKeys.$inferSelect;

/** What a key shows: one partner, or the program's aggregate badge. */
export type EmbedTarget =
  { scope: "partner"; partnerId: number } | { scope: "program" };

export async function createEmbedKey(
  db: Database,
  input: {
    programId: number;
    target: EmbedTarget;
    /** Metric ids in the order shown; null for the defaults. */
    metrics: string[] | null;
    label: string;
    allowedOrigins: string[];
    createdBy: number;
  },
): Promise<EmbedKey> {
  const { target, ...rest } = input;
  const [key] = await db
    .insert(embedKeys)
    .values({
      ...rest,
      scope: target.scope,
      partnerId: target.scope === "partner" ? target.partnerId : null,
      key: `pk_${randomBytes(16).toString("hex")}`,
    })
    .returning();
  return key!;
}

export async function listEmbedKeys(
  db: Database,
  { programId }: { programId: number },
) {
  return db
    .select({
      id: embedKeys.id,
      key: embedKeys.key,
      label: embedKeys.label,
      scope: embedKeys.scope,
      metrics: embedKeys.metrics,
      allowedOrigins: embedKeys.allowedOrigins,
      partnerId: embedKeys.partnerId,
      partnerName: partners.name,
      createdAt: embedKeys.createdAt,
      revokedAt: embedKeys.revokedAt,
    })
    .from(embedKeys)
    .leftJoin(
      partners,
      and(
        eq(partners.id, embedKeys.partnerId),
        eq(partners.programId, embedKeys.programId),
      ),
    )
    .where(eq(embedKeys.programId, programId))
    .orderBy(desc(embedKeys.createdAt), desc(embedKeys.id));
}

/**
 * True when a live key of this program was revoked now. Processes that
 * cache keys hear of it through NOTIFY, at commit.
 */
export async function revokeEmbedKey(
  db: Database,
  { programId, keyId }: { programId: number; keyId: number },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(embedKeys)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(embedKeys.programId, programId),
          eq(embedKeys.id, keyId),
          isNull(embedKeys.revokedAt),
        ),
      )
      .returning({ key: embedKeys.key });
    if (!revoked) return false;
    await notifyEmbedKeyChanged(tx, { key: revoked.key });
    return true;
  });
}

/**
 * The one lookup not scoped by a program id: the public key is what
 * names the program. The caller checks revocation and origin. A partner
 * key whose partner is not in the key's program finds no partner.
 */
export async function findEmbedKey(db: Database, { key }: { key: string }) {
  const [row] = await db
    .select({
      key: embedKeys,
      partner: { id: partners.id, name: partners.name },
      program: programs,
    })
    .from(embedKeys)
    .leftJoin(
      partners,
      and(
        eq(partners.id, embedKeys.partnerId),
        eq(partners.programId, embedKeys.programId),
      ),
    )
    .innerJoin(programs, eq(programs.id, embedKeys.programId))
    .where(eq(embedKeys.key, key));
  return row ?? null;
}

/** Which of these keys exist and are not revoked (for open streams). */
export async function findLiveKeys(
  db: Database,
  { keys }: { keys: readonly string[] },
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: embedKeys.key })
    .from(embedKeys)
    .where(and(inArray(embedKeys.key, [...keys]), isNull(embedKeys.revokedAt)));
  return new Set(rows.map((r) => r.key));
}
