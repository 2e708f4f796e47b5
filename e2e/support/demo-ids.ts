import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_USERS, type DemoUser } from "./demo.js";
import { textbox } from "./forms.js";
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

/** The link in the outbox's latest mail to this address: path and query. */
async function mailedLink(owner: Page, to: string, path: string) {
  await owner.goto("/outbox");
  const href = await owner
    .getByRole("article")
    .filter({ hasText: `To ${to}` })
    .first()
    .getByRole("link", { name: new RegExp(`${path}\\?token=`) })
    .getAttribute("href");
  const url = new URL(href!);
  return `${url.pathname}${url.search}`;
}

/** A review of Bluefin for a past day no earlier run has opened. */
async function openReview(staff: Page, partner: number): Promise<number> {
  await staff.goto(`/partners/${partner}/reviews`);
  const day = 24 * 60 * 60 * 1000;
  const back = 40 + Math.floor(Math.random() * 2000);
  const from = new Date(Date.now() - back * day).toISOString().slice(0, 10);
  await staff.getByRole("combobox", { name: /^Period/ }).selectOption("custom");
  await staff.getByLabel("or from").fill(from);
  await staff.getByLabel("to (included)").fill(from);
  await staff.getByRole("button", { name: "Open review" }).click();
  await expect(staff).toHaveURL(/\/reviews\/\d+$/);
  return idIn(staff.url(), /\/reviews\/(\d+)$/);
}

/**
 * Makes what the pages with ids in their paths need: an open lead of
 * Bluefin's, a leads upload and a revenue upload, one import; a
 * conflict (Cedar's lead of the same company, under review, with a
 * comment); a review of Bluefin's, an invitation of a new person and a
 * reset link (asked for staff's address and left unused).
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
  const partnerId = idIn(href, /partners\/(\d+)/);

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
  const review = await openReview(staff, partnerId);
  await staff.context().close();

  const owner = await as(browser, "owner");
  const invitee = `${unique("invitee").replaceAll(" ", "-")}@demo.test`;
  await owner.goto("/people");
  const form = owner
    .locator("form")
    .filter({ has: owner.getByRole("heading", { name: "Invite a person" }) });
  await textbox(form, "Email").fill(invitee);
  await form
    .getByRole("combobox", { name: /^Role/ })
    .selectOption("owner_staff");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByRole("status")).toHaveText(/Invitation sent/);
  const invitation = await mailedLink(owner, invitee, "/invitations/accept");
  const nobody = await (await browser.newContext()).newPage();
  await nobody.goto("/password/forgot");
  await textbox(nobody, "Email").fill(DEMO_USERS.staff);
  await nobody.getByRole("button", { name: "Send me a link" }).click();
  await expect(nobody.getByRole("status")).toHaveText(/If an account has/);
  await nobody.context().close();
  const reset = await mailedLink(owner, DEMO_USERS.staff, "/password/reset");
  await owner.context().close();

  return {
    partner: partnerId,
    lead,
    leadsUpload,
    revenueUpload,
    import: imported,
    conflict,
    review,
    invitation,
    reset,
  };
}
