import { describe, expect, it } from "vitest";
import { checkMapping } from "./check-mapping.js";
import { leadImportMappingSchema } from "./mapping-schema.js";
import { suggestMapping } from "./suggest-mapping.js";

const PIPEDRIVE = [
  "Person - Name*",
  "Person - First name",
  "Person - Last name",
  "Person - Phone",
  "Person - Email (Work)",
  "Person - Email (Home)",
  "Organization - Name*",
  "Organization - Address",
  "Deal - Title",
  "Deal - Value",
  "Activity - Subject*",
  "Activity - Due date",
  "Note - Content*",
];

describe("suggestMapping", () => {
  it("maps the columns of the CRM sales opportunities data set", () => {
    const headers = [
      "opportunity_id",
      "sales_agent",
      "product",
      "account",
      "deal_stage",
      "engage_date",
      "close_date",
      "close_value",
    ];
    expect(suggestMapping(headers).columns).toEqual({
      externalId: "opportunity_id",
      partner: "sales_agent",
      company: "account",
      contactName: null,
      contactEmail: null,
      estimatedValue: null,
      status: "deal_stage",
      registeredOn: "engage_date",
      closedOn: "close_date",
      amount: "close_value",
      notes: null,
    });
  });

  it("maps Pipedrive's prefixed names and leaves the partner open", () => {
    const mapping = suggestMapping(PIPEDRIVE);
    expect(mapping.columns).toMatchObject({
      externalId: null,
      partner: null,
      company: "Organization - Name*",
      contactName: "Person - Name*",
      contactEmail: "Person - Email (Work)",
      estimatedValue: "Deal - Value",
      notes: "Note - Content*",
    });
    expect(checkMapping(mapping, PIPEDRIVE)).toMatchObject({
      ok: false,
      fieldErrors: { partner: [expect.stringContaining("partner")] },
    });
  });

  it("gives each header to one field only", () => {
    const mapping = suggestMapping(["Owner", "Deal Owner", "Amount"]);
    expect(mapping.columns.partner).toBe("Deal Owner");
    expect(mapping.columns.amount).toBe("Amount");
    expect(mapping.columns.estimatedValue).toBeNull();
  });

  it("returns a mapping the schema accepts", () => {
    const mapping = suggestMapping(PIPEDRIVE);
    expect(leadImportMappingSchema.parse(mapping)).toEqual(mapping);
  });
});
