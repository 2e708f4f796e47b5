import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriodKey, periodSeries, type Period } from "@tandem/metrics";
import type { DatabaseHandle } from "../client.js";
import { loadCltvFacts } from "../facts/index.js";
import type { Partner, Program } from "../programs.js";
import { big, num, numOrNull, selectRows } from "../raw.js";
import { getPartnerScorecard, getProgramOverview } from "../scorecards.js";
import { openTestDatabase, revenueMonthsApart } from "../testing/index.js";
import { cdnowLines, parsePurchase } from "./cdnow-file.js";
import { loadCdnow } from "./cdnow-load.js";

interface Expected {
  newCustomers: number;
  retention: number | null;
  arpa: number | null;
  monthlyChurn: number | null;
  cltv: bigint | null;
}

let handle: DatabaseHandle;
let program: Program;
let partners: Partner[];
let events: number;
/** "month 2021-01-01 2" (mod 2) or "quarter 2021-04-01 all". */
const expected = new Map<string, Expected>();

beforeAll(async () => {
  handle = await openTestDatabase();
  const lines = cdnowLines();
  ({ program, partners, events } = await loadCdnow(
    handle.db,
    lines.map(parsePurchase),
  ));
  await handle.db.execute(sql`create table cdnow_lines (line text)`);
  await handle.db.execute(sql`
    insert into cdnow_lines
    select json_array_elements_text(${JSON.stringify(lines)}::json)`);
  const file = new URL("./cdnow-expected.sql", import.meta.url);
  const rows = await selectRows(handle.db, sql.raw(readFileSync(file, "utf8")));
  for (const r of rows) {
    const mod = r.mod == null ? "all" : String(num(r.mod));
    expected.set(`${String(r.kind)} ${String(r.start)} ${mod}`, {
      newCustomers: num(r.new_customers),
      retention: numOrNull(r.retention),
      arpa: numOrNull(r.arpa),
      monthlyChurn: numOrNull(r.monthly_churn),
      cltv: r.cltv == null ? null : big(r.cltv),
    });
  }
}, 300_000);
afterAll(() => handle.close());

function expectedFor(period: Period, mod: string): Expected {
  const e = expected.get(`${period.kind} ${period.start} ${mod}`);
  if (!e) throw new Error(`no expected row for ${period.key} ${mod}`);
  return e;
}

/** Equal within 1e-9; ARPA (cents a month) within 1e-9 of itself. */
function expectNear(actual: unknown, wanted: number | null, relative = false) {
  if (wanted === null) return expect(actual).toBeNull();
  expect(typeof actual).toBe("number");
  const scale = relative ? Math.abs(wanted) : 1;
  expect(Math.abs((actual as number) - wanted)).toBeLessThanOrEqual(
    1e-9 * scale,
  );
}

/** Every period of the data in the series ending at these periods. */
const MONTHS = ["2021-12", "2022-06"].map((k) => parsePeriodKey("month", k)!);
const QUARTERS = [parsePeriodKey("quarter", "2022-Q2")!];
const inData = (p: Period) => p.start >= "2021-01-01" && p.end <= "2022-07-01";

describe("the CDNOW purchase log", () => {
  it("loads every line as a revenue event", () => {
    expect(events).toBe(69_659);
    expect(expected.size).toBe((18 + 6) * 5);
    // The log's cohort arrives in 2021-Q1; the first churn is on July 1.
    const first = expected.get("month 2021-01-01 all")!;
    const last = expected.get("month 2022-06-01 all")!;
    expect(first.newCustomers).toBeGreaterThan(0);
    expect(last.newCustomers).toBe(0);
    expect(first.monthlyChurn).toBe(0);
    expect(last.monthlyChurn).toBeGreaterThan(0);
    expect(last.retention).toBeGreaterThan(0);
    expect(last.cltv).toBeGreaterThan(0n);
  });

  it("sums the imported events into revenue_months", async () => {
    expect(await revenueMonthsApart(handle.db)).toEqual([]);
  });

  it.each([...MONTHS, ...QUARTERS])(
    "gives each partner its figures in the series to $key",
    async (period) => {
      for (const [mod, partner] of partners.entries()) {
        const card = await getPartnerScorecard(handle.db, {
          program,
          partner,
          period,
        });
        const checked = card.periods.filter(inData);
        expect(checked.length).toBe(period.kind === "month" ? 12 : 6);
        for (const p of checked) {
          const values = card.series[card.periods.indexOf(p)]!;
          const e = expectedFor(p, String(mod));
          expect(values.new_customers).toBe(e.newCustomers);
          expectNear(values.customer_retention_rate, e.retention);
          expect(values.partner_cltv).toBe(e.cltv);
        }
      }
    },
  );

  it.each([...MONTHS, ...QUARTERS])(
    "reads ARPA and monthly churn of the windows to $key",
    async (period) => {
      const all = periodSeries(period, 12);
      const cltv = await loadCltvFacts(handle.db, {
        programId: program.id,
        bounds: [all[0]!.start, ...all.map((p) => p.end)],
      });
      for (const [mod, partner] of partners.entries()) {
        const windows = cltv.get(partner.id)!;
        all.forEach((p, i) => {
          if (!inData(p)) return;
          const e = expectedFor(p, String(mod));
          const w = windows[i]!;
          expectNear(Number(w.revenueMinor) / w.customerMonths, e.arpa, true);
          expectNear(w.churned / w.customerMonths, e.monthlyChurn);
        });
      }
    },
  );

  it.each([...MONTHS, ...QUARTERS])(
    "agrees on the program overview to $key",
    async (period) => {
      const overview = await getProgramOverview(handle.db, {
        program,
        period,
      });
      overview.periods.forEach((p, i) => {
        if (!inData(p)) return;
        const e = expectedFor(p, "all");
        const values = overview.totalSeries[i]!;
        expect(values.new_customers).toBe(e.newCustomers);
        expectNear(values.customer_retention_rate, e.retention);
        expect(values.partner_cltv).toBe(e.cltv);
      });
      for (const [mod, partner] of partners.entries()) {
        const row = overview.partners.find((c) => c.partner.id === partner.id)!;
        overview.periods.forEach((p, i) => {
          if (!inData(p)) return;
          const e = expectedFor(p, String(mod));
          expect(row.series[i]!.partner_cltv).toBe(e.cltv);
          expect(row.series[i]!.new_customers).toBe(e.newCustomers);
        });
      }
    },
  );
});
