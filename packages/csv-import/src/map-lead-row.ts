import { z } from "zod";
import { fieldLabel, type LeadFieldId } from "./lead-fields.js";
import type { LeadImportRow, MapLeadRowsOptions } from "./lead-import-row.js";
import { statusKey, type LeadStatus } from "./lead-statuses.js";
import type { MappedCells } from "./mapped-cells.js";
import type { LeadImportMapping } from "./mapping-schema.js";
import { parseAmount } from "./parse-amount.js";
import { parseDay } from "./parse-day.js";
import { valueReason } from "./reason.js";
import { needsOf } from "./status-rules.js";

export type RowContext = {
  mapping: LeadImportMapping;
  statuses: Map<string, LeadStatus>;
  options: MapLeadRowsOptions;
};

export type MappedLead = Omit<LeadImportRow, "rowNumber" | "externalId">;

export type MapRowResult =
  { ok: true; lead: MappedLead } | { ok: false; reasons: string[] };

const email = z.email();

/**
 * Turns one row's cells into a lead, or into every reason it cannot be
 * one, so that the user can fix a row in a single pass.
 */
export function mapLeadRow(
  cells: MappedCells,
  context: RowContext,
): MapRowResult {
  const { mapping, options } = context;
  const reasons: string[] = [];
  const column = (field: LeadFieldId) =>
    mapping.columns[field] ?? fieldLabel(field);

  const amountOf = (field: "estimatedValue" | "amount") => {
    const text = cells[field];
    if (text === undefined) return null;
    const parsed = parseAmount(text, {
      decimalSeparator: mapping.decimalSeparator,
      currencyDigits: options.currencyDigits,
    });
    if (parsed.ok) return parsed.minor;
    reasons.push(valueReason(column(field), text, parsed.problem));
    return null;
  };
  const dayOf = (field: "registeredOn" | "closedOn") => {
    const text = cells[field];
    if (text === undefined) return null;
    const parsed = parseDay(text, mapping.dateFormat);
    if (!parsed.ok) {
      reasons.push(valueReason(column(field), text, parsed.problem));
      return null;
    }
    // What is in a CRM export has happened: a later day is a typo.
    if (parsed.day > options.importDate) {
      reasons.push(valueReason(column(field), text, "is after today"));
      return null;
    }
    return parsed.day;
  };

  const partnerName = cells.partner ?? mapping.fixedPartner;
  if (!partnerName) {
    reasons.push(`${column("partner")}: is empty; a lead needs a partner`);
  }
  const contactEmail = cells.contactEmail ?? null;
  if (contactEmail !== null && !email.safeParse(contactEmail).success) {
    // The address itself is left out: reasons may end up in logs.
    reasons.push(`${column("contactEmail")}: is not an email address`);
  }
  const status = statusOf(cells.status, context, reasons);
  const registeredOn = registeredOf(cells, context, reasons, dayOf);
  const closedOn = dayOf("closedOn");
  if (registeredOn && closedOn && closedOn < registeredOn) {
    // As the lead page refuses it: a deal does not close before it opens.
    reasons.push(
      valueReason(
        column("closedOn"),
        cells.closedOn!,
        `is before the registered day ${registeredOn}`,
      ),
    );
  }
  const lead = {
    partnerName: partnerName ?? "",
    company: cells.company ?? null,
    contactName: cells.contactName ?? null,
    contactEmail,
    estimatedValueMinor: amountOf("estimatedValue"),
    status: status ?? mapping.defaultStatus,
    registeredOn: registeredOn ?? "",
    closedOn,
    amountMinor: amountOf("amount"),
    notes: cells.notes ?? null,
  };
  if (status === "won" && lead.amountMinor === 0n) {
    reasons.push(
      valueReason(
        column("amount"),
        cells.amount!,
        "is 0; a won lead brings in more",
      ),
    );
  }
  if (status !== null) {
    for (const need of needsOf(status)) {
      if (cells[need.field] !== undefined) continue;
      reasons.push(
        `${column(need.field)}: is empty; a ${status} lead needs ${need.what}`,
      );
    }
  }
  return reasons.length === 0 ? { ok: true, lead } : { ok: false, reasons };
}

function statusOf(
  text: string | undefined,
  { mapping, statuses }: RowContext,
  reasons: string[],
): LeadStatus | null {
  if (text === undefined) return mapping.defaultStatus;
  const status = statuses.get(statusKey(text));
  if (status !== undefined) return status;
  const column = mapping.columns.status ?? fieldLabel("status");
  reasons.push(valueReason(column, text, "is not a known status value"));
  return null;
}

function registeredOf(
  cells: MappedCells,
  { mapping, options }: RowContext,
  reasons: string[],
  dayOf: (field: "registeredOn") => string | null,
): string | null {
  if (cells.registeredOn !== undefined) return dayOf("registeredOn");
  if (mapping.missingRegisteredOn === "import-date") return options.importDate;
  const column = mapping.columns.registeredOn ?? fieldLabel("registeredOn");
  reasons.push(`${column}: is empty; a lead needs a registered day`);
  return null;
}
