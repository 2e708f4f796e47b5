import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordActivity } from "./activities.js";
import { markCustomersChurned } from "./churn.js";
import type { DatabaseHandle } from "./client.js";
import { recordCost } from "./costs.js";
import { recordManualMeasure } from "./measures.js";
import { updatePartnerAttributes } from "./partner-attributes.js";
import { importRevenueEvents } from "./revenue-import.js";
import { manualMeasures } from "./schema/index.js";
import { getProgramFacts } from "./scorecards.js";
import {
  openTestDatabase,
  seedTenants,
  type Tenants,
} from "./testing/index.js";

let handle: DatabaseHandle;
let t: Tenants;

beforeAll(async () => {
  handle = await openTestDatabase();
  t = await seedTenants(handle.db);
});
afterAll(() => handle.close());

const may = { start: "2024-05-01", end: "2024-06-01" };

describe("writes of facts stay inside their program", () => {
  it("refuses another program's partner and writes nothing", async () => {
    const { db } = handle;
    const programId = t.acme.id;
    const cost = await recordCost(db, {
      programId,
      partnerId: t.omega.id,
      kind: "fees",
      amountMinor: 100n,
      incurredOn: "2024-05-02",
    });
    expect(cost).toMatchObject({ ok: false, error: "not_found" });
    const activity = await recordActivity(db, {
      programId,
      kind: "call",
      title: "Call",
      occurredOn: "2024-05-02",
      partnerIds: [t.alpha.id, t.omega.id],
    });
    expect(activity).toMatchObject({ ok: false, error: "not_found" });
    const measure = await recordManualMeasure(db, {
      programId,
      partnerId: t.omega.id,
      metricId: "cost_savings",
      measuredOn: "2024-05-02",
      value: 1,
    });
    expect(measure).toMatchObject({ ok: false, error: "not_found" });
    const imported = await importRevenueEvents(db, {
      actorId: null,
      programId,
      rows: [
        {
          customer: "X",
          partnerId: t.omega.id,
          occurredOn: "2024-05-02",
          amountMinor: 100n,
        },
      ],
    });
    expect(imported).toMatchObject({ ok: false, error: "unknown_partner" });
    const attrs = await updatePartnerAttributes(db, {
      actorId: null,
      programId,
      partnerId: t.omega.id,
      attributes: { declaredReach: 5 },
    });
    expect(attrs).toMatchObject({ ok: false, error: "not_found" });
    const facts = await getProgramFacts(db, { programId, ...may });
    expect(facts.costsMinor).toBe(0n);
    expect(facts.communications).toBe(0);
    expect(facts.revenueMinor).toBe(0n);
  });

  it("refuses a measure outside its metric's bounds", async () => {
    const count = async () =>
      (await handle.db.select().from(manualMeasures)).length;
    const before = await count();
    for (const value of [25, -0.1]) {
      expect(
        await recordManualMeasure(handle.db, {
          programId: t.acme.id,
          partnerId: t.alpha.id,
          metricId: "resource_optimization_rate",
          measuredOn: "2024-05-02",
          value,
        }),
      ).toEqual({
        ok: false,
        error: "bad_value",
        message:
          "Resource optimisation rate lies between 0 and 1 (a fraction: 0.25 for 25 %).",
      });
    }
    expect(await count()).toBe(before);
    const edge = await recordManualMeasure(handle.db, {
      programId: t.acme.id,
      partnerId: t.alpha.id,
      metricId: "resource_optimization_rate",
      measuredOn: "2024-05-02",
      value: 1,
    });
    expect(edge.ok).toBe(true);
  });

  it("refuses a wrong sign, an early churn, an end before a start", async () => {
    const { db } = handle;
    const programId = t.acme.id;
    const row = {
      customer: "Y",
      partnerId: t.beta.id,
      occurredOn: "2024-05-03",
      amountMinor: -100n,
    };
    expect(
      await importRevenueEvents(db, { actorId: null, programId, rows: [row] }),
    ).toMatchObject({ ok: false, error: "bad_amount" });
    const good = { ...row, amountMinor: 100n };
    expect(
      await importRevenueEvents(db, { actorId: null, programId, rows: [good] }),
    ).toMatchObject({ ok: true, value: { events: 1 } });
    const churn = { customer: "Y", partnerId: t.beta.id };
    expect(
      await markCustomersChurned(db, {
        actorId: null,
        programId,
        rows: [{ ...churn, churnedOn: "2024-05-03" }],
      }),
    ).toMatchObject({ ok: false, error: "before_acquisition" });
    expect(
      await markCustomersChurned(db, {
        actorId: null,
        programId: t.other.id,
        rows: [{ ...churn, churnedOn: "2024-06-03" }],
      }),
    ).toMatchObject({ ok: false, error: "not_found" });
    expect(
      await updatePartnerAttributes(db, {
        actorId: null,
        programId,
        partnerId: t.beta.id,
        attributes: { joinedOn: "2024-05-01", endedOn: "2024-05-01" },
      }),
    ).toMatchObject({ ok: false, error: "ends_before_joining" });
    const facts = await getProgramFacts(db, { programId, ...may });
    expect(facts.revenueMinor).toBe(100n);
    expect(facts.newCustomers).toBe(1);
  });
});
