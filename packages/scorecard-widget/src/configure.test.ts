import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { embedScorecardSchema } from "@tandem/embed-contract";
import type { EmbedScorecard } from "@tandem/embed-contract";
import "./index.js";
import { sparkline, sparklineShape } from "./sparkline.js";
import { hasPart, metric, mount, nextEvent, part, text } from "./test/dom.js";
import { jsonResponse, stubFetch } from "./test/http.js";
import { scorecardFixture } from "./test/scorecard-fixture.js";

const API = "https://portal.example.com";
const quarter = embedScorecardSchema.parse(scorecardFixture());

async function show(
  attributes: Record<string, string>,
  card: EmbedScorecard = quarter,
) {
  stubFetch().mockImplementation(() => Promise.resolve(jsonResponse(card)));
  const element = mount({
    key: "pk_live_abc123",
    "api-base": API,
    ...attributes,
  });
  await nextEvent(element, "tandem-load");
  return element;
}

function shownMetrics(element: HTMLElement): string[] {
  const items = element.shadowRoot!.querySelectorAll("[part~='metric']");
  return [...items].map((li) => li.getAttribute("data-metric")!);
}

beforeEach(() => {
  document.documentElement.lang = "en";
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe("<partner-scorecard> attributes", () => {
  it("shows the metrics asked for, in that order", async () => {
    const element = await show({
      metrics: "partner_satisfaction_score, direct_revenue,unknown",
    });
    expect(shownMetrics(element)).toEqual([
      "partner_satisfaction_score",
      "direct_revenue",
    ]);
    element.metrics = undefined;
    await element.updateComplete;
    expect(shownMetrics(element)).toHaveLength(6);
  });

  it("formats money, months and times for the locale", async () => {
    const month = {
      ...quarter,
      period: {
        kind: "month" as const,
        key: "2017-03",
        label: "Mar 2017",
        start: "2017-03-01",
        end: "2017-04-01",
      },
    };
    const element = await show({ locale: "fr-FR", period: "month" }, month);
    expect(text(part(element, "period"))).toBe("mars 2017");
    const revenue = metric(element, "direct_revenue");
    expect(text(part(revenue, "value"))).toBe("112 255,00 $US");
    const time = part(element, "updated").querySelector("time")!;
    expect(time.getAttribute("datetime")).toBe(quarter.generatedAt);
    expect(text(time)).toMatch(/^\d{2}:\d{2}$/);
  });

  it("reflects theme and compact for the styles to follow", async () => {
    const element = await show({});
    expect(element.getAttribute("theme")).toBe("light");
    element.theme = "dark";
    element.compact = true;
    await element.updateComplete;
    expect(element.getAttribute("theme")).toBe("dark");
    expect(element.hasAttribute("compact")).toBe(true);
  });

  it("names the program, not a partner, on a badge", async () => {
    const badge = { ...quarter, scope: "program" as const, partner: null };
    const element = await show({}, badge);
    expect(text(part(element, "partner"))).toBe("MAVEN");
  });

  it("draws a sparkline per metric from its series", async () => {
    const element = await show({});
    const leads = metric(element, "leads_generated");
    const line = part(leads, "sparkline");
    expect(line.getAttribute("aria-hidden")).toBe("true");
    expect(line.querySelectorAll("polyline")).toHaveLength(1);
    const growth = metric(element, "revenue_growth_rate");
    expect(hasPart(growth, "sparkline")).toBe(false);
  });

  it("keeps a polite status region, empty until an update", async () => {
    const element = await show({});
    const status = part(element, "status");
    expect(status.getAttribute("role")).toBe("status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(text(status)).toBe("");
  });

  it("hands a nonce to Lit for browsers that need a <style>", async () => {
    globalThis.litNonce = undefined;
    await show({ nonce: "abc123" });
    expect(globalThis.litNonce).toBe("abc123");
    globalThis.litNonce = undefined;
  });
});

describe("sparkline", () => {
  it("breaks at missing values and scales to the range", () => {
    expect(sparklineShape(["0", "10", null, "5", "10"])).toEqual({
      runs: ["0,22 25,2", "75,12 100,2"],
      last: { x: 100, y: 2 },
    });
    expect(sparklineShape(["4", "4", null])).toEqual({
      runs: ["0,12 50,12"],
      last: undefined,
    });
  });

  it("draws nothing with fewer than two values", () => {
    expect(sparklineShape([null, "3", null])).toBeUndefined();
    expect(sparkline(["1"])).toBeUndefined();
  });
});
