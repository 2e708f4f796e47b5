import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriodKey } from "@tandem/metrics";
import {
  addReviewNote,
  createEmbedKey,
  getNotificationPreferences,
  getReview,
  listNotifications,
  listPartnerActivities,
  notifyPeople,
  openReview,
  recordActivity,
  getLead,
  listEmbedKeys,
  listRatings,
  rateRelationship,
  registerLead,
  type Lead,
} from "@tandem/db";
import * as index from "~/routes/_index.js";
import * as embedKeys from "~/routes/embed-keys.js";
import * as embedApi from "~/routes/embed.v1.scorecard.js";
import * as embedStream from "~/routes/embed.v1.stream.js";
import * as livePartner from "~/routes/live.partners.$partnerId.js";
import * as healthz from "~/routes/healthz.js";
import * as importResult from "~/routes/imports.$importId.js";
import * as upload from "~/routes/imports.leads._index.js";
import * as mapping from "~/routes/imports.leads.$uploadId.js";
import * as lead from "~/routes/leads.$leadId.js";
import * as leads from "~/routes/leads._index.js";
import * as newLead from "~/routes/leads.new.js";
import * as login from "~/routes/login.js";
import * as logout from "~/routes/logout.js";
import * as overview from "~/routes/overview.js";
import * as partners from "~/routes/partners._index.js";
import * as editPartner from "~/routes/partners.$partnerId.edit.js";
import * as objectives from "~/routes/partners.$partnerId.objectives.js";
import * as scorecard from "~/routes/partners.$partnerId.scorecard.js";
import * as revenueUpload from "~/routes/imports.revenue._index.js";
import * as revenueColumns from "~/routes/imports.revenue.$uploadId.js";
import * as records from "~/routes/records.js";
import * as myScorecard from "~/routes/scorecard.js";
import * as settings from "~/routes/settings.js";
import * as widgetDemo from "~/routes/widget.demo.js";
import * as activities from "~/routes/partners.$partnerId.activities.js";
import * as partnerReviews from "~/routes/partners.$partnerId.reviews.js";
import * as review from "~/routes/reviews.$reviewId.js";
import * as notificationCentre from "~/routes/notifications._index.js";
import * as notificationPrefs from "~/routes/notifications.preferences.js";
import { csvUpload } from "./data-sets.js";
import {
  call,
  cookieFor,
  startPortal,
  type Answer,
  type TestPortal,
} from "./harness.js";

/**
 * Every route file, and where its tenancy is proven below. A new route
 * file fails the first test until it is added here and tested.
 */
const COVERED: Record<string, string> = {
  "_index.tsx": "redirects by sign-in only",
  "login.tsx": "public",
  "logout.tsx": "revokes only the caller's own session",
  "leads._index.tsx": "lists",
  "leads.new.tsx": "partner roles only",
  "leads.$leadId.tsx": "one lead",
  "partners._index.tsx": "owner side only",
  "partners.$partnerId.scorecard.tsx": "one partner",
  "partners.$partnerId.objectives.tsx": "owner side, one partner",
  "partners.$partnerId.edit.tsx": "owner admins, one partner",
  "overview.tsx": "owner side only",
  "scorecard.tsx": "redirects to one's own",
  "imports.leads._index.tsx": "owner side only",
  "imports.leads.$uploadId.tsx": "one upload",
  "imports.$importId.tsx": "one import",
  "imports.revenue._index.tsx": "owner side only",
  "imports.revenue.$uploadId.tsx": "one upload",
  "records.tsx": "owner side only",
  "embed-keys.tsx": "owner side only",
  "settings.tsx": "owner side only",
  "embed.v1.scorecard.ts": "key and origin",
  "embed.v1.stream.ts": "key and origin",
  "live.partners.$partnerId.ts": "one partner",
  "widget.partner-scorecard[.]js.ts": "public script, no data",
  "widget.demo.ts": "public page, no data",
  "healthz.ts": "public, no data",
  "partners.$partnerId.activities.tsx": "one partner, either side",
  "partners.$partnerId.reviews.tsx": "one partner; staff open",
  "reviews.$reviewId.tsx": "one review's partner",
  "notifications._index.tsx": "one's own only",
  "notifications.preferences.tsx": "one's own only",
};

const SECRET_COMPANY = "Secretco Alpha Holdings";
const SECRET_COMMENT = "alpha-only rating comment";
const SECRET_WORK = "alpha-only joint work";

let portal: TestPortal;
let alphaLead: Lead;
let cookies: Record<string, string | null>;
let uploadId: string;
let importId: string;
let alphaKey: { id: number; key: string };
let alphaReviewId: number;

function leaks(answer: Answer): boolean {
  const text =
    typeof answer.body === "string"
      ? answer.body
      : JSON.stringify(answer.body, (_k, v) =>
          typeof v === "bigint" ? v.toString() : v,
        );
  return [
    SECRET_COMPANY,
    SECRET_COMMENT,
    SECRET_WORK,
    "ann@alpha.test",
    alphaKey.key,
  ].some((s) => text.includes(s));
}

function refused(answer: Answer) {
  expect([302, 403, 404]).toContain(answer.status);
  if (answer.status === 302) expect(answer.location).toMatch(/^\/login/);
  expect(leaks(answer)).toBe(false);
}

beforeAll(async () => {
  portal = await startPortal();
  const { db } = portal.handle;
  const { t } = portal;
  alphaLead = await registerLead(db, {
    programId: t.acme.id,
    partnerId: t.alpha.id,
    actorId: t.users.alphaUser.id,
    lead: {
      company: SECRET_COMPANY,
      contactName: "Ann Alpha",
      contactEmail: "ann@alpha.test",
      estimatedValueMinor: 100000n,
      notes: null,
    },
  });
  await rateRelationship(db, {
    programId: t.acme.id,
    partnerId: t.alpha.id,
    side: "partner",
    userId: t.users.alphaUser.id,
    score: 9,
    comment: SECRET_COMMENT,
  });
  const key = await createEmbedKey(db, {
    programId: t.acme.id,
    target: { scope: "partner", partnerId: t.alpha.id },
    metrics: null,
    label: "alpha site",
    allowedOrigins: ["https://alpha.example"],
    createdBy: t.users.ownerStaff.id,
  });
  alphaKey = { id: key.id, key: key.key };
  await recordActivity(db, {
    programId: t.acme.id,
    kind: "campaign",
    title: SECRET_WORK,
    occurredOn: "2024-05-02",
    partnerIds: [t.alpha.id],
    createdBy: t.users.alphaUser.id,
  });
  const opened = await openReview(db, {
    programId: t.acme.id,
    partnerId: t.alpha.id,
    period: parsePeriodKey("quarter", "2024-Q2")!,
    actorId: t.users.ownerStaff.id,
  });
  if (!opened.ok) throw new Error(opened.message);
  alphaReviewId = opened.value.id;
  await addReviewNote(db, {
    programId: t.acme.id,
    reviewId: alphaReviewId,
    actor: { userId: t.users.alphaUser.id, partnerId: t.alpha.id },
    body: SECRET_WORK,
  });
  await db.transaction((tx) =>
    notifyPeople(tx, {
      programId: t.acme.id,
      kind: "lead_commented",
      userIds: [t.users.alphaUser.id],
      title: SECRET_WORK,
      body: SECRET_WORK,
      link: null,
    }),
  );
  cookies = { anonymous: null };
  for (const [name, user] of Object.entries(t.users)) {
    cookies[name] = await cookieFor(portal.handle, user.id);
  }
  const uploaded = await call(upload.action, "/imports/leads", {
    cookie: cookies.ownerStaff,
    form: csvUpload(
      "crm-import-samples/HubSpot example - Companies import file.csv",
    ),
  });
  uploadId = uploaded.location!.match(/leads\/(\d+)/)![1]!;
  const imported = await call(mapping.action, uploaded.location!, {
    cookie: cookies.ownerStaff,
    params: { uploadId },
    form: {
      col_company: "Name",
      fixedPartner: "Alpha",
      statusValues: "",
      defaultStatus: "submitted",
      dateFormat: "YYYY-MM-DD",
      decimalSeparator: ".",
      missingRegisteredOn: "import-date",
    },
  });
  expect(imported.status).toBe(302);
  importId = imported.location!.split("/").at(-1)!;
}, 120_000);

afterAll(() => portal.close());

const outsiders = ["betaUser", "otherStaff", "omegaUser", "anonymous"] as const;

describe("tenants stay apart", () => {
  it("covers every route file", () => {
    const dir = fileURLToPath(new URL("../app/routes", import.meta.url));
    const files = readdirSync(dir).filter((f) => !f.includes(".test."));
    expect(files.sort()).toEqual(Object.keys(COVERED).sort());
  });

  it("lists leads only of one's own partner and program", async () => {
    for (const who of ["alphaUser", "ownerStaff"]) {
      const answer = await call(leads.loader, "/leads", {
        cookie: cookies[who],
      });
      expect(JSON.stringify(answer.body)).toContain(SECRET_COMPANY);
    }
    for (const who of ["betaUser", "otherStaff", "omegaUser"]) {
      const answer = await call(leads.loader, "/leads", {
        cookie: cookies[who],
      });
      expect(answer.status).toBe(200);
      expect(leaks(answer)).toBe(false);
    }
    refused(await call(leads.loader, "/leads", { cookie: null }));
  });

  it("shows a lead to its partner and the owner's staff only", async () => {
    const path = `/leads/${alphaLead.id}`;
    const params = { leadId: String(alphaLead.id) };
    for (const who of ["alphaUser", "ownerStaff"]) {
      expect(
        (await call(lead.loader, path, { cookie: cookies[who], params }))
          .status,
      ).toBe(200);
    }
    for (const who of outsiders) {
      refused(await call(lead.loader, path, { cookie: cookies[who], params }));
    }
  });

  it("lets nobody but this program's staff decide a lead", async () => {
    const path = `/leads/${alphaLead.id}`;
    const params = { leadId: String(alphaLead.id) };
    for (const who of ["alphaUser", ...outsiders]) {
      refused(
        await call(lead.action, path, {
          cookie: cookies[who],
          params,
          form: { intent: "accept" },
        }),
      );
    }
    const unchanged = await getLead(portal.handle.db, {
      programId: portal.t.acme.id,
      leadId: alphaLead.id,
    });
    expect(unchanged!.status).toBe("submitted");
  });

  it("lets only partner people register leads, for their own partner", async () => {
    const form = { company: "X", contactName: "Y", contactEmail: "y@x.test" };
    for (const who of ["ownerStaff", "otherStaff", "anonymous"]) {
      refused(
        await call(newLead.action, "/leads/new", {
          cookie: cookies[who],
          form,
        }),
      );
    }
    const made = await call(newLead.action, "/leads/new", {
      cookie: cookies.betaUser,
      form,
    });
    expect(made.status).toBe(302);
    const id = Number(made.location!.split("/").at(-1));
    const created = await getLead(portal.handle.db, {
      programId: portal.t.acme.id,
      leadId: id,
    });
    expect(created!.partnerId).toBe(portal.t.beta.id);
  });

  it("shows a partner's scorecard and ratings to it and the owner's staff only", async () => {
    const path = `/partners/${portal.t.alpha.id}/scorecard`;
    const params = { partnerId: String(portal.t.alpha.id) };
    for (const who of ["alphaUser", "ownerStaff"]) {
      const answer = await call(scorecard.loader, path, {
        cookie: cookies[who],
        params,
      });
      expect(JSON.stringify(answer.body)).toContain(SECRET_COMMENT);
    }
    for (const who of outsiders) {
      refused(
        await call(scorecard.loader, path, { cookie: cookies[who], params }),
      );
      refused(
        await call(scorecard.action, path, {
          cookie: cookies[who],
          params,
          form: { score: "1" },
        }),
      );
    }
    const ratings = await listRatings(portal.handle.db, {
      programId: portal.t.acme.id,
      partnerId: portal.t.alpha.id,
    });
    expect(ratings).toHaveLength(1);
  });

  it("lets only this program's staff steer a partnership", async () => {
    const path = `/partners/${portal.t.alpha.id}/objectives`;
    const params = { partnerId: String(portal.t.alpha.id) };
    for (const who of ["alphaUser", ...outsiders]) {
      refused(
        await call(objectives.loader, path, { cookie: cookies[who], params }),
      );
      refused(
        await call(objectives.action, path, {
          cookie: cookies[who],
          params,
          form: { intent: "add", metricId: "direct_revenue", weight: "1" },
        }),
      );
    }
    const edit = `/partners/${portal.t.alpha.id}/edit`;
    for (const who of ["alphaUser", "ownerStaff", ...outsiders]) {
      refused(
        await call(editPartner.loader, edit, { cookie: cookies[who], params }),
      );
      refused(
        await call(editPartner.action, edit, {
          cookie: cookies[who],
          params,
          form: { type: "referral", joinedOn: "2020-01-01" },
        }),
      );
    }
    const own = await call(objectives.loader, path, {
      cookie: cookies.ownerStaff,
      params,
    });
    expect(own.status).toBe(200);
  });

  it("sends people to their own scorecard", async () => {
    const mine = await call(myScorecard.loader, "/scorecard", {
      cookie: cookies.alphaUser,
    });
    expect(mine.location).toBe(`/partners/${portal.t.alpha.id}/scorecard`);
    refused(await call(myScorecard.loader, "/scorecard", { cookie: null }));
  });

  it("keeps the owner's pages from partners and other programs", async () => {
    const ownerPages = [
      overview,
      partners,
      embedKeys,
      upload,
      settings,
      records,
      revenueUpload,
    ];
    for (const route of ownerPages) {
      for (const who of ["alphaUser", "betaUser", "omegaUser", "anonymous"]) {
        refused(await call(route.loader, "/x", { cookie: cookies[who] }));
      }
      const other = await call(route.loader, "/x", {
        cookie: cookies.otherStaff,
      });
      expect(other.status).toBe(200);
      expect(leaks(other)).toBe(false);
      expect(JSON.stringify(other.body)).not.toContain('"Alpha"');
    }
    refused(
      await call(settings.action, "/settings", {
        cookie: cookies.otherStaff,
        form: { intent: "segment", name: "Alpha's", targetAccounts: "1" },
      }),
    );
    refused(
      await call(partners.action, "/partners", {
        cookie: cookies.ownerStaff,
        form: { name: "Staff may not" },
      }),
    );
  });

  it("keeps uploads and imports inside their program", async () => {
    for (const who of ["alphaUser", "otherStaff", "omegaUser", "anonymous"]) {
      refused(
        await call(mapping.loader, `/imports/leads/${uploadId}`, {
          cookie: cookies[who],
          params: { uploadId },
        }),
      );
      refused(
        await call(mapping.action, `/imports/leads/${uploadId}`, {
          cookie: cookies[who],
          params: { uploadId },
          form: { fixedPartner: "Omega" },
        }),
      );
      refused(
        await call(revenueColumns.loader, `/imports/revenue/${uploadId}`, {
          cookie: cookies[who],
          params: { uploadId },
        }),
      );
      refused(
        await call(importResult.loader, `/imports/${importId}`, {
          cookie: cookies[who],
          params: { importId },
        }),
      );
    }
    const own = await call(importResult.loader, `/imports/${importId}`, {
      cookie: cookies.ownerStaff,
      params: { importId },
    });
    expect(own.body).toMatchObject({ created: 3, rejected: [] });
  });

  it("keeps embed keys inside their program", async () => {
    const revoke = { intent: "revoke", keyId: String(alphaKey.id) };
    for (const who of ["alphaUser", "otherStaff", "anonymous"]) {
      refused(
        await call(embedKeys.action, "/embed-keys", {
          cookie: cookies[who],
          form: revoke,
        }),
      );
    }
    const createForOther = await call(embedKeys.action, "/embed-keys", {
      cookie: cookies.otherStaff,
      form: {
        intent: "create",
        label: "x",
        partnerId: String(portal.t.alpha.id),
        origins: "https://evil.example",
      },
    });
    expect(createForOther.status).toBe(400);
    const keys = await listEmbedKeys(portal.handle.db, {
      programId: portal.t.acme.id,
    });
    expect(keys.map((k) => k.revokedAt)).toEqual([null]);
    const otherKeys = await listEmbedKeys(portal.handle.db, {
      programId: portal.t.other.id,
    });
    expect(otherKeys).toEqual([]);
  });

  it("serves a key's scorecard only to its listed origins", async () => {
    const path = `/embed/v1/scorecard?key=${alphaKey.key}`;
    const ok = await call(embedApi.loader, path, {
      headers: { Origin: "https://alpha.example" },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe(
      "https://alpha.example",
    );
    const other = await call(embedApi.loader, path, {
      headers: { Origin: "https://omega.example" },
    });
    expect(other.status).toBe(403);
    expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(String(other.body)).not.toContain("Alpha");
  });

  it("streams a key's scorecard only to its listed origins", async () => {
    const path = `/embed/v1/stream?keys=${alphaKey.key}`;
    const other = await call(embedStream.loader, path, {
      headers: { Origin: "https://omega.example" },
    });
    expect(other.status).toBe(403);
    expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(String(other.body)).not.toContain("Alpha");
  });

  it("tells only those who may see a partner of its changes", async () => {
    const path = `/live/partners/${portal.t.alpha.id}`;
    const params = { partnerId: String(portal.t.alpha.id) };
    for (const who of outsiders) {
      refused(
        await call(livePartner.loader, path, { cookie: cookies[who], params }),
      );
    }
  });

  it("shows no program data on public pages", async () => {
    for (const [route, path] of [
      [index, "/"],
      [login, "/login"],
      [widgetDemo, "/widget/demo?key=pk_x"],
      [healthz, "/healthz"],
    ] as const) {
      const answer = await call(route.loader, path);
      expect(leaks(answer)).toBe(false);
    }
    const out = await call(logout.action, "/logout", {
      cookie: null,
      form: {},
    });
    expect(out.location).toBe("/login");
  });

  it("shows a partnership's activities to it and the owner's staff only", async () => {
    const path = `/partners/${portal.t.alpha.id}/activities`;
    const params = { partnerId: String(portal.t.alpha.id) };
    for (const who of ["alphaUser", "ownerStaff"]) {
      const answer = await call(activities.loader, path, {
        cookie: cookies[who],
        params,
      });
      expect(JSON.stringify(answer.body)).toContain(SECRET_WORK);
    }
    for (const who of outsiders) {
      refused(
        await call(activities.loader, path, { cookie: cookies[who], params }),
      );
      refused(
        await call(activities.action, path, {
          cookie: cookies[who],
          params,
          form: { kind: "call", title: "Intruder", occurredOn: "2024-05-02" },
        }),
      );
    }
    const logged = await listPartnerActivities(portal.handle.db, {
      programId: portal.t.acme.id,
      partnerId: portal.t.alpha.id,
      forOwner: true,
    });
    expect(logged.map((a) => a.title)).toEqual([SECRET_WORK]);
  });

  it("shows a partnership's reviews to it and the owner's staff only", async () => {
    const path = `/partners/${portal.t.alpha.id}/reviews`;
    const params = { partnerId: String(portal.t.alpha.id) };
    const reviewPath = `/reviews/${alphaReviewId}`;
    const reviewParams = { reviewId: String(alphaReviewId) };
    for (const who of ["alphaUser", "ownerStaff"]) {
      const answer = await call(review.loader, reviewPath, {
        cookie: cookies[who],
        params: reviewParams,
      });
      expect(JSON.stringify(answer.body)).toContain(SECRET_WORK);
    }
    for (const who of outsiders) {
      refused(
        await call(partnerReviews.loader, path, {
          cookie: cookies[who],
          params,
        }),
      );
      refused(
        await call(review.loader, reviewPath, {
          cookie: cookies[who],
          params: reviewParams,
        }),
      );
      const forms: Record<string, string>[] = [
        { intent: "note", body: "Intruder" },
        { intent: "agree" },
        { intent: "close" },
      ];
      for (const form of forms) {
        refused(
          await call(review.action, reviewPath, {
            cookie: cookies[who],
            params: reviewParams,
            form,
          }),
        );
      }
    }
    for (const who of ["alphaUser", ...outsiders]) {
      refused(
        await call(partnerReviews.action, path, {
          cookie: cookies[who],
          params,
          form: { kind: "quarter", at: "2024-Q1" },
        }),
      );
    }
    const unchanged = await getReview(portal.handle.db, {
      programId: portal.t.acme.id,
      reviewId: alphaReviewId,
    });
    expect(unchanged).toMatchObject({ status: "open", agreedAt: null });
    expect(unchanged!.notes.map((n) => n.body)).toEqual([SECRET_WORK]);
  });

  it("shows each person their own notifications and settings only", async () => {
    const ann = {
      programId: portal.t.acme.id,
      userId: portal.t.users.alphaUser.id,
    };
    const [mine] = await listNotifications(portal.handle.db, ann);
    const own = await call(notificationCentre.loader, "/notifications", {
      cookie: cookies.alphaUser,
    });
    expect(JSON.stringify(own.body)).toContain(SECRET_WORK);
    for (const who of ["alphaAdmin", ...outsiders]) {
      const answer = await call(notificationCentre.loader, "/notifications", {
        cookie: cookies[who],
      });
      if (who === "anonymous") refused(answer);
      else expect(leaks(answer)).toBe(false);
      const read = await call(notificationCentre.action, "/notifications", {
        cookie: cookies[who],
        form: { intent: "read", notificationId: String(mine!.id) },
      });
      refused(read);
      refused(
        await call(notificationCentre.action, "/notifications", {
          cookie: cookies[who],
          form: { intent: "open", notificationId: String(mine!.id) },
        }),
      );
      refused(
        await call(notificationPrefs.loader, "/notifications/preferences", {
          cookie: null,
        }),
      );
      await call(notificationPrefs.action, "/notifications/preferences", {
        cookie: cookies[who],
        form: {},
      });
    }
    const [still] = await listNotifications(portal.handle.db, ann);
    expect(still!.readAt).toBeNull();
    const prefs = await getNotificationPreferences(portal.handle.db, ann);
    expect(Object.values(prefs).every((c) => c.portal && c.email)).toBe(true);
  });
});
