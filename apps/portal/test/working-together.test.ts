import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPartnerActivities } from "@tandem/db";
import * as activities from "~/routes/partners.$partnerId.activities.js";
import * as scorecard from "~/routes/partners.$partnerId.scorecard.js";
import * as settings from "~/routes/settings.js";
import { auditKinds } from "./db-rows.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;
let cookies: Record<string, string>;

type Activities = Awaited<ReturnType<typeof activities.loader>>;
type Card = Awaited<ReturnType<typeof scorecard.loader>>["data"];

function at(partnerId: number, page: "activities" | "scorecard") {
  return {
    path: `/partners/${partnerId}/${page}`,
    params: { partnerId: String(partnerId) },
  };
}

beforeAll(async () => {
  portal = await startPortal();
  cookies = {};
  for (const [name, user] of Object.entries(portal.t.users)) {
    cookies[name] = await cookieFor(portal.handle, user.id);
  }
}, 120_000);
afterAll(() => portal.close());

describe("activities logged by both sides", () => {
  it("forces a partner's own partnership, whatever the form names", async () => {
    const { t } = portal;
    const { path, params } = at(t.alpha.id, "activities");
    const form = new FormData();
    for (const [k, v] of Object.entries({
      kind: "call",
      title: "Pipeline call",
      occurredOn: "2024-05-02",
      completed: "on",
    }))
      form.append(k, v);
    form.append("partnerIds", String(t.beta.id));
    const logged = await call(activities.action, path, {
      cookie: cookies.alphaUser,
      params,
      form,
    });
    expect(logged.status).toBe(302);
    const beta = await listPartnerActivities(portal.handle.db, {
      programId: t.acme.id,
      partnerId: t.beta.id,
      forOwner: true,
    });
    expect(beta).toEqual([]);
    const other = await call(
      activities.action,
      at(t.beta.id, "activities").path,
      {
        cookie: cookies.alphaUser,
        params: at(t.beta.id, "activities").params,
        form: { kind: "call", title: "Sneaky", occurredOn: "2024-05-02" },
      },
    );
    expect(other.status).toBe(404);
  });

  it("lets staff log a joint activity, shown to each partner without the other", async () => {
    const { t } = portal;
    const { path, params } = at(t.alpha.id, "activities");
    const form = new FormData();
    form.append("kind", "event");
    form.append("title", "Joint trade fair");
    form.append("occurredOn", "2024-05-20");
    form.append("completed", "on");
    form.append("partnerIds", String(t.beta.id));
    expect(
      (
        await call(activities.action, path, {
          cookie: cookies.ownerStaff,
          params,
          form,
        })
      ).status,
    ).toBe(302);
    const omegaForm = new FormData();
    omegaForm.append("kind", "event");
    omegaForm.append("title", "Cross-program");
    omegaForm.append("occurredOn", "2024-05-20");
    omegaForm.append("partnerIds", String(t.omega.id));
    const cross = await call(activities.action, path, {
      cookie: cookies.ownerStaff,
      params,
      form: omegaForm,
    });
    expect(cross.status).toBe(400);
    expect(cross.body).toMatchObject({ values: { title: "Cross-program" } });

    const staffView = (
      await call(activities.loader, path, {
        cookie: cookies.ownerStaff,
        params,
      })
    ).body as Activities;
    expect(
      staffView.activities.map((a) => [a.title, a.partners.sort()]),
    ).toEqual([
      ["Joint trade fair", ["Alpha", "Beta"]],
      ["Pipeline call", ["Alpha"]],
    ]);
    const beta = at(t.beta.id, "activities");
    const bobView = await call(activities.loader, beta.path, {
      cookie: cookies.betaUser,
      params: beta.params,
    });
    const bob = bobView.body as Activities;
    expect(bob.activities.map((a) => a.title)).toEqual(["Joint trade fair"]);
    expect(JSON.stringify(bob)).not.toContain("Alpha");
    expect(bob.others).toEqual([]);

    const bad = await call(activities.action, path, {
      cookie: cookies.alphaUser,
      params,
      form: { kind: "party", title: "", occurredOn: "2999-01-01" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { errors: object }).errors).sort()).toEqual(
      ["kind", "occurredOn", "title"],
    );
    expect(await auditKinds(portal.handle, t.acme.id, "activity")).toEqual([
      "activity.logged",
      "activity.logged",
      "activity.logged",
    ]);
  });
});

describe("ratings on a cadence", () => {
  it("shows each side's rating as due until it is given, and both sides' history", async () => {
    const { t } = portal;
    const { path, params } = at(t.alpha.id, "scorecard");
    const before = (
      await call(scorecard.loader, path, { cookie: cookies.alphaUser, params })
    ).body as Card;
    expect(before.due).toMatchObject({ owner: null, partner: null });

    expect(
      (
        await call(scorecard.action, path, {
          cookie: cookies.alphaUser,
          params,
          form: {
            score: "8",
            communication: "4",
            trust: "5",
            value: "3",
            support: "4",
            comment: "Good quarter",
          },
        })
      ).status,
    ).toBe(302);
    await call(scorecard.action, path, {
      cookie: cookies.ownerStaff,
      params,
      form: { score: "6", comment: "" },
    });
    const after = (
      await call(scorecard.loader, path, { cookie: cookies.ownerStaff, params })
    ).body as Card;
    expect(after.due!.owner).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(after.due!.partner).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      after.ratings.map((r) => [
        r.side,
        r.score,
        r.dimensions,
        r.comment,
        r.by,
      ]),
    ).toEqual([
      ["owner", 6, "", null, "staff"],
      [
        "partner",
        8,
        "communication 4/5, trust 5/5, value 3/5, support 4/5",
        "Good quarter",
        "ann",
      ],
    ]);
    expect(await auditKinds(portal.handle, t.acme.id, "rating")).toEqual([
      "rating.given",
      "rating.given",
    ]);
  });

  it("lets an admin set the cadence, or turn it off, on the settings page", async () => {
    const bad = await call(settings.action, "/settings", {
      cookie: cookies.ownerAdmin,
      form: { intent: "rating-cadence", ratingCadence: "weekly" },
    });
    expect(bad.status).toBe(400);
    expect(
      (
        await call(settings.action, "/settings", {
          cookie: cookies.ownerStaff,
          form: { intent: "rating-cadence", ratingCadence: "month" },
        })
      ).status,
    ).toBe(403);
    const set = await call(settings.action, "/settings", {
      cookie: cookies.ownerAdmin,
      form: { intent: "rating-cadence", ratingCadence: "off" },
    });
    expect(set.status).toBe(302);
    const shown = await call(settings.loader, "/settings", {
      cookie: cookies.ownerAdmin,
    });
    expect(shown.body).toMatchObject({ ratingCadence: "off" });
    const { path, params } = at(portal.t.alpha.id, "scorecard");
    const card = (
      await call(scorecard.loader, path, { cookie: cookies.alphaUser, params })
    ).body as Card;
    expect(card.due).toBeNull();
  });
});
