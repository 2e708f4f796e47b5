export const LEAD_FIELD_IDS = [
  "externalId",
  "partner",
  "company",
  "contactName",
  "contactEmail",
  "estimatedValue",
  "status",
  "registeredOn",
  "closedOn",
  "amount",
  "notes",
] as const;
export type LeadFieldId = (typeof LEAD_FIELD_IDS)[number];

export type LeadField = {
  id: LeadFieldId;
  label: string;
  /** The import cannot run until this field is mapped. */
  required: boolean;
  description: string;
};

/** The lead fields a column can be mapped to, in the order shown. */
export const LEAD_FIELDS: readonly LeadField[] = [
  {
    id: "externalId",
    label: "External id",
    required: false,
    description:
      "The record's id in the CRM. Re-importing a row with the same id " +
      "updates the lead. Without it, an id is derived from the values.",
  },
  {
    id: "partner",
    label: "Partner",
    required: true,
    description:
      "The partner's name. Map a column, or name one partner for the " +
      "whole file.",
  },
  {
    id: "company",
    label: "Company",
    required: false,
    description: "The prospect's company. Needed for won leads.",
  },
  {
    id: "contactName",
    label: "Contact name",
    required: false,
    description: "The person at the company.",
  },
  {
    id: "contactEmail",
    label: "Contact email",
    required: false,
    description: "The contact's email address.",
  },
  {
    id: "estimatedValue",
    label: "Estimated value",
    required: false,
    description: "What the deal was expected to be worth.",
  },
  {
    id: "status",
    label: "Status",
    required: false,
    description:
      "The CRM's stage, translated through the status values. " +
      "Without it, every lead gets the default status.",
  },
  {
    id: "registeredOn",
    label: "Registered on",
    required: false,
    description:
      "The day the lead was registered. Rows without one get the " +
      "import day or are refused, as chosen.",
  },
  {
    id: "closedOn",
    label: "Closed on",
    required: false,
    description: "The day the lead was won or lost. Needed for both.",
  },
  {
    id: "amount",
    label: "Amount",
    required: false,
    description: "What a won deal was worth. Needed for won leads.",
  },
  {
    id: "notes",
    label: "Notes",
    required: false,
    description: "Free text kept with the lead.",
  },
];

export function fieldLabel(id: LeadFieldId): string {
  return LEAD_FIELDS.find((field) => field.id === id)?.label ?? id;
}
