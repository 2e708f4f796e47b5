import { sql } from "drizzle-orm";
import { getDb } from "~/lib/db.server.js";

export async function loader() {
  await (await getDb()).execute(sql`select 1`);
  return new Response("ok", { headers: { "Content-Type": "text/plain" } });
}
