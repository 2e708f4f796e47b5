import {
  addKeyMetric,
  createEmbedKey,
  getLead,
  rateRelationship,
  registerLead,
  saveUpload,
  setTargetSegment,
} from "@tandem/db";
import type { Tenants } from "@tandem/db/testing";
import { PARTNER_CATALOG } from "@tandem/metrics";
import * as upload from "~/routes/imports.leads._index.js";
import * as mapping from "~/routes/imports.leads.$uploadId.js";
import * as leadPage from "~/routes/leads.$leadId.js";
import { call, cookieFor, type TestPortal } from "../harness.js";
import type { Actor } from "./actors.js";
import { plantPeople, type PeopleFixtures } from "./fixtures-people.js";
import { plantTogether, type TogetherFixtures } from "./fixtures-together.js";

/**
 * Strings planted in one tenant's data, each with the actors who may
 * read it. Any answer to anyone else that contains one is a leak.
 */
export interface Secret {
  text: string;
  seenBy: readonly Actor[];
}

const ACME_OWNERS = ["ownerAdmin", "ownerStaff"] as const;
const ALPHA_SIDE = [...ACME_OWNERS, "alphaAdmin", "alphaUser"] as const;
const BETA_SIDE = [...ACME_OWNERS, "betaUser"] as const;
const OTHER_SIDE = ["otherStaff", "omegaUser"] as const;

export const ALPHA_COMPANY = "Secretco Alpha Holdings";
export const ALPHA_CONTACT = "ann.secret@alpha-holdings.test";
export const ALPHA_COMMENT = "alpha-only rating comment";
export const UPLOAD_COMPANY = "Secretco Upload Row Ltd";
export const SEGMENT = "Acme secret segment";
export const LEADS_FILE = "acme-secret-leads.csv";
export const REVENUE_FILE = "acme-secret-revenue.csv";
export const ALPHA_ORIGIN = "https://alpha-secret.example";
export const OMEGA_ORIGIN = "https://omega.example";
// Alpha's lead under review: Beta registered the same company first.
export const CONTESTED_DOMAIN = "contested-co.test";
export const CONTESTED_COMPANY = "Secretco Alpha Contested Ltd";
export const CONTESTED_CONTACT = "carl@alpha-contested.test";
export const LEAD_COMMENT = "alpha-only lead comment";
export const RIVAL_COMPANY = "Secretco Beta Rival Bid";
export const RIVAL_CONTACT = "rita@beta-rival-secret.test";
export const RIVAL_COMMENT = "beta-only lead comment";
export const REVIEW_REASON = "Another registration for this company exists.";

export interface Fixtures {
  portal: TestPortal;
  t: Tenants;
  secrets: Secret[];
  alphaLead: number;
  alphaKey: { id: number; key: string };
  omegaKey: { id: number; key: string };
  alphaKeyMetric: number;
  segment: number;
  leadsUpload: number;
  revenueUpload: number;
  importId: number;
  /** Alpha's lead under review, and Beta's earlier one it conflicts with. */
  contestedLead: number;
  rivalLead: number;
  people: PeopleFixtures;
  together: TogetherFixtures;
  /** Fresh targets, so each allowed actor changes one of its own. */
  fresh: {
    alphaLead(): Promise<number>;
    alphaKey(): Promise<number>;
    alphaKeyMetric(metricIndex: number): Promise<number>;
    segment(name: string): Promise<number>;
    upload(kind: "leads" | "revenue", tag: string): Promise<number>;
    /** An Alpha lead under review against a Beta lead; Alpha's id. */
    conflict(tag: string): Promise<number>;
  };
}

const leadsCsv = (tag: string) =>
  `Name,Email\n${UPLOAD_COMPANY} ${tag},row@upload-secret.test\n`;
const revenueCsv = (tag: string) =>
  `Customer,Date,Amount,Partner\nSecretco Revenue ${tag},2026-01-15,100.00,Alpha\n`;

function csvForm(name: string, text: string): FormData {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "text/csv" }));
  form.set("encoding", "auto");
  return form;
}

/** Plants one secret or more in every place a route can show one. */
export async function plantFixtures(portal: TestPortal): Promise<Fixtures> {
  const { db } = portal.handle;
  const { t } = portal;
  const lead = async (
    programId: number,
    partnerId: number,
    actorId: number,
    company: string,
    contactEmail: string,
    companyDomain?: string,
  ) =>
    (
      await registerLead(db, {
        programId,
        partnerId,
        actorId,
        lead: {
          company,
          contactName: "Secret Contact",
          contactEmail,
          companyDomain,
          estimatedValueMinor: 100000n,
          notes: `${company} notes`,
        },
      })
    ).id;
  const { alphaUser, betaUser, omegaUser, ownerStaff, otherStaff } = t.users;
  const alphaLead = await lead(
    t.acme.id,
    t.alpha.id,
    alphaUser.id,
    ALPHA_COMPANY,
    ALPHA_CONTACT,
  );
  await lead(
    t.acme.id,
    t.beta.id,
    betaUser.id,
    "Secretco Beta Ventures",
    "b@beta-secret.test",
  );
  await lead(
    t.other.id,
    t.omega.id,
    omegaUser.id,
    "Secretco Omega GmbH",
    "o@omega-secret.test",
  );
  await rateRelationship(db, {
    programId: t.acme.id,
    partnerId: t.alpha.id,
    side: "partner",
    userId: alphaUser.id,
    score: 9,
    comment: ALPHA_COMMENT,
  });
  const key = (
    programId: number,
    partnerId: number,
    origin: string,
    by: number,
  ) =>
    createEmbedKey(db, {
      programId,
      target: { scope: "partner", partnerId },
      metrics: null,
      label: "site",
      allowedOrigins: [origin],
      createdBy: by,
    });
  const alphaKey = await key(
    t.acme.id,
    t.alpha.id,
    ALPHA_ORIGIN,
    ownerStaff.id,
  );
  const omegaKey = await key(
    t.other.id,
    t.omega.id,
    OMEGA_ORIGIN,
    otherStaff.id,
  );
  const keyMetric = async (metricIndex: number) => {
    const added = await addKeyMetric(db, {
      programId: t.acme.id,
      partnerId: t.alpha.id,
      metricId: PARTNER_CATALOG[metricIndex]!.id,
      weight: 3,
      actorId: ownerStaff.id,
    });
    if (!added.ok) throw new Error(added.message);
    return added.value;
  };
  const segment = async (name: string) => {
    const saved = await setTargetSegment(db, {
      programId: t.acme.id,
      name,
      targetAccounts: 40,
      actorId: t.users.ownerAdmin.id,
    });
    if (!saved.ok) throw new Error(saved.message);
    return saved.value.id;
  };
  const saved = (kind: "leads" | "revenue", tag: string) =>
    saveUpload(db, {
      programId: t.acme.id,
      fileName: kind === "leads" ? LEADS_FILE : REVENUE_FILE,
      bytes: new TextEncoder().encode(
        kind === "leads" ? leadsCsv(tag) : revenueCsv(tag),
      ),
      createdBy: ownerStaff.id,
    });

  // The import goes through the routes, as a person's would.
  const staff = await cookieFor(portal.handle, ownerStaff.id);
  const uploaded = await call(upload.action, "/imports/leads", {
    cookie: staff,
    form: csvForm(LEADS_FILE, leadsCsv("imported")),
  });
  const leadsUpload = Number(uploaded.location!.match(/leads\/(\d+)/)![1]);
  const imported = await call(mapping.action, uploaded.location!, {
    cookie: staff,
    params: { uploadId: String(leadsUpload) },
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
  if (imported.status !== 302) throw new Error("the planted import failed");
  const { people, secrets: peopleSecrets } = await plantPeople(
    portal.handle,
    t,
  );
  const { together, secrets: togetherSecrets } = await plantTogether(
    portal.handle,
    t,
  );

  const conflict = async (tag: string, names: [string, string]) => {
    const domain = `${tag}.${CONTESTED_DOMAIN}`.replace(/^\./, "");
    const [rivalCompany, ownCompany] = names;
    const rival = await lead(
      t.acme.id,
      t.beta.id,
      betaUser.id,
      rivalCompany,
      tag ? `r@${domain}` : RIVAL_CONTACT,
      domain,
    );
    const own = await lead(
      t.acme.id,
      t.alpha.id,
      alphaUser.id,
      ownCompany,
      tag ? `a@${domain}` : CONTESTED_CONTACT,
      domain,
    );
    const found = await getLead(db, { programId: t.acme.id, leadId: own });
    if (found?.status !== "under_review") {
      throw new Error(`the planted conflict ${tag} is not under review`);
    }
    return { rival, own };
  };
  const contested = await conflict("", [RIVAL_COMPANY, CONTESTED_COMPANY]);
  // Comments go through the lead page, as a person's would.
  const comment = async (who: number, leadId: number, body: string) => {
    const answer = await call(leadPage.action, `/leads/${leadId}`, {
      cookie: await cookieFor(portal.handle, who),
      params: { leadId: String(leadId) },
      form: { intent: "comment", body },
    });
    if (answer.status !== 302) throw new Error("a planted comment failed");
  };
  await comment(alphaUser.id, contested.own, LEAD_COMMENT);
  await comment(betaUser.id, contested.rival, RIVAL_COMMENT);

  return {
    portal,
    t,
    secrets: [
      { text: ALPHA_COMPANY, seenBy: ALPHA_SIDE },
      { text: ALPHA_CONTACT, seenBy: ALPHA_SIDE },
      { text: ALPHA_COMMENT, seenBy: ALPHA_SIDE },
      { text: UPLOAD_COMPANY, seenBy: ALPHA_SIDE },
      { text: "Secretco Beta Ventures", seenBy: BETA_SIDE },
      { text: "b@beta-secret.test", seenBy: BETA_SIDE },
      { text: "Secretco Omega GmbH", seenBy: OTHER_SIDE },
      { text: "o@omega-secret.test", seenBy: OTHER_SIDE },
      { text: alphaKey.key, seenBy: ACME_OWNERS },
      { text: ALPHA_ORIGIN, seenBy: ACME_OWNERS },
      { text: SEGMENT, seenBy: ACME_OWNERS },
      { text: LEADS_FILE, seenBy: ACME_OWNERS },
      { text: REVENUE_FILE, seenBy: ACME_OWNERS },
      // Partner names are the program's business: its staff see them all.
      { text: CONTESTED_COMPANY, seenBy: ALPHA_SIDE },
      { text: CONTESTED_CONTACT, seenBy: ALPHA_SIDE },
      { text: LEAD_COMMENT, seenBy: ALPHA_SIDE },
      { text: RIVAL_COMPANY, seenBy: BETA_SIDE },
      { text: RIVAL_CONTACT, seenBy: BETA_SIDE },
      { text: RIVAL_COMMENT, seenBy: BETA_SIDE },
      { text: '"Alpha"', seenBy: ALPHA_SIDE },
      { text: '"Beta"', seenBy: BETA_SIDE },
      ...peopleSecrets,
      ...togetherSecrets,
    ],
    alphaLead,
    alphaKey: { id: alphaKey.id, key: alphaKey.key },
    omegaKey: { id: omegaKey.id, key: omegaKey.key },
    alphaKeyMetric: await keyMetric(0),
    segment: await segment(SEGMENT),
    leadsUpload,
    revenueUpload: await saved("revenue", "planted"),
    importId: Number(imported.location!.split("/").at(-1)),
    contestedLead: contested.own,
    rivalLead: contested.rival,
    people,
    together,
    fresh: {
      alphaLead: () =>
        lead(t.acme.id, t.alpha.id, alphaUser.id, "Walk Co", "w@walk.test"),
      alphaKey: async () =>
        (await key(t.acme.id, t.alpha.id, ALPHA_ORIGIN, ownerStaff.id)).id,
      alphaKeyMetric: keyMetric,
      segment,
      upload: saved,
      conflict: async (tag) =>
        (await conflict(tag, [`Walk rival ${tag}`, `Walk bid ${tag}`])).own,
    },
  };
}
