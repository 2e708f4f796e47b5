import { sql } from "drizzle-orm";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { notifyScorecardChanged } from "./notify.js";
import { partnersBelong } from "./program-scope.js";
import { num, selectRows } from "./raw.js";
import { fail, ok, type Result } from "./result.js";
import { addToRevenueMonths } from "./revenue-months.js";
import { badAmount, partnerIdsOf } from "./revenue.js";
import type { RevenueKind } from "./values.js";

/** One revenue event of a file: a customer by name, a day, an amount. */
export interface RevenueRow {
  customer: string;
  /** The partner the customer came through; null for a direct one. */
  partnerId: number | null;
  occurredOn: string;
  amountMinor: bigint;
  /** When unset: `new` on the customer's first day, `renewal` after. */
  kind?: RevenueKind;
  /** A file row's identity: a row with a key already loaded is skipped. */
  importKey?: string;
}

export type RevenueImportError = "unknown_partner" | "bad_amount";

/** Rows per statement: one JSON parameter each, a few MB at most. */
const CHUNK = 10_000;

/**
 * Loads many revenue events at once (a CSV of customer, day, amount).
 * Each (customer, partner) becomes a customer if it is not one yet; its
 * acquired_on is its earliest day here or before. Every row adds an
 * event, so a file loaded twice counts twice, except rows whose
 * `importKey` the program has already loaded: the caller decides what
 * is new. One transaction: all rows or none. `events` counts the events
 * added.
 */
export async function importRevenueEvents(
  db: Database,
  input: {
    programId: number;
    rows: readonly RevenueRow[];
    actorId: number | null;
    /** Where the rows came from, for the log ("the records form"). */
    source?: string;
  },
): Promise<Result<{ events: number }, RevenueImportError>> {
  const partnerIds = partnerIdsOf(input.rows);
  const bad = input.rows.findIndex(badAmount);
  if (bad >= 0) {
    return fail(
      "bad_amount",
      `Row ${bad + 1}: a contraction is negative, anything else is not.`,
    );
  }
  return db.transaction(async (tx) => {
    if (!(await partnersBelong(tx, input.programId, partnerIds))) {
      return fail(
        "unknown_partner",
        "A row names a partner this program does not have.",
      );
    }
    const chunks = chunked(input.rows);
    for (const chunk of chunks) {
      await tx.execute(upsertCustomers(input.programId, chunk));
    }
    let events = 0;
    for (const chunk of chunks) {
      const rows = await selectRows(tx, insertEvents(input.programId, chunk));
      events += num(rows[0]?.n);
    }
    for (const partnerId of partnerIds) {
      await notifyScorecardChanged(tx, {
        programId: input.programId,
        partnerId,
      });
    }
    await auditRevenue(tx, input);
    return ok({ events });
  });
}

/** One log line per partner touched (and one for direct customers). */
async function auditRevenue(
  tx: Parameters<typeof recordAudit>[0],
  input: {
    programId: number;
    rows: readonly RevenueRow[];
    actorId: number | null;
    source?: string;
  },
): Promise<void> {
  const counts = new Map<number | null, number>();
  for (const row of input.rows) {
    counts.set(row.partnerId, (counts.get(row.partnerId) ?? 0) + 1);
  }
  const from = input.source ? ` from ${input.source}` : "";
  for (const [partnerId, n] of counts) {
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      partnerId,
      kind: "revenue.imported",
      summary: `Recorded ${n} revenue event${n === 1 ? "" : "s"}${from}`,
      details: { events: n, ...(input.source ? { source: input.source } : {}) },
    });
  }
}

function chunked(rows: readonly RevenueRow[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK).map((r) => ({
      customer: r.customer,
      partner_id: r.partnerId,
      day: r.occurredOn,
      amount: r.amountMinor.toString(),
      kind: r.kind ?? null,
      import_key: r.importKey ?? null,
    }));
    out.push(JSON.stringify(part));
  }
  return out;
}

// Amounts travel as JSON strings: a bigint may exceed a double.
const recordset = (json: string) => sql`
  json_to_recordset(${json}::json)
    as x(customer text, partner_id bigint, day date, amount bigint, kind text,
      import_key text)`;

function upsertCustomers(programId: number, json: string) {
  return sql`
    insert into customers (program_id, partner_id, name, acquired_on)
    select ${programId}, x.partner_id, x.customer, min(x.day)
    from ${recordset(json)}
    group by x.partner_id, x.customer
    on conflict (program_id, partner_id, name) do update
      set acquired_on = least(customers.acquired_on, excluded.acquired_on)`;
}

function insertEvents(programId: number, json: string) {
  return sql`
    with added as (
      insert into revenue_events
        (program_id, customer_id, kind, amount_minor, occurred_on, import_key)
      select ${programId}, c.id,
        coalesce(x.kind, case when x.day = c.acquired_on
          then 'new' else 'renewal' end)::revenue_kind,
        x.amount, x.day, x.import_key
      from ${recordset(json)}
      join customers c on c.program_id = ${programId}
        and c.name = x.customer
        and coalesce(c.partner_id, 0) = coalesce(x.partner_id, 0)
      on conflict (program_id, import_key) do nothing
      returning program_id, customer_id, amount_minor, occurred_on
    ), months as (
      ${addToRevenueMonths(sql`select * from added`)}
    )
    select count(*) as n from added`;
}
