import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_USERS, type DemoUser } from "./demo.js";
import { fillLeadForm, newLead, registerLead } from "./leads.js";
import type { DemoIds } from "./pages.js";
import { signIn } from "./sign-in.js";
import { unique } from "./unique.js";

async function as(browser: Browser, user: DemoUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, DEMO_USERS[user]);
  return page;
}

const idIn = (url: string, pattern: RegExp) => Number(url.match(pattern)![1]);

async function upload(page: Page, kind: string, csv: string) {
  await page.goto(`/imports/${kind}`);
  await page.getByLabel("CSV file").setInputFiles({
    name: `${unique(kind)}.csv`,
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: /^Upload/ }).click();
  await expect(page).toHaveURL(new RegExp(`/imports/${kind}/\\d+`));
  return idIn(page.url(), /\/(\d+)(\?|$)/);
}

/**
 * Makes what the pages with ids in their paths need: an open lead of
 * Bluefin's, a leads upload and a revenue upload, and one import; and a
 * conflict: Cedar's lead of the same company, under review, with a
 * comment.
 */
export async function makeDemoIds(browser: Browser): Promise<DemoIds> {
  const partner = await as(browser, "bluefin");
  const contoso = newLead("Contoso Pharma");
  await registerLead(partner, contoso);
  const lead = idIn(partner.url(), /\/leads\/(\d+)$/);
  const scorecard = partner
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Scorecard" });
  const href = (await scorecard.getAttribute("href"))!;
  await partner.context().close();

  const rival = await as(browser, "cedar");
  await rival.goto("/leads/new");
  await fillLeadForm(rival, { ...contoso, contactName: "Rui Costa" });
  await rival.getByRole("button", { name: "Register lead" }).click();
  await expect(rival.getByRole("status")).toContainText("Under review.");
  const conflict = idIn(rival.url(), /\/leads\/(\d+)$/);
  await rival.getByLabel("Add a comment").fill("Asked us for a quote.");
  await rival.getByRole("button", { name: "Post comment" }).click();
  await expect(rival.getByText("Asked us for a quote.")).toBeVisible();
  await rival.context().close();

  const staff = await as(browser, "staff");
  // A row the import refuses: the result page lists it, no figure moves.
  const csv = `Customer,Date,Amount\n${unique("Tailspin")},2026-01-15,lots\n`;
  const revenueUpload = await upload(staff, "revenue", csv);
  await staff.getByRole("button", { name: "Import revenue" }).click();
  await expect(staff).toHaveURL(/\/imports\/\d+$/);
  const imported = idIn(staff.url(), /\/imports\/(\d+)$/);
  const leadsCsv = `Company,Partner\n${unique("Litware")},Bluefin Consulting\n`;
  const leadsUpload = await upload(staff, "leads", leadsCsv);
  await staff.context().close();

  return {
    partner: idIn(href, /partners\/(\d+)/),
    lead,
    leadsUpload,
    revenueUpload,
    import: imported,
    conflict,
  };
}
