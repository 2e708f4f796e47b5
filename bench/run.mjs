// pnpm bench: the widget's size, live latency, the JSON endpoint's
// throughput and the memory of open streams, each beside a baseline
// measured in the same run. Loopback only, bounded loops, ports
// 3440-3442. Not part of `pnpm test`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureLatency } from "./latency.mjs";
import { build, startHostSite, startPortal, stop } from "./servers.mjs";
import { createKey } from "./session.mjs";
import { measureSize } from "./size.mjs";
import { measureStreams } from "./streams.mjs";
import { measureThroughput } from "./throughput.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const PORTS = { portal: 3440, host: 3441, bare: 3442 };
const STREAMS = Number(process.env.BENCH_STREAMS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok) => (ok ? "ok" : "MISSED");

build(root);
const size = measureSize(join(root, "packages/scorecard-widget"));
line(
  "widget script, gzipped",
  `${kb(size.widget)} (Lit core alone: ${kb(size.lit)})`,
  `<= 12 KB ${mark(size.widget <= 12 * 1024)}`,
);

const dataDir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
let portal = await startPortal(root, { port: PORTS.portal, dataDir });
const host = await startHostSite(root, {
  port: PORTS.host,
  portal: portal.origin,
});
try {
  const { key } = await createKey(portal.origin, host.origin);

  const latency = await measureLatency({
    portal: portal.origin,
    host: host.origin,
    key,
    rounds: ROUNDS,
  });
  line(
    `write to widget DOM, median of ${latency.rounds}`,
    `${latency.toDom} ms (the write's own round trip: ${latency.write} ms)`,
    `< 300 ms ${mark(latency.toDom < 300)}`,
  );

  const rps = await measureThroughput({
    url: `${portal.origin}/embed/v1/scorecard?key=${key}&period=quarter`,
    origin: host.origin,
    port: PORTS.bare,
    seconds: SECONDS,
  });
  const ratio = rps.endpoint / rps.baseline;
  line(
    "embed JSON requests/s",
    `${Math.round(rps.endpoint)} (bare Node, same ${rps.bytes} bytes: ` +
      `${Math.round(rps.baseline)}; ${ratio.toFixed(2)}x)`,
    `>= 0.5x ${mark(ratio >= 0.5)}`,
  );

  await stop(portal.child);
  portal = await startPortal(root, { port: PORTS.portal, dataDir });
  const streams = await measureStreams({
    url: `${portal.origin}/embed/v1/stream?keys=${key}`,
    origin: host.origin,
    count: STREAMS,
    rssKb: portal.rssKb,
  });
  const grown = streams.afterKb - streams.beforeKb;
  line(
    `portal memory with ${streams.count} open streams`,
    `${(streams.afterKb / 1024).toFixed(0)} MB RSS (with one: ` +
      `${(streams.beforeKb / 1024).toFixed(0)} MB; ` +
      `${((grown * 1024) / streams.count / 1024).toFixed(1)} KB a stream)`,
    "",
  );
} finally {
  await stop(host.child);
  await stop(portal.child);
  rmSync(dataDir, { recursive: true, force: true });
}

function line(what, figure, target) {
  console.log(`${what.padEnd(40)} ${figure}${target ? `  [${target}]` : ""}`);
}
