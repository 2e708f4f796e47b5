import { Temporal } from "temporal-polyfill";
import { addMembership, createUser } from "../auth.js";
import type { Database } from "../client.js";
import { importLeads, type ImportLeadRow } from "../imports.js";
import { createPartner, createProgram } from "../programs.js";
import { loadDemoRegistrations } from "./registrations.js";
import { programs, ratings, users } from "../schema/index.js";
import { eq } from "drizzle-orm";
import {
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  FIRST_NAMES,
  LAST_NAMES,
  PARTNER_NAMES,
} from "./names.js";
import { loadDemoExtras } from "./extras.js";
import { seededRandom } from "./random.js";

export const DEMO_PASSWORD = "tandem-demo";
export const DEMO_OWNER_EMAIL = "owner@demo.tandem.test";
export const DEMO_STAFF_EMAIL = "staff@demo.tandem.test";

export interface DemoSignIns {
  owner: string;
  staff: string;
  partner: string;
  /** A partner admin of the same partner, who manages its people. */
  partnerAdmin: string;
  partnerName: string;
  password: string;
}

const partnerAdminEmail = (partnerName: string) =>
  `admin@${slug(partnerName)}.demo.tandem.test`;

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * Loads the demo program: 24 partners of differing strength, a year of
 * leads up to `today` (older ones decided, recent ones open), customers
 * and revenue for the won ones, and ratings from both sides. The same
 * `today` always gives the same program.
 */
export async function loadDemoProgram(
  db: Database,
  { today }: { today: string },
): Promise<DemoSignIns> {
  const random = seededRandom(20261203);
  const program = await createProgram(db, {
    name: "Harbor Analytics Partner Program",
    timeZone: "America/New_York",
    currency: "USD",
  });
  // Its people rate every month; on a quarterly cadence each one's
  // later rating in a quarter would replace the earlier ones.
  await db
    .update(programs)
    .set({ ratingCadence: "month" })
    .where(eq(programs.id, program.id));
  const owner = await createUser(db, {
    email: DEMO_OWNER_EMAIL,
    name: "Olivia Owner",
    password: DEMO_PASSWORD,
  });
  await addMembership(db, {
    programId: program.id,
    userId: owner.id,
    role: "owner_admin",
  });
  const staff = await createUser(db, {
    email: DEMO_STAFF_EMAIL,
    name: "Sam Staff",
    password: DEMO_PASSWORD,
  });
  await addMembership(db, {
    programId: program.id,
    userId: staff.id,
    role: "owner_staff",
  });

  const end = Temporal.PlainDate.from(today);
  const start = end.subtract({ years: 1 });
  const rows: ImportLeadRow[] = [];
  const partnerUsers: { partnerId: number; userId: number }[] = [];
  let firstPartnerEmail = "";

  for (const [index, name] of PARTNER_NAMES.entries()) {
    const partner = await createPartner(db, { programId: program.id, name });
    const email = `partner@${slug(name)}.demo.tandem.test`;
    const user = await createUser(db, {
      email,
      name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
      password: DEMO_PASSWORD,
    });
    await addMembership(db, {
      programId: program.id,
      userId: user.id,
      role: "partner_user",
      partnerId: partner.id,
    });
    partnerUsers.push({ partnerId: partner.id, userId: user.id });
    if (index === 0) {
      firstPartnerEmail = email;
      // Not drawn from `random`, so the rest of the demo stays the same.
      const admin = await createUser(db, {
        email: partnerAdminEmail(name),
        name: "Pat Partner-Admin",
        password: DEMO_PASSWORD,
      });
      await addMembership(db, {
        programId: program.id,
        userId: admin.id,
        role: "partner_admin",
        partnerId: partner.id,
      });
    }

    // Strength varies by partner so the overview has a spread to sort.
    const strength = 0.35 + random.next() * 0.5;
    const leadCount = random.int(25, 110);
    for (let n = 0; n < leadCount; n += 1) {
      const registered = start.add({ days: random.int(0, 364) });
      const age = end.since(registered).days;
      const decideAfter = random.int(10, 75);
      const company = `${random.pick(COMPANY_PREFIXES)} ${random.pick(COMPANY_SUFFIXES)}`;
      const contact = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      const value = BigInt(random.int(8, 240)) * 25000n;
      let status: ImportLeadRow["status"] = age > 7 ? "accepted" : "submitted";
      let closedOn: string | null = null;
      if (age > decideAfter) {
        if (random.chance(0.12)) status = "rejected";
        else {
          status = random.chance(strength) ? "won" : "lost";
          closedOn = registered.add({ days: decideAfter }).toString();
        }
      }
      rows.push({
        rowNumber: rows.length + 1,
        externalId: `demo-${index + 1}-${n + 1}`,
        partnerName: name,
        company: `${company} ${index + 1}${n}`,
        contactName: contact,
        contactEmail: `${slug(contact)}@example.com`,
        estimatedValueMinor: value,
        status,
        registeredOn: registered.toString(),
        closedOn,
        amountMinor:
          status === "won"
            ? (value * BigInt(random.int(70, 130))) / 100n
            : null,
        notes: null,
      });
    }
  }

  await importLeads(db, {
    programId: program.id,
    actorId: staff.id,
    fileName: "demo data",
    rowsRead: rows.length,
    rows,
    rejected: [],
    createMissingPartners: false,
  });

  const ratingRows = [];
  for (const { partnerId, userId } of partnerUsers) {
    for (let month = 11; month >= 0; month -= 1) {
      const ratedOn = end
        .subtract({ months: month })
        .with({ day: 1 })
        .toString();
      if (random.chance(0.7)) {
        ratingRows.push({
          programId: program.id,
          partnerId,
          side: "partner" as const,
          userId,
          score: random.int(5, 10),
          communication: random.int(2, 5),
          comment: null,
          ratedOn,
        });
      }
      if (random.chance(0.5)) {
        ratingRows.push({
          programId: program.id,
          partnerId,
          side: "owner" as const,
          userId: staff.id,
          score: random.int(4, 10),
          communication: random.int(2, 5),
          comment: null,
          ratedOn,
        });
      }
    }
  }
  await db.insert(ratings).values(ratingRows);
  await loadDemoExtras(db, {
    programId: program.id,
    actorId: staff.id,
    random,
    today,
  });
  await loadDemoRegistrations(db, {
    programId: program.id,
    timeZone: program.timeZone,
    staffId: staff.id,
    partnerUsers,
    today,
  });

  return {
    owner: DEMO_OWNER_EMAIL,
    staff: DEMO_STAFF_EMAIL,
    partner: firstPartnerEmail,
    partnerAdmin: partnerAdminEmail(PARTNER_NAMES[0]),
    partnerName: PARTNER_NAMES[0],
    password: DEMO_PASSWORD,
  };
}

/** The demo's sign-ins when an earlier start loaded it, else null. */
export async function findDemoSignIns(
  db: Database,
  ownerEmail: string,
): Promise<DemoSignIns | null> {
  const [owner] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, ownerEmail));
  if (!owner) return null;
  const partnerName = PARTNER_NAMES[0];
  return {
    owner: DEMO_OWNER_EMAIL,
    staff: DEMO_STAFF_EMAIL,
    partner: `partner@${slug(partnerName)}.demo.tandem.test`,
    partnerAdmin: partnerAdminEmail(partnerName),
    partnerName,
    password: DEMO_PASSWORD,
  };
}
