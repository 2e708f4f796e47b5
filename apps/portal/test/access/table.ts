import { expect } from "vitest";
import { eq } from "drizzle-orm";
import {
  changeLeadStatus,
  getLead,
  hashPassword,
  programToday,
} from "@tandem/db";
import { users } from "@tandem/db/schema";
import { ACTIVITY_KINDS, COST_KINDS, PARTNER_TYPES } from "@tandem/db/values";
import { TEST_PASSWORD } from "@tandem/db/testing";
import { MANUAL_METRIC_IDS, PARTNER_CATALOG } from "@tandem/metrics";
import {
  access,
  ACTORS,
  ALPHA,
  everyone,
  OWNERS,
  SIGNED_IN,
  type Actor,
} from "./actors.js";
import {
  ALPHA_COMMENT,
  ALPHA_COMPANY,
  ALPHA_CONTACT,
  ALPHA_ORIGIN,
  CONTESTED_COMPANY,
  CONTESTED_DOMAIN,
  LEAD_COMMENT,
  LEADS_FILE,
  OMEGA_ORIGIN,
  REVENUE_FILE,
  REVIEW_REASON,
  RIVAL_COMMENT,
  RIVAL_COMPANY,
  RIVAL_CONTACT,
  SEGMENT,
  UPLOAD_COMPANY,
  type Fixtures,
} from "./fixtures.js";
import type { Probe } from "./probe.js";
import { PEOPLE_ACCESS } from "./table-people.js";
import { TOGETHER_ACCESS } from "./table-together.js";

/**
 * Every route file of app/routes, and what each actor gets from it.
 * See the header of ../access-walk.test.ts for how to add a route.
 */
export const ACCESS: Record<string, Probe[]> = {};

const alphaPartner = (f: Fixtures) => ({ partnerId: String(f.t.alpha.id) });
const ALPHA_SIDE = [...OWNERS, ...ALPHA];
const ALL_BUT_NOBODY = access({ apart: SIGNED_IN });
const PAST_DAY = "2026-01-02";
const ACME_STAFF_PAGE = access({ sees: OWNERS, apart: ["otherStaff"] });
const ACME_ADMIN_ONLY = access({ sees: ["ownerAdmin"] });
const quoted = (name: string) => () => `"${name}"`;
const csv = (name: string, text: string) => {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "text/csv" }));
  form.set("encoding", "auto");
  return form;
};

ACCESS["_index.tsx"] = [
  {
    access: ALL_BUT_NOBODY,
    then: (a) => expect(a.location).toBe("/leads"),
  },
];

ACCESS["login.tsx"] = [
  { access: everyone("apart") },
  // Failed sign-ins are limited per email and per client address
  // (decision 0014): each actor tries its own, so none is locked out.
  {
    name: "wrong password",
    form: (f, actor) => ({
      email: actor === "nobody" ? "nobody@walk.test" : f.t.users[actor].email,
      password: "not it",
    }),
    context: (_f, actor) => ({
      clientAddress: `192.0.2.${ACTORS.indexOf(actor) + 1}`,
    }),
    access: everyone("apart"),
    ok: [401],
  },
];

// Each case signs in afresh, so signing out ends only that session.
ACCESS["logout.tsx"] = [
  { access: everyone("apart") },
  {
    form: () => ({}),
    access: everyone("apart"),
    then: (a) => expect(a.location).toBe("/login"),
  },
];

/** A new password for the walk's change of one's own. */
const WALK_PASSWORD = "walk-changed-password-1";

// One's own account: everyone signed in, each to their own only.
// Alpha's people are "sees": their changes are audited under Alpha.
const OWN_ACCOUNT = access({
  sees: ALPHA,
  apart: SIGNED_IN.filter((a) => !(ALPHA as readonly Actor[]).includes(a)),
});
ACCESS["account.tsx"] = [
  {
    access: OWN_ACCOUNT,
    then(a, actor, f) {
      const page = a.body as { email: string; sessions: unknown[] };
      expect(page.email).toBe(
        f.t.users[actor as Exclude<Actor, "nobody">].email,
      );
    },
  },
  {
    // A real change (the same password is refused), put back afterwards
    // so later sign-ins with the test password still work.
    name: "password",
    form: () => ({
      intent: "password",
      current: TEST_PASSWORD,
      password: WALK_PASSWORD,
      confirm: WALK_PASSWORD,
    }),
    access: OWN_ACCOUNT,
    async then(a, actor, f) {
      expect(a.location).toBe("/account?done=password");
      const { id } = f.t.users[actor as Exclude<Actor, "nobody">];
      await f.portal.handle.db
        .update(users)
        .set({ passwordHash: await hashPassword(TEST_PASSWORD) })
        .where(eq(users.id, id));
    },
  },
  {
    name: "sign out of other browsers",
    form: () => ({ intent: "sign-out-others" }),
    access: OWN_ACCOUNT,
    then: (a) => expect(a.location).toBe("/account?done=signed-out"),
  },
];

ACCESS["scorecard.tsx"] = [
  {
    access: ALL_BUT_NOBODY,
    then(a, actor, f) {
      const partner = {
        alphaAdmin: f.t.alpha,
        alphaUser: f.t.alpha,
        betaUser: f.t.beta,
        omegaUser: f.t.omega,
      }[actor as string];
      expect(a.location).toBe(
        partner ? `/partners/${partner.id}/scorecard` : "/overview",
      );
    },
  },
];

ACCESS["leads._index.tsx"] = [
  {
    access: access({
      sees: ALPHA_SIDE,
      apart: ["betaUser", "otherStaff", "omegaUser"],
    }),
    shows: () => ALPHA_COMPANY,
  },
];

ACCESS["leads.new.tsx"] = [
  { access: access({ sees: ALPHA, apart: ["betaUser", "omegaUser"] }) },
  {
    form: (_f, actor) => ({
      company: `Walk lead of ${actor}`,
      contactName: "Walk Contact",
      contactEmail: "walk@walk.test",
    }),
    access: access({ sees: ALPHA, apart: ["betaUser", "omegaUser"] }),
    async then(a, actor, f) {
      const program = actor === "omegaUser" ? f.t.other : f.t.acme;
      const partner = { betaUser: f.t.beta, omegaUser: f.t.omega }[
        actor as string
      ];
      const lead = await getLead(f.portal.handle.db, {
        programId: program.id,
        leadId: Number(a.location!.split("/").at(-1)),
      });
      expect(lead?.partnerId).toBe((partner ?? f.t.alpha).id);
    },
  },
];

const leadParams = (f: Fixtures) => ({ leadId: String(f.alphaLead) });
const freshLead = async (f: Fixtures) => ({
  leadId: String(await f.fresh.alphaLead()),
});
const acceptedLead = async (f: Fixtures) => {
  const leadId = await f.fresh.alphaLead();
  await changeLeadStatus(f.portal.handle.db, {
    programId: f.t.acme.id,
    leadId,
    actorId: f.t.users.ownerStaff.id,
    change: { to: "accepted", reason: null },
  });
  return { leadId: String(leadId) };
};
const DECIDE = access({ sees: OWNERS });
ACCESS["leads.$leadId.tsx"] = [
  {
    params: leadParams,
    access: access({ sees: ALPHA_SIDE }),
    shows: () => ALPHA_CONTACT,
  },
  {
    name: "accept",
    params: leadParams,
    fresh: freshLead,
    form: () => ({ intent: "accept" }),
    access: DECIDE,
  },
  {
    name: "reject",
    params: leadParams,
    fresh: freshLead,
    form: () => ({ intent: "reject", reason: "Not a fit" }),
    access: DECIDE,
  },
  {
    name: "win",
    params: leadParams,
    fresh: acceptedLead,
    form: (f) => ({
      intent: "win",
      amount: "100",
      closedOn: programToday(f.t.acme),
    }),
    access: DECIDE,
  },
  {
    name: "lose",
    params: leadParams,
    fresh: acceptedLead,
    form: (f) => ({ intent: "lose", closedOn: programToday(f.t.acme) }),
    access: DECIDE,
  },
];

ACCESS["partners._index.tsx"] = [
  { access: ACME_STAFF_PAGE, shows: quoted("Alpha") },
  {
    form: (_f, actor) => ({ name: `Walk partner of ${actor}` }),
    access: ACME_ADMIN_ONLY,
  },
];

ACCESS["partners.$partnerId.scorecard.tsx"] = [
  {
    params: alphaPartner,
    access: access({ sees: ALPHA_SIDE }),
    shows: () => ALPHA_COMMENT,
  },
  {
    params: alphaPartner,
    form: () => ({ score: "7", comment: "walk rating", trust: "4" }),
    access: access({ sees: ALPHA_SIDE }),
  },
];

const STEER = access({ sees: OWNERS });
ACCESS["partners.$partnerId.objectives.tsx"] = [
  { params: alphaPartner, access: STEER, shows: quoted("Alpha") },
  {
    name: "objectives",
    params: alphaPartner,
    form: () => ({ intent: "objectives", objective: "grow_revenue" }),
    access: STEER,
  },
  {
    name: "add",
    params: alphaPartner,
    form: (_f, actor) => ({
      intent: "add",
      metricId: PARTNER_CATALOG[actor === "ownerAdmin" ? 1 : 2]!.id,
      weight: "2",
    }),
    access: STEER,
  },
  {
    name: "target",
    params: alphaPartner,
    form: (f) => ({
      intent: "target",
      keyMetricId: String(f.alphaKeyMetric),
      target: "5",
    }),
    access: STEER,
  },
  {
    name: "remove",
    params: alphaPartner,
    fresh: async (f, actor) => ({
      keyMetricId: String(
        await f.fresh.alphaKeyMetric(actor === "ownerAdmin" ? 3 : 4),
      ),
    }),
    form: (f, _actor, target) => ({
      intent: "remove",
      keyMetricId: target?.keyMetricId ?? String(f.alphaKeyMetric),
    }),
    access: STEER,
  },
];

ACCESS["partners.$partnerId.edit.tsx"] = [
  { params: alphaPartner, access: ACME_ADMIN_ONLY, shows: quoted("Alpha") },
  {
    params: alphaPartner,
    form: () => ({ type: PARTNER_TYPES[0], joinedOn: "2020-01-01" }),
    access: ACME_ADMIN_ONLY,
  },
];

ACCESS["overview.tsx"] = [{ access: ACME_STAFF_PAGE, shows: quoted("Alpha") }];

const uploadForm = (kind: "leads" | "revenue") => (_f: Fixtures, a: Actor) =>
  kind === "leads"
    ? csv(`leads-of-${a}.csv`, `Name,Email\nUploaded by ${a},u@walk.test\n`)
    : csv(
        `revenue-of-${a}.csv`,
        `Customer,Date,Amount\nBy ${a},2026-01-15,5\n`,
      );
ACCESS["imports.leads._index.tsx"] = [
  { access: ACME_STAFF_PAGE },
  { form: uploadForm("leads"), access: ACME_STAFF_PAGE },
];
ACCESS["imports.revenue._index.tsx"] = [
  { access: ACME_STAFF_PAGE },
  { form: uploadForm("revenue"), access: ACME_STAFF_PAGE },
];

const ACME_STAFF = access({ sees: OWNERS });
ACCESS["imports.leads.$uploadId.tsx"] = [
  {
    params: (f) => ({ uploadId: String(f.leadsUpload) }),
    access: ACME_STAFF,
    shows: () => UPLOAD_COMPANY,
  },
  {
    params: (f) => ({ uploadId: String(f.leadsUpload) }),
    fresh: async (f, actor) => ({
      uploadId: String(await f.fresh.upload("leads", actor)),
    }),
    form: () => ({
      col_company: "Name",
      fixedPartner: "Alpha",
      statusValues: "",
      defaultStatus: "submitted",
      dateFormat: "YYYY-MM-DD",
      decimalSeparator: ".",
      missingRegisteredOn: "import-date",
    }),
    access: ACME_STAFF,
    then: (a) => expect(a.location).toMatch(/^\/imports\/\d+$/),
  },
];

ACCESS["imports.revenue.$uploadId.tsx"] = [
  {
    params: (f) => ({ uploadId: String(f.revenueUpload) }),
    access: ACME_STAFF,
    shows: () => REVENUE_FILE,
  },
  {
    params: (f) => ({ uploadId: String(f.revenueUpload) }),
    fresh: async (f, actor) => ({
      uploadId: String(await f.fresh.upload("revenue", actor)),
    }),
    form: () => ({
      customer: "Customer",
      day: "Date",
      amount: "Amount",
      partner: "Partner",
      dateFormat: "YYYY-MM-DD",
      decimalSeparator: ".",
    }),
    access: ACME_STAFF,
    then: (a) => expect(a.location).toMatch(/^\/imports\/\d+$/),
  },
];

ACCESS["imports.$importId.tsx"] = [
  {
    params: (f) => ({ importId: String(f.importId) }),
    access: ACME_STAFF,
    shows: () => LEADS_FILE,
    then: (a) => expect(a.body).toMatchObject({ created: 1, rejected: [] }),
  },
];

// Another program's staff name Alpha by its id: bad input, not a write.
const RECORD = access({ sees: OWNERS, invalid: ["otherStaff"] });
ACCESS["records.tsx"] = [
  { access: ACME_STAFF_PAGE, shows: quoted("Alpha") },
  {
    name: "cost",
    form: (f) => ({
      intent: "cost",
      partnerId: String(f.t.alpha.id),
      kind: COST_KINDS[0],
      amount: "100",
      incurredOn: PAST_DAY,
    }),
    access: RECORD,
  },
  {
    name: "activity",
    form: (f) => ({
      intent: "activity",
      kind: ACTIVITY_KINDS[0],
      title: "Walk workshop",
      occurredOn: PAST_DAY,
      partnerIds: String(f.t.alpha.id),
    }),
    access: RECORD,
  },
  {
    name: "measure",
    form: (f) => ({
      intent: "measure",
      metricId: MANUAL_METRIC_IDS[0],
      partnerId: String(f.t.alpha.id),
      measuredOn: PAST_DAY,
      value: "3",
    }),
    access: RECORD,
  },
  {
    name: "revenue",
    form: (f) => ({
      intent: "revenue",
      customer: "Walk customer",
      partnerId: String(f.t.alpha.id),
      kind: "new",
      amount: "100",
      occurredOn: PAST_DAY,
    }),
    access: RECORD,
  },
];

ACCESS["embed-keys.tsx"] = [
  { access: ACME_STAFF_PAGE, shows: (f) => f.alphaKey.key },
  {
    name: "create",
    form: (f) => ({
      intent: "create",
      label: "walk",
      partnerId: String(f.t.alpha.id),
      origins: "https://walk.example",
    }),
    access: access({ sees: OWNERS, invalid: ["otherStaff"] }),
  },
  {
    name: "revoke",
    fresh: async (f) => ({ keyId: String(await f.fresh.alphaKey()) }),
    form: (f, _actor, target) => ({
      intent: "revoke",
      keyId: target?.keyId ?? String(f.alphaKey.id),
    }),
    access: access({ sees: OWNERS }),
  },
];

ACCESS["settings.tsx"] = [
  { access: ACME_STAFF_PAGE, shows: () => SEGMENT },
  {
    name: "settings",
    form: () => ({
      intent: "settings",
      grossMargin: "60",
      lifetimeCapMonths: "36",
      engagement: "1",
      satisfaction: "1",
      growth: "1",
      expansion: "1",
    }),
    access: ACME_ADMIN_ONLY,
  },
  {
    name: "segment",
    form: (_f, actor) => ({
      intent: "segment",
      name: `Walk segment of ${actor}`,
      targetAccounts: "5",
    }),
    access: ACME_ADMIN_ONLY,
  },
  {
    name: "remove-segment",
    fresh: async (f, actor) => ({
      segmentId: String(await f.fresh.segment(`Walk gone ${actor}`)),
    }),
    form: (f, _actor, target) => ({
      intent: "remove-segment",
      segmentId: target?.segmentId ?? String(f.segment),
    }),
    access: ACME_ADMIN_ONLY,
  },
];

ACCESS["live.partners.$partnerId.ts"] = [
  { params: alphaPartner, access: access({ sees: ALPHA_SIDE }) },
];

// Key-based: the cookie changes nothing; the key and the origin do.
const embedProbes = (param: "key" | "keys"): Probe[] => [
  {
    name: "Alpha's key, its origin",
    query: (f) => `?${param}=${f.alphaKey.key}`,
    headers: () => ({ Origin: ALPHA_ORIGIN }),
    access: everyone("sees"),
    then: (a) =>
      expect(a.headers.get("Access-Control-Allow-Origin")).toBe(ALPHA_ORIGIN),
  },
  {
    name: "Alpha's key, another origin",
    query: (f) => `?${param}=${f.alphaKey.key}`,
    headers: () => ({ Origin: OMEGA_ORIGIN }),
    access: everyone("refused"),
  },
  {
    name: "the other program's key",
    query: (f) => `?${param}=${f.omegaKey.key}`,
    headers: () => ({ Origin: OMEGA_ORIGIN }),
    access: everyone("apart"),
  },
  {
    name: "the other program's key, Alpha's origin",
    query: (f) => `?${param}=${f.omegaKey.key}`,
    headers: () => ({ Origin: ALPHA_ORIGIN }),
    access: everyone("refused"),
  },
  {
    name: "an unknown key",
    query: () => `?${param}=pk_${"0".repeat(32)}`,
    headers: () => ({ Origin: ALPHA_ORIGIN }),
    access: everyone("refused"),
    refusal: [404],
    readableRefusal: true,
  },
  {
    name: "preflight, Alpha's origin",
    method: "OPTIONS",
    query: (f) => `?key=${f.alphaKey.key}`,
    headers: () => ({ Origin: ALPHA_ORIGIN }),
    access: everyone("apart"),
    ok: [204],
  },
  {
    name: "preflight, another origin",
    method: "OPTIONS",
    query: (f) => `?key=${f.alphaKey.key}`,
    headers: () => ({ Origin: OMEGA_ORIGIN }),
    access: everyone("refused"),
  },
  {
    name: "a write",
    query: (f) => `?${param}=${f.alphaKey.key}`,
    headers: () => ({ Origin: ALPHA_ORIGIN }),
    form: () => ({}),
    access: everyone("refused"),
  },
];
ACCESS["embed.v1.scorecard.ts"] = embedProbes("key");
ACCESS["embed.v1.stream.ts"] = embedProbes("keys");

ACCESS["widget.partner-scorecard[.]js.ts"] = [{ access: everyone("apart") }];
ACCESS["widget.demo.ts"] = [
  { access: everyone("apart") },
  {
    name: "the other program's key",
    query: (f) => `?key=${f.omegaKey.key}`,
    access: everyone("apart"),
  },
];
ACCESS["healthz.ts"] = [{ access: everyone("apart") }];

// Deal registration (decision 0016): a conflict, its decision and the
// comments of both sides of a lead.
const bodyText = (a: { body: unknown }) =>
  typeof a.body === "string" ? a.body : JSON.stringify(a.body);
const contested = (f: Fixtures) => ({ leadId: String(f.contestedLead) });

ACCESS["leads.$leadId.tsx"]!.push(
  {
    name: "under review",
    params: contested,
    access: access({ sees: ALPHA_SIDE }),
    shows: () => REVIEW_REASON,
    then(a) {
      // Alpha's people learn that it is under review and why in general
      // words; the secrets check keeps Beta's registration out of it.
      expect(a.body).toMatchObject({
        lead: { status: "under_review" },
        comments: [{ body: LEAD_COMMENT }],
      });
    },
  },
  {
    name: "the other side's lead",
    params: (f) => ({ leadId: String(f.rivalLead) }),
    access: access({ sees: OWNERS, apart: ["betaUser"] }),
    shows: () => RIVAL_COMMENT,
    then: (a) => expect(bodyText(a)).toContain(RIVAL_CONTACT),
  },
  {
    name: "comment",
    params: contested,
    form: (_f, actor) => ({ intent: "comment", body: `Walk note of ${actor}` }),
    access: access({ sees: ALPHA_SIDE }),
    then: (a, _actor, f) =>
      expect(a.location).toBe(`/leads/${f.contestedLead}#comments`),
  },
);

const alphaAsks = (actor: Actor) => (ALPHA as readonly Actor[]).includes(actor);
const registration =
  (extra: Record<string, string>) => (_f: Fixtures, actor: Actor) =>
    alphaAsks(actor)
      ? // The company of Alpha's planted lead: Alpha's own duplicate.
        {
          company: ALPHA_COMPANY,
          contactName: "Walk Contact",
          contactEmail: `dup-${actor}@walk-dup.test`,
          ...extra,
        }
      : // Beta bids for the company Alpha's contested lead is about.
        {
          company: `Walk bid of ${actor}`,
          contactName: "Walk Contact",
          contactEmail: `bid-${actor}@walk-bid.test`,
          companyDomain: actor === "betaUser" ? CONTESTED_DOMAIN : "",
          ...extra,
        };
ACCESS["leads.new.tsx"]!.push(
  {
    name: "a duplicate, not yet confirmed",
    form: registration({}),
    access: access({ sees: ALPHA, apart: ["betaUser", "omegaUser"] }),
    ok: [302, 409],
    then(a, actor, f) {
      if (!alphaAsks(actor)) return expect(a.status).toBe(302);
      // Nothing is saved; Alpha's own matching lead is named.
      expect(a.status).toBe(409);
      expect(a.body).toMatchObject({ duplicates: [{ id: f.alphaLead }] });
    },
  },
  {
    name: "a duplicate, confirmed",
    form: registration({ confirmDuplicate: "yes" }),
    access: access({ sees: ALPHA, apart: ["betaUser", "omegaUser"] }),
    then: (a) => expect(a.location).toMatch(/^\/leads\/\d+$/),
  },
);

ACCESS["leads.inbox.tsx"] = [
  {
    access: ACME_STAFF_PAGE,
    shows: () => CONTESTED_COMPANY,
    then(a, actor) {
      if (actor === "otherStaff") return;
      expect(bodyText(a)).toContain(ALPHA_COMPANY);
    },
  },
  {
    name: "conflicts only",
    query: () => "?view=conflicts",
    access: ACME_STAFF_PAGE,
    shows: () => CONTESTED_COMPANY,
    then: (a) => expect(bodyText(a)).not.toContain(ALPHA_COMPANY),
  },
];

const DECIDE_CONFLICT = access({ sees: OWNERS });
const freshConflict = (intent: string) => async (f: Fixtures, a: Actor) => ({
  leadId: String(await f.fresh.conflict(`${intent}-${a}`.toLowerCase())),
});
ACCESS["leads.$leadId_.conflict.tsx"] = [
  {
    params: contested,
    access: DECIDE_CONFLICT,
    shows: () => RIVAL_CONTACT,
    then(a) {
      // Both registrations, side by side.
      expect(bodyText(a)).toContain(CONTESTED_COMPANY);
      expect(bodyText(a)).toContain(RIVAL_COMPANY);
    },
  },
  {
    name: "accept",
    params: contested,
    fresh: freshConflict("accept"),
    // Refused actors try the most they could: reject Beta's lead with it.
    form: (f, _actor, target) => ({
      intent: "accept",
      reason: "Walk accepts",
      ...(target ? {} : { rejectLeadIds: String(f.rivalLead) }),
    }),
    access: DECIDE_CONFLICT,
    then: (a) => expect(a.location).toMatch(/^\/leads\/\d+$/),
  },
  {
    name: "reject",
    params: contested,
    fresh: freshConflict("reject"),
    form: () => ({ intent: "reject", reason: "Walk rejects" }),
    access: DECIDE_CONFLICT,
    then: (a) => expect(a.location).toMatch(/^\/leads\/\d+$/),
  },
];
Object.assign(ACCESS, PEOPLE_ACCESS, TOGETHER_ACCESS);
