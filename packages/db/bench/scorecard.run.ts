import { it } from "vitest";
import { parsePeriodKey } from "@tandem/metrics";
import { createUser } from "../src/auth.js";
import { openDatabase, type DatabaseHandle } from "../src/client.js";
import { createProgram, listPartners } from "../src/programs.js";
import { selectRows } from "../src/raw.js";
import { getPartnerScorecard, getProgramOverview } from "../src/scorecards.js";
import { openTestDatabase } from "../src/testing/index.js";
import { floorQuery } from "./floor.js";
import { generateProgram, SIZES } from "./generate.js";
import { medianMs, peakRssMiB, timed } from "./measure.js";

const PERIOD = parsePeriodKey("month", "2024-12")!;
/** The 13 months the overview reads: 12 shown and the one before. */
const READ = { start: "2023-12-01", end: "2025-01-01" };
const PROGRAM_RUNS = 3;
const PARTNER_RUNS = 21;

// BENCH_DRIVERS=postgres (or pglite) measures one driver only.
const only = process.env.BENCH_DRIVERS;
const drivers = (
  process.env.DATABASE_URL
    ? (["postgres", "pglite"] as const)
    : (["pglite"] as const)
).filter((d) => !only || only.split(",").includes(d));

const log = (line: string) => process.stdout.write(`${line}\n`);

it.each(drivers)("scorecards on %s", async (driver) => {
  // PostgreSQL: a database of its own on DATABASE_URL, dropped after.
  const handle: DatabaseHandle =
    driver === "postgres"
      ? await openTestDatabase()
      : await openDatabase({ driver: "pglite" });
  try {
    const { db } = handle;
    const program = await createProgram(db, {
      name: "Bench",
      timeZone: "America/Los_Angeles",
      currency: "USD",
    });
    await createUser(db, {
      email: `bench-${driver}@bench.test`,
      name: "Bench",
      password: "bench bench bench",
    });
    const generated = await timed(() => generateProgram(db, program.id));
    const partners = await listPartners(db, { programId: program.id });
    const cells = await selectRows(
      db,
      floorQuery(program.id, READ.start, READ.end),
    );
    const floor = await medianMs(PROGRAM_RUNS, () =>
      selectRows(db, floorQuery(program.id, READ.start, READ.end)),
    );
    let shown = 0;
    const overview = await medianMs(PROGRAM_RUNS, async () => {
      const o = await getProgramOverview(db, { program, period: PERIOD });
      shown = o.partners.length;
    });
    const partner = await medianMs(PARTNER_RUNS, (i) =>
      getPartnerScorecard(db, {
        program,
        partner: partners[((i + 1) * 37) % partners.length]!,
        period: PERIOD,
      }),
    );
    if (shown !== SIZES.partners) throw new Error(`${shown} partners shown`);
    log(`\n${driver}: generated in ${(generated.ms / 1000).toFixed(1)} s`);
    log(`  floor (${cells.length} partner-months)  ${floor.toFixed(0)} ms`);
    log(`  program scorecard (13 months)  ${overview.toFixed(0)} ms`);
    log(`  ratio to the floor             ${(overview / floor).toFixed(2)}`);
    log(
      `  one partner, median of ${PARTNER_RUNS}     ${partner.toFixed(1)} ms`,
    );
    log(`  peak RSS of this process       ${peakRssMiB()} MiB`);
  } finally {
    await handle.close();
  }
});
