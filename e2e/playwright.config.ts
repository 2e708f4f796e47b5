import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import {
  HOST_SITE_ORIGIN,
  HOST_SITE_PORT,
  PORTAL_ORIGIN,
  PORTAL_PORT,
} from "./support/servers.js";

const inCi = Boolean(process.env.CI);

export default defineConfig({
  testDir: "./tests",
  // One portal, one embedded database: tests run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: inCi,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: inCi ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: PORTAL_ORIGIN,
    locale: "en-US",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        // Debian's Chromium: `playwright install` cannot download here.
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      name: "portal",
      command: "node scripts/start-portal.mjs",
      url: `http://127.0.0.1:${PORTAL_PORT}/healthz`,
      env: {
        // Emptied by the script, so each run starts from the demo program.
        TANDEM_DATA_DIR: join(tmpdir(), `tandem-e2e-${PORTAL_PORT}`),
        PORT: String(PORTAL_PORT),
        HOST: "127.0.0.1",
      },
      // Two builds and a first database open.
      timeout: 180_000,
      reuseExistingServer: !inCi,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      name: "host site",
      command: "node host-site/server.mjs",
      url: `${HOST_SITE_ORIGIN}/`,
      env: {
        PORT: String(HOST_SITE_PORT),
        HOST: "127.0.0.1",
        PORTAL_ORIGIN,
      },
      timeout: 30_000,
      reuseExistingServer: !inCi,
    },
  ],
});
