import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, request, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo.js";

const portalDir = fileURLToPath(new URL("../../apps/portal", import.meta.url));

/**
 * A second portal of the test's own, on its own embedded database, that
 * the test may stop and start again. It runs the build Playwright's
 * web server made.
 */
export class PortalProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  get origin(): string {
    return `http://localhost:${this.port}`;
  }

  async start(): Promise<void> {
    // Never a configured server: the demo loads only into PGlite.
    const { DATABASE_URL: _db, ...env } = process.env;
    const child = spawn("node", ["server.js"], {
      cwd: portalDir,
      env: {
        ...env,
        PORT: String(this.port),
        HOST: "127.0.0.1",
        TANDEM_DATA_DIR: this.dataDir,
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", resolve));
    await expect
      .poll(() => this.healthy(), { timeout: 60_000, intervals: [250] })
      .toBe(true);
  }

  /** SIGTERM; resolves to the exit code. */
  async stop(): Promise<number | null> {
    this.child?.kill("SIGTERM");
    const code = await this.exited;
    this.child = undefined;
    return code ?? null;
  }

  /** An API client signed in as this demo user. */
  async signedIn(email: string): Promise<APIRequestContext> {
    const api = await request.newContext({ baseURL: this.origin });
    const answer = await api.post("/login", {
      form: { email, password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(302);
    return api;
  }

  private async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.origin}/healthz`)).ok;
    } catch {
      return false;
    }
  }
}
