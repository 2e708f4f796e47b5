import { tmpdir } from "node:os";
import { join } from "node:path";
import { rmSync } from "node:fs";
import { expect, test } from "../support/fixtures.js";
import { BLUEFIN, DEMO_USERS } from "../support/demo.js";
import { createEmbedKey, revokeEmbedKey } from "../support/embed-keys.js";
import {
  acceptLead,
  markWon,
  newLead,
  openIncomingLead,
  registerLead,
} from "../support/leads.js";
import { markPage, pageKeptMark, watchStreams } from "../support/live.js";
import { parseUsdCents } from "../support/money.js";
import { PortalProcess } from "../support/portal-process.js";
import {
  HOST_SITE_ORIGIN,
  PORTAL_ORIGIN,
  PORTAL_PORT,
  hostPageUrl,
} from "../support/servers.js";
import { readDirectRevenue, scorecardWidget } from "../support/widget.js";

/** A live change must show well within this, without a reload. */
const LIVE_MS = 3_000;

test("a won deal shows in the widget and the portal page at once", async ({
  page,
  openPage,
}) => {
  const staff = await openPage({ as: "staff" });
  const { key } = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: [HOST_SITE_ORIGIN],
  });
  await page.goto(hostPageUrl(key));
  const before = await readDirectRevenue(page);
  await markPage(page);

  const partner = await openPage({ as: "bluefin" });
  const lead = newLead("Live Retail");
  await registerLead(partner, lead);
  await partner.getByRole("link", { name: "Scorecard" }).click();
  const portalValue = partner.locator('[data-metric="direct_revenue"]');
  const portalBefore = parseUsdCents(await portalValue.innerText());
  await markPage(partner);

  await openIncomingLead(staff, lead.company);
  await acceptLead(staff);
  await markWon(staff, "4,321.00");

  const value = scorecardWidget(page).value("direct_revenue");
  await expect
    .poll(async () => parseUsdCents(await value.innerText()), {
      timeout: LIVE_MS,
    })
    .toBe(before + 432_100n);
  await expect
    .poll(async () => parseUsdCents(await portalValue.innerText()), {
      timeout: LIVE_MS,
    })
    .toBe(portalBefore + 432_100n);
  expect(await pageKeptMark(page)).toBe(true);
  expect(await pageKeptMark(partner)).toBe(true);
});

test("a revoked key stops the stream and says so", async ({
  page,
  openPage,
}) => {
  const staff = await openPage({ as: "staff" });
  const { key, label } = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: [HOST_SITE_ORIGIN],
  });
  await page.goto(hostPageUrl(key));
  const widget = scorecardWidget(page);
  await expect(widget.heading).toContainText(BLUEFIN);
  await markPage(page);

  await revokeEmbedKey(staff, label);

  await expect(widget.error).toHaveText("This embed key has been revoked.", {
    timeout: 5_000,
  });
  expect(await pageKeptMark(page)).toBe(true);
});

test("a stream for another origin's key is refused", async ({
  page,
  openPage,
}) => {
  const staff = await openPage({ as: "staff" });
  const { key } = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: ["https://partner.example"],
  });
  await page.goto(hostPageUrl(""));

  const outcome = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const source = new EventSource(url);
        source.addEventListener("scorecard", () => resolve("scorecard"));
        source.addEventListener("error", () => {
          resolve(source.readyState === EventSource.CLOSED ? "closed" : "?");
          source.close();
        });
      }),
    `${PORTAL_ORIGIN}/embed/v1/stream?keys=${key}`,
  );
  expect(outcome).toBe("closed");
});

test("two widgets on one page share one stream", async ({ page, openPage }) => {
  const staff = await openPage({ as: "staff" });
  const first = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: [HOST_SITE_ORIGIN],
  });
  const second = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: [HOST_SITE_ORIGIN],
  });
  const streams = watchStreams(page);

  await page.goto(hostPageUrl([first.key, second.key]));

  const cards = page.locator("partner-scorecard");
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) {
    await expect(card.getByRole("heading")).toContainText(BLUEFIN);
  }
  await expect.poll(() => streams.length).toBe(1);
  await page.waitForTimeout(500);
  expect(streams).toHaveLength(1);
  expect(streams[0]!.searchParams.get("keys")!.split(",").sort()).toEqual(
    [`${first.key}:quarter`, `${second.key}:quarter`].sort(),
  );
});

test("the script included twice is harmless", async ({ page, openPage }) => {
  const staff = await openPage({ as: "staff" });
  const { key } = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: [HOST_SITE_ORIGIN],
  });

  await page.goto(hostPageUrl(key, { twice: true }));

  await expect(scorecardWidget(page).heading).toContainText(BLUEFIN);
  expect(await page.locator("script").count()).toBe(2);
});

test("a dark card under a strict CSP", async ({ page, openPage }) => {
  const staff = await openPage({ as: "staff" });
  const { key } = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: [HOST_SITE_ORIGIN],
  });
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
  });

  await page.goto(hostPageUrl(key, { theme: "dark", csp: true }));

  const base = page.locator("partner-scorecard").locator('[part="base"]');
  await expect(scorecardWidget(page).heading).toContainText(BLUEFIN);
  const colours = await base.evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.backgroundColor, style.color];
  });
  expect(colours).toEqual(["rgb(13, 17, 23)", "rgb(230, 237, 243)"]);
  expect(violations).toEqual([]);
});

test("page styles cannot reach into the card", async ({ page, openPage }) => {
  const staff = await openPage({ as: "staff" });
  const { key } = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: [HOST_SITE_ORIGIN],
  });

  await page.goto(hostPageUrl(key, { hostile: true }));

  const widget = scorecardWidget(page);
  await expect(widget.heading).toBeVisible();
  await expect(widget.heading).toContainText(BLUEFIN);
  const looks = await widget.heading.evaluate((el) => {
    const style = getComputedStyle(el);
    return [
      style.color,
      style.fontSize,
      style.fontStyle,
      style.textTransform,
      style.letterSpacing,
    ];
  });
  expect(looks).toEqual([
    "rgb(31, 35, 40)",
    "18px",
    "normal",
    "none",
    "normal",
  ]);
  // The page's own heading did take the page's styles.
  const own = await page
    .locator("h1")
    .evaluate((el) => getComputedStyle(el).color);
  expect(own).toBe("rgb(255, 0, 0)");
});

test("the widget reconnects and catches up after a portal restart", async ({
  page,
  pageErrors,
}) => {
  const dataDir = join(tmpdir(), `tandem-e2e-restart-${PORTAL_PORT}`);
  rmSync(dataDir, { recursive: true, force: true });
  const portal = new PortalProcess(PORTAL_PORT + 2, dataDir);
  await portal.start();
  try {
    const staff = await portal.signedIn(DEMO_USERS.staff);
    const keysPage = await (await staff.get("/embed-keys")).text();
    const partnerId = new RegExp(
      `<option value="(\\d+)">${BLUEFIN}</option>`,
    ).exec(keysPage)![1]!;
    const created = await staff.post("/embed-keys", {
      form: {
        intent: "create",
        label: "restart",
        scope: "partner",
        partnerId,
        origins: HOST_SITE_ORIGIN,
      },
      maxRedirects: 0,
    });
    expect(created.status()).toBe(302);
    const listed = await (await staff.get("/embed-keys")).text();
    const key = /pk_[0-9a-f]{32}/.exec(listed)![0];

    await page.goto(hostPageUrl(key, { api: portal.origin }));
    const score = scorecardWidget(page).value("partner_satisfaction_score");
    await expect(scorecardWidget(page).heading).toContainText(BLUEFIN);
    const before = await score.innerText();
    await markPage(page);

    expect(await portal.stop()).toBe(0);
    await portal.start();
    const partner = await portal.signedIn(DEMO_USERS.bluefin);
    const rated = await partner.post(`/partners/${partnerId}/scorecard`, {
      form: { score: before.startsWith("0") ? "10" : "0", comment: "" },
      maxRedirects: 0,
    });
    expect(rated.status()).toBe(302);

    await expect(score).not.toHaveText(before, { timeout: 20_000 });
    expect(await pageKeptMark(page)).toBe(true);
    // The browser reports the stream's tries while the portal was down.
    forgive(pageErrors, /Failed to load resource: net::ERR_CONNECTION_/);
  } finally {
    await portal.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Drops errors a test caused on purpose, leaving any other to fail it. */
function forgive(errors: string[], expected: RegExp): void {
  const others = errors.filter((e) => !expected.test(e));
  errors.splice(0, errors.length, ...others);
}
