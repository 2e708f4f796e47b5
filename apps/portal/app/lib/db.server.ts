import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { openDatabase, type Database, type DatabaseHandle } from "@tandem/db";
import { env } from "./env.server.js";

let current: Promise<DatabaseHandle> | undefined;

export function embeddedDataDir(): string {
  return resolve(env().TANDEM_DATA_DIR, "pglite");
}

/** Opens the configured database once per process. */
export function connect(): Promise<DatabaseHandle> {
  current ??= (async () => {
    const { DATABASE_URL, TANDEM_DATA_DIR } = env();
    if (DATABASE_URL) {
      return openDatabase({ driver: "postgres", url: DATABASE_URL });
    }
    // PGlite does not create the parents of its data folder.
    mkdirSync(resolve(TANDEM_DATA_DIR), { recursive: true });
    return openDatabase({ driver: "pglite", dataDir: embeddedDataDir() });
  })();
  return current;
}

export async function getDb(): Promise<Database> {
  return (await connect()).db;
}

/** Tests hand in a database of their own. */
export function useDatabase(handle: DatabaseHandle): void {
  current = Promise.resolve(handle);
}

export async function disconnect(): Promise<void> {
  if (!current) return;
  const handle = await current;
  current = undefined;
  await handle.close();
}

export function dataFile(name: string): string {
  return join(resolve(env().TANDEM_DATA_DIR), name);
}
