import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedKey, openDatabase, type DatabaseHandle } from "@tandem/db";
import { seedTenants, TEST_PASSWORD, type Tenants } from "@tandem/db/testing";
import { embedScorecardSchema } from "@tandem/embed-contract";
import { buildPortal, startServer, type PortalProcess } from "./servers.js";
import { EventReader } from "./sse.js";

const url = process.env.DATABASE_URL;
const ORIGIN = "https://site.example";

// PGlite's NOTIFY never leaves its process (STACK.md), so this runs only
// on a PostgreSQL server: `.ci/run` runs `pnpm test` with DATABASE_URL.
describe.runIf(url)("live updates across portal processes", () => {
  const name = `tandem_procs_${randomBytes(4).toString("hex")}`;
  let admin: postgres.Sql;
  let handle: DatabaseHandle;
  let t: Tenants;
  let servers: PortalProcess[] = [];

  beforeAll(async () => {
    admin = postgres(url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${name}`;
    handle = await openDatabase({ driver: "postgres", url: String(dbUrl) });
    t = await seedTenants(handle.db);
    buildPortal();
    servers = await Promise.all(
      [3420, 3421].map((port) => startServer(port, String(dbUrl))),
    );
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await handle?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("brings a write in one process to a stream of the other", async () => {
    const [writer, reader] = servers as [PortalProcess, PortalProcess];
    const key = await createEmbedKey(handle.db, {
      programId: t.acme.id,
      target: { scope: "partner", partnerId: t.alpha.id },
      metrics: ["partner_satisfaction_score"],
      label: "two processes",
      allowedOrigins: [ORIGIN],
      createdBy: t.users.ownerStaff.id,
    });
    const response = await fetch(
      `${reader.origin}/embed/v1/stream?keys=${key.key}`,
      { headers: { Origin: ORIGIN } },
    );
    expect(response.status).toBe(200);
    const events = new EventReader(response.body);
    expect(score((await events.next()).data)).toBeNull();

    const cookie = await signIn(writer.origin, t.users.alphaUser.email);
    const rated = await fetch(
      `${writer.origin}/partners/${t.alpha.id}/scorecard`,
      {
        method: "POST",
        headers: { Cookie: cookie },
        body: new URLSearchParams({ score: "8", comment: "" }),
        redirect: "manual",
      },
    );
    expect(rated.status).toBe(302);

    expect(score((await events.next(5_000)).data)).toBe("8.000000");

    // SIGTERM ends the open stream, and the process exits.
    expect(await reader.stop()).toBe(0);
    await events.end(1_000);
  });
});

async function signIn(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: TEST_PASSWORD }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return response.headers.get("Set-Cookie")!.split(";")[0]!;
}

function score(data: unknown): string | null {
  const { scorecard } = data as { scorecard: unknown };
  return embedScorecardSchema.parse(scorecard).metrics[0]!.value;
}
