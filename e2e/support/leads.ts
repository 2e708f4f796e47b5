import { expect, type Locator, type Page } from "@playwright/test";
import { textbox } from "./forms.js";
import { unique } from "./unique.js";

export interface NewLead {
  company: string;
  contactName: string;
  contactEmail: string;
  estimatedValue: string;
  notes: string;
}

/** A lead of a company no earlier run has registered. */
export function newLead(company: string): NewLead {
  const name = unique(company);
  // A contact at the company's own domain: registrations are matched by
  // domain and email, so no two test leads may share them by accident.
  const domain = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return {
    company: name,
    contactName: "Dana Whitfield",
    contactEmail: `dana.whitfield@${domain}.example`,
    estimatedValue: "25,000",
    notes: "Met at the spring partner summit.",
  };
}

export async function fillLeadForm(page: Page, lead: NewLead): Promise<void> {
  await textbox(page, "Company").fill(lead.company);
  await textbox(page, "Contact name").fill(lead.contactName);
  await textbox(page, "Contact email").fill(lead.contactEmail);
  await textbox(page, "Estimated value").fill(lead.estimatedValue);
  await textbox(page, "Notes").fill(lead.notes);
}

/** A partner user registers the lead; resolves on the lead's page. */
export async function registerLead(page: Page, lead: NewLead): Promise<void> {
  await page.goto("/leads/new");
  await fillLeadForm(page, lead);
  await page.getByRole("button", { name: "Register lead" }).click();

  await expect(page).toHaveURL(/\/leads\/\d+$/);
  await expect(
    page.getByRole("heading", { level: 1, name: lead.company }),
  ).toBeVisible();
}

/** The value beside a term of the lead page's facts ("Status", "Won"). */
export function leadFact(page: Page, term: string): Locator {
  return page.locator(`dl dt:text-is("${term}") + dd`);
}

/** Owner staff open the lead from the incoming leads. */
export async function openIncomingLead(page: Page, company: string) {
  await page.goto("/leads");
  await page.getByRole("link", { name: company, exact: true }).click();

  await expect(
    page.getByRole("heading", { level: 1, name: company }),
  ).toBeVisible();
}

export async function acceptLead(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Accept", exact: true }).click();

  await expect(leadFact(page, "Status")).toHaveText("accepted");
}

/** Marks the open lead won for this amount, on the default day: today. */
export async function markWon(page: Page, amount: string): Promise<void> {
  await textbox(page, "Amount won").fill(amount);
  await page.getByRole("button", { name: "Mark won" }).click();

  await expect(leadFact(page, "Status")).toHaveText("won");
}
