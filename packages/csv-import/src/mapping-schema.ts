import { z } from "zod";
import { LEAD_STATUSES, statusKey } from "./lead-statuses.js";

export const DATE_FORMATS = [
  "YYYY-MM-DD",
  "M/D/YYYY",
  "D/M/YYYY",
  "D.M.YYYY",
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const DECIMAL_SEPARATORS = [".", ","] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

const status = z.enum(LEAD_STATUSES);
const headerName = z.string().trim().min(1).nullable().optional();

export const leadImportMappingSchema = z
  .object({
    columns: z.object({
      externalId: headerName,
      partner: headerName,
      company: headerName,
      contactName: headerName,
      contactEmail: headerName,
      estimatedValue: headerName,
      status: headerName,
      registeredOn: headerName,
      closedOn: headerName,
      amount: headerName,
      notes: headerName,
    }),
    statusValues: z.record(z.string(), status),
    defaultStatus: status,
    dateFormat: z.enum(DATE_FORMATS),
    decimalSeparator: z.enum(DECIMAL_SEPARATORS),
    fixedPartner: z.string().trim().min(1).nullable(),
    missingRegisteredOn: z.enum(["import-date", "reject"]),
  })
  .superRefine((mapping, ctx) => {
    const seen = new Map<string, string>();
    for (const [value, target] of Object.entries(mapping.statusValues)) {
      const key = statusKey(value);
      const path = ["statusValues", value];
      if (key === "") {
        ctx.addIssue({
          code: "custom",
          path,
          message: "An empty cell takes the default status.",
        });
      }
      const earlier = seen.get(key);
      if (earlier !== undefined && earlier !== target) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `"${value}" is already mapped to ${earlier}.`,
        });
      }
      seen.set(key, target);
    }
  });

export type LeadImportMapping = z.infer<typeof leadImportMappingSchema>;
export type MappedColumns = LeadImportMapping["columns"];
