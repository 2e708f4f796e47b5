// From the start of a write through the portal to the new value in a
// widget's DOM on another origin, in Debian's Chromium. The baseline is
// the write's own round trip, measured in the same rounds.
import { chromium } from "@playwright/test";
import { signIn } from "./session.mjs";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const VALUE = '[data-metric="leads_generated"] [part~="value"]';

export async function measureLatency({ portal, host, key, rounds }) {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    const query = new URLSearchParams({ key, api: portal });
    await page.goto(`${host}/?${query}`);
    await page.locator(`partner-scorecard ${VALUE}`).waitFor();
    await page.evaluate(watchValue, VALUE);
    const partner = await signIn(
      portal,
      "partner@bluefin-consulting.demo.tandem.test",
    );
    const toDom = [];
    const write = [];
    for (let i = 0; i < rounds; i++) {
      const started = Date.now();
      await partner.post("/leads/new", {
        company: `Bench ${started} ${i}`,
        contactName: "Bench",
        // A contact of its own: a repeated one is a possible duplicate,
        // which the portal asks about (409) before saving.
        contactEmail: `bench-${started}-${i}@example.com`,
      });
      write.push(Date.now() - started);
      await page.waitForFunction((n) => window.benchSeen.length > n, i, {
        timeout: 10_000,
      });
      const shownAt = await page.evaluate((n) => window.benchSeen[n], i);
      toDom.push(shownAt - started);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return { toDom: median(toDom), write: median(write), rounds };
  } finally {
    await browser.close();
  }
}

/** Runs in the page: notes when the widget's value text changes. */
function watchValue(selector) {
  const root = document.querySelector("partner-scorecard").shadowRoot;
  let last = root.querySelector(selector).textContent;
  window.benchSeen = [];
  new MutationObserver(() => {
    const now = root.querySelector(selector)?.textContent;
    if (now === undefined || now === last) return;
    last = now;
    window.benchSeen.push(Date.now());
  }).observe(root, { subtree: true, childList: true, characterData: true });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
