import { and, eq, inArray, sql } from "drizzle-orm";
import type { LeadImportRow, RejectedRow } from "@tandem/csv-import";
import { recordAudit } from "./audit.js";
import type { Database } from "./client.js";
import { findOrCreateCustomer, recordWonRevenue } from "./customers.js";
import { protectionEnd } from "./lead-moves.js";
import { notifyScorecardChanged } from "./notify.js";
import { typedNameKey, programToday } from "./programs.js";
import { bookRevenueMonths, REVENUE_DELTA } from "./revenue-months.js";
import {
  customers,
  imports,
  importMappings,
  leadEvents,
  leads,
  partners,
  programs,
  revenueEvents,
  uploads,
} from "./schema/index.js";
import type { LeadStatus } from "./values.js";

/** A row that passed the file's validation. */
export type ImportLeadRow = LeadImportRow;
export type { RejectedRow };

export interface ImportSummary {
  importId: number;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type ExistingLead = typeof leads.$inferSelect;

const CHUNK = 500;
const DECIDED: readonly LeadStatus[] = ["rejected", "won", "lost"];

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/**
 * Imports validated rows in one transaction. A row is matched to an
 * existing lead by its external id: the same row again changes nothing,
 * a changed row updates the lead and records the change in its history.
 * A decided lead (won, lost, rejected) is never reopened by a file.
 * A lead a file brings in as accepted is protected from the import day,
 * as if staff had accepted it then: the file does not say when it was.
 */
export async function importLeads(
  db: Database,
  input: {
    programId: number;
    actorId: number;
    fileName: string;
    rowsRead: number;
    rows: readonly ImportLeadRow[];
    /** Rows the file's validation already refused. */
    rejected: readonly RejectedRow[];
    createMissingPartners: boolean;
  },
): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const [program] = await tx
      .select({
        timeZone: programs.timeZone,
        protectionDays: programs.protectionDays,
      })
      .from(programs)
      .where(eq(programs.id, input.programId));
    const today = programToday(program!);
    const acceptance: Acceptance = {
      acceptedOn: today,
      protectedUntil: protectionEnd(today, program!.protectionDays),
    };
    const rejected = [...input.rejected];
    const partnerIds = await resolvePartners(tx, input, rejected);
    const rows = input.rows.filter((r) => partnerIds.has(r.partnerName));
    const existing = await findExisting(tx, input.programId, rows);

    const fresh = rows.filter((r) => !existing.has(r.externalId));
    await insertLeads(tx, input, fresh, partnerIds, acceptance);

    let updated = 0;
    let unchanged = 0;
    for (const row of rows) {
      const lead = existing.get(row.externalId);
      if (!lead) continue;
      const partnerId = partnerIds.get(row.partnerName)!;
      const outcome = await updateLead(
        tx,
        input,
        lead,
        row,
        partnerId,
        acceptance,
      );
      if (outcome === "updated") updated += 1;
      else if (outcome === "unchanged") unchanged += 1;
      else
        rejected.push({ rowNumber: row.rowNumber, reasons: [outcome.reason] });
    }

    const touched = new Set(rows.map((r) => partnerIds.get(r.partnerName)!));
    for (const partnerId of touched) {
      await notifyScorecardChanged(tx, {
        programId: input.programId,
        partnerId,
      });
    }
    rejected.sort((a, b) => a.rowNumber - b.rowNumber);
    const summary = {
      rowsRead: input.rowsRead,
      created: fresh.length,
      updated,
      unchanged,
      rejected,
    };
    const [record] = await tx
      .insert(imports)
      .values({
        programId: input.programId,
        kind: "leads",
        fileName: input.fileName,
        ...summary,
        createdBy: input.actorId,
      })
      .returning({ id: imports.id });
    await recordAudit(tx, {
      programId: input.programId,
      actorId: input.actorId,
      kind: "lead.imported",
      subjectType: "import",
      subjectId: record!.id,
      summary: `Lead import ${record!.id}: ${summary.created} created, ${updated} updated, ${rejected.length} rows rejected`,
      details: {
        importId: record!.id,
        rowsRead: summary.rowsRead,
        created: summary.created,
        updated,
        unchanged,
        rejected: rejected.length,
      },
    });
    return { importId: record!.id, ...summary };
  });
}

async function resolvePartners(
  tx: Tx,
  input: {
    programId: number;
    rows: readonly ImportLeadRow[];
    createMissingPartners: boolean;
  },
  rejected: RejectedRow[],
): Promise<Map<string, number>> {
  const known = await tx
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(eq(partners.programId, input.programId));
  const byKey = new Map(known.map((p) => [typedNameKey(p.name), p.id]));
  // Each spelling in the file, to the partner it names.
  const ids = new Map<string, number>();
  const missing = new Map<string, string>();
  const spellings = new Set(input.rows.map((r) => r.partnerName));
  for (const name of spellings) {
    const key = typedNameKey(name);
    const id = byKey.get(key);
    if (id !== undefined) ids.set(name, id);
    else if (!missing.has(key)) missing.set(key, name.replace(/\s+/g, " "));
  }
  if (missing.size === 0) return ids;
  if (input.createMissingPartners) {
    const created = await tx
      .insert(partners)
      .values(
        [...missing.values()].map((name) => ({
          programId: input.programId,
          name,
        })),
      )
      .returning({ id: partners.id, name: partners.name });
    for (const p of created) byKey.set(typedNameKey(p.name), p.id);
    for (const name of spellings) {
      ids.set(name, byKey.get(typedNameKey(name))!);
    }
    return ids;
  }
  for (const row of input.rows) {
    if (!ids.has(row.partnerName)) {
      rejected.push({
        rowNumber: row.rowNumber,
        reasons: [
          `partner: "${row.partnerName}" is not a partner of this program`,
        ],
      });
    }
  }
  return ids;
}

async function findExisting(
  tx: Tx,
  programId: number,
  rows: readonly ImportLeadRow[],
): Promise<Map<string, ExistingLead>> {
  const found = new Map<string, ExistingLead>();
  for (const part of chunks(rows.map((r) => r.externalId))) {
    const hits = await tx
      .select()
      .from(leads)
      .where(
        and(eq(leads.programId, programId), inArray(leads.externalId, part)),
      );
    for (const lead of hits) found.set(lead.externalId!, lead);
  }
  return found;
}

function leadValues(row: ImportLeadRow, partnerId: number) {
  return {
    partnerId,
    company: row.company,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    estimatedValueMinor: row.estimatedValueMinor,
    notes: row.notes,
    status: row.status,
    registeredOn: row.registeredOn,
    closedOn:
      row.status === "won" || row.status === "lost" ? row.closedOn : null,
    wonAmountMinor: row.status === "won" ? row.amountMinor : null,
  };
}

/** The protection a lead accepted by this import gets. */
interface Acceptance {
  acceptedOn: string;
  protectedUntil: string;
}

async function insertLeads(
  tx: Tx,
  input: { programId: number; actorId: number; fileName: string },
  rows: readonly ImportLeadRow[],
  partnerIds: Map<string, number>,
  acceptance: Acceptance,
): Promise<void> {
  const reason = `Imported from ${input.fileName}`;
  for (const part of chunks(rows)) {
    const inserted = await tx
      .insert(leads)
      .values(
        part.map((row) => ({
          programId: input.programId,
          externalId: row.externalId,
          ...leadValues(row, partnerIds.get(row.partnerName)!),
          ...(row.status === "accepted" ? acceptance : {}),
          source: "import" as const,
          createdBy: input.actorId,
        })),
      )
      .returning({ id: leads.id, externalId: leads.externalId });
    const idOf = new Map(inserted.map((l) => [l.externalId!, l.id]));
    await tx.insert(leadEvents).values(
      part.map((row) => ({
        programId: input.programId,
        leadId: idOf.get(row.externalId)!,
        fromStatus: null,
        toStatus: row.status,
        reason,
        amountMinor: row.status === "won" ? row.amountMinor : null,
        effectiveOn: row.closedOn ?? row.registeredOn,
        actorId: input.actorId,
      })),
    );
    const won = part.filter((row) => row.status === "won");
    await bookWonRows(tx, input.programId, won, idOf, partnerIds);
  }
}

/** Customers and `new` revenue events for won rows, set-wise. */
async function bookWonRows(
  tx: Tx,
  programId: number,
  won: readonly ImportLeadRow[],
  leadIdOf: Map<string, number>,
  partnerIds: Map<string, number>,
): Promise<void> {
  if (won.length === 0) return;
  const keyOf = (partnerId: number, name: string) =>
    `${partnerId}\u0000${name}`;
  const firstWin = new Map<string, ImportLeadRow>();
  for (const row of won) {
    const key = keyOf(partnerIds.get(row.partnerName)!, row.company!);
    const seen = firstWin.get(key);
    if (!seen || row.closedOn! < seen.closedOn!) firstWin.set(key, row);
  }
  const upserted = await tx
    .insert(customers)
    .values(
      [...firstWin.values()].map((row) => ({
        programId,
        partnerId: partnerIds.get(row.partnerName)!,
        name: row.company!,
        firstLeadId: leadIdOf.get(row.externalId)!,
        acquiredOn: row.closedOn!,
      })),
    )
    .onConflictDoUpdate({
      target: [customers.programId, customers.partnerId, customers.name],
      set: {
        acquiredOn: sql`least(${customers.acquiredOn}, excluded.acquired_on)`,
      },
    })
    .returning({
      id: customers.id,
      partnerId: customers.partnerId,
      name: customers.name,
    });
  const customerOf = new Map(
    upserted.map((c) => [keyOf(c.partnerId!, c.name), c.id]),
  );
  const events = await tx
    .insert(revenueEvents)
    .values(
      won.map((row) => ({
        programId,
        customerId: customerOf.get(
          keyOf(partnerIds.get(row.partnerName)!, row.company!),
        )!,
        leadId: leadIdOf.get(row.externalId)!,
        kind: "new" as const,
        amountMinor: row.amountMinor!,
        occurredOn: row.closedOn!,
      })),
    )
    .returning(REVENUE_DELTA);
  await bookRevenueMonths(tx, events);
}

/** How a changed field is named in the lead's history. */
const FIELD_WORDS: Record<keyof ReturnType<typeof leadValues>, string> = {
  partnerId: "partner",
  company: "company",
  contactName: "contact name",
  contactEmail: "contact email",
  estimatedValueMinor: "estimated value",
  notes: "notes",
  status: "status",
  registeredOn: "registered day",
  closedOn: "close day",
  wonAmountMinor: "amount won",
};

type UpdateOutcome = "updated" | "unchanged" | { reason: string };

async function updateLead(
  tx: Tx,
  input: { programId: number; actorId: number; fileName: string },
  lead: ExistingLead,
  row: ImportLeadRow,
  partnerId: number,
  acceptance: Acceptance,
): Promise<UpdateOutcome> {
  const next = leadValues(row, partnerId);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    (k) => next[k] !== lead[k],
  );
  if (changed.length === 0) return "unchanged";
  if (DECIDED.includes(lead.status) && next.status !== lead.status) {
    return {
      reason: `status: the lead is already ${lead.status} in Tandem; an import does not change a decision`,
    };
  }
  await tx
    .update(leads)
    .set({
      ...next,
      ...(next.status === "accepted" && lead.status !== "accepted"
        ? { ...acceptance, expiryWarnedAt: null }
        : {}),
      updatedAt: new Date(),
    })
    .where(eq(leads.id, lead.id));
  await tx.insert(leadEvents).values({
    programId: input.programId,
    leadId: lead.id,
    fromStatus: lead.status,
    toStatus: next.status,
    reason: `Updated from ${input.fileName}: ${changed.map((k) => FIELD_WORDS[k]).join(", ")}`,
    amountMinor: next.wonAmountMinor,
    effectiveOn: next.closedOn ?? next.registeredOn,
    actorId: input.actorId,
  });
  if (next.status === "won") {
    const customerId = await findOrCreateCustomer(tx, {
      programId: input.programId,
      partnerId,
      name: next.company!,
      leadId: lead.id,
      acquiredOn: next.closedOn!,
    });
    await recordWonRevenue(tx, {
      programId: input.programId,
      customerId,
      leadId: lead.id,
      amountMinor: next.wonAmountMinor!,
      occurredOn: next.closedOn!,
    });
  }
  return "updated";
}

export async function saveImportMapping(
  db: Database,
  input: { programId: number; kind: string; mapping: unknown },
): Promise<void> {
  await db
    .insert(importMappings)
    .values({ ...input, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [importMappings.programId, importMappings.kind],
      set: { mapping: input.mapping, updatedAt: new Date() },
    });
}

/** The saved mapping as stored; the caller parses it with its schema. */
export async function getImportMapping(
  db: Database,
  { programId, kind }: { programId: number; kind: string },
): Promise<unknown> {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(
      and(
        eq(importMappings.programId, programId),
        eq(importMappings.kind, kind),
      ),
    );
  return row?.mapping ?? null;
}

export async function getImport(
  db: Database,
  { programId, importId }: { programId: number; importId: number },
) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.programId, programId), eq(imports.id, importId)));
  return row ?? null;
}

export async function saveUpload(
  db: Database,
  input: {
    programId: number;
    fileName: string;
    bytes: Uint8Array;
    createdBy: number;
  },
): Promise<number> {
  const [row] = await db
    .insert(uploads)
    .values({ ...input, bytes: Buffer.from(input.bytes) })
    .returning({ id: uploads.id });
  return row!.id;
}

export async function getUpload(
  db: Database,
  { programId, uploadId }: { programId: number; uploadId: number },
): Promise<{ id: number; fileName: string; bytes: Uint8Array } | null> {
  const [row] = await db
    .select({
      id: uploads.id,
      fileName: uploads.fileName,
      bytes: uploads.bytes,
    })
    .from(uploads)
    .where(and(eq(uploads.programId, programId), eq(uploads.id, uploadId)));
  return row ? { ...row, bytes: new Uint8Array(row.bytes) } : null;
}
