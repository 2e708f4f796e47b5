import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@tandem/db";

/** Rows of a query on either driver (PGlite answers { rows }). */
async function rows(
  handle: DatabaseHandle,
  query: ReturnType<typeof sql>,
): Promise<Record<string, unknown>[]> {
  const result: unknown = await handle.db.execute(query);
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/** The audit kinds written in a program, oldest first. */
export async function auditKinds(
  handle: DatabaseHandle,
  programId: number,
  subjectType?: string,
): Promise<string[]> {
  const found = await rows(
    handle,
    sql`select kind from audit_events where program_id = ${programId}
        and (${subjectType ?? null}::text is null
             or subject_type = ${subjectType ?? null})
        order by id`,
  );
  return found.map((r) => String(r.kind));
}

export async function countRows(
  handle: DatabaseHandle,
  table: "reviews" | "activities" | "notifications" | "ratings",
): Promise<number> {
  const found = await rows(
    handle,
    sql`select count(*) as n from ${sql.identifier(table)}`,
  );
  return Number(found[0]!.n);
}
