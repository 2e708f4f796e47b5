import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { makeDemoIds } from "../support/demo-ids.js";
import { expect, test } from "../support/fixtures.js";
import {
  pageFiles,
  PAGES,
  routeFileExists,
  type DemoIds,
} from "../support/pages.js";

const PHONE = { width: 375, height: 740 };

/** Serious and critical violations, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}

/** Wider than the screen: the page scrolls sideways. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
}

/** Every link and button of the bar is on the screen, none cut off. */
async function expectNavigationOnScreen(page: Page): Promise<void> {
  const controls = page
    .getByRole("banner")
    .locator("a, button")
    .filter({ visible: true });
  const count = await controls.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const box = (await controls.nth(i).boundingBox())!;
    const name = await controls.nth(i).textContent();
    expect(box.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} ends on screen`).toBeLessThanOrEqual(
      PHONE.width,
    );
  }
}

test("the page list names every page of the portal", () => {
  const missing = pageFiles().filter((file) => !(file in PAGES));
  const stale = Object.keys(PAGES).filter((file) => !routeFileExists(file));
  expect(missing, "pages missing from support/pages.ts").toEqual([]);
  expect(stale, "entries of support/pages.ts with no route file").toEqual([]);
});

let ids: DemoIds;
test.beforeAll(async ({ browser }) => {
  // A dozen pages' worth of making, on a shared machine.
  test.setTimeout(180_000);
  ids = await makeDemoIds(browser);
});

for (const [file, visits] of Object.entries(PAGES)) {
  for (const visit of visits) {
    for (const user of visit.as) {
      test(`${file} as ${user ?? "nobody"}: axe, phone width`, async ({
        openPage,
      }) => {
        const page = await openPage({ as: user ?? undefined });
        const answer = await page.goto(visit.path(ids));
        expect(answer?.status()).toBe(200);
        expect(await seriousViolations(page)).toEqual([]);

        await page.setViewportSize(PHONE);
        expect(await overflow(page), "sideways overflow in px").toBe(0);
        if (user) await expectNavigationOnScreen(page);
      });
    }
  }
}

test("the error page: axe, phone width", async ({ openPage }) => {
  const page = await openPage({ as: "bluefin" });
  const answer = await page.goto("/overview");
  expect(answer?.status()).toBe(403);
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize(PHONE);
  expect(await overflow(page)).toBe(0);
});

test("an unknown address: page not found, and a way back", async ({
  openPage,
}) => {
  const page = await openPage({ as: "bluefin" });
  const answer = await page.goto("/partners/1");
  expect(answer?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { level: 1, name: "Page not found" }),
  ).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText(
    "There is no page at this address.",
  );
  await expect(
    page.getByRole("link", { name: "Back to the start" }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the top bar marks one link, the page's own, as current", async ({
  openPage,
}) => {
  const current = (page: Page) =>
    page
      .getByRole("navigation", { name: "Main" })
      .locator('[aria-current="page"]')
      .allTextContents();
  const staff = await openPage({ as: "staff" });
  for (const [path, link] of [
    ["/leads", "Leads"],
    [`/leads/${ids.lead}`, "Leads"],
    ["/leads/inbox", "To decide"],
    ["/imports/revenue", "Import"],
    ["/partners", "Partners"],
  ] as const) {
    await staff.goto(path);
    expect(await current(staff), path).toEqual([link]);
  }
  const partner = await openPage({ as: "bluefin" });
  await partner.goto("/leads/new");
  expect(await current(partner)).toEqual(["Register a lead"]);
});
