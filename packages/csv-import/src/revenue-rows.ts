import { z } from "zod";
import { DATE_FORMATS, DECIMAL_SEPARATORS } from "./mapping-schema.js";
import { parseAmount } from "./parse-amount.js";
import { parseDay } from "./parse-day.js";
import type { Table } from "./read-table.js";
import { valueReason } from "./reason.js";

export const REVENUE_KINDS = [
  "new",
  "expansion",
  "renewal",
  "contraction",
] as const;
export type RevenueKindName = (typeof REVENUE_KINDS)[number];

const column = z.string().trim().min(1).nullable();

/** Which columns hold a revenue event, and how to read them. */
export const revenueMappingSchema = z.object({
  customer: z.string().trim().min(1, "Choose the customer column."),
  day: z.string().trim().min(1, "Choose the date column."),
  amount: z.string().trim().min(1, "Choose the amount column."),
  partner: column,
  kind: column,
  dateFormat: z.enum(DATE_FORMATS),
  decimalSeparator: z.enum(DECIMAL_SEPARATORS),
});
export type RevenueMapping = z.infer<typeof revenueMappingSchema>;

export interface RevenueImportRow {
  rowNumber: number;
  customer: string;
  partnerName: string | null;
  occurredOn: string;
  /** Negative exactly for a contraction. */
  amountMinor: bigint;
  /** Null: the database decides (new on the first day, else renewal). */
  kind: RevenueKindName | null;
}

/**
 * Rows of a revenue file to events, or to reasons. A contraction's
 * amount is written positive or negative and booked negative.
 */
export function mapRevenueRows(
  table: Pick<Table, "headers" | "rows">,
  mapping: RevenueMapping,
  options: { currencyDigits: number; importDate: string },
): {
  rows: RevenueImportRow[];
  rejected: { rowNumber: number; reasons: string[] }[];
} {
  const at = (name: string | null) => (name ? table.headers.indexOf(name) : -1);
  const index = {
    customer: at(mapping.customer),
    day: at(mapping.day),
    amount: at(mapping.amount),
    partner: at(mapping.partner),
    kind: at(mapping.kind),
  };
  const rows: RevenueImportRow[] = [];
  const rejected: { rowNumber: number; reasons: string[] }[] = [];
  for (const row of table.rows) {
    if (row.cells.length > table.headers.length) {
      // An unquoted "1,000" splits into two cells and shifts the rest:
      // reading on would take 1 for a thousand.
      const reason = "row has values beyond the last named column";
      rejected.push({ rowNumber: row.rowNumber, reasons: [reason] });
      continue;
    }
    const cell = (i: number) =>
      i < 0 ? "" : (row.cells[i] ?? "").replace(/\p{Cc}+/gu, " ").trim();
    const reasons: string[] = [];
    const customer = cell(index.customer);
    if (!customer) reasons.push(`${mapping.customer}: is empty`);

    const dayText = cell(index.day);
    const day = parseDay(dayText, mapping.dateFormat);
    if (!day.ok) reasons.push(valueReason(mapping.day, dayText, day.problem));
    else if (day.day > options.importDate) {
      reasons.push(valueReason(mapping.day, dayText, "is after today"));
    }

    const kindText = cell(index.kind).toLowerCase();
    const kind = REVENUE_KINDS.find((k) => k === kindText) ?? null;
    if (kindText && !kind) {
      reasons.push(
        valueReason(
          mapping.kind ?? "kind",
          kindText,
          `is not one of ${REVENUE_KINDS.join(", ")}`,
        ),
      );
    }

    const amountText = cell(index.amount).replace(/^-|-$/g, "");
    const amount = parseAmount(amountText, {
      decimalSeparator: mapping.decimalSeparator,
      currencyDigits: options.currencyDigits,
    });
    if (!amount.ok) {
      reasons.push(
        valueReason(mapping.amount, cell(index.amount), amount.problem),
      );
    } else if (cell(index.amount).includes("-") && kind !== "contraction") {
      reasons.push(
        valueReason(
          mapping.amount,
          cell(index.amount),
          "is negative; only a contraction is",
        ),
      );
    }

    if (reasons.length > 0 || !day.ok || !amount.ok) {
      rejected.push({ rowNumber: row.rowNumber, reasons });
      continue;
    }
    rows.push({
      rowNumber: row.rowNumber,
      customer,
      partnerName: cell(index.partner) || null,
      occurredOn: day.day,
      amountMinor: kind === "contraction" ? -amount.minor : amount.minor,
      kind,
    });
  }
  return { rows, rejected };
}
