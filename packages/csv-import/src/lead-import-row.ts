import type { LeadStatus } from "./lead-statuses.js";

/** A row that passed every check, ready to be upserted by externalId. */
export type LeadImportRow = {
  rowNumber: number;
  externalId: string;
  partnerName: string;
  company: string | null;
  contactName: string | null;
  contactEmail: string | null;
  estimatedValueMinor: bigint | null;
  status: LeadStatus;
  /** An ISO day, YYYY-MM-DD. */
  registeredOn: string;
  closedOn: string | null;
  amountMinor: bigint | null;
  notes: string | null;
};

export type RejectedRow = { rowNumber: number; reasons: string[] };

export type MapLeadRowsOptions = {
  /** Decimal places of the program's currency: 2 for USD, 0 for JPY. */
  currencyDigits: number;
  /** The ISO day of the import, for rows without a registered day. */
  importDate: string;
};
