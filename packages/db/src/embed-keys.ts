import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { recordAudit } from "./audit.js";
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
  const partnerId = target.scope === "partner" ? target.partnerId : null;
  return db.transaction(async (tx) => {
    const [key] = await tx
      .insert(embedKeys)
      .values({
        ...rest,
        scope: target.scope,
        partnerId,
        key: `pk_${randomBytes(16).toString("hex")}`,
      })
      .returning();
    // The key itself is publishable but stays out of the log.
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.createdBy,
      partnerId,
      kind: "embed_key.created",
      subjectType: "embed_key",
      subjectId: key!.id,
      summary: `Created the embed key "${input.label}"`,
      details: { scope: target.scope, origins: input.allowedOrigins },
    });
    return key!;
  });
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
  {
    programId,
    keyId,
    actorId,
  }: { programId: number; keyId: number; actorId: number | null },
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
      .returning({
        key: embedKeys.key,
        label: embedKeys.label,
        partnerId: embedKeys.partnerId,
      });
    if (!revoked) return false;
    await recordAudit(tx, {
      programId,
      actorId,
      partnerId: revoked.partnerId,
      kind: "embed_key.revoked",
      subjectType: "embed_key",
      subjectId: keyId,
      summary: `Revoked the embed key "${revoked.label}"`,
    });
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
