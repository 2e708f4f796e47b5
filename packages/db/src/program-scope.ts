import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "./client.js";
import { partners } from "./schema/index.js";

type Reader = Pick<Database, "select">;

/**
 * True when every id names a partner of this program. Writes that name
 * partners check this first, so an id from another tenant is refused
 * rather than linked.
 */
export async function partnersBelong(
  tx: Reader,
  programId: number,
  partnerIds: readonly number[],
): Promise<boolean> {
  const wanted = [...new Set(partnerIds)];
  if (wanted.length === 0) return true;
  const found = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(
      and(eq(partners.programId, programId), inArray(partners.id, wanted)),
    );
  return found.length === wanted.length;
}
