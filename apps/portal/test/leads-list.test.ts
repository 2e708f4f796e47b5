import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerLead } from "@tandem/db";
import * as leads from "~/routes/leads._index.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;

beforeAll(async () => {
  portal = await startPortal();
  for (let n = 1; n <= 61; n += 1) {
    await registerLead(portal.handle.db, {
      programId: portal.t.acme.id,
      partnerId: portal.t.beta.id,
      actorId: portal.t.users.betaUser.id,
      lead: {
        company: `Company ${n}`,
        contactName: "C",
        contactEmail: "c@x.test",
        estimatedValueMinor: null,
        notes: null,
      },
    });
  }
}, 120_000);
afterAll(() => portal.close());

type Page = {
  leads: { company: string }[];
  page: number;
  pages: number;
  total: number;
};

describe("the leads list", () => {
  it("pages through every lead, newest first", async () => {
    const cookie = await cookieFor(portal.handle, portal.t.users.betaUser.id);
    const first = (await call(leads.loader, "/leads", { cookie })).body as Page;
    expect([first.total, first.pages, first.leads.length]).toEqual([61, 2, 50]);
    expect(first.leads[0]!.company).toBe("Company 61");
    const second = (await call(leads.loader, "/leads?page=2", { cookie }))
      .body as Page;
    expect(second.leads.map((l) => l.company)).toEqual(
      Array.from({ length: 11 }, (_, i) => `Company ${11 - i}`),
    );
  });

  it("sends a page past the end to the last page, keeping the filter", async () => {
    const cookie = await cookieFor(portal.handle, portal.t.users.betaUser.id);
    const past = await call(leads.loader, "/leads?status=submitted&page=9", {
      cookie,
    });
    expect(past.status).toBe(302);
    expect(past.location).toBe("/leads?status=submitted&page=2");
    const empty = await call(leads.loader, "/leads?status=won&page=3", {
      cookie,
    });
    expect(empty.location).toBe("/leads?status=won&page=1");
    const far = await call(leads.loader, "/leads?page=99999999999", {
      cookie,
    });
    expect(far.location).toBe("/leads?page=2");
  });
});
