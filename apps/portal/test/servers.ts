import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const portalDir = fileURLToPath(new URL("..", import.meta.url));

/** The environment of a child, without Vitest's marks on it. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const vitest = name.startsWith("VITEST") || name === "NODE_ENV";
    if (value !== undefined && !vitest) env[name] = value;
  }
  return { ...env, NODE_ENV: "production", ...extra };
}

/** Builds the portal as `pnpm start` would run it. */
export function buildPortal(): void {
  const built = spawnSync("pnpm", ["run", "build"], {
    cwd: portalDir,
    env: childEnv({}),
    encoding: "utf8",
  });
  if (built.status !== 0) {
    throw new Error(`the portal build failed:\n${built.stderr}`);
  }
}

export interface PortalProcess {
  origin: string;
  child: ChildProcess;
  /** SIGTERM, then the exit code once it has exited. */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Starts server.js on a port, against a PostgreSQL database. */
export async function startServer(
  port: number,
  databaseUrl: string,
): Promise<PortalProcess> {
  const child = spawn("node", ["server.js"], {
    cwd: portalDir,
    env: childEnv({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      SESSION_SECRET: "a-test-secret-of-at-least-32-characters!",
      TANDEM_DATA_DIR: mkdtempSync(join(tmpdir(), "tandem-proc-")),
    }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitForHealth(origin, exited);
  return {
    origin,
    child,
    async stop(timeoutMs = 10_000) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

async function waitForHealth(
  origin: string,
  exited: Promise<number | null>,
): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 150 && !gone; i++) {
    const ok = await fetch(`${origin}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the portal at ${origin} did not start`);
}
