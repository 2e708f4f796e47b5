import { mkdtempSync } from "node:fs";
import { afterEach, beforeEach, vi } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Every test file gets its own data folder (for the session secret);
// the database itself is handed in by the harness.
process.env.TANDEM_DATA_DIR = mkdtempSync(
  join(tmpdir(), "tandem-portal-test-"),
);
process.env.NODE_ENV = "test";

// A test fails when something logs an unexpected error.
let logged: unknown[][] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (logged.length > 0) {
    throw new Error(`console.error was called: ${String(logged[0])}`);
  }
});
