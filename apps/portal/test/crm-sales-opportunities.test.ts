import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTable } from "@tandem/csv-import";
import {
  addMembership,
  countLeadsByStatus,
  createProgram,
  createUser,
  listPartners,
  loadFacts,
  type Partner,
  type Program,
} from "@tandem/db";
import * as importResult from "~/routes/imports.$importId.js";
import * as upload from "~/routes/imports.leads._index.js";
import * as mapping from "~/routes/imports.leads.$uploadId.js";
import * as overview from "~/routes/overview.js";
import * as partnersPage from "~/routes/partners._index.js";
import * as scorecard from "~/routes/partners.$partnerId.scorecard.js";
import { csvUpload, dataFile } from "./data-sets.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

// The mapping EXPECTED.md describes, as a person fills in the form.
const MAPPING_FORM = {
  col_externalId: "opportunity_id",
  col_partner: "sales_agent",
  col_company: "account",
  col_status: "deal_stage",
  col_registeredOn: "engage_date",
  col_closedOn: "close_date",
  col_amount: "close_value",
  statusValues:
    "Won = won\nLost = lost\nEngaging = accepted\nProspecting = submitted",
  defaultStatus: "submitted",
  dateFormat: "YYYY-MM-DD",
  decimalSeparator: ".",
  fixedPartner: "",
  missingRegisteredOn: "import-date",
};

let portal: TestPortal;
let program: Program;
let cookie: string;
let partners: Partner[];

async function importPipeline() {
  const uploaded = await call(upload.action, "/imports/leads", {
    cookie,
    form: csvUpload("crm-sales-opportunities/sales_pipeline.csv"),
  });
  expect(uploaded.status).toBe(302);
  const uploadId = uploaded.location!.match(/\/imports\/leads\/(\d+)/)![1]!;
  const imported = await call(mapping.action, uploaded.location!, {
    cookie,
    params: { uploadId },
    form: MAPPING_FORM,
  });
  expect(imported.status).toBe(302);
  const importId = imported.location!.split("/").at(-1)!;
  const result = await call(importResult.loader, imported.location!, {
    cookie,
    params: { importId },
  });
  return result.body as {
    rowsRead: number;
    created: number;
    updated: number;
    unchanged: number;
    rejected: unknown[];
  };
}

beforeAll(async () => {
  portal = await startPortal();
  const { db } = portal.handle;
  program = await createProgram(db, {
    name: "MAVEN hardware",
    timeZone: "America/Los_Angeles",
    currency: "USD",
  });
  const staff = await createUser(db, {
    email: "ops@maven.test",
    name: "Ops",
    password: "not used in this test",
  });
  await addMembership(db, {
    programId: program.id,
    userId: staff.id,
    role: "owner_admin",
  });
  cookie = await cookieFor(portal.handle, staff.id);

  // All 35 agents of sales_teams.csv, added through the partners page.
  const teams = readTable(
    new TextDecoder().decode(
      dataFile("crm-sales-opportunities/sales_teams.csv"),
    ),
  );
  if (!teams.ok) throw new Error(teams.message);
  for (const row of teams.rows) {
    const added = await call(partnersPage.action, "/partners", {
      cookie,
      form: { name: row.cells[0]! },
    });
    expect(added.status).toBe(302);
  }
  partners = await listPartners(db, { programId: program.id });
}, 600_000);

afterAll(() => portal.close());

function partnerId(name: string): string {
  return String(partners.find((p) => p.name === name)!.id);
}

async function partnerCard(name: string, at: string) {
  const answer = await call(
    scorecard.loader,
    `/partners/${partnerId(name)}/scorecard?kind=quarter&at=${at}`,
    {
      cookie,
      params: { partnerId: partnerId(name) },
    },
  );
  const body = answer.body as { metrics: { id: string; value: string }[] };
  return Object.fromEntries(body.metrics.map((m) => [m.id, m.value]));
}

async function programTotal(kind: string, at: string) {
  const answer = await call(
    overview.loader,
    `/overview?kind=${kind}&at=${at}`,
    { cookie },
  );
  const body = answer.body as { columns: { id: string; value: string }[] };
  return Object.fromEntries(body.columns.map((m) => [m.id, m.value]));
}

describe("the CRM sales opportunities data set (EXPECTED.md)", () => {
  it("imports all 8,800 opportunities, then the same file changes nothing", async () => {
    expect(partners).toHaveLength(35);
    const first = await importPipeline();
    expect(first.rowsRead).toBe(8800);
    expect(first.created + first.rejected.length).toBe(8800);
    expect(first.rejected).toEqual([]);

    const counts = await countLeadsByStatus(portal.handle.db, {
      programId: program.id,
    });
    expect(counts.won).toBe(4238);
    expect(counts.lost).toBe(2473);
    expect(counts.submitted + counts.accepted).toBe(2089);
    expect(counts.rejected).toBe(0);

    const again = await importPipeline();
    expect(again).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 8800,
      rejected: [],
    });
    const after = await countLeadsByStatus(portal.handle.db, {
      programId: program.id,
    });
    expect(after).toEqual(counts);
  }, 600_000);

  it("gives the whole data set's revenue, average deal and conversion", async () => {
    // Every close date of the data set falls in 2017.
    const year = await programTotal("year", "2017");
    expect(year.direct_revenue).toBe("$10,005,534.00");
    expect(year.avg_deal_size).toBe("$2,360.91");
    expect(year.lead_conversion_rate).toBe("63.15%");
  });

  it("gives the program's direct revenue by quarter of close date", async () => {
    const expected = {
      "2017-Q1": "$1,134,672.00",
      "2017-Q2": "$3,086,111.00",
      "2017-Q3": "$2,982,255.00",
      "2017-Q4": "$2,802,496.00",
    };
    for (const [quarter, revenue] of Object.entries(expected)) {
      expect((await programTotal("quarter", quarter)).direct_revenue).toBe(
        revenue,
      );
    }
  });

  it.each([
    [
      "Darcel Schlecht",
      "2017-Q1",
      ["103", "77.19%", "$112,255.00", "$2,551.25", "not enough data"],
      [44, 13],
    ],
    [
      "Darcel Schlecht",
      "2017-Q2",
      ["164", "61.54%", "$310,075.00", "$3,229.95", "176.22%"],
      [96, 60],
    ],
    [
      "Anna Snelling",
      "2017-Q1",
      ["70", "71.43%", "$47,208.00", "$1,888.32", "not enough data"],
      [25, 10],
    ],
    [
      "Anna Snelling",
      "2017-Q2",
      ["104", "68.27%", "$82,472.00", "$1,161.58", "74.70%"],
      [71, 33],
    ],
  ] as const)(
    "gives %s's scorecard for %s",
    async (name, quarter, values, [won, lost]) => {
      const card = await partnerCard(name, quarter);
      expect([
        card.leads_generated,
        card.lead_conversion_rate,
        card.direct_revenue,
        card.avg_deal_size,
        card.revenue_growth_rate,
      ]).toEqual(values);

      const start = { "2017-Q1": "2017-01-01", "2017-Q2": "2017-04-01" }[
        quarter
      ];
      const end = { "2017-Q1": "2017-04-01", "2017-Q2": "2017-07-01" }[quarter];
      const facts = await loadFacts(portal.handle.db, {
        programId: program.id,
        partnerIds: [Number(partnerId(name))],
        bounds: [start, end],
      });
      const [period] = facts.get(Number(partnerId(name)))!;
      expect([period!.leadsWon, period!.leadsLost]).toEqual([won, lost]);
    },
  );

  it("shows a partner without opportunities as 0 and not enough data", async () => {
    const withLeads = new Set(
      (
        await loadFacts(portal.handle.db, {
          programId: program.id,
          bounds: ["2000-01-01", "2100-01-01"],
        })
      ).keys(),
    );
    const idle = partners.filter((p) => !withLeads.has(p.id));
    expect(idle).toHaveLength(5);
    const card = await partnerCard(idle[0]!.name, "2017-Q2");
    expect(card).toMatchObject({
      leads_generated: "0",
      direct_revenue: "$0.00",
      lead_conversion_rate: "not enough data",
      avg_deal_size: "not enough data",
      revenue_growth_rate: "not enough data",
    });
  });
});
