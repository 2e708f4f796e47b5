import { createHash } from "node:crypto";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "./client.js";
import { importRevenueEvents, type RevenueRow } from "./revenue-import.js";
import type { RejectedRow } from "./imports.js";
import { typedNameKey } from "./programs.js";
import { customers, imports, partners, revenueEvents } from "./schema/index.js";

export function fingerprintOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface RevenueFileRow {
  rowNumber: number;
  customer: string;
  partnerName: string | null;
  occurredOn: string;
  amountMinor: bigint;
  kind: "new" | "expansion" | "renewal" | "contraction" | null;
}

export type RevenueFileOutcome =
  | { ok: true; importId: number }
  | { ok: false; error: "already_imported"; message: string };

/**
 * A row's identity across files: its values, and how many rows with the
 * same values came before it in its file (two equal purchases on one
 * day are two events; the same row in a corrected file is one).
 */
function rowKey(row: RevenueFileRow, seen: Map<string, number>): string {
  const values = [
    row.customer,
    row.partnerName ?? "",
    row.occurredOn,
    row.amountMinor.toString(),
    row.kind ?? "",
  ].join("\u0000");
  const n = (seen.get(values) ?? 0) + 1;
  seen.set(values, n);
  return createHash("sha256").update(`${values}\u0000${n}`).digest("hex");
}

/**
 * Imports a revenue file's good rows in one transaction and records the
 * import. Revenue events have no id of their own in a file, so the same
 * file (by its bytes) is refused the second time rather than counted
 * twice, and each row's identity (rowKey) is kept, so a corrected file
 * adds only the rows not loaded before. Rows naming a partner the
 * program does not have are refused.
 */
export async function importRevenueFile(
  db: Database,
  input: {
    programId: number;
    actorId: number;
    fileName: string;
    bytes: Uint8Array;
    rowsRead: number;
    rows: readonly RevenueFileRow[];
    rejected: readonly RejectedRow[];
  },
): Promise<RevenueFileOutcome> {
  const fingerprint = fingerprintOf(input.bytes);
  return db.transaction(async (tx) => {
    const [earlier] = await tx
      .select({ createdAt: imports.createdAt })
      .from(imports)
      .where(
        and(
          eq(imports.programId, input.programId),
          eq(imports.kind, "revenue"),
          eq(imports.fingerprint, fingerprint),
        ),
      );
    if (earlier) {
      return {
        ok: false,
        error: "already_imported",
        message: `This file was imported on ${earlier.createdAt.toISOString().slice(0, 10)}; importing it again would count its revenue twice.`,
      };
    }
    const known = await tx
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(eq(partners.programId, input.programId));
    const idOf = new Map(known.map((p) => [typedNameKey(p.name), p.id]));
    const rejected = [...input.rejected];
    let good: (RevenueRow & { importKey: string; rowNumber: number })[] = [];
    const seen = new Map<string, number>();
    for (const row of input.rows) {
      const importKey = rowKey(row, seen);
      const partnerId =
        row.partnerName === null
          ? null
          : idOf.get(typedNameKey(row.partnerName));
      if (partnerId === undefined) {
        rejected.push({
          rowNumber: row.rowNumber,
          reasons: [
            `partner: "${row.partnerName}" is not a partner of this program`,
          ],
        });
        continue;
      }
      good.push({
        rowNumber: row.rowNumber,
        customer: row.customer,
        partnerId,
        occurredOn: row.occurredOn,
        amountMinor: row.amountMinor,
        ...(row.kind ? { kind: row.kind } : {}),
        importKey,
      });
    }
    const corrections = await changedSinceEarlierFiles(
      tx,
      input.programId,
      good,
    );
    for (const row of good.filter((r) => corrections.has(r.importKey))) {
      rejected.push({
        rowNumber: corrections.get(row.importKey)!,
        reasons: [
          "it changes a row an earlier file loaded for this customer and " +
            "day (not in this file); to correct revenue, record the " +
            "difference as an expansion or contraction on the Record page",
        ],
      });
    }
    good = good.filter((r) => !corrections.has(r.importKey));
    const early = await beforeCustomerStart(tx, input.programId, good);
    for (const [importKey, reason] of early) {
      const row = good.find((r) => r.importKey === importKey)!;
      rejected.push({ rowNumber: row.rowNumber, reasons: [reason] });
    }
    good = good.filter((r) => !early.has(r.importKey));
    let added = 0;
    if (good.length > 0) {
      const loaded = await importRevenueEvents(tx, {
        programId: input.programId,
        rows: good,
        actorId: input.actorId,
        source: `the file ${input.fileName}`,
      });
      if (!loaded.ok) throw new Error(loaded.message);
      added = loaded.value.events;
    }
    rejected.sort((a, b) => a.rowNumber - b.rowNumber);
    const [record] = await tx
      .insert(imports)
      .values({
        programId: input.programId,
        kind: "revenue",
        fileName: input.fileName,
        fingerprint,
        rowsRead: input.rowsRead,
        created: added,
        updated: 0,
        // Rows loaded by an earlier file: skipped, not counted twice.
        unchanged: good.length - added,
        rejected,
        createdBy: input.actorId,
      })
      .returning({ id: imports.id });
    return { ok: true as const, importId: record!.id };
  });
}

/**
 * Rows that change one an earlier file loaded: not loaded before (by
 * their key), at a customer, partner and day (and kind, when the row
 * names one) where an earlier file loaded a row this file no longer
 * holds. A corrected amount would otherwise be added on top of the
 * first, counting the revenue twice; a row fixed after being refused, or
 * one more purchase beside rows still in the file, is new and goes in.
 * By import key, the row's number in the file.
 */
async function changedSinceEarlierFiles(
  tx: Pick<Database, "select">,
  programId: number,
  rows: readonly (RevenueRow & { importKey: string; rowNumber: number })[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (rows.length === 0) return found;
  const days = [...new Set(rows.map((r) => r.occurredOn))];
  const earlier = await tx
    .select({
      key: revenueEvents.importKey,
      customer: customers.name,
      partnerId: customers.partnerId,
      day: revenueEvents.occurredOn,
      kind: revenueEvents.kind,
    })
    .from(revenueEvents)
    .innerJoin(customers, eq(customers.id, revenueEvents.customerId))
    .where(
      and(
        eq(revenueEvents.programId, programId),
        isNotNull(revenueEvents.importKey),
        inArray(revenueEvents.occurredOn, days),
      ),
    );
  if (earlier.length === 0) return found;
  const loaded = new Set(earlier.map((e) => e.key));
  const inFile = new Set(rows.map((r) => r.importKey));
  const place = (customer: string, partnerId: number | null, day: string) =>
    `${customer}\u0000${partnerId ?? ""}\u0000${day}`;
  // The kinds of earlier rows this file has dropped, by place.
  const kindsAt = new Map<string, Set<string>>();
  for (const e of earlier) {
    if (inFile.has(e.key!)) continue;
    const at = place(e.customer, e.partnerId, e.day);
    kindsAt.set(at, (kindsAt.get(at) ?? new Set()).add(e.kind));
  }
  for (const row of rows) {
    if (loaded.has(row.importKey)) continue;
    const kinds = kindsAt.get(
      place(row.customer, row.partnerId, row.occurredOn),
    );
    if (kinds && (!row.kind || kinds.has(row.kind))) {
      found.set(row.importKey, row.rowNumber);
    }
  }
  return found;
}

/**
 * Expansion, renewal and contraction rows dated before their customer's
 * first day (in the program, or a new or unmarked row of this file) or
 * of a name that is not a customer at all: loading them would move the
 * customer's start back, and "new customers" with it, to a month where
 * no deal was won. By import key, the reason.
 */
async function beforeCustomerStart(
  tx: Pick<Database, "select">,
  programId: number,
  rows: readonly (RevenueRow & { importKey: string })[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const later = rows.filter((r) => r.kind && r.kind !== "new");
  if (later.length === 0) return found;
  const who = (name: string, partnerId: number | null) =>
    `${name}\u0000${partnerId ?? ""}`;
  const start = new Map<string, string>();
  const names = [...new Set(later.map((r) => r.customer))];
  const existing = await tx
    .select({
      name: customers.name,
      partnerId: customers.partnerId,
      acquiredOn: customers.acquiredOn,
    })
    .from(customers)
    .where(
      and(eq(customers.programId, programId), inArray(customers.name, names)),
    );
  const earliest = (key: string, day: string) => {
    const known = start.get(key);
    if (known === undefined || day < known) start.set(key, day);
  };
  for (const c of existing) earliest(who(c.name, c.partnerId), c.acquiredOn);
  for (const r of rows) {
    if (!r.kind || r.kind === "new") {
      earliest(who(r.customer, r.partnerId), r.occurredOn);
    }
  }
  for (const r of later) {
    const first = start.get(who(r.customer, r.partnerId));
    if (first === undefined) {
      found.set(
        r.importKey,
        `customer: "${r.customer}" is not a customer yet; its first revenue is new`,
      );
    } else if (r.occurredOn < first) {
      found.set(
        r.importKey,
        `day: ${r.occurredOn} is before "${r.customer}" became a customer (${first}); ${r.kind} revenue comes on that day or later`,
      );
    }
  }
  return found;
}
