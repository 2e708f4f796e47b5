// Requests per second of the embed JSON endpoint, against a bare Node
// HTTP server sending the very same bytes and headers, in one run.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { stop } from "./servers.mjs";

const KEPT = [
  "content-type",
  "etag",
  "cache-control",
  "vary",
  "access-control-allow-origin",
  "x-content-type-options",
];

export async function measureThroughput({ url, origin, port, seconds }) {
  const sample = await fetch(url, { headers: { Origin: origin } });
  if (!sample.ok) throw new Error(`${url} answered ${sample.status}`);
  const body = await sample.text();
  const headers = Object.fromEntries(
    KEPT.map((name) => [name, sample.headers.get(name)]).filter(([, v]) => v),
  );
  const bare = spawn(
    "node",
    [fileURLToPath(new URL("bare-server.mjs", import.meta.url)), port],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  bare.stdin.end(JSON.stringify({ headers, body }));
  await once(bare.stdout, "data");
  try {
    const options = { connections: 10, duration: seconds };
    const asked = { headers: { Origin: origin } };
    const endpoint = await run({ ...options, ...asked, url });
    const baseline = await run({
      ...options,
      url: `http://127.0.0.1:${port}/`,
    });
    return { endpoint, baseline, bytes: Buffer.byteLength(body) };
  } finally {
    await stop(bare);
  }
}

async function run(options) {
  const result = await autocannon(options);
  if (result.non2xx > 0 || result.errors > 0) {
    const problems = `${result.non2xx} non-2xx, ${result.errors} errors`;
    throw new Error(`${options.url}: ${problems}`);
  }
  return result.requests.average;
}
