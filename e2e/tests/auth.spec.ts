import type { Browser, Cookie } from "@playwright/test";
import { expect, test } from "../support/fixtures.js";

const SESSION_COOKIE = "tandem_session";

/** Opens /leads in a new context that holds only this cookie. */
async function replay(browser: Browser, cookie: Cookie) {
  const context = await browser.newContext();
  await context.addCookies([cookie]);
  const page = await context.newPage();
  await page.goto("/leads");
  const url = new URL(page.url());
  await context.close();
  return `${url.pathname}${url.search}`;
}

test("the session cookie is HttpOnly and SameSite=Lax", async ({
  openPage,
}) => {
  const partner = await openPage({ as: "bluefin" });

  const cookies = await partner.context().cookies();
  const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(await partner.evaluate(() => document.cookie)).not.toContain(
    SESSION_COOKIE,
  );
});

test("signing out revokes the session, not just the cookie", async ({
  browser,
  openPage,
}) => {
  const partner = await openPage({ as: "bluefin" });
  const cookies = await partner.context().cookies();
  const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE)!;
  expect(await replay(browser, session)).toBe("/leads");

  await partner.getByRole("button", { name: "Sign out" }).click();

  await expect(partner).toHaveURL(/\/login$/);
  await expect(
    partner.getByRole("heading", { level: 1, name: "Sign in" }),
  ).toBeVisible();
  expect(await replay(browser, session)).toBe("/login?redirectTo=%2Fleads");
});

test("a partner user sees neither other partners nor the overview", async ({
  openPage,
}) => {
  const partner = await openPage({ as: "bluefin" });
  const own = partner.getByRole("link", { name: "Scorecard" });
  await expect(own).toHaveAttribute("href", /^\/partners\/\d+\/scorecard$/);
  expect(await own.getAttribute("href")).not.toBe("/partners/2/scorecard");

  const scorecard = await partner.goto("/partners/2/scorecard");
  expect(scorecard?.status()).toBe(404);
  await expect(partner.getByRole("alert")).toHaveText("404: No such partner.");

  const overview = await partner.goto("/overview");
  expect(overview?.status()).toBe(403);
  await expect(partner.getByRole("alert")).toHaveText(/^403: /);

  // Both exist: staff open them.
  const staff = await openPage({ as: "staff" });
  expect((await staff.goto("/partners/2/scorecard"))?.status()).toBe(200);
  expect((await staff.goto("/overview"))?.status()).toBe(200);
});

test("a form sent from another site is refused with a reason, not a 500", async ({
  openPage,
}) => {
  const partner = await openPage({ as: "bluefin" });
  const form = { company: "Cross-site Co", contactName: "X" };
  for (const origin of ["https://evil.example", "null"]) {
    const answer = await partner.request.post("/leads/new", {
      headers: { Origin: origin },
      form,
    });
    expect(answer.status(), origin).toBe(403);
    expect(await answer.text()).toMatch(/sent from another site/);
  }
  // From the portal's own origin the same form goes through to the page.
  const own = new URL(partner.url()).origin;
  const answer = await partner.request.post("/leads/new", {
    headers: { Origin: own },
    form,
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(400);
});

test("an old-style ?_data= request is refused, not a 500", async ({
  openPage,
}) => {
  const staff = await openPage({ as: "staff" });
  const answer = await staff.request.get("/leads?_data=routes%2Fleads._index");
  expect(answer.status()).toBe(400);
  expect(await answer.text()).toMatch(/does not take _data/);
});
