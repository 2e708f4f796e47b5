// The portal (server.js from its build) and the host site, as child
// processes on loopback ports of the bench's own range.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

export function build(root) {
  for (const name of ["@tandem/scorecard-widget", "@tandem/portal"]) {
    const done = spawnSync("pnpm", ["--filter", name, "run", "build"], {
      cwd: root,
      encoding: "utf8",
    });
    if (done.status !== 0) {
      throw new Error(`the build of ${name} failed:\n${done.stderr}`);
    }
  }
}

export async function startPortal(root, { port, dataDir }) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn("node", ["server.js"], {
    cwd: `${root}/apps/portal`,
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      TANDEM_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // The bench measures the endpoint, not the per-key limit.
      EMBED_RATE_BURST: "1000000000",
      EMBED_RATE_PER_SECOND: "1000000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/healthz`, child);
  return { origin, child, rssKb: () => rssKb(child.pid) };
}

export async function startHostSite(root, { port, portal }) {
  const child = spawn("node", ["e2e/host-site/server.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), PORTAL_ORIGIN: portal },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/`, child);
  return { origin, child };
}

/** Stops a child by its own id and waits for it to go. */
export function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  return gone;
}

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]);
}

async function waitFor(url, child) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within a minute`);
}
