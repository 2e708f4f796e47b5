import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";
import { textbox } from "../support/forms.js";
import { newLead } from "../support/leads.js";

/** The focused element's text, or its accessible label for a field. */
const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

/** A focus ring shows where the keyboard is. */
async function expectFocusRing(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: style.outlineWidth };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).not.toBe("0px");
}

test("a partner registers a lead with the keyboard alone", async ({
  openPage,
}) => {
  const lead = newLead("Adventure Works");
  const page = await openPage({ as: "bluefin" });
  await page.goto("/leads");

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectFocusRing(page);

  const passed: string[] = [];
  for (let i = 0; i < 10 && passed.at(-1) !== "Register a lead"; i += 1) {
    await page.keyboard.press("Tab");
    passed.push(await focused(page));
  }
  expect(passed).toEqual(["Tandem", "Leads", "Register a lead"]);
  await expectFocusRing(page);
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { level: 1, name: "Register a lead" }),
  ).toBeVisible();

  // The skip link passes the bar and lands on the form's first field.
  await page.reload();
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const fields = [
    ["Company", lead.company],
    ["Contact name", lead.contactName],
    ["Contact email", lead.contactEmail],
    ["Website or domain", lead.contactEmail.split("@")[1]!],
    ["Estimated value", lead.estimatedValue],
    ["Notes", lead.notes],
  ] as const;
  for (const [label, value] of fields) {
    await expect(textbox(page, label)).toBeFocused();
    await expectFocusRing(page);
    await page.keyboard.type(value);
    await page.keyboard.press("Tab");
  }
  const send = page.getByRole("button", { name: "Register lead" });
  await expect(send).toBeFocused();
  await expectFocusRing(page);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/leads\/\d+$/);
  await expect(
    page.getByRole("heading", { level: 1, name: lead.company }),
  ).toBeVisible();
});

test("a refused form puts the keyboard on the first field to fix", async ({
  openPage,
}) => {
  const page = await openPage({ as: "bluefin" });
  await page.goto("/leads/new");
  await textbox(page, "Company").fill("Fabrikam");
  await textbox(page, "Contact name").fill("Ann");
  await textbox(page, "Contact email").fill("not an address");
  await textbox(page, "Estimated value").fill("lots");
  await page.getByRole("button", { name: "Register lead" }).press("Enter");
  const email = textbox(page, "Contact email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();
  await expect(email).toHaveValue("not an address");
  await expectFocusRing(page);
});
