import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countLeadsByStatus,
  createEmbedKey,
  listEmbedKeys,
  listLeads,
  programToday,
  revokeEmbedKey,
  updatePartnerAttributes,
} from "@tandem/db";
import * as embedKeys from "~/routes/embed-keys.js";
import * as embedApi from "~/routes/embed.v1.scorecard.js";
import * as upload from "~/routes/imports.leads._index.js";
import * as mapping from "~/routes/imports.leads.$uploadId.js";
import * as lead from "~/routes/leads.$leadId.js";
import * as newLead from "~/routes/leads.new.js";
import * as scorecard from "~/routes/partners.$partnerId.scorecard.js";
import { MAX_UPLOAD_BYTES } from "~/lib/lead-import.server.js";
import { csvUpload } from "./data-sets.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;
let staff: string;
let alpha: string;

beforeAll(async () => {
  portal = await startPortal();
  staff = await cookieFor(portal.handle, portal.t.users.ownerStaff.id);
  alpha = await cookieFor(portal.handle, portal.t.users.alphaUser.id);
}, 120_000);
afterAll(() => portal.close());

function fileForm(
  bytes: Uint8Array<ArrayBuffer>,
  name = "leads.csv",
  encoding = "auto",
) {
  const form = new FormData();
  form.set("file", new File([bytes], name, { type: "text/csv" }));
  form.set("encoding", encoding);
  return form;
}

async function leadCount() {
  const counts = await countLeadsByStatus(portal.handle.db, {
    programId: portal.t.acme.id,
  });
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Uploads the Pipedrive sample file and sends a mapping for it. */
async function mapPipedrive(form: Record<string, string>) {
  const uploaded = await call(upload.action, "/imports/leads", {
    cookie: staff,
    form: csvUpload(
      "crm-import-samples/Pipedrive sample data - Import data.csv",
    ),
  });
  const uploadId = uploaded.location!.match(/leads\/(\d+)/)![1]!;
  return call(mapping.action, uploaded.location!, {
    cookie: staff,
    params: { uploadId },
    form,
  });
}

describe("bad input", () => {
  it("shows field errors for a malformed lead and writes nothing", async () => {
    const before = await leadCount();
    const answer = await call(newLead.action, "/leads/new", {
      cookie: alpha,
      form: {
        company: " ",
        contactName: "Ann",
        contactEmail: "not-an-email",
        estimatedValue: "12,5x",
      },
    });
    expect(answer.status).toBe(400);
    const body = answer.body as {
      errors: Record<string, string[]>;
      values: Record<string, string>;
    };
    expect(Object.keys(body.errors).sort()).toEqual([
      "company",
      "contactEmail",
      "estimatedValue",
    ]);
    expect(body.errors.contactEmail![0]).toMatch(/valid email/);
    // What the person typed comes back to the form.
    expect(body.values.contactName).toBe("Ann");
    expect(await leadCount()).toBe(before);
  });

  it("says a field the page always sends is missing, in words", async () => {
    const answer = await call(newLead.action, "/leads/new", {
      cookie: alpha,
      form: { company: "Hand Made Co", contactName: "Hal" },
    });
    expect(answer.status).toBe(400);
    expect(
      (answer.body as { errors: Record<string, string[]> }).errors,
    ).toEqual({
      contactEmail: [
        "This field did not come with the form; reload the page and send it again.",
      ],
    });
  });

  it("keeps a name on one line and drops control characters", async () => {
    const made = await call(newLead.action, "/leads/new", {
      cookie: alpha,
      form: {
        company: "Globex\r\nBcc: all@globex.test",
        contactName: "Hank\u0000 Scorpio",
        contactEmail: "hank@globex.test",
        notes: "Line one\r\nLine two\u0000",
      },
    });
    expect(made.status).toBe(302);
    const leadId = made.location!.match(/leads\/(\d+)/)![1]!;
    const shown = (
      await call(lead.loader, `/leads/${leadId}`, {
        cookie: alpha,
        params: { leadId },
      })
    ).body as {
      lead: { company: string; contactName: string; notes: string };
    };
    expect(shown.lead.company).toBe("Globex Bcc: all@globex.test");
    expect(shown.lead.contactName).toBe("Hank Scorpio");
    expect(shown.lead.notes).toBe("Line one\nLine two");
  });

  it("refuses a lead from a partnership that has ended, saving nothing", async () => {
    const { db } = portal.handle;
    const today = programToday(portal.t.acme);
    const updated = await updatePartnerAttributes(db, {
      programId: portal.t.acme.id,
      partnerId: portal.t.beta.id,
      attributes: { joinedOn: "2020-01-01", endedOn: today },
      actorId: null,
    });
    expect(updated.ok).toBe(true);
    const beta = await cookieFor(portal.handle, portal.t.users.betaUser.id);
    const before = await leadCount();
    const page = await call(newLead.loader, "/leads/new", { cookie: beta });
    const message = `Your partnership ended on ${today}, so no new leads can be registered. Ask the program's staff if this is a mistake.`;
    expect((page.body as { ended: string }).ended).toBe(message);
    const answer = await call(newLead.action, "/leads/new", {
      cookie: beta,
      form: {
        company: "Late Co",
        contactName: "Lee",
        contactEmail: "lee@late.test",
      },
    });
    expect(answer.status).toBe(403);
    const body = answer.body as {
      errors: { form: string[] };
      values: Record<string, string>;
    };
    expect(body.errors.form).toEqual([message]);
    expect(body.values.company).toBe("Late Co");
    expect(await leadCount()).toBe(before);
    // Alpha's partnership runs on.
    const alphaPage = await call(newLead.loader, "/leads/new", {
      cookie: alpha,
    });
    expect((alphaPage.body as { ended: string | null }).ended).toBeNull();
  });

  it("refuses a won amount that is not money, keeping the lead as it was", async () => {
    const made = await call(newLead.action, "/leads/new", {
      cookie: alpha,
      form: {
        company: "Initrode",
        contactName: "Bill",
        contactEmail: "bill@initrode.test",
      },
    });
    const leadId = made.location!.match(/leads\/(\d+)/)![1]!;
    const path = `/leads/${leadId}`;
    await call(lead.action, path, {
      cookie: staff,
      params: { leadId },
      form: { intent: "accept" },
    });
    const nothing = await call(lead.action, path, {
      cookie: staff,
      params: { leadId },
      form: { intent: "win", amount: "0" },
    });
    expect(nothing.status).toBe(400);
    expect(
      (nothing.body as { errors: Record<string, string[]> }).errors.amount,
    ).toEqual([
      "A won deal brings in more than 0; mark it lost if nothing was won.",
    ]);
    const bad = await call(lead.action, path, {
      cookie: staff,
      params: { leadId },
      form: { intent: "win", amount: "lots", closedOn: "2999-01-01" },
    });
    expect(bad.status).toBe(400);
    const errors = (bad.body as { errors: Record<string, string[]> }).errors;
    expect(errors.amount![0]).toMatch(/amount/);
    expect(errors.closedOn![0]).toMatch(/after today/);
    const reject = await call(lead.action, path, {
      cookie: staff,
      params: { leadId },
      form: { intent: "reject", reason: "" },
    });
    expect(reject.status).toBe(400);
    const still = await call(lead.loader, path, {
      cookie: staff,
      params: { leadId },
    });
    expect((still.body as { lead: { status: string } }).lead.status).toBe(
      "accepted",
    );
  });

  it("sends back what staff typed when a move is refused", async () => {
    const made = await call(newLead.action, "/leads/new", {
      cookie: alpha,
      form: { company: "Keepco", contactName: "K", contactEmail: "k@kc.test" },
    });
    const leadId = made.location!.match(/leads\/(\d+)/)![1]!;
    const path = `/leads/${leadId}`;
    const send = (form: Record<string, string>) =>
      call(lead.action, path, { cookie: staff, params: { leadId }, form });
    const long = "x".repeat(3000);
    const rejected = await send({ intent: "reject", reason: long });
    expect(rejected.status).toBe(400);
    expect(rejected.body).toMatchObject({
      errors: { reason: ["Use at most 2000 characters."] },
      values: { intent: "reject", reason: long },
    });
    await send({ intent: "accept" });
    const won = await send({ intent: "win", amount: "abc", closedOn: "2999" });
    expect(won.status).toBe(400);
    expect(won.body).toMatchObject({
      values: { intent: "win", amount: "abc", closedOn: "2999" },
    });
    const lost = await send({
      intent: "lose",
      closedOn: "2999-01-01",
      reason: "Went elsewhere",
    });
    expect(lost.status).toBe(400);
    expect(lost.body).toMatchObject({
      values: { closedOn: "2999-01-01", reason: "Went elsewhere" },
    });
    expect(
      await send({ intent: "win", amount: "5", closedOn: "2020-01-01" }),
    ).toMatchObject({ status: 400 });
    const status = async () =>
      (
        (await call(lead.loader, path, { cookie: staff, params: { leadId } }))
          .body as { lead: { status: string } }
      ).lead.status;
    expect(await status()).toBe("accepted");
    const today = programToday(portal.t.acme);
    await send({ intent: "win", amount: "5", closedOn: today });
    const late = await send({
      intent: "lose",
      closedOn: today,
      reason: "Oops",
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      errors: { form: [expect.stringMatching(/won/)] },
      values: { reason: "Oops" },
    });
    expect(await status()).toBe("won");
  });

  it("refuses an enormous amount with a field error, not a crash", async () => {
    const answer = await call(newLead.action, "/leads/new", {
      cookie: alpha,
      form: {
        company: "Big",
        contactName: "B",
        contactEmail: "b@big.test",
        estimatedValue: "99999999999999999999",
      },
    });
    expect(answer.status).toBe(400);
    const errors = (answer.body as { errors: Record<string, string[]> }).errors;
    expect(errors.estimatedValue![0]).toMatch(/below 1,000,000,000,000/);
  });

  it("answers other methods and body types with 405 and 415", async () => {
    const put = await call(newLead.action, "/leads/new", {
      cookie: alpha,
      method: "PUT",
      form: { company: "X" },
    });
    expect(put.status).toBe(405);
    expect(put.headers.get("Allow")).toBe("POST");
    const json = await call(newLead.action, "/leads/new", {
      cookie: alpha,
      method: "POST",
      headers: { "Content-Type": "application/json" },
    });
    expect(json.status).toBe(415);
  });

  it("refuses a day that does not exist, instead of failing", async () => {
    const made = await call(newLead.action, "/leads/new", {
      cookie: alpha,
      form: { company: "Leap", contactName: "L", contactEmail: "l@leap.test" },
    });
    const leadId = made.location!.match(/leads\/(\d+)/)![1]!;
    const path = `/leads/${leadId}`;
    await call(lead.action, path, {
      cookie: staff,
      params: { leadId },
      form: { intent: "accept" },
    });
    const lost = await call(lead.action, path, {
      cookie: staff,
      params: { leadId },
      form: { intent: "lose", closedOn: "2025-02-30" },
    });
    expect(lost.status).toBe(400);
    const errors = (lost.body as { errors: Record<string, string[]> }).errors;
    expect(errors.closedOn![0]).toBe("That day does not exist.");
  });

  it("refuses a close day before registration, beside the date", async () => {
    const made = await call(newLead.action, "/leads/new", {
      cookie: alpha,
      form: {
        company: "Early",
        contactName: "E",
        contactEmail: "e@early.test",
      },
    });
    const leadId = made.location!.match(/leads\/(\d+)/)![1]!;
    const path = `/leads/${leadId}`;
    await call(lead.action, path, {
      cookie: staff,
      params: { leadId },
      form: { intent: "accept" },
    });
    const lost = await call(lead.action, path, {
      cookie: staff,
      params: { leadId },
      form: { intent: "lose", closedOn: "2001-01-01" },
    });
    expect(lost.status).toBe(400);
    const errors = (lost.body as { errors: Record<string, string[]> }).errors;
    expect(errors.closedOn![0]).toMatch(/cannot close before/);
  });

  it("shows the current period beside the reason for a bad or future one", async () => {
    const params = { partnerId: String(portal.t.alpha.id) };
    for (const [query, reason] of [
      ["kind=year&at=9999", /not a year/],
      ["kind=month&at=2026-Q1", /not a month such as 2017-03/],
      ["kind=quarter&at=2199-Q4", /has not begun/],
      // A custom range says what to change, not its internal key.
      ["from=2024-05-01&to=2024-01-01", /^The range ends before it starts\.$/],
      ["from=2024-05-01", /^Give both days of a custom range\.$/],
      ["kind=custom", /^Give both days of a custom range\.$/],
      [
        "from=2024-02-30&to=2024-03-01",
        /^The first day "2024-02-30" is not a day; use YYYY-MM-DD\.$/,
      ],
      [
        "from=2015-01-01&to=2024-02-14",
        /^A custom range spans three years at most\.$/,
      ],
      ["from=2099-01-01&to=2099-01-02", /has not begun/],
    ] as const) {
      const answer = await call(scorecard.loader, `/p?${query}`, {
        cookie: alpha,
        params,
      });
      expect(answer.status).toBe(400);
      const body = answer.body as { periodError: string; metrics: unknown[] };
      expect(body.periodError).toMatch(reason);
      expect(body.metrics.length).toBeGreaterThan(0);
    }
    // A refused range shows the current quarter, as a bare page does.
    const fallback = await call(scorecard.loader, "/p?kind=custom", {
      cookie: alpha,
      params,
    });
    expect((fallback.body as { period: { kind: string } }).period.kind).toBe(
      "quarter",
    );
  });

  it("shows a custom range of days, the end included", async () => {
    const params = { partnerId: String(portal.t.alpha.id) };
    const answer = await call(
      scorecard.loader,
      "/p?kind=custom&from=2024-01-01&to=2024-02-14",
      { cookie: alpha, params },
    );
    expect(answer.status).toBe(200);
    const body = answer.body as {
      period: { key: string; label: string };
      previous: { key: string };
    };
    expect(body.period.key).toBe("2024-01-01..2024-02-15");
    expect(body.period.label).toBe("2024-01-01 to 2024-02-14");
    // The period before is as many days (45) just before it.
    expect(body.previous.key).toBe("2023-11-17..2024-01-01");
    const tooLong = await call(
      scorecard.loader,
      "/p?kind=custom&from=2015-01-01&to=2024-02-14",
      { cookie: alpha, params },
    );
    expect(tooLong.status).toBe(400);
  });

  it("keeps a rating's dimensions, and refuses them outside 1 to 5", async () => {
    const params = { partnerId: String(portal.t.alpha.id) };
    const bad = await call(scorecard.action, "/p", {
      cookie: alpha,
      params,
      form: { score: "8", communication: "6" },
    });
    expect(bad.status).toBe(400);
    const errors = (bad.body as { errors: Record<string, string[]> }).errors;
    expect(errors.communication![0]).toMatch(/1 to 5/);
    const good = await call(scorecard.action, "/p", {
      cookie: alpha,
      params,
      form: { score: "8", communication: "4", trust: "5" },
    });
    expect(good.status).toBe(302);
    const card = await call(scorecard.loader, "/p", { cookie: alpha, params });
    const metrics = (card.body as { metrics: { id: string; value: string }[] })
      .metrics;
    expect(metrics.find((m) => m.id === "communication_quality")!.value).toBe(
      "4.0",
    );
  });

  it("refuses a rating outside 0 to 10", async () => {
    const params = { partnerId: String(portal.t.alpha.id) };
    for (const score of ["11", "-1", "7.5", "", "ten"]) {
      const answer = await call(scorecard.action, "/p", {
        cookie: alpha,
        params,
        form: { score },
      });
      expect(answer.status).toBe(400);
      expect(
        (answer.body as { errors: Record<string, string[]> }).errors.score![0],
      ).toMatch(/0 to 10/);
    }
  });

  it("refuses an oversize upload with 413 and says the limit", async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61);
    const answer = await call(upload.action, "/imports/leads", {
      cookie: staff,
      form: fileForm(big),
    });
    expect(answer.status).toBe(413);
    expect(JSON.stringify(answer.body)).toContain("10 MiB");
  });

  it("says so when the file is empty", async () => {
    const answer = await call(upload.action, "/imports/leads", {
      cookie: staff,
      form: fileForm(new Uint8Array(0)),
    });
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toContain("The file is empty");
  });

  it("refuses a file with undecodable bytes, naming the way out", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("company,partner\nCaf"),
      0xe9,
      0x0a,
    ]);
    const answer = await call(upload.action, "/imports/leads", {
      cookie: staff,
      form: fileForm(bytes),
    });
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toMatch(/UTF-8/);
    expect(JSON.stringify(answer.body)).toMatch(/Windows-1252/);
    const chosen = await call(upload.action, "/imports/leads", {
      cookie: staff,
      form: fileForm(bytes, "excel.csv", "windows-1252"),
    });
    expect(chosen.status).toBe(302);
  });

  it("refuses a mapping that names a column the file lacks, importing nothing", async () => {
    const before = await leadCount();
    const answer = await mapPipedrive({
      col_company: "Organization - Name*",
      col_partner: "sales_agent",
      statusValues: "",
      defaultStatus: "submitted",
      dateFormat: "M/D/YYYY",
      decimalSeparator: ".",
      missingRegisteredOn: "import-date",
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain("sales_agent");
    expect(await leadCount()).toBe(before);
  });

  it("sends back the chosen mapping when no partner column is chosen", async () => {
    const before = await leadCount();
    const form = {
      col_company: "Organization - Name*",
      col_partner: "",
      statusValues: "Open = submitted",
      defaultStatus: "accepted",
      dateFormat: "D/M/YYYY",
      decimalSeparator: ",",
      missingRegisteredOn: "sometimes",
    };
    const answer = await mapPipedrive(form);
    expect(answer.status).toBe(400);
    const body = answer.body as {
      errors: Record<string, string[]>;
      values: Record<string, string>;
    };
    expect(body.values).toEqual(form);
    expect(Object.keys(body.errors)).toContain("missingRegisteredOn");
    expect(await leadCount()).toBe(before);
  });

  it.each([
    [
      "Won = done\nLost = lost",
      "Won: choose one of submitted, accepted, rejected, won, lost.",
    ],
    [
      "Open = submitted\nClosed won\n\n= lost",
      '"Closed won": write each line as a value, "=", and a status, ' +
        'such as Closed Won = won. "= lost": write each line',
    ],
  ])(
    "says in words what is wrong with status values %j",
    async (statusValues, message) => {
      const before = await leadCount();
      const form = {
        col_company: "Organization - Name*",
        col_partner: "",
        fixedPartner: "Alpha",
        statusValues,
        defaultStatus: "submitted",
        dateFormat: "M/D/YYYY",
        decimalSeparator: ".",
        missingRegisteredOn: "import-date",
      };
      const answer = await mapPipedrive(form);
      expect(answer.status).toBe(400);
      const body = answer.body as {
        errors: Record<string, string[]>;
        values: Record<string, string>;
      };
      expect(body.errors.statusValues!.join(" ")).toContain(message);
      expect(body.values.statusValues).toBe(statusValues);
      expect(await leadCount()).toBe(before);
    },
  );

  it("imports the Pipedrive template as a vendor writes it", async () => {
    const answer = await mapPipedrive({
      col_company: "Organization - Name*",
      col_contactName: "Person - Name*",
      col_contactEmail: "Person - Email (Work)",
      col_estimatedValue: "Deal - Value",
      col_notes: "Note - Content*",
      fixedPartner: "Beta",
      statusValues: "",
      defaultStatus: "submitted",
      dateFormat: "M/D/YYYY",
      decimalSeparator: ".",
      missingRegisteredOn: "import-date",
    });
    expect(answer.status).toBe(302);
    const leads = await listLeads(portal.handle.db, {
      programId: portal.t.acme.id,
      partnerId: portal.t.beta.id,
    });
    const umbrella = leads.find((l) => l.company === "Umbrella Corp");
    expect(umbrella?.estimatedValueMinor).toBe(5000000n);
    expect(leads.filter((l) => l.source === "import")).toHaveLength(12);
  });

  it("answers unknown, revoked and originless embed requests clearly", async () => {
    const key = await createEmbedKey(portal.handle.db, {
      programId: portal.t.acme.id,
      target: { scope: "partner", partnerId: portal.t.alpha.id },
      metrics: null,
      label: "site",
      allowedOrigins: ["https://alpha.example"],
      createdBy: portal.t.users.ownerStaff.id,
    });
    const origin = { Origin: "https://alpha.example" };
    const ask = (query: string, headers: Record<string, string> = origin) =>
      call(embedApi.loader, `/embed/v1/scorecard${query}`, { headers });

    const missing = await ask("");
    expect([
      missing.status,
      JSON.parse(String(missing.body)).error.code,
    ]).toEqual([401, "missing_key"]);
    const unknown = await ask(`?key=pk_${"0".repeat(32)}`);
    expect([
      unknown.status,
      JSON.parse(String(unknown.body)).error.code,
    ]).toEqual([404, "unknown_key"]);
    // The page can read why; a refused origin still learns nothing.
    expect(unknown.headers.get("Access-Control-Allow-Origin")).toBe(
      "https://alpha.example",
    );
    const malformed = await ask("?key=<script>");
    expect(malformed.status).toBe(400);
    const badPeriod = await ask(`?key=${key.key}&period=decade`);
    expect(badPeriod.status).toBe(400);
    const noOrigin = await ask(`?key=${key.key}`, {});
    expect(noOrigin.status).toBe(403);
    const otherSite = await ask(`?key=${key.key}`, {
      Origin: "https://elsewhere.example",
    });
    expect(otherSite.status).toBe(403);
    expect(otherSite.headers.get("Access-Control-Allow-Origin")).toBeNull();

    const fine = await ask(`?key=${key.key}`);
    expect(fine.status).toBe(200);
    const etag = fine.headers.get("ETag")!;
    const cached = await ask(`?key=${key.key}`, {
      ...origin,
      "If-None-Match": etag,
    });
    expect(cached.status).toBe(304);

    await revokeEmbedKey(portal.handle.db, {
      actorId: null,
      programId: portal.t.acme.id,
      keyId: key.id,
    });
    const revoked = await ask(`?key=${key.key}`);
    expect([
      revoked.status,
      JSON.parse(String(revoked.body)).error.code,
    ]).toEqual([410, "revoked_key"]);
  });

  it("refuses an embed key with a bad origin list, creating nothing", async () => {
    const before = (
      await listEmbedKeys(portal.handle.db, { programId: portal.t.acme.id })
    ).length;
    for (const origins of [
      "",
      "*",
      "ftp://x.example",
      "https://x.example/path",
      "not a url",
    ]) {
      const answer = await call(embedKeys.action, "/embed-keys", {
        cookie: staff,
        form: {
          intent: "create",
          label: "x",
          partnerId: String(portal.t.alpha.id),
          origins,
        },
      });
      expect(answer.status).toBe(400);
      expect(
        (answer.body as { errors: Record<string, string[]> }).errors.origins,
      ).toBeDefined();
    }
    expect(
      (await listEmbedKeys(portal.handle.db, { programId: portal.t.acme.id }))
        .length,
    ).toBe(before);
  });
});
