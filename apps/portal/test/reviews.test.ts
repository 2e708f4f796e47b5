import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addKeyMetric,
  importRevenueEvents,
  setTarget,
  updatePartnerAttributes,
} from "@tandem/db";
import * as partnerReviews from "~/routes/partners.$partnerId.reviews.js";
import * as review from "~/routes/reviews.$reviewId.js";
import * as scorecard from "~/routes/partners.$partnerId.scorecard.js";
import { auditKinds, countRows } from "./db-rows.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;
let staff: string;
let ann: string;
let reviewPath: string;
let reviewParams: { reviewId: string };

function revenue(customer: string, occurredOn: string, amountMinor: bigint) {
  return importRevenueEvents(portal.handle.db, {
    actorId: null,
    programId: portal.t.acme.id,
    rows: [{ customer, partnerId: portal.t.alpha.id, occurredOn, amountMinor }],
  });
}

type Loaded = Awaited<ReturnType<typeof review.loader>>;

async function show(cookie: string): Promise<Loaded> {
  const answer = await call(review.loader, reviewPath, {
    cookie,
    params: reviewParams,
  });
  expect(answer.status).toBe(200);
  return answer.body as Loaded;
}

async function act(cookie: string, form: Record<string, string>) {
  return call(review.action, reviewPath, {
    cookie,
    params: reviewParams,
    form,
  });
}

beforeAll(async () => {
  portal = await startPortal();
  const { db } = portal.handle;
  const { t } = portal;
  staff = await cookieFor(portal.handle, t.users.ownerStaff.id);
  ann = await cookieFor(portal.handle, t.users.alphaUser.id);
  await updatePartnerAttributes(db, {
    actorId: null,
    programId: t.acme.id,
    partnerId: t.alpha.id,
    attributes: { joinedOn: "2024-01-01" },
  });
  await revenue("Initech", "2024-05-02", 500000n);
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
    period: { kind: "quarter", key: "2024-Q2" },
    target: "1000000",
    actorId: t.users.ownerStaff.id,
  });
}, 120_000);
afterAll(() => portal.close());

describe("a review of a partnership", () => {
  it("refuses a bad period with the values kept, and partners may not open one", async () => {
    const path = `/partners/${portal.t.alpha.id}/reviews`;
    const params = { partnerId: String(portal.t.alpha.id) };
    const bad = await call(partnerReviews.action, path, {
      cookie: staff,
      params,
      form: { kind: "quarter", at: "2024-Q5" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      errors: { at: [expect.stringContaining("2024-Q5")] },
      values: { at: "2024-Q5" },
    });
    const future = await call(partnerReviews.action, path, {
      cookie: staff,
      params,
      form: { kind: "year", at: "2999" },
    });
    expect(future.status).toBe(400);
    const backwards = await call(partnerReviews.action, path, {
      cookie: staff,
      params,
      form: { kind: "custom", from: "2024-02-10", to: "2024-02-01" },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({
      errors: { from: ["The range ends before it starts."] },
      values: { from: "2024-02-10" },
    });
    const halfRange = await call(partnerReviews.action, path, {
      cookie: staff,
      params,
      form: { kind: "custom", from: "2024-02-10", to: "" },
    });
    expect(halfRange.status).toBe(400);
    const noDay = await call(partnerReviews.action, path, {
      cookie: staff,
      params,
      form: { kind: "custom", from: "2024-02-30", to: "2024-03-02" },
    });
    expect(noDay.body).toMatchObject({
      errors: { from: ["That day does not exist."] },
    });
    const partner = await call(partnerReviews.action, path, {
      cookie: ann,
      params,
      form: { kind: "quarter", at: "2024-Q2" },
    });
    expect(partner.status).toBe(403);
    expect(await countRows(portal.handle, "reviews")).toBe(0);
  });

  it("is opened, worked on by both sides, closed, and stays as it was", async () => {
    const path = `/partners/${portal.t.alpha.id}/reviews`;
    const params = { partnerId: String(portal.t.alpha.id) };
    const opened = await call(partnerReviews.action, path, {
      cookie: staff,
      params,
      form: { kind: "quarter", at: "2024-Q2" },
    });
    expect(opened.status).toBe(302);
    reviewPath = opened.location!;
    reviewParams = { reviewId: reviewPath.split("/").at(-1)! };
    const twice = await call(partnerReviews.action, path, {
      cookie: staff,
      params,
      form: { kind: "quarter", at: "2024-Q2" },
    });
    expect(twice.status).toBe(409);

    const asOpened = await show(ann);
    expect(asOpened.card.keyMetrics).toEqual([
      expect.objectContaining({
        metricId: "direct_revenue",
        value: "$5,000.00",
        target: "$10,000.00",
        attainment: "50.0 %",
        status: "off_track",
      }),
    ]);
    expect(asOpened.card.periodLabel).toBe("Q2 2024");

    expect((await act(staff, { intent: "note", body: "  " })).status).toBe(400);
    expect(
      (await act(staff, { intent: "note", body: "Revenue is half of plan." }))
        .status,
    ).toBe(302);
    const noOwner = await act(staff, {
      intent: "item",
      title: "Joint webinar",
      ownerId: String(portal.t.users.betaUser.id),
      dueOn: "2024-07-31",
    });
    expect(noOwner.status).toBe(400);
    expect(noOwner.body).toMatchObject({
      errors: { ownerId: ["Choose a person of this partnership."] },
      values: { title: "Joint webinar" },
    });
    expect(
      (
        await act(staff, {
          intent: "item",
          title: "Joint webinar",
          ownerId: String(portal.t.users.alphaUser.id),
          dueOn: "2024-07-31",
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await act(ann, {
          intent: "item",
          title: "Partners add none",
          ownerId: String(portal.t.users.alphaUser.id),
          dueOn: "2024-07-31",
        })
      ).status,
    ).toBe(403);
    const withItem = await show(ann);
    const itemId = String(withItem.items[0]!.id);
    expect((await act(ann, { intent: "done", itemId })).status).toBe(302);
    expect(
      (await act(ann, { intent: "note", body: "We will catch up in Q3." }))
        .status,
    ).toBe(302);
    expect((await act(staff, { intent: "agree" })).status).toBe(403);
    expect((await act(ann, { intent: "close" })).status).toBe(403);
    expect((await act(ann, { intent: "agree" })).status).toBe(302);
    expect((await act(staff, { intent: "close" })).status).toBe(302);

    const closed = await show(ann);
    expect(closed.review.status).toBe("closed");
    expect(closed.review.agreedBy).toBe("ann");
    expect(closed.items).toMatchObject([
      { title: "Joint webinar", owner: "ann", dueOn: "2024-07-31", done: true },
    ]);
    expect(closed.notes.map((n) => [n.side, n.body])).toEqual([
      ["owner", "Revenue is half of plan."],
      ["partner", "We will catch up in Q3."],
    ]);

    const lateForms: Record<string, string>[] = [
      { intent: "note", body: "Too late" },
      { intent: "undone", itemId },
      { intent: "close" },
    ];
    for (const form of lateForms) {
      const late = await act(staff, form);
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({
        errors: { form: [expect.stringContaining("closed")] },
      });
    }
    expect((await act(ann, { intent: "agree" })).status).toBe(409);

    // New revenue in the period changes the live scorecard, not the review.
    await revenue("Globex", "2024-06-10", 900000n);
    const after = await show(ann);
    expect(after.card).toEqual(closed.card);
    expect(after.notes).toEqual(closed.notes);
    expect(after.card.keyMetrics[0]!.value).toBe("$5,000.00");
    const live = await call(
      scorecard.loader,
      `/partners/${portal.t.alpha.id}/scorecard?kind=quarter&at=2024-Q2`,
      { cookie: ann, params: { partnerId: String(portal.t.alpha.id) } },
    );
    expect(live.body).toMatchObject({
      keyMetrics: [{ metricId: "direct_revenue", value: "$14,000.00" }],
    });

    expect(await auditKinds(portal.handle, portal.t.acme.id, "review")).toEqual(
      [
        "review.opened",
        "review.note_added",
        "review.action_item_added",
        "review.action_item_done",
        "review.commented",
        "review.agreed",
        "review.closed",
      ],
    );
  });

  it("lists the partnership's reviews to both sides", async () => {
    const path = `/partners/${portal.t.alpha.id}/reviews`;
    const params = { partnerId: String(portal.t.alpha.id) };
    const listed = await call(partnerReviews.loader, path, {
      cookie: ann,
      params,
    });
    expect(listed.body).toMatchObject({
      canOpen: false,
      reviews: [{ periodLabel: "Q2 2024", status: "closed", agreed: true }],
    });
  });
});
