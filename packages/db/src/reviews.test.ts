import { and, eq } from "drizzle-orm";
import { parsePeriodKey } from "@tandem/metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.js";
import { addKeyMetric, setTarget } from "./objectives.js";
import { updatePartnerAttributes } from "./partner-attributes.js";
import { importRevenueEvents } from "./revenue-import.js";
import { getReview } from "./review-queries.js";
import {
  addActionItem,
  addReviewNote,
  agreeToReview,
  closeReview,
  openReview,
  setActionItemDone,
} from "./reviews.js";
import { auditEvents, notifications } from "./schema/index.js";
import {
  openTestDatabase,
  seedTenants,
  type Tenants,
} from "./testing/index.js";

let handle: DatabaseHandle;
let t: Tenants;
const q2 = parsePeriodKey("quarter", "2024-Q2")!;

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await seedTenants(handle.db);
  const { db } = handle;
  await updatePartnerAttributes(db, {
    actorId: null,
    programId: t.acme.id,
    partnerId: t.alpha.id,
    attributes: { joinedOn: "2024-01-01" },
  });
  await importRevenueEvents(db, {
    actorId: null,
    programId: t.acme.id,
    rows: [
      {
        customer: "Initech",
        partnerId: t.alpha.id,
        occurredOn: "2024-05-02",
        amountMinor: 500000n,
      },
    ],
  });
  const key = await addKeyMetric(db, {
    programId: t.acme.id,
    partnerId: t.alpha.id,
    metricId: "direct_revenue",
    weight: 1,
    actorId: t.users.ownerStaff.id,
  });
  if (!key.ok) throw new Error(key.message);
  await setTarget(db, {
    programId: t.acme.id,
    partnerId: t.alpha.id,
    keyMetricId: key.value,
    period: q2,
    target: "1000000",
    actorId: t.users.ownerStaff.id,
  });
});
afterAll(() => handle.close());

const staff = () => ({ userId: t.users.ownerStaff.id, partnerId: null });
const ann = () => ({ userId: t.users.alphaUser.id, partnerId: t.alpha.id });

describe("reviews", () => {
  it("freezes the scorecard, and a closed review does not change", async () => {
    const { db } = handle;
    const programId = t.acme.id;
    const opened = await openReview(db, {
      programId,
      partnerId: t.alpha.id,
      period: q2,
      actorId: t.users.ownerStaff.id,
    });
    if (!opened.ok) throw new Error(opened.message);
    const reviewId = opened.value.id;
    const again = await openReview(db, {
      programId,
      partnerId: t.alpha.id,
      period: q2,
      actorId: t.users.ownerAdmin.id,
    });
    expect(again).toMatchObject({ ok: false, error: "already_open" });

    const first = (await getReview(db, { programId, reviewId }))!;
    const key = first.snapshot.keyMetrics[0]!;
    expect(first.snapshot.version).toBe(1);
    expect(key).toMatchObject({
      metricId: "direct_revenue",
      value: "500000",
      target: "1000000",
      attainment: 0.5,
      status: "off_track",
    });

    const item = await addActionItem(db, {
      programId,
      reviewId,
      actor: staff(),
      title: "Plan a joint webinar",
      ownerId: t.users.alphaUser.id,
      dueOn: "2024-07-15",
    });
    expect(item.ok).toBe(true);
    expect(
      await addActionItem(db, {
        programId,
        reviewId,
        actor: staff(),
        title: "Not theirs",
        ownerId: t.users.betaUser.id,
        dueOn: "2024-07-15",
      }),
    ).toMatchObject({ ok: false, error: "bad_owner" });
    expect(
      await addActionItem(db, {
        programId,
        reviewId,
        actor: ann(),
        title: "Partners may not",
        ownerId: t.users.alphaUser.id,
        dueOn: "2024-07-15",
      }),
    ).toMatchObject({ ok: false, error: "not_allowed" });
    if (!item.ok) return;
    await setActionItemDone(db, {
      programId,
      reviewId,
      itemId: item.value.id,
      actor: ann(),
      done: true,
    });
    await addReviewNote(db, { programId, reviewId, actor: ann(), body: "OK" });
    expect(
      await closeReview(db, { programId, reviewId, actor: ann() }),
    ).toMatchObject({ ok: false, error: "not_allowed" });
    expect(
      await agreeToReview(db, { programId, reviewId, actor: ann() }),
    ).toEqual({ ok: true, value: null });
    expect(
      await closeReview(db, { programId, reviewId, actor: staff() }),
    ).toEqual({ ok: true, value: null });

    for (const change of [
      addReviewNote(db, { programId, reviewId, actor: staff(), body: "late" }),
      agreeToReview(db, { programId, reviewId, actor: ann() }),
      closeReview(db, { programId, reviewId, actor: staff() }),
      setActionItemDone(db, {
        programId,
        reviewId,
        itemId: item.value.id,
        actor: staff(),
        done: false,
      }),
    ]) {
      expect(await change).toMatchObject({ ok: false, error: "closed" });
    }
    await importRevenueEvents(db, {
      actorId: null,
      programId,
      rows: [
        {
          customer: "Globex",
          partnerId: t.alpha.id,
          occurredOn: "2024-05-20",
          amountMinor: 700000n,
        },
      ],
    });
    const later = (await getReview(db, { programId, reviewId }))!;
    expect(later.snapshot).toEqual(first.snapshot);
    expect(later.items).toMatchObject([{ title: "Plan a joint webinar" }]);
    expect(later.items[0]!.doneAt).not.toBeNull();
    expect(later.notes.map((n) => n.body)).toEqual(["OK"]);

    const audit = await db
      .select({ kind: auditEvents.kind })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.subjectType, "review"),
          eq(auditEvents.subjectId, reviewId),
        ),
      );
    expect(audit.map((a) => a.kind).sort()).toEqual(
      [
        "review.action_item_added",
        "review.action_item_done",
        "review.agreed",
        "review.closed",
        "review.commented",
        "review.opened",
      ].sort(),
    );
  });

  it("tells the partner's people and the other staff, not the opener", async () => {
    const { db } = handle;
    const told = await db
      .select({ userId: notifications.userId, body: notifications.body })
      .from(notifications)
      .where(eq(notifications.kind, "review_opened"));
    expect(told.map((n) => n.userId).sort()).toEqual(
      [
        t.users.alphaUser.id,
        t.users.alphaAdmin.id,
        t.users.ownerAdmin.id,
      ].sort(),
    );
    expect(told.some((n) => n.body.includes("Beta"))).toBe(false);
  });

  it("tells the other side of notes, agreement and closing, and an item's owner", async () => {
    const { db } = handle;
    const told = await db
      .select({ userId: notifications.userId, title: notifications.title })
      .from(notifications)
      .where(eq(notifications.kind, "review_updated"));
    const { users } = t;
    const about = "the review of Alpha for Q2 2024";
    const expected = [
      [users.alphaUser.id, `An action item for you on ${about}, due`],
      [users.ownerAdmin.id, `New comment on ${about}`],
      [users.ownerStaff.id, `New comment on ${about}`],
      [users.ownerAdmin.id, `The partner agreed to ${about}`],
      [users.ownerStaff.id, `The partner agreed to ${about}`],
      [users.alphaUser.id, `Closed: ${about}`],
      [users.alphaAdmin.id, `Closed: ${about}`],
    ] as const;
    expect(told).toHaveLength(expected.length);
    for (const [userId, title] of expected) {
      expect(
        told.some((n) => n.userId === userId && n.title.startsWith(title)),
        `${userId}: ${title}`,
      ).toBe(true);
    }
  });

  it("opens one review when two staff open the same one at once", async () => {
    const { db } = handle;
    const q1 = parsePeriodKey("quarter", "2024-Q1")!;
    const both = await Promise.all(
      [t.users.ownerStaff.id, t.users.ownerAdmin.id].map((actorId) =>
        openReview(db, {
          programId: t.acme.id,
          partnerId: t.alpha.id,
          period: q1,
          actorId,
        }),
      ),
    );
    expect(both.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: "already_open" });
  });

  it("refuses a partner or review of another program", async () => {
    const { db } = handle;
    expect(
      await openReview(db, {
        programId: t.other.id,
        partnerId: t.alpha.id,
        period: q2,
        actorId: t.users.otherStaff.id,
      }),
    ).toMatchObject({ ok: false, error: "not_found" });
    const opened = await openReview(db, {
      programId: t.acme.id,
      partnerId: t.beta.id,
      period: q2,
      actorId: t.users.ownerStaff.id,
    });
    if (!opened.ok) throw new Error(opened.message);
    const reviewId = opened.value.id;
    expect(
      await addReviewNote(db, {
        programId: t.other.id,
        reviewId,
        actor: { userId: t.users.otherStaff.id, partnerId: null },
        body: "x",
      }),
    ).toMatchObject({ ok: false, error: "not_found" });
    expect(
      await agreeToReview(db, { programId: t.acme.id, reviewId, actor: ann() }),
    ).toMatchObject({ ok: false, error: "not_found" });
    expect(await getReview(db, { programId: t.other.id, reviewId })).toBeNull();
  });
});
