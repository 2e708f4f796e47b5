import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedKey, revokeEmbedKey } from "@tandem/db";
import { embedFastPath } from "~/lib/embed-fast-path.server.js";
import { liveHub, stopLive } from "~/lib/live/live.server.js";
import * as embedApi from "~/routes/embed.v1.scorecard.js";
import { call, startPortal, type TestPortal } from "./harness.js";

const ORIGIN = "https://site.example";
const PORT = 3430;
/** What the stand-in for Remix answers, so a test sees it was reached. */
const PASSED_ON = 299;

let portal: TestPortal;
let server: Server;

beforeAll(async () => {
  portal = await startPortal();
  await liveHub();
  server = createServer((req, res) =>
    embedFastPath(req, res, () => {
      res.writeHead(PASSED_ON);
      res.end();
    }),
  );
  await new Promise<void>((resolve) =>
    server.listen(PORT, "127.0.0.1", resolve),
  );
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await stopLive();
  await portal.close();
});

const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${PORT}/embed/v1/scorecard${query}`, { headers });

describe("the embed JSON's fast path", () => {
  it("answers as the route does, until the key is revoked", async () => {
    const { t } = portal;
    const key = await createEmbedKey(portal.handle.db, {
      programId: t.acme.id,
      target: { scope: "partner", partnerId: t.alpha.id },
      metrics: null,
      label: "fast",
      allowedOrigins: [ORIGIN],
      createdBy: t.users.ownerStaff.id,
    });
    const fast = await get(`?key=${key.key}`, { Origin: ORIGIN });
    const routed = await call(
      embedApi.loader,
      `/embed/v1/scorecard?key=${key.key}`,
      {
        headers: { Origin: ORIGIN },
      },
    );
    expect(fast.status).toBe(200);
    const body = await fast.text();
    const { generatedAt: _a, ...fastFigures } = JSON.parse(body);
    const { generatedAt: _b, ...routeFigures } = JSON.parse(
      String(routed.body),
    );
    expect(fastFigures).toEqual(routeFigures);
    for (const name of ["ETag", "Cache-Control", "Vary"]) {
      expect(fast.headers.get(name)).toBe(routed.headers.get(name));
    }
    expect(fast.headers.get("Access-Control-Allow-Origin")).toBe(ORIGIN);

    const etag = fast.headers.get("ETag")!;
    const again = await get(`?key=${key.key}`, {
      Origin: ORIGIN,
      "If-None-Match": etag,
    });
    expect(again.status).toBe(304);

    await revokeEmbedKey(portal.handle.db, {
      actorId: null,
      programId: t.acme.id,
      keyId: key.id,
    });
    // The NOTIFY at commit has cleared the cached key: the route explains.
    await expect
      .poll(
        async () => (await get(`?key=${key.key}`, { Origin: ORIGIN })).status,
      )
      .toBe(PASSED_ON);
  });

  it.each([
    ["no Origin", "?key=pk_" + "a".repeat(32), {}],
    [
      "another origin",
      "?key=pk_" + "a".repeat(32),
      { Origin: "https://x.example" },
    ],
    [
      "a chosen period",
      "?key=pk_" + "a".repeat(32) + "&at=2017-Q1",
      { Origin: ORIGIN },
    ],
    ["a bad key", "?key=nope", { Origin: ORIGIN }],
  ])("leaves %s to the route", async (_why, query, headers) => {
    expect((await get(query, headers)).status).toBe(PASSED_ON);
  });
});
