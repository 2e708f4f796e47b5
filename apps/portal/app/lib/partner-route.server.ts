import { z } from "zod";
import { getPartner } from "@tandem/db";
import { canSeePartner, notFound, type Member } from "./auth.server.js";
import { getDb } from "./db.server.js";

const paramsSchema = z.object({
  partnerId: z.coerce.number().int().positive(),
});

/** The partner of the route, if this member may see it; a 404 otherwise. */
export async function requireVisiblePartner(member: Member, params: unknown) {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success || !canSeePartner(member, parsed.data.partnerId)) {
    throw notFound("No such partner.");
  }
  const partner = await getPartner(await getDb(), {
    programId: member.program.id,
    partnerId: parsed.data.partnerId,
  });
  if (!partner) throw notFound("No such partner.");
  return partner;
}
