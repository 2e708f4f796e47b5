// Starts the portal as the end-to-end tests need it: an empty data folder
// (so the portal makes a new embedded database and loads the demo program),
// fresh builds of the widget and the portal, then the portal's own
// server.js in this process, so Playwright's SIGTERM reaches it.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const portal = join(root, "apps/portal");

const dataDir = resolve(process.env.TANDEM_DATA_DIR ?? "");
const fromTmp = relative(tmpdir(), dataDir);
if (!process.env.TANDEM_DATA_DIR || !fromTmp || fromTmp.startsWith("..")) {
  // It is about to be deleted: only ever a folder of our own under tmp.
  console.error(`TANDEM_DATA_DIR must be a folder under ${tmpdir()}`);
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });

for (const name of ["@tandem/scorecard-widget", "@tandem/portal"]) {
  const build = spawnSync("pnpm", ["--filter", name, "run", "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) {
    console.error(`The build of ${name} failed.`);
    process.exit(build.status ?? 1);
  }
}

// The tests sign in as the demo's people: never a configured server.
delete process.env.DATABASE_URL;
// server.js serves build/client relative to the working directory.
process.chdir(portal);
await import(pathToFileURL(join(portal, "server.js")).href);
