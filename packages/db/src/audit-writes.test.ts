import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markCustomersChurned } from "./churn.js";
import type { DatabaseHandle } from "./client.js";
import { createEmbedKey, revokeEmbedKey } from "./embed-keys.js";
import { recordManualMeasure } from "./measures.js";
import {
  addKeyMetric,
  removeKeyMetric,
  setObjectives,
  setTarget,
} from "./objectives.js";
import { addPartner } from "./programs.js";
import { importRevenueEvents } from "./revenue-import.js";
import { auditEvents } from "./schema/index.js";
import { removeTargetSegment, updateProgramSettings } from "./settings.js";
import { setTargetSegment } from "./partner-attributes.js";
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

async function logSince(id: number) {
  const rows = await handle.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.programId, t.acme.id))
    .orderBy(asc(auditEvents.id));
  return rows.filter((r) => r.id > id);
}

async function lastId(): Promise<number> {
  const rows = await handle.db.select({ id: auditEvents.id }).from(auditEvents);
  return Math.max(0, ...rows.map((r) => r.id));
}

describe("writes record who changed what", () => {
  it("logs revenue and churn once per partner touched, in the write's transaction", async () => {
    const { db } = handle;
    const programId = t.acme.id;
    const actorId = t.users.ownerStaff.id;
    const from = await lastId();
    const imported = await importRevenueEvents(db, {
      programId,
      actorId,
      source: "a test",
      rows: [
        {
          customer: "A",
          partnerId: t.alpha.id,
          occurredOn: "2024-05-01",
          amountMinor: 100n,
        },
        {
          customer: "B",
          partnerId: t.alpha.id,
          occurredOn: "2024-05-02",
          amountMinor: 200n,
        },
        {
          customer: "C",
          partnerId: t.beta.id,
          occurredOn: "2024-05-02",
          amountMinor: 300n,
        },
        {
          customer: "D",
          partnerId: null,
          occurredOn: "2024-05-03",
          amountMinor: 400n,
        },
      ],
    });
    expect(imported.ok).toBe(true);
    const churned = await markCustomersChurned(db, {
      programId,
      actorId,
      rows: [{ customer: "A", partnerId: t.alpha.id, churnedOn: "2024-06-01" }],
    });
    expect(churned.ok).toBe(true);
    const rows = await logSince(from);
    expect(
      rows.map((r) => [r.kind, r.partnerId, r.actorId, r.details]),
    ).toEqual([
      [
        "revenue.imported",
        t.alpha.id,
        actorId,
        { events: 2, source: "a test" },
      ],
      ["revenue.imported", t.beta.id, actorId, { events: 1, source: "a test" }],
      ["revenue.imported", null, actorId, { events: 1, source: "a test" }],
      ["churn.marked", t.alpha.id, actorId, { customers: 1 }],
    ]);

    // A refused write leaves no line in the log.
    const before = await lastId();
    const refused = await importRevenueEvents(db, {
      programId,
      actorId,
      rows: [
        {
          customer: "X",
          partnerId: t.omega.id,
          occurredOn: "2024-05-01",
          amountMinor: 1n,
        },
      ],
    });
    expect(refused.ok).toBe(false);
    expect(await logSince(before)).toEqual([]);
  });

  it("logs objectives, key metrics, targets, settings, segments, measures and keys", async () => {
    const { db } = handle;
    const programId = t.acme.id;
    const actorId = t.users.ownerAdmin.id;
    const owner = { programId, partnerId: t.alpha.id };
    const from = await lastId();
    await setObjectives(db, {
      ...owner,
      objectives: ["grow_revenue"],
      actorId,
    });
    const added = await addKeyMetric(db, {
      ...owner,
      metricId: "direct_revenue",
      weight: 1,
      actorId,
    });
    if (!added.ok) throw new Error(added.message);
    await setTarget(db, {
      ...owner,
      keyMetricId: added.value,
      period: { kind: "quarter", key: "2024-Q2" },
      target: "100000",
      actorId,
    });
    await removeKeyMetric(db, { ...owner, keyMetricId: added.value, actorId });
    await updateProgramSettings(db, {
      programId,
      actorId,
      grossMarginBasisPoints: 6000,
      lifetimeCapMonths: 24,
      healthWeights: {
        engagement: 1,
        satisfaction: 1,
        growth: 1,
        expansion: 1,
      },
    });
    const segment = await setTargetSegment(db, {
      programId,
      name: "SMB",
      targetAccounts: 9,
      actorId,
    });
    if (!segment.ok) throw new Error(segment.message);
    await removeTargetSegment(db, {
      programId,
      segmentId: segment.value.id,
      actorId,
    });
    await recordManualMeasure(db, {
      programId,
      partnerId: t.beta.id,
      metricId: "cost_savings",
      measuredOn: "2024-05-02",
      value: 5,
      createdBy: actorId,
    });
    const key = await createEmbedKey(db, {
      programId,
      target: { scope: "partner", partnerId: t.beta.id },
      metrics: null,
      label: "beta site",
      allowedOrigins: ["https://beta.example"],
      createdBy: actorId,
    });
    await revokeEmbedKey(db, { programId, keyId: key.id, actorId });
    const gamma = await addPartner(db, { programId, name: " Gamma ", actorId });
    const rows = await logSince(from);
    expect(rows.map((r) => r.kind)).toEqual([
      "objectives.set",
      "key_metric.added",
      "target.set",
      "key_metric.removed",
      "program.settings_changed",
      "segment.set",
      "segment.removed",
      "measure.recorded",
      "embed_key.created",
      "embed_key.revoked",
      "partner.created",
    ]);
    expect(rows.at(-1)).toMatchObject({
      partnerId: gamma.id,
      summary: "Added the partner Gamma",
    });
    expect(rows.every((r) => r.actorId === actorId)).toBe(true);
    expect(
      rows
        .filter((r) => r.kind.startsWith("embed_key"))
        .map((r) => r.partnerId),
    ).toEqual([t.beta.id, t.beta.id]);
    expect(JSON.stringify(rows)).not.toContain(key.key);
  });
});
