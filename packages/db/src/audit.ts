import type { Database } from "./client.js";
import { auditEvents } from "./schema/index.js";

type Writer = Pick<Database, "insert">;

export interface AuditEntry {
  programId: number;
  /** The person who made the change; null for the system. */
  actorId: number | null;
  partnerId?: number | null;
  /** Dotted: `lead.registered`, `lead.decided`, `review.opened`, ... */
  kind: string;
  subjectType?: string;
  subjectId?: number;
  /** One line a person reads in the log, free of contact details. */
  summary: string;
  /** Ids and changed values; never a password, token or secret. */
  details?: Record<string, unknown>;
}

/**
 * Call inside the transaction that makes the change, so the log holds
 * exactly the changes that committed.
 */
export async function recordAudit(
  tx: Writer,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditEvents).values({
    programId: entry.programId,
    actorId: entry.actorId,
    partnerId: entry.partnerId ?? null,
    kind: entry.kind,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    summary: entry.summary,
    details: entry.details ?? {},
  });
}
