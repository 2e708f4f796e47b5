import type { SQL } from "drizzle-orm";
import type { Database } from "./client.js";

/**
 * Rows of a hand-written query. PGlite answers { rows }, postgres.js an
 * array, and they differ in types too (count is a number on one and a
 * string on the other; numeric is a string on both): read each column
 * with num, big or numOrNull, never by trusting its JavaScript type.
 */
export async function selectRows(
  db: Pick<Database, "execute">,
  query: SQL,
): Promise<Record<string, unknown>[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  if (
    result !== null &&
    typeof result === "object" &&
    "rows" in result &&
    Array.isArray(result.rows)
  ) {
    return result.rows as Record<string, unknown>[];
  }
  throw new Error("unexpected query result shape");
}

export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n))
    throw new TypeError(`not a number: ${String(value)}`);
  return n;
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

/** An integer column or sum (bigint, or numeric without a fraction). */
export function big(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return BigInt(value);
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  throw new TypeError(`not an integer: ${String(value)}`);
}
