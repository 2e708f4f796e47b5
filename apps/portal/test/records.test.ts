import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { programToday } from "@tandem/db";
import { customers, imports, revenueEvents } from "@tandem/db/schema";
import { periodContaining } from "@tandem/metrics";
import * as revenueUpload from "~/routes/imports.revenue._index.js";
import * as revenueColumns from "~/routes/imports.revenue.$uploadId.js";
import * as scorecard from "~/routes/partners.$partnerId.scorecard.js";
import * as records from "~/routes/records.js";
import { call, cookieFor, startPortal, type TestPortal } from "./harness.js";

let portal: TestPortal;
let staff: string;
let today: string;
let quarter: string;

beforeAll(async () => {
  portal = await startPortal();
  staff = await cookieFor(portal.handle, portal.t.users.ownerStaff.id);
  today = programToday(portal.t.acme);
  quarter = periodContaining("quarter", today).key;
}, 120_000);
afterAll(() => portal.close());

const record = (form: Record<string, string> | FormData) =>
  call(records.action, "/records", { cookie: staff, form });

async function alphaCard() {
  const params = { partnerId: String(portal.t.alpha.id) };
  const answer = await call(scorecard.loader, `/p?kind=quarter&at=${quarter}`, {
    cookie: staff,
    params,
  });
  const body = answer.body as { metrics: { id: string; value: string }[] };
  return Object.fromEntries(body.metrics.map((m) => [m.id, m.value]));
}

describe("recording facts", () => {
  it("books revenue, costs, activities and measures into the scorecard", async () => {
    const alpha = String(portal.t.alpha.id);
    const beta = String(portal.t.beta.id);
    const revenue = await record({
      intent: "revenue",
      customer: "Initech",
      partnerId: alpha,
      kind: "new",
      amount: "1,000.10",
      occurredOn: today,
    });
    expect(revenue.status).toBe(302);
    await record({
      intent: "revenue",
      // The same customer, however it is typed.
      customer: "  INITECH ",
      partnerId: alpha,
      kind: "contraction",
      amount: "0.10",
      occurredOn: today,
    });
    await record({
      intent: "cost",
      partnerId: alpha,
      kind: "commission",
      amount: "250",
      incurredOn: today,
    });
    const activity = new FormData();
    for (const [k, v] of Object.entries({
      intent: "activity",
      kind: "campaign",
      title: "Spring campaign",
      occurredOn: today,
      completed: "on",
    })) {
      activity.append(k, v);
    }
    activity.append("partnerIds", alpha);
    activity.append("partnerIds", beta);
    expect((await record(activity)).status).toBe(302);
    await record({
      intent: "measure",
      metricId: "cost_savings",
      partnerId: alpha,
      value: "1500",
      measuredOn: today,
    });

    const card = await alphaCard();
    // 1,000.10 new, then a 0.10 contraction.
    expect(card.direct_revenue).toBe("$1,000.00");
    // One new customer (Initech) for $250.00 of cost.
    expect(card.new_customers).toBe("1");
    expect(card.cac_via_partner).toBe("$250.00");
    expect(card.joint_activity_level).toBe("1");
    // cost_savings is entered in minor units: 1500 cents.
    expect(card.cost_savings).toBe("$15.00");
  });

  it("refuses bad records beside their fields, recording nothing", async () => {
    const before = await alphaCard();
    const cases: [Record<string, string>, string][] = [
      [
        {
          intent: "cost",
          partnerId: "",
          kind: "fees",
          amount: "5",
          incurredOn: today,
        },
        "partnerId",
      ],
      [
        {
          intent: "cost",
          partnerId: String(portal.t.alpha.id),
          kind: "fees",
          amount: "5",
          incurredOn: "2999-01-01",
        },
        "incurredOn",
      ],
      [
        {
          intent: "activity",
          kind: "campaign",
          title: "No one",
          occurredOn: today,
        },
        "partnerIds",
      ],
      [
        {
          intent: "measure",
          metricId: "direct_revenue",
          value: "1",
          measuredOn: today,
        },
        "metricId",
      ],
      [
        {
          intent: "revenue",
          customer: "X",
          partnerId: String(portal.t.omega.id),
          kind: "new",
          amount: "5",
          occurredOn: today,
        },
        "partnerId",
      ],
    ];
    for (const [form, field] of cases) {
      const answer = await record(form);
      expect(answer.status).toBe(400);
      expect(Object.keys((answer.body as { errors: object }).errors)).toContain(
        field,
      );
    }
    // Expansion and the like are of a customer already won.
    const stranger = await record({
      intent: "revenue",
      customer: "Yotta Rev",
      partnerId: String(portal.t.alpha.id),
      kind: "expansion",
      amount: "100",
      occurredOn: today,
    });
    expect((stranger.body as { errors: object }).errors).toEqual({
      customer: [
        "Yotta Rev is not yet a customer through this partner: record its first revenue as new.",
      ],
    });
    // Nor before the customer's first day: Initech became one today
    // (found by its match key under another legal form, as a
    // registration would be).
    const early = await record({
      intent: "revenue",
      customer: "Initech, Inc.",
      partnerId: String(portal.t.alpha.id),
      kind: "expansion",
      amount: "5",
      occurredOn: "2020-01-01",
    });
    expect((early.body as { errors: object }).errors).toEqual({
      occurredOn: [
        `Initech became a customer on ${today}; expansion revenue comes on that day or later.`,
      ],
    });
    // A minus sign is not dropped silently: the kind gives the sign.
    const negative = await record({
      intent: "revenue",
      customer: "Minus Co",
      partnerId: String(portal.t.alpha.id),
      kind: "new",
      amount: "-100",
      occurredOn: today,
    });
    expect(negative.status).toBe(400);
    expect((negative.body as { errors: object }).errors).toEqual({
      amount: [
        "Enter an amount of 0 or more; a negative one is not taken here.",
      ],
    });
    // A partner that is not a number at all is refused the same way.
    const garbled = await record({
      intent: "revenue",
      customer: "Initech",
      partnerId: "abc",
      kind: "renewal",
      amount: "5",
      occurredOn: today,
    });
    expect(garbled.status).toBe(400);
    expect((garbled.body as { errors: object }).errors).toEqual({
      partnerId: ["Choose one of this program's partners."],
    });
    // Another program's partner: the same words as an id that never was.
    for (const partnerId of [String(portal.t.omega.id), "999999"]) {
      const answer = await record({
        intent: "cost",
        partnerId,
        kind: "fees",
        amount: "5",
        incurredOn: today,
      });
      expect((answer.body as { errors: object }).errors).toEqual({
        partnerId: ["Choose one of this program's partners."],
      });
    }
    expect(await alphaCard()).toEqual(before);
  });

  it("sends back everything typed in a refused form", async () => {
    const before = await alphaCard();
    const revenue = {
      intent: "revenue",
      customer: "Keep Co",
      partnerId: String(portal.t.alpha.id),
      kind: "new",
      amount: "abc",
      occurredOn: today,
    };
    const cost = {
      intent: "cost",
      partnerId: String(portal.t.alpha.id),
      kind: "fees",
      amount: "abc",
      incurredOn: today,
      note: "Booth at the fair",
    };
    for (const form of [revenue, cost]) {
      const answer = await record(form);
      expect(answer.status).toBe(400);
      expect((answer.body as { values: object }).values).toEqual(form);
    }
    const activity = new FormData();
    activity.append("intent", "activity");
    activity.append("kind", "campaign");
    activity.append("title", "Fair");
    activity.append("occurredOn", "2999-01-01");
    activity.append("partnerIds", String(portal.t.alpha.id));
    activity.append("partnerIds", String(portal.t.beta.id));
    const answer = await record(activity);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      values: { title: "Fair", occurredOn: "2999-01-01" },
      partnerIds: [String(portal.t.alpha.id), String(portal.t.beta.id)],
    });
    expect(await alphaCard()).toEqual(before);
  });
});

describe("importing revenue", () => {
  function upload(text: string) {
    const form = new FormData();
    form.set("file", new File([text], "revenue.csv", { type: "text/csv" }));
    form.set("encoding", "auto");
    return call(revenueUpload.action, "/imports/revenue", {
      cookie: staff,
      form,
    });
  }
  const COLUMNS = {
    customer: "Customer",
    day: "Date",
    amount: "Amount",
    partner: "Partner",
    kind: "",
    dateFormat: "YYYY-MM-DD",
    decimalSeparator: ".",
  };

  it("imports good rows, lists the others, and refuses the same file twice", async () => {
    const file = `Customer,Date,Amount,Partner\nUmbrella,${today},"2,000.00",Beta\nHooli,${today},5,Omega\n`;
    const uploaded = await upload(file);
    const uploadId = uploaded.location!.match(/revenue\/(\d+)/)![1]!;
    const imported = await call(revenueColumns.action, uploaded.location!, {
      cookie: staff,
      params: { uploadId },
      form: COLUMNS,
    });
    expect(imported.status).toBe(302);

    const again = await upload(file);
    const againId = again.location!.match(/revenue\/(\d+)/)![1]!;
    const refused = await call(revenueColumns.action, again.location!, {
      cookie: staff,
      params: { uploadId: againId },
      form: COLUMNS,
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("count its revenue twice");

    const params = { partnerId: String(portal.t.beta.id) };
    const card = await call(scorecard.loader, `/p?kind=quarter&at=${quarter}`, {
      cookie: staff,
      params,
    });
    const metrics = (card.body as { metrics: { id: string; value: string }[] })
      .metrics;
    expect(metrics.find((m) => m.id === "direct_revenue")!.value).toBe(
      "$2,000.00",
    );
  });

  it("adds only the corrected rows when a fixed file is imported again", async () => {
    const importFile = async (text: string) => {
      const uploaded = await upload(text);
      const uploadId = uploaded.location!.match(/revenue\/(\d+)/)![1]!;
      const done = await call(revenueColumns.action, uploaded.location!, {
        cookie: staff,
        params: { uploadId },
        form: COLUMNS,
      });
      expect(done.status).toBe(302);
      const [record] = await portal.handle.db
        .select()
        .from(imports)
        .where(eq(imports.id, Number(done.location!.split("/").at(-1))));
      return record!;
    };
    const sumOf = async () => {
      const [row] = await portal.handle.db
        .select({
          n: sql<number>`count(*)::int`,
          total: sql<string>`coalesce(sum(${revenueEvents.amountMinor}), 0)::text`,
        })
        .from(revenueEvents)
        .innerJoin(customers, eq(customers.id, revenueEvents.customerId))
        .where(eq(customers.name, "Csv Co"));
      return { n: Number(row!.n), total: row!.total };
    };
    const header = "Customer,Date,Amount,Partner\n";
    // Two equal purchases on one day are two events; one row is refused.
    const good = `Csv Co,${today},500.00,Beta\n`;
    const first = await importFile(
      `${header}${good}${good}Csv Co,${today},-50,Beta\n`,
    );
    expect(first).toMatchObject({ created: 2, unchanged: 0 });
    expect(first.rejected).toHaveLength(1);
    expect(await sumOf()).toEqual({ n: 2, total: "100000" });

    const fixed = await importFile(
      `${header}${good}${good}Csv Co,${today},50.00,Beta\n`,
    );
    expect(fixed).toMatchObject({ created: 1, unchanged: 2 });
    expect(fixed.rejected).toHaveLength(0);
    expect(await sumOf()).toEqual({ n: 3, total: "105000" });

    // A third equal purchase beside the rows loaded before is new.
    const fifty = `Csv Co,${today},50.00,Beta\n`;
    const later = await importFile(`${header}${good}${good}${good}${fifty}`);
    expect(later).toMatchObject({ created: 1, unchanged: 3 });
    expect(await sumOf()).toEqual({ n: 4, total: "155000" });

    // A file that changes a loaded amount is not added on top of it.
    const changed = await importFile(
      `${header}${good}${good}${good}Csv Co,${today},60.00,Beta\n`,
    );
    expect(changed).toMatchObject({ created: 0, unchanged: 3 });
    expect(changed.rejected).toEqual([
      {
        rowNumber: 5,
        reasons: [expect.stringMatching(/^it changes a row an earlier file/)],
      },
    ]);
    expect(await sumOf()).toEqual({ n: 4, total: "155000" });
  });
});
