import { and, eq, max } from "drizzle-orm";
import type { Database } from "./client.js";
import { notifyScorecardChanged } from "./notify.js";
import { partnersBelong } from "./program-scope.js";
import { fail, ok, type Result } from "./result.js";
import { leadPartners, leads } from "./schema/index.js";

/**
 * Names further partners on a lead (co-selling). The source partner
 * stays on the lead; a partner already named is left as it was.
 */
export async function addCoSellingPartners(
  db: Database,
  input: { programId: number; leadId: number; partnerIds: readonly number[] },
): Promise<Result<{ added: number }, "not_found">> {
  return db.transaction(async (tx) => {
    const [lead] = await tx
      .select({ partnerId: leads.partnerId })
      .from(leads)
      .where(
        and(eq(leads.programId, input.programId), eq(leads.id, input.leadId)),
      );
    if (!lead) return fail("not_found", "This lead does not exist.");
    if (!(await partnersBelong(tx, input.programId, input.partnerIds))) {
      return fail("not_found", "A partner named does not exist.");
    }
    const [last] = await tx
      .select({ position: max(leadPartners.position) })
      .from(leadPartners)
      .where(eq(leadPartners.leadId, input.leadId));
    // Position 1 is the source partner, on the lead itself.
    const first = (last?.position ?? 1) + 1;
    const others = [...new Set(input.partnerIds)].filter(
      (id) => id !== lead.partnerId,
    );
    const added = others.length
      ? await tx
          .insert(leadPartners)
          .values(
            others.map((partnerId, i) => ({
              programId: input.programId,
              leadId: input.leadId,
              partnerId,
              position: first + i,
            })),
          )
          .onConflictDoNothing()
          .returning({ partnerId: leadPartners.partnerId })
      : [];
    for (const partnerId of [lead.partnerId, ...others]) {
      await notifyScorecardChanged(tx, {
        programId: input.programId,
        partnerId,
      });
    }
    return ok({ added: added.length });
  });
}
