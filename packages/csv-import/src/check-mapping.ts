import { fieldLabel, LEAD_FIELD_IDS } from "./lead-fields.js";
import type { LeadFieldId } from "./lead-fields.js";
import type { LeadStatus } from "./lead-statuses.js";
import type { LeadImportMapping } from "./mapping-schema.js";
import { needsOf } from "./status-rules.js";

export type MappingFieldErrors = Partial<Record<LeadFieldId, string[]>>;

export type MappingCheck =
  { ok: true } | { ok: false; fieldErrors: MappingFieldErrors };

/**
 * Whether a mapping can import a file with these headers: every mapped
 * column exists, a partner can be named for every row, and each status
 * the mapping can produce has the columns that status needs.
 */
export function checkMapping(
  mapping: LeadImportMapping,
  headers: readonly string[],
): MappingCheck {
  const errors: MappingFieldErrors = {};
  const add = (field: LeadFieldId, message: string) => {
    (errors[field] ??= []).push(message);
  };
  const present = new Set(headers);
  const { columns } = mapping;

  for (const field of LEAD_FIELD_IDS) {
    const column = columns[field];
    if (column && !present.has(column)) {
      add(field, `"${column}" is not a column of this file.`);
    }
  }
  if (!columns.partner && !mapping.fixedPartner) {
    add("partner", "Choose the partner column, or one partner for all rows.");
  }
  if (!columns.registeredOn && mapping.missingRegisteredOn === "reject") {
    add(
      "registeredOn",
      "Choose the registered-on column, or give rows without one the " +
        "import day.",
    );
  }
  for (const status of reachableStatuses(mapping)) {
    for (const need of needsOf(status)) {
      if (columns[need.field]) continue;
      const label = fieldLabel(need.field).toLowerCase();
      add(need.field, `A ${status} lead needs ${need.what}: map ${label}.`);
    }
  }
  return Object.keys(errors).length === 0
    ? { ok: true }
    : { ok: false, fieldErrors: errors };
}

function reachableStatuses(mapping: LeadImportMapping): Set<LeadStatus> {
  const statuses = new Set<LeadStatus>([mapping.defaultStatus]);
  if (!mapping.columns.status) return statuses;
  for (const status of Object.values(mapping.statusValues)) {
    statuses.add(status);
  }
  return statuses;
}
