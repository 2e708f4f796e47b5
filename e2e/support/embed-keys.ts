import { expect, type Locator, type Page } from "@playwright/test";
import { unique } from "./unique.js";

export interface NewEmbedKey {
  partner: string;
  origins: string[];
}

function keyRow(page: Page, label: string): Locator {
  return page
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: label, exact: true }) });
}

/**
 * Owner staff create a key on the Embed keys page; resolves to the key as
 * the table shows it.
 */
export async function createEmbedKey(
  page: Page,
  { partner, origins }: NewEmbedKey,
): Promise<{ key: string; label: string }> {
  const label = unique("E2E key");
  await page.goto("/embed-keys");
  await page.getByRole("textbox", { name: /^Label/ }).fill(label);
  await page
    .getByRole("combobox", { name: /^Partner/ })
    .selectOption({ label: partner });
  await page
    .getByRole("textbox", { name: /^Allowed origins/ })
    .fill(origins.join("\n"));
  await page.getByRole("button", { name: "Create key" }).click();

  const row = keyRow(page, label);
  await expect(row.getByRole("cell").nth(1)).toHaveText(partner);
  await expect(row.getByRole("cell").nth(3)).toHaveText(origins.join(", "));
  const key = await row.getByText(/^pk_[0-9a-f]{32}$/).textContent();
  return { key: key!, label };
}

export async function revokeEmbedKey(page: Page, label: string) {
  await page.goto("/embed-keys");
  const row = keyRow(page, label);
  await row.getByRole("button", { name: "Revoke" }).click();

  await expect(row.getByRole("cell").last()).toHaveText("revoked");
}
