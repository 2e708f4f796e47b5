import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createEmbedKey,
  rateRelationship,
  revokeEmbedKey,
  type EmbedTarget,
} from "@tandem/db";
import { embedScorecardSchema } from "@tandem/embed-contract";
import { openStreamCount } from "~/lib/live/sse.server.js";
import { stopLive } from "~/lib/live/live.server.js";
import * as stream from "~/routes/embed.v1.stream.js";
import * as live from "~/routes/live.partners.$partnerId.js";
import { cookieFor, startPortal, type TestPortal } from "./harness.js";
import { EventReader } from "./sse.js";

const ORIGIN = "https://site.example";
let portal: TestPortal;

async function keyFor(target: EmbedTarget, programId?: number) {
  const { t } = portal;
  const key = await createEmbedKey(portal.handle.db, {
    programId: programId ?? t.acme.id,
    target,
    metrics: ["partner_satisfaction_score"],
    label: "live",
    allowedOrigins: [ORIGIN],
    createdBy: t.users.ownerStaff.id,
  });
  return key;
}

async function open(query: string, origin: string | null = ORIGIN) {
  const controller = new AbortController();
  const headers = new Headers(origin ? { Origin: origin } : {});
  const request = new Request(`http://localhost/embed/v1/stream${query}`, {
    headers,
    signal: controller.signal,
  });
  const response = await stream.loader({ request, params: {}, context: {} });
  return { response, controller };
}

/** A rating by the partner's user, or by another person of alpha. */
async function rate(
  partner: "alpha" | "beta" | "omega",
  score: number,
  by?: "alphaAdmin",
) {
  const { t } = portal;
  const user = by
    ? t.users[by]
    : {
        alpha: t.users.alphaUser,
        beta: t.users.betaUser,
        omega: t.users.omegaUser,
      }[partner];
  await rateRelationship(portal.handle.db, {
    programId: partner === "omega" ? t.other.id : t.acme.id,
    partnerId: t[partner].id,
    side: "partner",
    userId: user.id,
    score,
    comment: null,
  });
}

function satisfaction(data: unknown): string | null {
  const { scorecard } = data as { scorecard: unknown };
  const card = embedScorecardSchema.parse(scorecard);
  return card.metrics[0]!.value;
}

beforeAll(async () => {
  portal = await startPortal();
}, 120_000);

afterAll(async () => {
  await stopLive();
  await portal.close();
});

describe("the embed event stream", () => {
  it("sends the scorecard on connect and after each change", async () => {
    const key = await keyFor({
      scope: "partner",
      partnerId: portal.t.alpha.id,
    });
    const { response, controller } = await open(`?keys=${key.key}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("Cache-Control")).toBe(
      "no-cache, no-transform",
    );
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(ORIGIN);
    const events = new EventReader(response.body);

    const first = await events.next();
    expect(events.fields).toContain("retry: 2000");
    expect(first.event).toBe("scorecard");
    expect((first.data as { sub: string }).sub).toBe(key.key);
    expect(satisfaction(first.data)).toBeNull();

    await rate("alpha", 7);
    expect(satisfaction((await events.next()).data)).toBe("7.000000");
    // Another person: one person's second rating would replace the 7.
    await rate("alpha", 9, "alphaAdmin");
    expect(satisfaction((await events.next()).data)).toBe("8.000000");
    controller.abort();
  });

  it("tells a badge of its program's changes, never another's", async () => {
    const key = await keyFor({ scope: "program" });
    const { response, controller } = await open(`?keys=${key.key}:year`);
    const events = new EventReader(response.body);
    const first = await events.next();
    const before = satisfaction(first.data);

    await rate("omega", 1);
    await rate("beta", 3);
    const next = await events.next();
    expect(JSON.stringify(next.data)).not.toMatch(/Alpha|Beta|Omega/);
    // Alpha's 7 and 9 from before and Beta's 3: never Omega's 1.
    expect([before, satisfaction(next.data)]).toEqual(["8.000000", "6.333333"]);
    controller.abort();
  });

  it("carries several keys and periods on one connection", async () => {
    const alpha = await keyFor({
      scope: "partner",
      partnerId: portal.t.alpha.id,
    });
    const beta = await keyFor({
      scope: "partner",
      partnerId: portal.t.beta.id,
    });
    const subs = [`${alpha.key}:month`, `${beta.key}:quarter`];
    const { response, controller } = await open(`?keys=${subs.join(",")}`);
    const events = new EventReader(response.body);
    const seen = [await events.next(), await events.next()].map(
      (e) => (e.data as { sub: string }).sub,
    );
    expect(seen.sort()).toEqual([...subs].sort());

    await rate("beta", 5);
    const update = await events.next();
    expect((update.data as { sub: string }).sub).toBe(subs[1]);
    controller.abort();
  });

  it("ends a revoked key's stream within seconds", async () => {
    const key = await keyFor({ scope: "partner", partnerId: portal.t.beta.id });
    const { response } = await open(`?keys=${key.key}`);
    const events = new EventReader(response.body);
    await events.next();

    const revokedAt = Date.now();
    await revokeEmbedKey(portal.handle.db, {
      actorId: null,
      programId: portal.t.acme.id,
      keyId: key.id,
    });
    const told = await events.next(5_000);
    expect(told.event).toBe("key-error");
    expect(told.data).toMatchObject({ code: "revoked_key" });
    await events.end(1_000);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
  });

  it("answers a stream of revoked keys only with the revocation", async () => {
    const key = await keyFor({ scope: "partner", partnerId: portal.t.beta.id });
    await revokeEmbedKey(portal.handle.db, {
      actorId: null,
      programId: portal.t.acme.id,
      keyId: key.id,
    });
    const { response } = await open(`?keys=${key.key}`);
    expect(response.status).toBe(410);
    // The refusal's body is sent as it is, not read up on the way.
    expect(await response.json()).toMatchObject({
      error: { code: "revoked_key" },
    });
  });

  it("refuses other origins, and names no key's data to them", async () => {
    const key = await keyFor({
      scope: "partner",
      partnerId: portal.t.alpha.id,
    });
    const { response } = await open(`?keys=${key.key}`, "https://evil.example");
    expect(response.status).toBe(403);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(await response.text()).not.toContain("Alpha");

    const other = await keyFor({ scope: "program" });
    const unknown = `pk_${"0".repeat(32)}`;
    const mixed = await open(`?keys=${other.key},${unknown}`);
    expect(mixed.response.status).toBe(200);
    const events = new EventReader(mixed.response.body);
    const kinds = [await events.next(), await events.next()];
    expect(kinds.map((e) => e.event).sort()).toEqual([
      "key-error",
      "scorecard",
    ]);
    const error = kinds.find((e) => e.event === "key-error")!;
    expect(error.data).toEqual({
      sub: unknown,
      code: "origin_not_allowed",
      message: "This key may not be used on this site.",
    });
    mixed.controller.abort();
  });

  it.each([
    ["", "Give the embed keys as ?keys=pk_…"],
    ["?keys=nope", '"nope" is not a key such as pk_…:quarter.'],
    [`?keys=pk_${"a".repeat(32)}:decade`, "is not a key such as"],
    [
      `?keys=${Array.from({ length: 21 }, (_, i) => fakeKey(i)).join(",")}`,
      "Give 1 to 20 keys.",
    ],
  ])("answers %s with 400 and a reason", async (query, message) => {
    const { response } = await open(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain(message);
  });

  it("closes every stream on shutdown", async () => {
    const key = await keyFor({ scope: "program" });
    const { response } = await open(`?keys=${key.key}`);
    const events = new EventReader(response.body);
    await events.next();
    expect(openStreamCount()).toBeGreaterThan(0);

    await stopLive();
    await events.end(1_000);
    expect(openStreamCount()).toBe(0);
  });
});

describe("the portal page's event stream", () => {
  async function openPage(user: "alphaUser" | "betaUser" | "otherStaff") {
    const { t } = portal;
    const cookie = await cookieFor(portal.handle, t.users[user].id);
    const path = `/live/partners/${t.alpha.id}`;
    const request = new Request(`http://localhost${path}`, {
      headers: { Cookie: cookie },
    });
    const params = { partnerId: String(t.alpha.id) };
    try {
      return await live.loader({ request, params, context: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("tells the partner's own page of changes", async () => {
    const response = await openPage("alphaUser");
    expect(response.status).toBe(200);
    const events = new EventReader(response.body);
    await rate("beta", 2);
    await rate("alpha", 4);
    expect(await events.next()).toEqual({ event: "changed", data: {} });
    await events.cancel();
  });

  it("refuses other partners and programs", async () => {
    for (const user of ["betaUser", "otherStaff"] as const) {
      expect((await openPage(user)).status).toBe(404);
    }
  });
});

function fakeKey(i: number): string {
  return `pk_${String(i).padStart(32, "0")}`;
}
