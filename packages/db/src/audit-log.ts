import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Database } from "./client.js";
import { auditEvents, partners, users } from "./schema/index.js";

export interface AuditFilter {
  programId: number;
  partnerId?: number;
  actorId?: number;
  kind?: string;
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * One page of a program's log, newest first. `before` is the last row
 * of the page before (its id), so pages hold still while rows arrive.
 */
export async function listAuditEvents(
  db: Database,
  input: AuditFilter & { before?: number; limit?: number },
) {
  const limit = input.limit ?? AUDIT_PAGE_SIZE;
  const rows = await db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      kind: auditEvents.kind,
      summary: auditEvents.summary,
      actorId: auditEvents.actorId,
      actorName: users.name,
      partnerId: auditEvents.partnerId,
      partnerName: partners.name,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(
      partners,
      and(
        eq(partners.id, auditEvents.partnerId),
        eq(partners.programId, auditEvents.programId),
      ),
    )
    .where(and(...conditions(input)))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return {
    events: rows.slice(0, limit),
    nextBefore: rows.length > limit ? rows[limit - 1]!.id : null,
  };
}

function conditions(input: AuditFilter & { before?: number }): SQL[] {
  const where: SQL[] = [eq(auditEvents.programId, input.programId)];
  if (input.partnerId !== undefined) {
    where.push(eq(auditEvents.partnerId, input.partnerId));
  }
  if (input.actorId !== undefined) {
    where.push(eq(auditEvents.actorId, input.actorId));
  }
  if (input.kind !== undefined) where.push(eq(auditEvents.kind, input.kind));
  if (input.before !== undefined) where.push(lt(auditEvents.id, input.before));
  return where;
}

/** What the log's filters offer: the people, partners and kinds in it. */
export async function auditFilterChoices(
  db: Database,
  { programId }: { programId: number },
) {
  const inLog = eq(auditEvents.programId, programId);
  const [actors, partnerRows, kinds] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorId))
      .where(inLog)
      .orderBy(users.name, users.id),
    db
      .selectDistinct({ id: partners.id, name: partners.name })
      .from(auditEvents)
      .innerJoin(
        partners,
        and(
          eq(partners.id, auditEvents.partnerId),
          eq(partners.programId, programId),
        ),
      )
      .where(inLog)
      .orderBy(partners.name, partners.id),
    db
      .selectDistinct({ kind: auditEvents.kind })
      .from(auditEvents)
      .where(inLog)
      .orderBy(auditEvents.kind),
  ]);
  return { actors, partners: partnerRows, kinds: kinds.map((k) => k.kind) };
}
