import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getPartner } from "@tandem/db";
import { canSeePartner, notFound, requireMember } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import { liveHub } from "~/lib/live/live.server.js";
import { EventStream, eventStreamHeaders } from "~/lib/live/sse.server.js";

const paramsSchema = z.object({
  partnerId: z.coerce.number().int().positive(),
});

/**
 * Server-sent `changed` events for the portal's own scorecard page of a
 * partner; the page then reloads its data through its loader, which
 * checks the session again. Same origin, so no CORS.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success || !canSeePartner(member, parsed.data.partnerId)) {
    throw notFound("No such partner.");
  }
  const partner = await getPartner(await getDb(), {
    programId: member.program.id,
    partnerId: parsed.data.partnerId,
  });
  if (!partner) throw notFound("No such partner.");

  const hub = await liveHub();
  const stream = new EventStream(request.signal);
  const target = { programId: member.program.id, partnerId: partner.id };
  stream.onClose(hub.subscribe(target, () => stream.send("changed", {})));
  const headers = eventStreamHeaders(new Headers());
  return new Response(stream.body, { status: 200, headers });
}
