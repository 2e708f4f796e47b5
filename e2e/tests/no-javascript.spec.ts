import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { textbox } from "../support/forms.js";
import {
  acceptLead,
  leadFact,
  markWon,
  newLead,
  registerLead,
} from "../support/leads.js";
import { unique } from "../support/unique.js";

/** Every POST the page makes; a browser's own form post is a navigation. */
function watchPosts(page: Page): boolean[] {
  const posts: boolean[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.isNavigationRequest());
  });
  return posts;
}

test("staff decide a lead without JavaScript", async ({ openPage }) => {
  const lead = newLead("Wide World Importers");
  const partner = await openPage({ as: "bluefin" });
  await registerLead(partner, lead);
  const leadUrl = partner.url();

  const staff = await openPage({ as: "staff", javaScriptEnabled: false });
  const posts = watchPosts(staff);
  await staff.goto(leadUrl);
  await acceptLead(staff);
  await markWon(staff, "4,200");

  await expect(leadFact(staff, "Won")).toHaveText(/^\$4,200\.00 on /);
  expect(posts).toEqual([true, true]);
});

test("a partner rates the relationship without JavaScript", async ({
  openPage,
}) => {
  const comment = unique("Quick answers on every deal");
  const partner = await openPage({ as: "bluefin", javaScriptEnabled: false });
  const posts = watchPosts(partner);
  await partner.goto("/scorecard");
  const score = partner.getByRole("spinbutton", { name: /^Score/ });

  await score.fill("11");
  await partner.getByRole("button", { name: "Send rating" }).click();
  await expect(score).toHaveAccessibleDescription(
    "Choose a score from 0 to 10.",
  );

  await score.fill("8");
  await partner.getByLabel("Trust").selectOption("4");
  await textbox(partner, "Comment").fill(comment);
  await partner.getByRole("button", { name: "Send rating" }).click();

  await expect(partner).toHaveURL(/\/partners\/\d+\/scorecard#ratings$/);
  await expect(partner.getByText(comment)).toBeVisible();
  expect(posts).toEqual([true, true]);
});

test("an admin changes the program's settings without JavaScript", async ({
  openPage,
}) => {
  const segment = unique("Regional hospitals");
  const owner = await openPage({ as: "owner", javaScriptEnabled: false });
  const posts = watchPosts(owner);
  await owner.goto("/settings");

  const margin = textbox(owner, "Gross margin for customer lifetime value (%)");
  const kept = await margin.inputValue();
  await margin.fill("high");
  await owner.getByRole("button", { name: "Save settings" }).click();
  await expect(margin).toHaveAttribute("aria-invalid", "true");
  await expect(margin).toHaveAccessibleDescription(
    "Give a percent such as 65 or 72.5.",
  );
  await margin.fill(kept);
  await owner.getByRole("button", { name: "Save settings" }).click();
  await expect(owner).toHaveURL(/\/settings$/);
  await expect(margin).toHaveValue(kept);
  await expect(margin).not.toHaveAttribute("aria-invalid", "true");

  // A refused segment keeps its name; the other forms keep theirs.
  await textbox(owner, "Segment").fill(segment);
  await textbox(owner, "Accounts aimed at").fill("a dozen");
  await owner.getByRole("button", { name: "Save segment" }).click();
  await expect(textbox(owner, "Accounts aimed at")).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(textbox(owner, "Segment")).toHaveValue(segment);
  await expect(textbox(owner, "Accounts aimed at")).toHaveValue("a dozen");
  await expect(margin).toHaveValue(kept);
  await expect(margin).not.toHaveAttribute("aria-invalid", "true");

  await textbox(owner, "Accounts aimed at").fill("12");
  await owner.getByRole("button", { name: "Save segment" }).click();
  await expect(owner.getByText(`${segment}: 12 accounts`)).toBeVisible();
  await owner.getByRole("button", { name: `Remove ${segment}` }).click();
  await expect(owner.getByText(`${segment}: 12 accounts`)).toHaveCount(0);
  expect(posts).toEqual([true, true, true, true, true]);
});
