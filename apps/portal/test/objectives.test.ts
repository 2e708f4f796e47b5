import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeLeadStatus, registerLead } from "@tandem/db";
import * as objectives from "~/routes/partners.$partnerId.objectives.js";
import * as overview from "~/routes/overview.js";
import * as scorecard from "~/routes/partners.$partnerId.scorecard.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;
let staff: string;
let path: string;
let params: { partnerId: string };

const QUARTER = "kind=quarter&at=2024-Q2";

async function post(form: Record<string, string>) {
  return call(objectives.action, `${path}?${QUARTER}`, {
    cookie: staff,
    params,
    form,
  });
}

/** A lead of Alpha registered on April 1, 2024, then decided. */
async function deal(outcome: "won" | "lost", amountMinor = 0n) {
  const { db } = portal.handle;
  const { t } = portal;
  const lead = await registerLead(db, {
    programId: t.acme.id,
    partnerId: t.alpha.id,
    actorId: t.users.alphaUser.id,
    lead: {
      company: `Co ${Math.random()}`,
      contactName: "C",
      contactEmail: "c@x.test",
      estimatedValueMinor: null,
      notes: null,
    },
    now: Temporal.Instant.from("2024-04-01T18:00:00Z"),
  });
  const base = {
    programId: t.acme.id,
    leadId: lead.id,
    actorId: t.users.ownerStaff.id,
  };
  await changeLeadStatus(db, { ...base, change: { to: "accepted" } });
  await changeLeadStatus(db, {
    ...base,
    change:
      outcome === "won"
        ? { to: "won", amountMinor, closedOn: "2024-05-10" }
        : { to: "lost", closedOn: "2024-05-11" },
  });
}

beforeAll(async () => {
  portal = await startPortal();
  staff = await cookieFor(portal.handle, portal.t.users.ownerStaff.id);
  params = { partnerId: String(portal.t.alpha.id) };
  path = `/partners/${params.partnerId}/objectives`;
  await deal("won", 600000n);
  await deal("won", 200000n);
  await deal("lost");
}, 120_000);
afterAll(() => portal.close());

describe("objectives, key metrics and targets", () => {
  it("scores key metrics against their targets", async () => {
    expect(
      (await post({ intent: "objectives", objective: "grow_revenue" })).status,
    ).toBe(302);
    const page = await call(objectives.loader, `${path}?${QUARTER}`, {
      cookie: staff,
      params,
    });
    const body = page.body as { suggested: { id: string }[] };
    expect(body.suggested.map((m) => m.id)).toEqual([
      "direct_revenue",
      "revenue_growth_rate",
      "avg_deal_size",
    ]);

    await post({ intent: "add", metricId: "direct_revenue", weight: "2" });
    await post({
      intent: "add",
      metricId: "lead_conversion_rate",
      weight: "1",
    });
    const keys = (
      (
        await call(objectives.loader, `${path}?${QUARTER}`, {
          cookie: staff,
          params,
        })
      ).body as { keys: { id: number; name: string }[] }
    ).keys;
    const [revenue, conversion] = keys;
    expect(
      await post({
        intent: "target",
        keyMetricId: String(revenue!.id),
        target: "10,000",
      }),
    ).toMatchObject({ status: 302 });
    await post({
      intent: "target",
      keyMetricId: String(conversion!.id),
      target: "50",
    });

    const card = await call(scorecard.loader, `/p?${QUARTER}`, {
      cookie: staff,
      params,
    });
    const view = card.body as {
      score: string;
      keyMetrics: {
        metricId: string;
        value: string;
        target: string;
        attainment: string;
        status: string;
      }[];
    };
    // Revenue 6,000 + 2,000 = 8,000 against 10,000: 80.0 %, at risk.
    expect(view.keyMetrics[0]).toMatchObject({
      metricId: "direct_revenue",
      value: "$8,000.00",
      target: "$10,000.00",
      attainment: "80.0 %",
      status: "at_risk",
    });
    // Conversion 2 of 3 = 66.67 % against 50 %: 133.3 %, on track.
    expect(view.keyMetrics[1]).toMatchObject({
      value: "66.67%",
      target: "50.00%",
      attainment: "133.3 %",
      status: "on_track",
    });
    // (2 x 0.8 + 1 x 1.3333) / 3 = 0.9778 -> 98 of 100.
    expect(view.score).toBe("98");

    const ranked = await call(overview.loader, `/overview?${QUARTER}`, {
      cookie: staff,
    });
    const rows = (
      ranked.body as {
        rows: { name: string; metrics: { id: string; value: string }[] }[];
      }
    ).rows;
    expect(rows[0]!.name).toBe("Alpha");
    expect(rows[0]!.metrics[0]).toMatchObject({ id: "score", value: "98" });
    expect(rows[1]!.metrics[0]!.value).toBe("not enough data");
  });

  it("refuses a target that is not a number, beside its field", async () => {
    const keys = (
      (
        await call(objectives.loader, `${path}?${QUARTER}`, {
          cookie: staff,
          params,
        })
      ).body as { keys: { id: number }[] }
    ).keys;
    const answer = await post({
      intent: "target",
      keyMetricId: String(keys[0]!.id),
      target: "lots",
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain("an amount");
    expect(answer.body).toMatchObject({ values: { target: "lots" } });
  });

  it("sends back a refused weight as typed, adding nothing", async () => {
    const keys = async () =>
      (
        (
          await call(objectives.loader, `${path}?${QUARTER}`, {
            cookie: staff,
            params,
          })
        ).body as { keys: unknown[] }
      ).keys.length;
    const before = await keys();
    const answer = await post({
      intent: "add",
      metricId: "direct_revenue",
      weight: "0",
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      errors: { weight: [expect.stringMatching(/1 to 10/)] },
      values: { metricId: "direct_revenue", weight: "0" },
    });
    expect(await keys()).toBe(before);
  });
});
