import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedKey, setTargetSegment } from "@tandem/db";
import * as audit from "~/routes/audit.js";
import * as embedKeys from "~/routes/embed-keys.js";
import * as editPartner from "~/routes/partners.$partnerId.edit.js";
import * as objectives from "~/routes/partners.$partnerId.objectives.js";
import * as records from "~/routes/records.js";
import * as settings from "~/routes/settings.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;
let cookies: Record<string, string>;

interface Row {
  actor: string;
  partner: string | null;
  kind: string;
  summary: string;
}
interface Page {
  events: Row[];
  nextPage: string | null;
  newestPage: string;
  choices: {
    actors: { id: number; name: string }[];
    partners: { id: number; name: string }[];
    kinds: string[];
  };
}

async function read(query = "", who = "ownerAdmin") {
  const answer = await call(audit.loader, `/audit${query}`, {
    cookie: cookies[who],
  });
  expect(answer.status).toBe(200);
  return answer.body as Page;
}

beforeAll(async () => {
  portal = await startPortal();
  const { t } = portal;
  cookies = {};
  for (const [name, user] of Object.entries(t.users)) {
    cookies[name] = await cookieFor(portal.handle, user.id);
  }
  const alpha = String(t.alpha.id);
  // One after another, so the log's order is known.
  const steps = [
    () =>
      call(records.action, "/records", {
        cookie: cookies.ownerStaff,
        form: {
          intent: "cost",
          partnerId: alpha,
          kind: "commission",
          amount: "120",
          incurredOn: "2024-03-01",
        },
      }),
    () =>
      call(records.action, "/records", {
        cookie: cookies.ownerStaff,
        form: {
          intent: "revenue",
          customer: "Secret Customer Inc",
          partnerId: String(t.beta.id),
          kind: "new",
          amount: "900",
          occurredOn: "2024-03-02",
        },
      }),
    () =>
      call(editPartner.action, `/partners/${alpha}/edit`, {
        cookie: cookies.ownerAdmin,
        params: { partnerId: alpha },
        form: { type: "reseller", joinedOn: "2020-01-01" },
      }),
    () =>
      call(objectives.action, `/partners/${alpha}/objectives`, {
        cookie: cookies.ownerStaff,
        params: { partnerId: alpha },
        form: { intent: "add", metricId: "direct_revenue", weight: "2" },
      }),
    () =>
      call(settings.action, "/settings", {
        cookie: cookies.ownerAdmin,
        form: { intent: "segment", name: "Mid-market", targetAccounts: "40" },
      }),
    () =>
      call(embedKeys.action, "/embed-keys", {
        cookie: cookies.ownerStaff,
        form: {
          intent: "create",
          label: "beta site",
          partnerId: String(t.beta.id),
          origins: "https://beta.example",
        },
      }),
  ];
  for (const step of steps) expect((await step()).status).toBe(302);
  // In the other program: must never show in Acme's log.
  await createEmbedKey(portal.handle.db, {
    programId: t.other.id,
    target: { scope: "partner", partnerId: t.omega.id },
    metrics: null,
    label: "omega-only key",
    allowedOrigins: ["https://omega.example"],
    createdBy: t.users.otherStaff.id,
  });
}, 120_000);
afterAll(() => portal.close());

describe("the audit log", () => {
  it("shows every change with who made it, for which partner, newest first", async () => {
    const page = await read();
    expect(page.events.map((e) => e.kind)).toEqual([
      "embed_key.created",
      "segment.set",
      "key_metric.added",
      "partner.attributes_changed",
      "revenue.imported",
      "cost.recorded",
    ]);
    expect(page.events[0]).toMatchObject({
      actor: "staff",
      partner: "Beta",
      summary: 'Created the embed key "beta site"',
    });
    expect(page.events[3]).toMatchObject({ actor: "admin", partner: "Alpha" });
    expect(page.events[1]!.partner).toBeNull();
    const text = JSON.stringify(page);
    expect(text).not.toContain("omega");
    expect(text).not.toContain("pk_");
  });

  it("filters by partner, person and kind", async () => {
    const { t } = portal;
    const alpha = await read(`?partner=${t.alpha.id}`);
    expect(alpha.events.map((e) => e.kind)).toEqual([
      "key_metric.added",
      "partner.attributes_changed",
      "cost.recorded",
    ]);
    const admin = await read(`?person=${t.users.ownerAdmin.id}`);
    expect(admin.events.map((e) => e.kind)).toEqual([
      "segment.set",
      "partner.attributes_changed",
    ]);
    const both = await read(
      `?person=${t.users.ownerStaff.id}&partner=${t.alpha.id}&kind=cost.recorded`,
    );
    expect(both.events).toHaveLength(1);
    expect(both.events[0]!.summary).toBe("Recorded a commission cost");

    expect(alpha.choices.partners.map((p) => p.name)).toEqual([
      "Alpha",
      "Beta",
    ]);
    expect(alpha.choices.actors.map((a) => a.name).sort()).toEqual([
      "admin",
      "staff",
    ]);
    expect(alpha.choices.kinds).toContain("cost.recorded");
    expect(alpha.choices.kinds).not.toContain("embed_key.revoked");

    // Another program's partner or person finds nothing here.
    expect((await read(`?partner=${t.omega.id}`)).events).toEqual([]);
    expect((await read(`?person=${t.users.otherStaff.id}`)).events).toEqual([]);
    // Unreadable filters are ignored rather than an error.
    expect((await read("?partner=abc&person=")).events).toHaveLength(6);
  });

  it("pages through a long log without skipping or repeating", async () => {
    const { t } = portal;
    for (let i = 0; i < 55; i += 1) {
      await setTargetSegment(portal.handle.db, {
        programId: t.acme.id,
        name: `Segment ${i}`,
        targetAccounts: i + 1,
        actorId: t.users.ownerAdmin.id,
      });
    }
    const first = await read("?kind=segment.set");
    expect(first.events).toHaveLength(50);
    expect(first.events[0]!.summary).toContain("Segment 54");
    const second = await read(first.nextPage!.replace("/audit", ""));
    expect(second.events.map((e) => e.summary).at(-1)).toContain("Mid-market");
    expect(second.events).toHaveLength(6);
    expect(second.nextPage).toBeNull();
    // Back to the newest page of the same filter.
    expect(second.newestPage).toBe("/audit?kind=segment.set");
  });

  it("is for owner admins only", async () => {
    for (const who of ["ownerStaff", "alphaAdmin", "alphaUser", "otherStaff"]) {
      const answer = await call(audit.loader, "/audit", {
        cookie: cookies[who],
      });
      expect(answer.status).toBe(403);
      expect(String(answer.body)).not.toContain("Alpha");
    }
    const anonymous = await call(audit.loader, "/audit");
    expect(anonymous.status).toBe(302);
  });
});
