import { Temporal } from "temporal-polyfill";
import type { Database } from "../client.js";
import { sweepLeadProtection } from "../lead-protection.js";
import { changeLeadStatus, registerLead } from "../leads.js";

/**
 * Deal registration in the demo: two partners registering one company
 * (a conflict waiting past the service level) and a lead whose
 * protection ran out. Written through the same functions as the
 * portal, so the same for the same day.
 */
export async function loadDemoRegistrations(
  db: Database,
  input: {
    programId: number;
    timeZone: string;
    staffId: number;
    partnerUsers: readonly { partnerId: number; userId: number }[];
    today: string;
  },
): Promise<void> {
  const day = Temporal.PlainDate.from(input.today);
  const noon = (daysAgo: number) =>
    day
      .subtract({ days: daysAgo })
      .toZonedDateTime({ timeZone: input.timeZone, plainTime: "12:00" })
      .toInstant();
  const register = async (
    who: { partnerId: number; userId: number },
    company: string,
    contactName: string,
    contactEmail: string,
    daysAgo: number,
  ) =>
    registerLead(db, {
      programId: input.programId,
      partnerId: who.partnerId,
      actorId: who.userId,
      lead: {
        company,
        contactName,
        contactEmail,
        estimatedValueMinor: 4_800_000n,
        notes: null,
      },
      now: noon(daysAgo),
    });
  const [, second, third, fourth] = input.partnerUsers;
  if (!second || !third || !fourth) return;

  await register(
    second,
    "Meridian Health Group",
    "Alma Reyes",
    "alma.reyes@meridian-health.test",
    4,
  );
  await register(
    third,
    "Meridian Health Group, Inc.",
    "Theo Brandt",
    "theo.brandt@meridian-health.test",
    3,
  );

  const lapsed = await register(
    fourth,
    "Lakeside Logistics",
    "June Park",
    "june.park@lakeside-logistics.test",
    120,
  );
  await changeLeadStatus(db, {
    programId: input.programId,
    leadId: lapsed.id,
    actorId: input.staffId,
    change: { to: "accepted" },
    now: noon(119),
  });
  await sweepLeadProtection(db, { now: noon(0) });
}
