import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Every test file gets its own data folder (for the session secret);
// the database itself is handed in by the harness.
process.env.TANDEM_DATA_DIR = mkdtempSync(
  join(tmpdir(), "tandem-portal-test-"),
);
process.env.NODE_ENV = "test";
