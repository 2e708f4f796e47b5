import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createEmbedKey,
  listEmbedKeys,
  rateRelationship,
  registerLead,
} from "@tandem/db";
import { embedScorecardSchema } from "@tandem/embed-contract";
import * as embedKeys from "~/routes/embed-keys.js";
import * as embedApi from "~/routes/embed.v1.scorecard.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

const ORIGIN = { Origin: "https://site.example" };
let portal: TestPortal;
let staff: string;

async function keyFor(
  target: Parameters<typeof createEmbedKey>[1]["target"],
  metrics: string[] | null = null,
) {
  const { t } = portal;
  return createEmbedKey(portal.handle.db, {
    programId: t.acme.id,
    target,
    metrics,
    label: "test",
    allowedOrigins: ["https://site.example"],
    createdBy: t.users.ownerStaff.id,
  });
}

async function scorecard(key: string) {
  const answer = await call(embedApi.loader, `/embed/v1/scorecard?key=${key}`, {
    headers: ORIGIN,
  });
  expect(answer.status).toBe(200);
  return embedScorecardSchema.parse(JSON.parse(String(answer.body)));
}

beforeAll(async () => {
  portal = await startPortal();
  const { db } = portal.handle;
  const { t } = portal;
  staff = await cookieFor(portal.handle, t.users.ownerStaff.id);
  const rate = (partnerId: number, userId: number, score: number) =>
    rateRelationship(db, {
      programId: t.acme.id,
      partnerId,
      side: "partner",
      userId,
      score,
      comment: null,
    });
  await rate(t.alpha.id, t.users.alphaUser.id, 9);
  await rate(t.beta.id, t.users.betaUser.id, 4);
  for (const partnerId of [t.alpha.id, t.beta.id, t.beta.id]) {
    await registerLead(db, {
      programId: t.acme.id,
      partnerId,
      actorId: t.users.ownerStaff.id,
      lead: {
        company: `Co ${Math.random()}`,
        contactName: "C",
        contactEmail: `c@${Math.random().toString(36).slice(2)}.test`,
        estimatedValueMinor: null,
        notes: null,
      },
    });
  }
}, 120_000);

afterAll(() => portal.close());

describe("embed key scopes and metrics", () => {
  it("shows a partner key its partner's figures and a sparkline", async () => {
    const key = await keyFor({
      scope: "partner",
      partnerId: portal.t.alpha.id,
    });
    const card = await scorecard(key.key);

    expect(card.scope).toBe("partner");
    expect(card.partner).toEqual({ name: "Alpha" });
    const byId = Object.fromEntries(card.metrics.map((m) => [m.id, m]));
    expect(byId.leads_generated!.value).toBe("1");
    expect(byId.partner_satisfaction_score!.value).toBe("9.000000");
    const series = byId.leads_generated!.series!;
    expect(series).toHaveLength(6);
    expect(series.at(-1)).toEqual({ key: card.period.key, value: "1" });
    expect(series.slice(0, 5).map((p) => p.value)).toEqual([
      ...Array(5).fill("0"),
    ]);
  });

  it("shows a badge key the program's totals and no partner", async () => {
    const key = await keyFor({ scope: "program" });
    const answer = await call(
      embedApi.loader,
      `/embed/v1/scorecard?key=${key.key}`,
      { headers: ORIGIN },
    );
    const text = String(answer.body);
    expect(text).not.toMatch(/Alpha|Beta|Omega/);
    const card = embedScorecardSchema.parse(JSON.parse(text));
    expect(card.scope).toBe("program");
    expect(card.partner).toBeNull();
    const byId = Object.fromEntries(card.metrics.map((m) => [m.id, m]));
    expect(byId.leads_generated!.value).toBe("3");
    // (9 + 4) / 2, over both partners' ratings.
    expect(byId.partner_satisfaction_score!.value).toBe("6.500000");
  });

  it("shows only the key's metrics, in the key's order", async () => {
    const key = await keyFor({ scope: "program" }, [
      "partner_satisfaction_score",
      "leads_generated",
    ]);
    const card = await scorecard(key.key);
    expect(card.metrics.map((m) => m.id)).toEqual([
      "partner_satisfaction_score",
      "leads_generated",
    ]);
  });

  it("lets shared caches keep the JSON briefly, with an ETag", async () => {
    const key = await keyFor({ scope: "program" });
    const answer = await call(
      embedApi.loader,
      `/embed/v1/scorecard?key=${key.key}`,
      { headers: ORIGIN },
    );
    expect(answer.headers.get("Cache-Control")).toBe(
      "public, max-age=15, stale-while-revalidate=15",
    );
    expect(answer.headers.get("Vary")).toBe("Origin");
    expect(answer.headers.get("ETag")).toMatch(/^"[\w-]{27}"$/);
  });

  it("answers 429 with Retry-After once a key's bucket is empty", async () => {
    const key = await keyFor({ scope: "program" });
    const path = `/embed/v1/scorecard?key=${key.key}`;
    let limited;
    for (let i = 0; i < 100 && !limited; i++) {
      const answer = await call(embedApi.loader, path, { headers: ORIGIN });
      if (answer.status === 429) limited = answer;
      else expect(answer.status).toBe(200);
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(limited!.headers.get("Access-Control-Allow-Origin")).toBe(
      "https://site.example",
    );
    const body = JSON.parse(String(limited!.body));
    expect(body.error.code).toBe("rate_limited");
    // Another key still has its own bucket.
    const other = await keyFor({ scope: "program" });
    await scorecard(other.key);
  });
});

describe("creating keys on the Embed keys page", () => {
  const base = {
    intent: "create",
    label: "form key",
    origins: "https://site.example",
  };
  const positions = (order: Record<string, string>) =>
    Object.fromEntries(
      [
        "leads_generated",
        "lead_conversion_rate",
        "direct_revenue",
        "avg_deal_size",
        "revenue_growth_rate",
        "partner_satisfaction_score",
      ].map((id) => [`metric_${id}`, order[id] ?? ""]),
    );
  const create = (form: Record<string, string>) =>
    call(embedKeys.action, "/embed-keys", { cookie: staff, form });
  const newest = async () =>
    (
      await listEmbedKeys(portal.handle.db, { programId: portal.t.acme.id })
    )[0]!;

  it("stores a badge key with the chosen metrics in order", async () => {
    const made = await create({
      ...base,
      scope: "program",
      partnerId: String(portal.t.alpha.id),
      ...positions({ direct_revenue: "2", leads_generated: "1" }),
    });
    expect(made.status).toBe(302);
    const key = await newest();
    expect([key.scope, key.partnerId, key.metrics]).toEqual([
      "program",
      null,
      ["leads_generated", "direct_revenue"],
    ]);
  });

  it("stores every metric in the catalog's order as the defaults", async () => {
    const all = positions({
      leads_generated: "1",
      lead_conversion_rate: "2",
      direct_revenue: "3",
      avg_deal_size: "4",
      revenue_growth_rate: "5",
      partner_satisfaction_score: "6",
    });
    const made = await create({
      ...base,
      scope: "partner",
      partnerId: String(portal.t.beta.id),
      ...all,
    });
    expect(made.status).toBe(302);
    const key = await newest();
    expect([key.scope, key.partnerId, key.metrics]).toEqual([
      "partner",
      portal.t.beta.id,
      null,
    ]);
  });

  it.each([
    [{ scope: "partner", partnerId: "" }, "partnerId"],
    [{ scope: "galaxy" }, "scope"],
    [{ scope: "program", ...positions({}) }, "metrics"],
    [
      {
        scope: "program",
        ...positions({ direct_revenue: "1", leads_generated: "1" }),
      },
      "metrics",
    ],
    [
      { scope: "program", ...positions({ direct_revenue: "x" }) },
      "metric_direct_revenue",
    ],
  ])("refuses %j with an error on %s", async (form, field) => {
    const before = (
      await listEmbedKeys(portal.handle.db, { programId: portal.t.acme.id })
    ).length;
    const answer = await create({ ...base, ...form });
    expect(answer.status).toBe(400);
    const errors = (answer.body as { errors: Record<string, string[]> }).errors;
    expect(errors[field]?.[0]).toMatch(/\w/);
    const after = await listEmbedKeys(portal.handle.db, {
      programId: portal.t.acme.id,
    });
    expect(after).toHaveLength(before);
  });

  it.each([
    [
      "partner",
      "cac_via_partner",
      /Customer acquisition cost via partner.*spends/,
    ],
    [
      "partner",
      "ecosystem_health_index",
      /Ecosystem health index.*partner's key cannot/,
    ],
    ["program", "new_customers", /New customers via partner cannot be/],
    ["partner", "made_up", /no metric "made_up"/],
  ])(
    "refuses a %s key with %s, naming it and why",
    async (scope, id, message) => {
      const before = await listEmbedKeys(portal.handle.db, {
        programId: portal.t.acme.id,
      });
      const answer = await create({
        ...base,
        scope,
        partnerId: String(portal.t.alpha.id),
        ...positions({ leads_generated: "1" }),
        [`metric_${id}`]: "3",
      });
      expect(answer.status).toBe(400);
      const body = answer.body as {
        errors: Record<string, string[]>;
        values: Record<string, string>;
      };
      expect(body.errors.metrics?.join(" ")).toMatch(message);
      expect(body.values[`metric_${id}`]).toBe("3");
      const after = await listEmbedKeys(portal.handle.db, {
        programId: portal.t.acme.id,
      });
      expect(after).toEqual(before);
    },
  );

  it("lists a key without a choice with the six metrics it shows", async () => {
    const key = await keyFor({
      scope: "partner",
      partnerId: portal.t.alpha.id,
    });
    const served = (await scorecard(key.key)).metrics.map((m) => m.label);
    const page = await call(embedKeys.loader, "/embed-keys", {
      cookie: staff,
    });
    const { keys, metrics } = page.body as {
      keys: { id: number; metrics: string[] }[];
      metrics: { id: string }[];
    };
    const listed = keys.find((k) => k.id === key.id)!.metrics;
    expect(listed).toEqual([
      "Leads generated by partner",
      "Lead conversion rate",
      "Direct revenue contribution",
      "Average deal size (partner-sourced)",
      "Revenue growth rate (partner-driven)",
      "Partner satisfaction score (PSS)",
    ]);
    expect(listed).toEqual(served);
    expect(metrics).toHaveLength(6);
  });
});
