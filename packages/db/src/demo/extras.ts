import { and, eq, isNotNull } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Database } from "../client.js";
import {
  activities,
  activityPartners,
  costs,
  customers,
  leadPartners,
  leads,
  manualMeasures,
  partners,
  revenueEvents,
  targetSegments,
} from "../schema/index.js";
import { ACTIVITY_KINDS, PARTNER_TYPES, type ActivityKind } from "../values.js";
import { bookRevenueMonths } from "../revenue-months.js";
import type { seededRandom } from "./random.js";

type Random = ReturnType<typeof seededRandom>;

const SEGMENTS = ["Small business", "Mid-market", "Enterprise"] as const;
const TIERS = ["Gold", "Silver", "Bronze"] as const;
const ACTIVITY_TITLES: Record<ActivityKind, string> = {
  campaign: "Joint email campaign",
  co_selling: "Co-selling call with a prospect",
  joint_development: "Integration sprint",
  event: "Regional meetup",
  training: "Product training",
  meeting: "Pipeline meeting",
  call: "Partner check-in call",
  business_review: "Quarterly business review",
  innovation: "Joint feature prototype",
};

/**
 * The facts behind the rest of the catalog for the demo: partner
 * attributes and their joining days, customer segments and churn,
 * renewals, costs, activities, co-sold leads, manual measures and a
 * target segment. Plausible, and the same for the same day.
 */
export async function loadDemoExtras(
  db: Database,
  input: { programId: number; actorId: number; random: Random; today: string },
): Promise<void> {
  const { programId, random } = input;
  const end = Temporal.PlainDate.from(input.today);
  const start = end.subtract({ years: 1 });
  const ids = (
    await db
      .select({ id: partners.id })
      .from(partners)
      .where(eq(partners.programId, programId))
      .orderBy(partners.id)
  ).map((p) => p.id);

  for (const [index, id] of ids.entries()) {
    // Most partners were there before the year began; a few joined
    // during it, and one left two months ago.
    const joined =
      index >= ids.length - 3
        ? start.add({ days: random.int(60, 200) })
        : start.subtract({ days: random.int(30, 700) });
    await db
      .update(partners)
      .set({
        type: random.pick(PARTNER_TYPES),
        tier: random.pick(TIERS),
        declaredReach: random.int(5, 500) * 100,
        joinedOn: joined.toString(),
        endedOn: index === 5 ? end.subtract({ months: 2 }).toString() : null,
      })
      .where(eq(partners.id, id));
  }

  await db.insert(targetSegments).values({
    programId,
    name: "Mid-market",
    targetAccounts: 400,
  });

  const won = await db
    .select({
      id: customers.id,
      acquiredOn: customers.acquiredOn,
      amount: revenueEvents.amountMinor,
    })
    .from(customers)
    .innerJoin(revenueEvents, eq(revenueEvents.customerId, customers.id))
    .where(
      and(eq(customers.programId, programId), isNotNull(customers.partnerId)),
    );
  const renewals = [];
  for (const customer of won) {
    const acquired = Temporal.PlainDate.from(customer.acquiredOn);
    const churnAfter = random.chance(0.15) ? random.int(2, 10) : null;
    const monthly = customer.amount / 12n;
    let month = 1;
    for (
      let day = acquired.add({ months: 1 });
      Temporal.PlainDate.compare(day, end) < 0;
      day = day.add({ months: 1 }), month += 1
    ) {
      if (churnAfter !== null && month > churnAfter) break;
      renewals.push({
        programId,
        customerId: customer.id,
        kind: "renewal" as const,
        amountMinor: monthly,
        occurredOn: day.toString(),
      });
    }
    const churnedOn =
      churnAfter === null
        ? null
        : acquired.add({ months: churnAfter, days: 1 });
    await db
      .update(customers)
      .set({
        segment: random.pick(SEGMENTS),
        churnedOn:
          churnedOn && Temporal.PlainDate.compare(churnedOn, end) < 0
            ? churnedOn.toString()
            : null,
      })
      .where(eq(customers.id, customer.id));
  }
  for (let i = 0; i < renewals.length; i += 1000) {
    const part = renewals.slice(i, i + 1000);
    await db.transaction(async (tx) => {
      await tx.insert(revenueEvents).values(part);
      await bookRevenueMonths(tx, part);
    });
  }

  const costRows = [];
  for (const id of ids) {
    for (let m = 0; m < 12; m += 1) {
      const day = start.add({ months: m, days: random.int(0, 27) });
      costRows.push({
        programId,
        partnerId: id,
        kind: "commission" as const,
        amountMinor: BigInt(random.int(200, 2500)) * 100n,
        incurredOn: day.toString(),
      });
      if (m % 3 === 0 && random.chance(0.5)) {
        costRows.push({
          programId,
          partnerId: id,
          kind: "market_development_funds" as const,
          amountMinor: BigInt(random.int(10, 80)) * 10000n,
          incurredOn: day.toString(),
        });
      }
    }
  }
  await db.insert(costs).values(costRows);

  for (let n = 0; n < 160; n += 1) {
    const kind = random.pick(ACTIVITY_KINDS);
    const [activity] = await db
      .insert(activities)
      .values({
        programId,
        kind,
        title: ACTIVITY_TITLES[kind],
        occurredOn: start.add({ days: random.int(0, 364) }).toString(),
        completed: kind !== "innovation" || random.chance(0.6),
        createdBy: input.actorId,
      })
      .returning({ id: activities.id });
    const involved = new Set<number>();
    const count = random.chance(0.35) ? random.int(2, 3) : 1;
    while (involved.size < count) involved.add(random.pick(ids));
    await db.insert(activityPartners).values(
      [...involved].map((partnerId) => ({
        programId,
        activityId: activity!.id,
        partnerId,
      })),
    );
  }

  const someLeads = await db
    .select({ id: leads.id, partnerId: leads.partnerId })
    .from(leads)
    .where(eq(leads.programId, programId));
  const coSold = someLeads
    .filter(() => random.chance(0.06))
    .map((lead) => ({
      programId,
      leadId: lead.id,
      partnerId: random.pick(ids.filter((id) => id !== lead.partnerId)),
      position: 1,
    }));
  if (coSold.length) await db.insert(leadPartners).values(coSold);

  const measures = [];
  for (let q = 0; q < 4; q += 1) {
    const day = start.add({ months: q * 3 + 2, days: 10 }).toString();
    measures.push({
      programId,
      partnerId: null,
      metricId: "reputation_index",
      measuredOn: day,
      value: String(random.int(55, 80)),
    });
    for (const id of ids.slice(0, 6)) {
      measures.push({
        programId,
        partnerId: id,
        metricId: "cost_savings",
        measuredOn: day,
        value: String(random.int(5, 50) * 10000),
      });
    }
  }
  await db.insert(manualMeasures).values(measures);
}
