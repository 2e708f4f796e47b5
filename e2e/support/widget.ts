import { expect, type Locator, type Page } from "@playwright/test";
import { parseUsdCents } from "./money.js";

/**
 * Parts of <partner-scorecard>. Playwright's CSS and role locators pierce
 * its open shadow root.
 */
export function scorecardWidget(page: Page) {
  const widget = page.locator("partner-scorecard");
  return {
    heading: widget.getByRole("heading"),
    error: widget.getByRole("alert"),
    metrics: widget.getByRole("listitem"),
    value: (metric: string): Locator =>
      widget.locator(
        `[part~="metric"][data-metric="${metric}"] [part~="value"]`,
      ),
  };
}

/** Waits for the widget to show its direct revenue, and reads it. */
export async function readDirectRevenue(page: Page): Promise<bigint> {
  const value = scorecardWidget(page).value("direct_revenue");
  await expect(value).toHaveText(/\$/);
  return parseUsdCents(await value.innerText());
}
