import { Temporal } from "temporal-polyfill";
import type { Database } from "../client.js";
import { markCustomersChurned } from "../churn.js";
import { createPartner, createProgram, type Partner } from "../programs.js";
import { importRevenueEvents, type RevenueRow } from "../revenue-import.js";
import type { ChurnRow } from "../churn.js";
import type { Purchase } from "./cdnow-file.js";

/** The log's last day (its dates are shifted to 2021-01 .. 2022-06). */
export const LAST_DAY = "2022-06-30";
/** Days without a purchase after which a customer counts as lost. */
export const QUIET_DAYS = 180;

export const customerName = (id: number) => `CDNOW ${id}`;

/**
 * The churn day of a customer whose last purchase was on `last`: the
 * day after QUIET_DAYS days without one, when the log still covers it
 * (a quieter stretch cut off by the log's end is not churn yet).
 */
export function churnDay(last: string): string | null {
  const day = Temporal.PlainDate.from(last).add({ days: QUIET_DAYS + 1 });
  return day.toString() <= LAST_DAY ? day.toString() : null;
}

/**
 * A USD program in New York (CDNOW sold in the United States) with four
 * partners; customer id mod 4 names its partner. Every line becomes a
 * revenue event: `new` on the customer's first day, `renewal` after.
 */
export async function loadCdnow(db: Database, purchases: Purchase[]) {
  const program = await createProgram(db, {
    name: "CDNOW",
    timeZone: "America/New_York",
    currency: "USD",
  });
  const partners: Partner[] = [];
  for (const mod of [0, 1, 2, 3]) {
    partners.push(
      await createPartner(db, { programId: program.id, name: `Mod ${mod}` }),
    );
  }
  const partnerOf = (id: number) => partners[id % 4]!.id;
  const rows: RevenueRow[] = purchases.map((p) => ({
    customer: customerName(p.customerId),
    partnerId: partnerOf(p.customerId),
    occurredOn: p.day,
    amountMinor: p.cents,
  }));
  const imported = await importRevenueEvents(db, {
    actorId: null,
    programId: program.id,
    rows,
  });
  if (!imported.ok) throw new Error(imported.message);

  const last = new Map<number, string>();
  for (const p of purchases) {
    if ((last.get(p.customerId) ?? "") < p.day) last.set(p.customerId, p.day);
  }
  const churns: ChurnRow[] = [];
  for (const [id, day] of last) {
    const churnedOn = churnDay(day);
    if (churnedOn) {
      churns.push({
        customer: customerName(id),
        partnerId: partnerOf(id),
        churnedOn,
      });
    }
  }
  const churned = await markCustomersChurned(db, {
    actorId: null,
    programId: program.id,
    rows: churns,
  });
  if (!churned.ok) throw new Error(churned.message);
  return { program, partners, events: imported.value.events };
}
