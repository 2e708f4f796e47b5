import { BLUEFIN, CEDAR } from "../support/demo.js";
import { expect, test } from "../support/fixtures.js";
import { textbox } from "../support/forms.js";
import {
  fillLeadForm,
  leadFact,
  newLead,
  registerLead,
} from "../support/leads.js";

test("two partners register one company; staff decide; both see the outcome", async ({
  openPage,
}) => {
  const first = newLead("Harborview Labs");
  const bluefin = await openPage({ as: "bluefin" });
  await registerLead(bluefin, first);
  await expect(bluefin.getByRole("status")).toHaveText(/^New lead\./);
  const firstUrl = bluefin.url();

  const domain = first.contactEmail.split("@")[1]!;
  const second = {
    ...first,
    company: `${first.company}, Inc.`,
    contactName: "Rui Costa",
    contactEmail: `rui.costa@${domain}`,
    notes: "Asked us for a quote.",
  };
  const cedar = await openPage({ as: "cedar" });
  await cedar.goto("/leads/new");
  await fillLeadForm(cedar, second);
  await cedar.getByRole("button", { name: "Register lead" }).click();
  await expect(
    cedar.getByRole("heading", { level: 1, name: second.company }),
  ).toBeVisible();
  await expect(leadFact(cedar, "Status")).toHaveText("under review");
  await expect(cedar.getByRole("status")).toContainText(
    "Under review. Another registration for this company exists.",
  );
  const cedarPage = await cedar.locator("main").innerText();
  for (const secret of [BLUEFIN, first.contactName, first.contactEmail]) {
    expect(cedarPage).not.toContain(secret);
  }
  const secondUrl = cedar.url();

  const staff = await openPage({ as: "staff" });
  await staff.goto("/leads/inbox");
  await staff.getByRole("link", { name: "Conflicts only" }).click();
  await staff.getByRole("link", { name: second.company, exact: true }).click();
  await expect(
    staff.getByRole("heading", {
      level: 1,
      name: `Conflict: ${second.company}`,
    }),
  ).toBeVisible();
  const mine = staff.getByRole("article", { name: "This registration" });
  await expect(mine).toContainText(CEDAR);
  await expect(mine).toContainText(second.contactEmail);
  const theirs = staff.getByRole("article", {
    name: "Matches another partner's registration",
  });
  await expect(theirs).toContainText(BLUEFIN);
  await expect(theirs).toContainText(first.contactEmail);
  await expect(theirs).toContainText("Same name, domain");

  await textbox(staff, "Note to this partner (optional)").fill(
    "You brought the quote request.",
  );
  await staff
    .getByRole("checkbox", { name: new RegExp(`^${BLUEFIN}:`) })
    .check();
  await textbox(staff, "Reason given to the partners rejected").fill(
    "The customer chose another offer.",
  );
  await staff.getByRole("button", { name: "Accept this registration" }).click();
  await expect(staff).toHaveURL(/\/leads\/\d+$/);
  await expect(leadFact(staff, "Status")).toHaveText("accepted");

  await cedar.goto(secondUrl);
  await expect(leadFact(cedar, "Status")).toHaveText("accepted");
  await expect(leadFact(cedar, "Protection")).toHaveText(/^90 days left/);
  await expect(cedar.getByText("You brought the quote request.")).toBeVisible();

  await bluefin.goto(firstUrl);
  await expect(leadFact(bluefin, "Status")).toHaveText("rejected");
  await expect(
    bluefin.getByText("The customer chose another offer."),
  ).toBeVisible();
  const bluefinPage = await bluefin.locator("main").innerText();
  for (const secret of [CEDAR, second.contactName, second.contactEmail]) {
    expect(bluefinPage).not.toContain(secret);
  }

  await bluefin
    .getByRole("textbox", { name: "Add a comment" })
    .fill("Understood, thanks.");
  await bluefin.getByRole("button", { name: "Post comment" }).click();
  await expect(bluefin.getByText("Understood, thanks.")).toBeVisible();
  await staff.goto(firstUrl);
  await expect(staff.getByText("Understood, thanks.")).toBeVisible();
});
