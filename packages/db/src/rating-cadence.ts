import { and, eq, gt, gte, isNull, lt, lte, ne, or } from "drizzle-orm";
import { periodContaining, type Period } from "@tandem/metrics";
import { Temporal } from "temporal-polyfill";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import {
  notifyPeople,
  ownerPeopleOf,
  partnerPeopleOf,
} from "./notifications.js";
import { programToday, type Program } from "./programs.js";
import {
  partners,
  programs,
  ratingReminders,
  ratings,
} from "./schema/index.js";
import type { RatingCadence, RatingSide } from "./values.js";

/** The period a side rates in now, or null when ratings have no cadence. */
export function ratingPeriod(
  program: Pick<Program, "timeZone" | "ratingCadence">,
  now?: Temporal.Instant,
): Period | null {
  if (program.ratingCadence === "off") return null;
  return periodContaining(program.ratingCadence, programToday(program, now));
}

export interface SideRating {
  /** The day this side last rated within the period, or null: due. */
  ratedOn: string | null;
  due: boolean;
}

/** Whether each side has rated the partnership in the current period. */
export async function getRatingStatus(
  db: Database,
  input: { program: Program; partnerId: number; now?: Temporal.Instant },
): Promise<{
  period: Period;
  sides: Record<RatingSide, SideRating>;
} | null> {
  const period = ratingPeriod(input.program, input.now);
  if (!period) return null;
  const rows = await db
    .select({ side: ratings.side, ratedOn: ratings.ratedOn })
    .from(ratings)
    .where(
      and(
        eq(ratings.programId, input.program.id),
        eq(ratings.partnerId, input.partnerId),
        gte(ratings.ratedOn, period.start),
        lt(ratings.ratedOn, period.end),
      ),
    );
  const last = (side: RatingSide): SideRating => {
    const days = rows.filter((r) => r.side === side).map((r) => r.ratedOn);
    const ratedOn = days.sort().at(-1) ?? null;
    return { ratedOn, due: ratedOn === null };
  };
  return { period, sides: { owner: last("owner"), partner: last("partner") } };
}

/** Sets how often each side is asked to rate its partnerships. */
export async function setRatingCadence(
  db: Database,
  input: { programId: number; cadence: RatingCadence; actorId: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(programs)
      .set({ ratingCadence: input.cadence })
      .where(eq(programs.id, input.programId));
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      kind: "program.rating_cadence_set",
      summary: `Set the rating cadence to ${input.cadence}`,
      details: { cadence: input.cadence },
    });
  });
}

/**
 * Tells each side of each active partnership, once per period, that its
 * rating is due when it has not rated yet in the period. Safe to run
 * from several processes at once: a reminder is a row with a unique
 * key, inserted in the notice's own transaction, so exactly one
 * process sends it.
 */
export async function sendRatingReminders(
  db: Database,
  { now }: { now: Temporal.Instant },
): Promise<{ sent: number }> {
  const rated = await db
    .select()
    .from(programs)
    .where(ne(programs.ratingCadence, "off"));
  let sent = 0;
  for (const program of rated) {
    const period = ratingPeriod(program, now)!;
    const today = programToday(program, now);
    const active = await db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(
        and(
          eq(partners.programId, program.id),
          lte(partners.joinedOn, today),
          or(isNull(partners.endedOn), gt(partners.endedOn, today)),
        ),
      );
    const status = await getSidesRated(db, program.id, period);
    for (const partner of active) {
      for (const side of ["owner", "partner"] as const) {
        if (status.has(`${partner.id}:${side}`)) continue;
        if (await remind(db, { program, partner, side, period })) sent += 1;
      }
    }
  }
  return { sent };
}

async function getSidesRated(
  db: Database,
  programId: number,
  period: Period,
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ partnerId: ratings.partnerId, side: ratings.side })
    .from(ratings)
    .where(
      and(
        eq(ratings.programId, programId),
        gte(ratings.ratedOn, period.start),
        lt(ratings.ratedOn, period.end),
      ),
    );
  return new Set(rows.map((r) => `${r.partnerId}:${r.side}`));
}

async function remind(
  db: Database,
  input: {
    program: Program;
    partner: { id: number; name: string };
    side: RatingSide;
    period: Period;
  },
): Promise<boolean> {
  const { program, partner, side, period } = input;
  return db.transaction(async (tx) => {
    const marked = await tx
      .insert(ratingReminders)
      .values({
        programId: program.id,
        partnerId: partner.id,
        side,
        periodKey: period.key,
      })
      .onConflictDoNothing()
      .returning({ id: ratingReminders.id });
    if (marked.length === 0) return false;
    const people =
      side === "owner"
        ? await ownerPeopleOf(tx, program.id)
        : await partnerPeopleOf(tx, program.id, partner.id);
    const withWhom = side === "owner" ? partner.name : program.name;
    await notifyPeople(tx, {
      programId: program.id,
      kind: "rating_due",
      userIds: people,
      title: `Time to rate your partnership with ${withWhom}`,
      body:
        `Your side's rating of the partnership with ${withWhom} for ` +
        `${period.label} is due: an overall score and the four ` +
        "dimensions, with a comment if you like.",
      link: `/partners/${partner.id}/scorecard#ratings`,
    });
    return true;
  });
}
