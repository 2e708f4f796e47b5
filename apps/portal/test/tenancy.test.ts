import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createEmbedKey,
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
import * as conflict from "~/routes/leads.$leadId_.conflict.js";
import * as inbox from "~/routes/leads.inbox.js";
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
  "leads.$leadId_.conflict.tsx": "owner side, one lead",
  "leads.inbox.tsx": "owner side only",
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
};

const SECRET_COMPANY = "Secretco Alpha Holdings";
const SECRET_COMMENT = "alpha-only rating comment";

let portal: TestPortal;
let alphaLead: Lead;
let cookies: Record<string, string | null>;
let uploadId: string;
let importId: string;
let alphaKey: { id: number; key: string };

function leaks(answer: Answer): boolean {
  const text =
    typeof answer.body === "string"
      ? answer.body
      : JSON.stringify(answer.body, (_k, v) =>
          typeof v === "bigint" ? v.toString() : v,
        );
  return [SECRET_COMPANY, SECRET_COMMENT, "ann@alpha.test", alphaKey.key].some(
    (s) => text.includes(s),
  );
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

  it("keeps conflicts, the decision inbox and comments inside their program", async () => {
    const path = `/leads/${alphaLead.id}`;
    const params = { leadId: String(alphaLead.id) };
    const posted = await call(lead.action, path, {
      cookie: cookies.alphaUser,
      params,
      form: { intent: "comment", body: `About ${SECRET_COMPANY}` },
    });
    expect(posted.status).toBe(302);
    const own = await call(lead.loader, path, {
      cookie: cookies.ownerStaff,
      params,
    });
    expect(JSON.stringify(own.body)).toContain(`About ${SECRET_COMPANY}`);

    for (const who of ["alphaUser", "betaUser", "omegaUser", "anonymous"]) {
      refused(
        await call(inbox.loader, "/leads/inbox", { cookie: cookies[who] }),
      );
    }
    const mine = await call(inbox.loader, "/leads/inbox", {
      cookie: cookies.ownerStaff,
    });
    expect(JSON.stringify(mine.body)).toContain(SECRET_COMPANY);
    const theirs = await call(inbox.loader, "/leads/inbox", {
      cookie: cookies.otherStaff,
    });
    expect(theirs.status).toBe(200);
    expect(leaks(theirs)).toBe(false);

    const compare = `${path}/conflict`;
    for (const who of ["alphaUser", ...outsiders]) {
      refused(
        await call(conflict.loader, compare, { cookie: cookies[who], params }),
      );
      refused(
        await call(conflict.action, compare, {
          cookie: cookies[who],
          params,
          form: { intent: "reject", reason: "not yours" },
        }),
      );
      if (who === "alphaUser") continue;
      refused(
        await call(lead.action, path, {
          cookie: cookies[who],
          params,
          form: { intent: "comment", body: "planted" },
        }),
      );
    }
    const after = await call(lead.loader, path, {
      cookie: cookies.alphaUser,
      params,
    });
    expect(after.body).toMatchObject({
      lead: { status: "submitted" },
      comments: [{ body: `About ${SECRET_COMPANY}` }],
    });
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
    const id = Number(made.location!.match(/leads\/(\d+)/)![1]);
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
});
