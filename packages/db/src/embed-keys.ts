import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "./client.js";
import { embedKeys, partners, programs } from "./schema/index.js";

export type EmbedKey = typeof embedKeys.$inferSelect;

export async function createEmbedKey(
  db: Database,
  input: {
    programId: number;
    partnerId: number;
    label: string;
    allowedOrigins: string[];
    createdBy: number;
  },
): Promise<EmbedKey> {
  const [key] = await db
    .insert(embedKeys)
    .values({ ...input, key: `pk_${randomBytes(16).toString("hex")}` })
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
      allowedOrigins: embedKeys.allowedOrigins,
      partnerId: embedKeys.partnerId,
      partnerName: partners.name,
      createdAt: embedKeys.createdAt,
      revokedAt: embedKeys.revokedAt,
    })
    .from(embedKeys)
    .innerJoin(partners, eq(partners.id, embedKeys.partnerId))
    .where(eq(embedKeys.programId, programId))
    .orderBy(desc(embedKeys.createdAt), desc(embedKeys.id));
}

/** True when a live key of this program was revoked now. */
export async function revokeEmbedKey(
  db: Database,
  { programId, keyId }: { programId: number; keyId: number },
): Promise<boolean> {
  const revoked = await db
    .update(embedKeys)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(embedKeys.programId, programId),
        eq(embedKeys.id, keyId),
        isNull(embedKeys.revokedAt),
      ),
    )
    .returning({ id: embedKeys.id });
  return revoked.length > 0;
}

/**
 * The one lookup not scoped by a program id: the public key is what
 * names the program. The caller checks revocation and origin.
 */
export async function findEmbedKey(db: Database, { key }: { key: string }) {
  const [row] = await db
    .select({
      key: embedKeys,
      partner: { id: partners.id, name: partners.name },
      program: programs,
    })
    .from(embedKeys)
    .innerJoin(
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
