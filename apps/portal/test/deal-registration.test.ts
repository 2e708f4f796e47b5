import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countLeads, getLead, getProgram } from "@tandem/db";
import * as conflict from "~/routes/leads.$leadId_.conflict.js";
import * as lead from "~/routes/leads.$leadId.js";
import * as leads from "~/routes/leads._index.js";
import * as inbox from "~/routes/leads.inbox.js";
import * as newLead from "~/routes/leads.new.js";
import * as settings from "~/routes/settings.js";
import {
  call,
  cookieFor,
  startPortal,
  type Answer,
  type TestPortal,
} from "./harness.js";

let portal: TestPortal;
let cookies: Record<string, string>;

beforeAll(async () => {
  portal = await startPortal();
  cookies = {};
  for (const [name, user] of Object.entries(portal.t.users)) {
    cookies[name] = await cookieFor(portal.handle, user.id);
  }
});
afterAll(() => portal.close());

const text = (answer: Answer) =>
  typeof answer.body === "string"
    ? answer.body
    : JSON.stringify(answer.body, (_k, v: unknown) =>
        typeof v === "bigint" ? v.toString() : v,
      );

function registerAs(who: string, form: Record<string, string>) {
  return call(newLead.action, "/leads/new", { cookie: cookies[who], form });
}

const idOf = (answer: Answer) =>
  Number(answer.location!.match(/\/leads\/(\d+)/)![1]);

function leadPage(who: string, id: number) {
  return call(lead.loader, `/leads/${id}`, {
    cookie: cookies[who],
    params: { leadId: String(id) },
  });
}

describe("registering a lead", () => {
  it("says at once that a lead is new", async () => {
    const made = await registerAs("alphaUser", {
      company: "Zephyr Analytics Inc.",
      contactName: "Zoe Zephyr",
      contactEmail: "zoe@zephyr-analytics.example",
      companyDomain: "https://www.zephyr-analytics.example/about",
    });
    expect(made.status).toBe(302);
    expect(made.location).toMatch(/^\/leads\/\d+$/);
    const page = await leadPage("alphaUser", idOf(made));
    expect(page.body).toMatchObject({
      check: { reviewReason: null, duplicates: [] },
    });
    expect(text(page)).toContain('"companyDomain":"zephyr-analytics.example"');
  });

  it("refuses a website that is not one, keeping what was typed", async () => {
    const before = await countLeads(portal.handle.db, {
      programId: portal.t.acme.id,
    });
    const answer = await registerAs("alphaUser", {
      company: "Typo Co",
      contactName: "T",
      contactEmail: "t@typo.example",
      companyDomain: "not a website",
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      errors: {
        companyDomain: ["Enter a website or domain, such as acme.com."],
      },
      values: { company: "Typo Co", companyDomain: "not a website" },
    });
    expect(
      await countLeads(portal.handle.db, { programId: portal.t.acme.id }),
    ).toBe(before);
  });

  it("warns of the partner's own possible duplicate and saves only on confirmation", async () => {
    const form = {
      company: "ZEPHYR ANALYTICS, LLC",
      contactName: "Zed",
      contactEmail: "zed@zephyr-analytics.example",
    };
    const before = await countLeads(portal.handle.db, {
      programId: portal.t.acme.id,
    });
    const warned = await registerAs("alphaAdmin", form);
    expect(warned.status).toBe(409);
    expect(warned.body).toMatchObject({
      duplicates: [{ company: "Zephyr Analytics Inc." }],
      values: form,
    });
    expect(
      await countLeads(portal.handle.db, { programId: portal.t.acme.id }),
    ).toBe(before);

    const confirmed = await registerAs("alphaAdmin", {
      ...form,
      confirmDuplicate: "yes",
    });
    expect(confirmed.status).toBe(302);
    const page = await leadPage("alphaAdmin", idOf(confirmed));
    expect(page.body).toMatchObject({
      lead: { status: "submitted" },
      check: {
        reviewReason: null,
        duplicates: [{ company: "Zephyr Analytics Inc." }],
      },
    });
  });

  it("puts another partner's registration of the company under review, telling it nothing of the first", async () => {
    const made = await registerAs("betaUser", {
      company: "Zephyr Analytics",
      contactName: "Bea",
      contactEmail: "bea@zephyr-mail.example",
    });
    const id = idOf(made);
    const page = await leadPage("betaUser", id);
    expect(page.status).toBe(200);
    const seen = text(page);
    expect(seen).toContain('"status":"under_review"');
    expect(seen).toContain("Another registration for this company exists.");
    for (const secret of [
      "Alpha",
      "Zoe",
      "zoe@",
      "Zed",
      "zed@",
      "Zephyr Analytics Inc.",
      "ZEPHYR ANALYTICS, LLC",
    ]) {
      expect(seen).not.toContain(secret);
    }
    // The partner cannot open the comparison.
    const compare = await call(conflict.loader, `/leads/${id}/conflict`, {
      cookie: cookies.betaUser,
      params: { leadId: String(id) },
    });
    expect(compare.status).toBe(403);
  });
});

describe("owner staff decide", () => {
  it("see the conflict side by side, accept one and reject the other; both partners see the outcome", async () => {
    const first = await registerAs("alphaUser", {
      company: "Quill & Ink Ltd",
      contactName: "Quinn",
      contactEmail: "quinn@quillink.example",
    });
    const second = await registerAs("betaUser", {
      company: "Quill and Ink",
      contactName: "Ines",
      contactEmail: "Quinn@QuillInk.example",
    });
    const firstId = idOf(first);
    const secondId = idOf(second);
    const params = { leadId: String(secondId) };

    const list = await call(inbox.loader, "/leads/inbox?view=conflicts", {
      cookie: cookies.ownerStaff,
    });
    expect(text(list)).toContain(`"id":${secondId}`);
    const sides = await call(conflict.loader, `/leads/${secondId}/conflict`, {
      cookie: cookies.ownerStaff,
      params,
    });
    expect(sides.status).toBe(200);
    expect(sides.body).toMatchObject({
      lead: { id: secondId, partnerName: "Beta" },
      sides: [
        {
          rules: "domain, email",
          lead: {
            id: firstId,
            partnerName: "Alpha",
            contactEmail: "quinn@quillink.example",
          },
        },
      ],
    });

    const unmatched = await call(
      conflict.action,
      `/leads/${secondId}/conflict`,
      {
        cookie: cookies.ownerStaff,
        params,
        form: { intent: "reject", reason: "" },
      },
    );
    expect(unmatched.status).toBe(400);
    expect(unmatched.body).toMatchObject({
      errors: { reason: ["A reason is required."] },
    });

    const form = new FormData();
    form.set("intent", "accept");
    form.set("reason", "You brought the first meeting.");
    form.set("otherReason", "The customer chose another offer.");
    form.append("rejectLeadIds", String(firstId));
    const decided = await call(conflict.action, `/leads/${secondId}/conflict`, {
      cookie: cookies.ownerStaff,
      params,
      form,
    });
    expect(decided.status).toBe(302);

    const betaView = text(await leadPage("betaUser", secondId));
    expect(betaView).toContain('"status":"accepted"');
    expect(betaView).toContain("You brought the first meeting.");
    expect(betaView).toMatch(/"protection":"90 days left/);
    const betaList = await call(leads.loader, "/leads", {
      cookie: cookies.betaUser,
    });
    expect(betaList.body).toMatchObject({
      leads: expect.arrayContaining([
        expect.objectContaining({ id: secondId, protection: "90 days left" }),
      ]),
    });
    const alphaView = text(await leadPage("alphaUser", firstId));
    expect(alphaView).toContain('"status":"rejected"');
    expect(alphaView).toContain("The customer chose another offer.");
    expect(alphaView).not.toContain("Beta");
    expect(alphaView).not.toContain("Ines");

    const again = await call(conflict.action, `/leads/${secondId}/conflict`, {
      cookie: cookies.ownerStaff,
      params,
      form: { intent: "reject", reason: "Too late" },
    });
    expect(again.status).toBe(409);
    expect(text(again)).toContain("decided already");
  });

  it("refuse an impossible move with 409 and a message", async () => {
    const made = await registerAs("betaUser", {
      company: "Orbit Freight",
      contactName: "O",
      contactEmail: "o@orbit-freight.example",
    });
    const id = idOf(made);
    const answer = await call(lead.action, `/leads/${id}`, {
      cookie: cookies.ownerStaff,
      params: { leadId: String(id) },
      form: { intent: "win", amount: "100", closedOn: "2020-01-01" },
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      errors: { form: ["This lead is submitted; it cannot be marked won."] },
    });
    const after = await getLead(portal.handle.db, {
      programId: portal.t.acme.id,
      leadId: id,
    });
    expect(after!.status).toBe("submitted");
  });

  it("shows the inbox oldest first with what is past the service level", async () => {
    const answer = await call(inbox.loader, "/leads/inbox", {
      cookie: cookies.ownerStaff,
    });
    const body = answer.body as {
      slaDays: number;
      leads: { registeredOn: string; overdue: boolean; status: string }[];
    };
    expect(body.slaDays).toBe(2);
    expect(body.leads.length).toBeGreaterThan(0);
    const days = body.leads.map((l) => l.registeredOn);
    expect([...days].sort()).toEqual(days);
    expect(
      body.leads.every((l) => ["submitted", "under_review"].includes(l.status)),
    ).toBe(true);
    expect(
      (await call(inbox.loader, "/leads/inbox", { cookie: cookies.alphaUser }))
        .status,
    ).toBe(403);
  });

  it("set protection and the service level on the settings page (admins only)", async () => {
    const bad = await call(settings.action, "/settings", {
      cookie: cookies.ownerAdmin,
      form: { intent: "lead-rules", protectionDays: "0", decisionSlaDays: "x" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      errors: {
        protectionDays: ["Give a number of days from 1 to 730."],
        decisionSlaDays: ["Give a number of days from 0 to 90."],
      },
      values: { protectionDays: "0" },
    });
    const refused = await call(settings.action, "/settings", {
      cookie: cookies.ownerStaff,
      form: {
        intent: "lead-rules",
        protectionDays: "30",
        decisionSlaDays: "1",
      },
    });
    expect(refused.status).toBe(403);
    const saved = await call(settings.action, "/settings", {
      cookie: cookies.ownerAdmin,
      form: {
        intent: "lead-rules",
        protectionDays: "30",
        decisionSlaDays: "1",
      },
    });
    expect(saved.status).toBe(302);
    const program = await getProgram(portal.handle.db, portal.t.acme.id);
    expect([program!.protectionDays, program!.decisionSlaDays]).toEqual([
      30, 1,
    ]);
    const page = await call(settings.loader, "/settings", {
      cookie: cookies.ownerStaff,
    });
    expect(page.body).toMatchObject({
      settings: { protectionDays: "30", decisionSlaDays: "1" },
    });
  });
});

describe("comments on a lead", () => {
  it("are posted and read by both sides, and by no other partner", async () => {
    const made = await registerAs("alphaUser", {
      company: "Cobalt Mining",
      contactName: "C",
      contactEmail: "c@cobalt-mining.example",
    });
    const id = idOf(made);
    const params = { leadId: String(id) };
    const post = (who: string, body: string) =>
      call(lead.action, `/leads/${id}`, {
        cookie: cookies[who],
        params,
        form: { intent: "comment", body },
      });

    expect((await post("alphaUser", "Budget confirmed.")).status).toBe(302);
    expect((await post("ownerStaff", "Great, call them Monday.")).status).toBe(
      302,
    );
    const empty = await post("alphaUser", "   ");
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      errors: { body: ["A comment is required."] },
    });
    expect((await post("betaUser", "let me in")).status).toBe(404);
    expect((await post("omegaUser", "let me in")).status).toBe(404);

    for (const who of ["alphaUser", "alphaAdmin", "ownerStaff"]) {
      const page = await leadPage(who, id);
      expect(page.body).toMatchObject({
        comments: [
          { by: "ann", body: "Budget confirmed." },
          { by: "staff", body: "Great, call them Monday." },
        ],
      });
    }
    const list = await call(leads.loader, "/leads", {
      cookie: cookies.betaUser,
    });
    expect(text(list)).not.toContain("Cobalt");
  });
});
