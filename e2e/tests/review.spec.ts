import type { Page } from "@playwright/test";
import { BLUEFIN } from "../support/demo.js";
import { expect, test } from "../support/fixtures.js";
import { textbox } from "../support/forms.js";
import { unique } from "../support/unique.js";

/**
 * A custom range of four weeks ending at least a month ago, different
 * each run, so a reused portal has no open review for it yet.
 */
function pastRange(): { from: string; to: string; label: string } {
  const day = 24 * 60 * 60 * 1000;
  const back = 35 + Math.floor(Math.random() * 600);
  const from = new Date(Date.now() - back * day).toISOString().slice(0, 10);
  const to = new Date(Date.parse(from) + 27 * day).toISOString().slice(0, 10);
  return { from, to, label: `${from} to ${to}` };
}

async function openBluefinReviews(staff: Page): Promise<void> {
  await staff
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Partners" })
    .click();
  await staff.getByRole("link", { name: BLUEFIN, exact: true }).click();
  await staff.getByRole("link", { name: "Reviews", exact: true }).click();
  await expect(
    staff.getByRole("heading", { level: 1, name: `Reviews of ${BLUEFIN}` }),
  ).toBeVisible();
}

test("staff review a partnership with its partner, who agrees", async ({
  openPage,
}) => {
  const range = pastRange();
  const note = unique("Pipeline is healthy");
  const item = unique("Plan a joint webinar");
  const comment = unique("We agree and will run the webinar");

  const staff = await openPage({ as: "staff" });
  await openBluefinReviews(staff);
  await staff.getByLabel("Period").selectOption("custom");
  await staff.getByLabel("or from").fill(range.from);
  await staff.getByLabel("to (included)").fill(range.to);
  await staff.getByRole("button", { name: "Open review" }).click();
  await expect(
    staff.getByRole("heading", {
      level: 1,
      name: `Review of ${BLUEFIN} for ${range.label}`,
    }),
  ).toBeVisible();
  const frozen = await staff
    .getByRole("table", { name: "Every metric" })
    .innerText();
  const reviewUrl = staff.url();

  await staff.getByRole("textbox", { name: "Note" }).fill(note);
  await staff.getByRole("button", { name: "Add note" }).click();
  await expect(
    staff.getByRole("list", { name: "Notes and comments" }),
  ).toContainText(note);

  await textbox(staff, "What is to be done").fill(item);
  const owner = staff.getByLabel("Owner");
  const partnerPerson = owner
    .locator("option")
    .filter({ hasNotText: "(program)" })
    .filter({ hasNotText: "Choose" })
    .first();
  await owner.selectOption((await partnerPerson.getAttribute("value"))!);
  await staff.getByLabel("Due").fill(range.to);
  await staff.getByRole("button", { name: "Add action item" }).click();
  await expect(staff.getByRole("list", { name: "Action items" })).toContainText(
    item,
  );

  const partner = await openPage({ as: "bluefin" });
  await partner
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /^Notifications/ })
    .click();
  await partner
    .getByRole("button", {
      name: `Review of ${BLUEFIN} for ${range.label} opened`,
      exact: true,
    })
    .click();
  await expect(partner).toHaveURL(reviewUrl);
  await expect(
    partner.getByRole("heading", {
      name: `Scorecard for ${range.label}, as frozen`,
    }),
  ).toBeVisible();
  expect(
    await partner.getByRole("table", { name: "Every metric" }).innerText(),
  ).toBe(frozen);
  await expect(
    partner.getByRole("list", { name: "Action items" }),
  ).toContainText(item);
  await expect(
    partner.getByRole("button", { name: "Close review" }),
  ).toHaveCount(0);

  await partner.getByRole("textbox", { name: "Comment" }).fill(comment);
  await partner.getByRole("button", { name: "Add comment" }).click();
  await expect(
    partner.getByRole("list", { name: "Notes and comments" }),
  ).toContainText(comment);
  await partner.getByRole("button", { name: "Agree to this review" }).click();
  await expect(partner.getByTestId("review-agreement")).toHaveText(
    /^Agreed by /,
  );

  await staff.reload();
  await expect(
    staff.getByRole("list", { name: "Notes and comments" }),
  ).toContainText(comment);
  await staff.getByRole("button", { name: "Close review" }).click();
  await expect(staff.getByTestId("review-status")).toHaveText(/^Closed on /);
  await expect(staff.getByRole("button", { name: "Add note" })).toHaveCount(0);

  await partner.reload();
  await expect(partner.getByTestId("review-status")).toHaveText(/^Closed on /);
  await expect(
    partner.getByRole("button", { name: "Add comment" }),
  ).toHaveCount(0);
  expect(
    await partner.getByRole("table", { name: "Every metric" }).innerText(),
  ).toBe(frozen);
});
