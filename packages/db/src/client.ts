import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** One type for both drivers: every query in this package takes it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  close(): Promise<void>;
  /**
   * LISTENs on a channel: `onPayload` for each NOTIFY, `onReady` once
   * listening and again after each reconnection (postgres.js keeps one
   * connection for it and re-listens by itself). Resolves to a stop
   * function. On PGlite this hears only this process's writes.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReady?: () => void,
  ): Promise<() => Promise<void>>;
}

export type DatabaseConfig =
  | { driver: "postgres"; url: string; maxConnections?: number }
  /** dataDir undefined: in memory (tests). */
  | { driver: "pglite"; dataDir?: string };

/**
 * Resolved through the package name rather than a relative path, so it
 * still points here when the portal's server build bundles this code.
 */
export function migrationsFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@tandem/db/package.json")), "drizzle");
}

/** Opens the database and applies any migration it has not seen yet. */
export async function openDatabase(
  config: DatabaseConfig,
): Promise<DatabaseHandle> {
  const folder = migrationsFolder();
  if (config.driver === "pglite") {
    const client = new PGlite(config.dataDir);
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder: folder });
    return {
      db: db as unknown as Database,
      driver: "pglite",
      close: () => client.close(),
      async listen(channel, onPayload, onReady) {
        const stop = await client.listen(channel, onPayload);
        onReady?.();
        return () => stop();
      },
    };
  }

  // Migrations run on one connection of their own, before the pool opens.
  const migrator = postgres(config.url, { max: 1, onnotice: () => {} });
  try {
    await migratePostgres(drizzlePostgres({ client: migrator }), {
      migrationsFolder: folder,
    });
  } finally {
    await migrator.end();
  }
  const client = postgres(config.url, {
    max: config.maxConnections ?? 10,
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client, schema });
  return {
    db: db as unknown as Database,
    driver: "postgres",
    close: () => client.end({ timeout: 5 }),
    async listen(channel, onPayload, onReady) {
      const request = await client.listen(channel, onPayload, onReady);
      return () => request.unlisten();
    },
  };
}
