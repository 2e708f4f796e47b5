import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../client.js";

/**
 * A database of its own for one test file: a new in-memory PGlite, or,
 * when DATABASE_URL names a PostgreSQL server, a new database on it that
 * is dropped on close. Both are migrated like the portal's.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ driver: "pglite" });

  const name = `tandem_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await openDatabase({
    driver: "postgres",
    url: testUrl.toString(),
    maxConnections: 4,
  });
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
