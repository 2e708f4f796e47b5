export { decodeCsv, TEXT_ENCODINGS } from "./decode-csv.js";
export type {
  DecodeResult,
  EncodingChoice,
  TextEncodingName,
} from "./decode-csv.js";
export { AMOUNT_LIMIT_WHOLE } from "./parse-amount.js";
export { readTable } from "./read-table.js";
export type { ReadTableResult, Table, TableRow } from "./read-table.js";
export { DELIMITERS } from "./parse-records.js";
export type { Delimiter } from "./parse-records.js";
export { LEAD_FIELDS, LEAD_FIELD_IDS } from "./lead-fields.js";
export type { LeadField, LeadFieldId } from "./lead-fields.js";
export { LEAD_STATUSES } from "./lead-statuses.js";
export type { LeadStatus } from "./lead-statuses.js";
export {
  DATE_FORMATS,
  DECIMAL_SEPARATORS,
  leadImportMappingSchema,
} from "./mapping-schema.js";
export type {
  DateFormat,
  DecimalSeparator,
  LeadImportMapping,
} from "./mapping-schema.js";
export { suggestMapping } from "./suggest-mapping.js";
export { checkMapping } from "./check-mapping.js";
export type { MappingCheck, MappingFieldErrors } from "./check-mapping.js";
export { mapLeadRows } from "./map-lead-rows.js";
export type { MapLeadRowsResult } from "./map-lead-rows.js";
export type {
  LeadImportRow,
  MapLeadRowsOptions,
  RejectedRow,
} from "./lead-import-row.js";
export {
  mapRevenueRows,
  REVENUE_KINDS,
  revenueMappingSchema,
} from "./revenue-rows.js";
export type {
  RevenueImportRow,
  RevenueKindName,
  RevenueMapping,
} from "./revenue-rows.js";
