import { expect, test } from "../support/fixtures.js";
import { BLUEFIN } from "../support/demo.js";
import { createEmbedKey, revokeEmbedKey } from "../support/embed-keys.js";
import {
  acceptLead,
  markWon,
  newLead,
  openIncomingLead,
  registerLead,
} from "../support/leads.js";
import { currentQuarterLabel, programToday } from "../support/periods.js";
import {
  HOST_SITE_ORIGIN,
  PORTAL_ORIGIN,
  hostPageUrl,
} from "../support/servers.js";
import { readDirectRevenue, scorecardWidget } from "../support/widget.js";

const WON_AMOUNT = "12,345.67";
const WON_CENTS = 1_234_567n;

/** Fetches the embed API from inside the page, as any script there could. */
function fetchFromPage(url: string) {
  return fetch(url, { credentials: "omit" }).then(
    async (response) => ({
      outcome: "answered",
      status: response.status,
      partner: ((await response.json()) as { partner?: { name: string } })
        .partner?.name,
    }),
    (error: unknown) => ({ outcome: String(error) }),
  );
}

function embedApiUrl(key: string): string {
  return `${PORTAL_ORIGIN}/embed/v1/scorecard?key=${key}&period=quarter`;
}

test("the widget shows live figures that a won deal adds to", async ({
  page,
  openPage,
}) => {
  const staff = await openPage({ as: "staff" });
  const { key } = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: [HOST_SITE_ORIGIN],
  });

  await page.goto(hostPageUrl(key));
  const widget = scorecardWidget(page);
  await expect(widget.heading).toHaveText(
    `${BLUEFIN} ${currentQuarterLabel()}`,
  );
  const before = await readDirectRevenue(page);

  const lead = newLead("Contoso Retail");
  const partner = await openPage({ as: "bluefin" });
  await registerLead(partner, lead);
  await openIncomingLead(staff, lead.company);
  await acceptLead(staff);
  await markWon(staff, WON_AMOUNT);
  await expect(
    staff.getByRole("region", { name: "History" }).getByRole("listitem").last(),
  ).toHaveText(new RegExp(`^accepted → won on ${programToday()} `));

  await page.reload();
  await expect(widget.heading).toHaveText(
    `${BLUEFIN} ${currentQuarterLabel()}`,
  );
  expect(await readDirectRevenue(page)).toBe(before + WON_CENTS);

  // The portal's own scorecard for the quarter shows the same figure.
  await partner.getByRole("link", { name: "Scorecard" }).click();
  await expect(partner.getByRole("heading", { level: 1 })).toHaveText(
    `${BLUEFIN}: scorecard for ${currentQuarterLabel()}`,
  );
  await expect(partner.locator('[data-metric="direct_revenue"]')).toHaveText(
    await widget.value("direct_revenue").innerText(),
  );
});

test("a key for other origins shows the error state", async ({
  page,
  openPage,
}) => {
  const staff = await openPage({ as: "staff" });
  const { key } = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: ["https://partner.example"],
  });

  await page.goto(hostPageUrl(key));

  const widget = scorecardWidget(page);
  await expect(widget.error).toHaveText(/\S/);
  await expect(widget.heading).toHaveCount(0);
  await expect(widget.metrics).toHaveCount(0);
});

test("a revoked key shows the error state", async ({ page, openPage }) => {
  const staff = await openPage({ as: "staff" });
  const { key, label } = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: [HOST_SITE_ORIGIN],
  });
  await page.goto(hostPageUrl(key));
  const widget = scorecardWidget(page);
  await expect(widget.heading).toContainText(BLUEFIN);

  await revokeEmbedKey(staff, label);
  await page.reload();

  await expect(widget.error).toHaveText("This embed key has been revoked.");
  await expect(widget.heading).toHaveCount(0);
});

test("a mistyped key says so in the widget", async ({ page }) => {
  await page.goto(hostPageUrl(`pk_${"0".repeat(32)}`));
  const widget = scorecardWidget(page);
  await expect(widget.error).toHaveText("This embed key does not exist.");
  await expect(widget.heading).toHaveCount(0);
});

test("the JSON endpoint lets only the key's origins read it", async ({
  page,
  openPage,
  request,
}) => {
  const staff = await openPage({ as: "staff" });
  const allowed = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: [HOST_SITE_ORIGIN],
  });
  const other = await createEmbedKey(staff, {
    partner: BLUEFIN,
    origins: ["https://partner.example"],
  });
  await page.goto(hostPageUrl(""));

  expect(await page.evaluate(fetchFromPage, embedApiUrl(allowed.key))).toEqual({
    outcome: "answered",
    status: 200,
    partner: BLUEFIN,
  });
  expect(await page.evaluate(fetchFromPage, embedApiUrl(other.key))).toEqual({
    outcome: "TypeError: Failed to fetch",
  });

  // Why the browser refused: no CORS header for an origin not listed.
  const asHostSite = { headers: { Origin: HOST_SITE_ORIGIN } };
  const granted = await request.get(embedApiUrl(allowed.key), asHostSite);
  expect(granted.headers()["access-control-allow-origin"]).toBe(
    HOST_SITE_ORIGIN,
  );
  const refused = await request.get(embedApiUrl(other.key), asHostSite);
  expect(refused.status()).toBe(403);
  expect(refused.headers()).not.toHaveProperty("access-control-allow-origin");
});
