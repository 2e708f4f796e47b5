/**
 * Tenants apart, checked exhaustively (decision 0018).
 *
 * Walks every route file of app/routes (found by import.meta.glob, so a
 * new file cannot be missed) with every probe that access/table.ts
 * declares for it, as each of the seven test users (every role, another
 * partner, another program) and as nobody, and checks each answer
 * against the table: allowed, or refused without a trace of the
 * secrets planted in access/fixtures.ts. A route without an action is
 * also sent a POST, which Remix answers 405.
 *
 * Order matters: all reads first; then every change as the actors that
 * must be refused (POST, PUT, PATCH and DELETE: Remix sends them all to
 * the action), each proven to have left every row as it was; then the
 * changes of actors acting on their own tenant, each proven to have
 * left the rows they may not touch as they were; and the allowed
 * changes last, so nothing they do can hide a leak from a later case.
 * Every case signs in afresh, so signing out ends only its own session.
 *
 * To add a route: create the file, run this test (it fails naming the
 * file), then add one entry to access/table.ts:
 *
 *   ACCESS["deals.$dealId.tsx"] = [
 *     { params: (f) => ({ dealId: String(f.alphaDeal) }),
 *       access: access({ sees: [...OWNERS, ...ALPHA] }),
 *       shows: () => ALPHA_COMPANY },
 *     { name: "close", params: ..., form: () => ({ intent: "close" }),
 *       access: access({ sees: OWNERS }) },
 *   ];
 *
 * one probe for the loader (GET) and one per intent of the action; an
 * actor not listed in access() must be refused. Plant the route's own
 * secret data for Alpha in access/fixtures.ts and add its strings to
 * `secrets`, with who may see them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stopLive } from "~/lib/live/live.server.js";
import { startPortal, type TestPortal } from "./harness.js";
import { ACTORS, everyone } from "./access/actors.js";
import { plantFixtures, type Fixtures } from "./access/fixtures.js";
import type { Probe } from "./access/probe.js";
import { ACCESS } from "./access/table.js";
import {
  ask,
  everything,
  judge,
  label,
  methodOf,
  notTheirs,
  routeFiles,
  type Case,
  type RouteModule,
} from "./access/walk.js";

// The widget's script is a build of another package, the same for all
// and holding no program's data; the walk does not need it built.
vi.mock("~/lib/widget-script.server.js", () => ({
  widgetScript: () => Promise.resolve("/* the widget's build */"),
}));

const MODULES = import.meta.glob<RouteModule>("../app/routes/**/*.{ts,tsx}");
const FILES = routeFiles(Object.keys(MODULES));
const CHANGES = ["POST", "PUT", "PATCH", "DELETE"];

let portal: TestPortal;
let f: Fixtures;

beforeAll(async () => {
  portal = await startPortal();
  f = await plantFixtures(portal);
}, 120_000);

afterAll(async () => {
  await stopLive();
  await portal.close();
});

async function load(file: string): Promise<RouteModule> {
  return MODULES[FILES.get(file)!]!();
}

/** The table's probes, and a POST to a route that has no action. */
async function probesOf(file: string): Promise<Probe[]> {
  const probes = ACCESS[file] ?? [];
  const module = await load(file);
  if (module.action) return probes;
  const sample = probes[0];
  return [
    ...probes,
    {
      name: "no action",
      params: sample?.params,
      form: () => ({}),
      access: everyone("refused"),
    },
  ];
}

const reads = (p: Probe) => ["GET", "OPTIONS"].includes(methodOf(p));

async function run(c: Case): Promise<string[]> {
  const answer = await ask(f, await load(c.file), c);
  return judge(f, c, answer);
}

const walked = [...FILES.keys()].filter((file) => file in ACCESS).sort();

describe("the access table", () => {
  it("has an entry for every route file, and only for those", () => {
    const missing = [...FILES.keys()].filter((file) => !(file in ACCESS));
    const stale = Object.keys(ACCESS).filter((file) => !FILES.has(file));
    expect(
      missing.map((file) => `${file} has no entry in access/table.ts`),
    ).toEqual([]);
    expect(
      stale.map((file) => `${file} is in access/table.ts but not a route`),
    ).toEqual([]);
  });

  it("probes each method a route answers", async () => {
    const gaps: string[] = [];
    for (const file of walked) {
      const module = await load(file);
      const probes = ACCESS[file]!;
      if (module.loader && !probes.some((p) => methodOf(p) === "GET")) {
        gaps.push(`${file}: its loader has no GET probe`);
      }
      if (module.action && !probes.some((p) => !reads(p))) {
        gaps.push(`${file}: its action has no POST probe`);
      }
      if (!module.action && probes.some((p) => !reads(p))) {
        gaps.push(`${file}: a POST probe, but the route has no action`);
      }
    }
    expect(gaps).toEqual([]);
  });
});

describe("reading, as every actor", () => {
  it.each(walked)("%s", async (file) => {
    const wrong: string[] = [];
    for (const probe of (await probesOf(file)).filter(reads)) {
      for (const actor of ACTORS) {
        wrong.push(
          ...(await run({ file, probe, actor, method: methodOf(probe) })),
        );
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("changing, as those refused: nothing changes", () => {
  it.each(walked)("%s", async (file) => {
    const wrong: string[] = [];
    for (const probe of (await probesOf(file)).filter((p) => !reads(p))) {
      for (const actor of ACTORS) {
        const e = probe.access[actor];
        if (e !== "refused" && e !== "invalid") continue;
        const methods = e === "refused" ? CHANGES : ["POST"];
        const before = await everything(f);
        for (const method of methods) {
          wrong.push(...(await run({ file, probe, actor, method })));
        }
        const after = await everything(f);
        if (after.join("\n") !== before.join("\n")) {
          const changed = after.filter((t, i) => t !== before[i]);
          const c = { file, probe, actor, method: methods.join("/") };
          wrong.push(`${label(c)}: changed ${changed.join("; ")}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("changing one's own tenant: no one else's rows change", () => {
  it.each(walked)("%s", async (file) => {
    const wrong: string[] = [];
    for (const probe of (await probesOf(file)).filter((p) => !reads(p))) {
      for (const actor of ACTORS) {
        if (probe.access[actor] !== "apart") continue;
        const c = { file, probe, actor, method: methodOf(probe) };
        const before = await notTheirs(f, actor);
        wrong.push(...(await run(c)));
        const after = await notTheirs(f, actor);
        if (after.join("\n") !== before.join("\n")) {
          const changed = after.filter((t, i) => t !== before[i]);
          wrong.push(`${label(c)}: changed ${changed.join("; ")}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("changing, as those allowed", () => {
  it.each(walked)("%s", async (file) => {
    const wrong: string[] = [];
    for (const probe of (await probesOf(file)).filter((p) => !reads(p))) {
      for (const actor of ACTORS) {
        if (probe.access[actor] !== "sees") continue;
        wrong.push(
          ...(await run({ file, probe, actor, method: methodOf(probe) })),
        );
      }
    }
    expect(wrong).toEqual([]);
  });
});
