import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProgram, getProgramSettings } from "@tandem/db";
import * as editPartner from "~/routes/partners.$partnerId.edit.js";
import * as overview from "~/routes/overview.js";
import * as settings from "~/routes/settings.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;
let admin: string;

const VALID = {
  intent: "settings",
  grossMargin: "72.5",
  lifetimeCapMonths: "36",
  engagement: "2",
  satisfaction: "1",
  growth: "1",
  expansion: "0",
};

beforeAll(async () => {
  portal = await startPortal();
  admin = await cookieFor(portal.handle, portal.t.users.ownerAdmin.id);
}, 120_000);
afterAll(() => portal.close());

async function current() {
  const program = (await getProgram(portal.handle.db, portal.t.acme.id))!;
  return getProgramSettings(portal.handle.db, program);
}

describe("program settings", () => {
  it("lets an admin set margin, lifetime cap, weights and segments", async () => {
    expect(
      (await call(settings.action, "/settings", { cookie: admin, form: VALID }))
        .status,
    ).toBe(302);
    await call(settings.action, "/settings", {
      cookie: admin,
      form: { intent: "segment", name: "Mid-market", targetAccounts: "250" },
    });
    await call(settings.action, "/settings", {
      cookie: admin,
      form: { intent: "segment", name: "Enterprise", targetAccounts: "50" },
    });
    expect(await current()).toEqual({
      grossMarginBasisPoints: 7250,
      lifetimeCapMonths: 36,
      healthWeights: {
        engagement: 2,
        satisfaction: 1,
        growth: 1,
        expansion: 0,
      },
      targetAccounts: 300,
    });
  });

  it("refuses bad values beside their fields and keeps the old ones", async () => {
    const before = await current();
    const answer = await call(settings.action, "/settings", {
      cookie: admin,
      form: {
        ...VALID,
        grossMargin: "120",
        lifetimeCapMonths: "0",
        growth: "-1",
      },
    });
    expect(answer.status).toBe(400);
    const errors = (answer.body as { errors: Record<string, string[]> }).errors;
    expect(Object.keys(errors).sort()).toEqual([
      "grossMargin",
      "growth",
      "lifetimeCapMonths",
    ]);
    const allZero = await call(settings.action, "/settings", {
      cookie: admin,
      form: {
        ...VALID,
        engagement: "0",
        satisfaction: "0",
        growth: "0",
        expansion: "0",
      },
    });
    expect(allZero.status).toBe(400);
    expect(await current()).toEqual(before);
  });

  it("lets staff read but not change them", async () => {
    const staff = await cookieFor(portal.handle, portal.t.users.ownerStaff.id);
    expect(
      (await call(settings.loader, "/settings", { cookie: staff })).status,
    ).toBe(200);
    const answer = await call(settings.action, "/settings", {
      cookie: staff,
      form: VALID,
    });
    expect(answer.status).toBe(403);
  });
});

describe("partner attributes", () => {
  it("sets reach and joining days, which the ecosystem figures use", async () => {
    const edit = (partnerId: number, form: Record<string, string>) =>
      call(editPartner.action, `/partners/${partnerId}/edit`, {
        cookie: admin,
        params: { partnerId: String(partnerId) },
        form,
      });
    const base = { type: "reseller", joinedOn: "2020-01-01" };
    expect(
      (await edit(portal.t.alpha.id, { ...base, declaredReach: "1,200" }))
        .status,
    ).toBe(302);
    expect(
      (await edit(portal.t.beta.id, { ...base, declaredReach: "300" })).status,
    ).toBe(302);
    const refused = await edit(portal.t.beta.id, {
      ...base,
      endedOn: "2019-12-31",
    });
    expect(refused.status).toBe(400);
    // One reason a field, in words that say what to type.
    const errorsOf = async (form: Record<string, string>) =>
      (
        (await edit(portal.t.beta.id, { ...base, ...form })).body as {
          errors: Record<string, string[]>;
        }
      ).errors;
    expect(await errorsOf({ declaredReach: "-5", joinedOn: "" })).toEqual({
      declaredReach: [
        "Enter a whole number of accounts, from 0 to 999,999,999.",
      ],
      joinedOn: ["Give the day the partnership began."],
    });
    expect(await errorsOf({ joinedOn: "2024-02-30" })).toEqual({
      joinedOn: ["That day does not exist."],
    });

    const answer = await call(overview.loader, "/overview?kind=year&at=2024", {
      cookie: admin,
    });
    const ecosystem = (
      answer.body as { ecosystem: { id: string; value: string }[] }
    ).ecosystem;
    const value = (id: string) => ecosystem.find((m) => m.id === id)!.value;
    // Both partners active through 2024: reach 1,200 + 300; no change.
    expect(value("network_reach")).toBe("1,500");
    expect(value("ecosystem_expansion_rate")).toBe("0.00%");
  });
});
