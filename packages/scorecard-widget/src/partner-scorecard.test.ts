import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { embedErrorSchema, embedScorecardSchema } from "@tandem/embed-contract";
import type { EmbedScorecard } from "@tandem/embed-contract";
import { PartnerScorecard } from "./index.js";
import {
  deferred,
  hasPart,
  metric,
  mount,
  nextEvent,
  part,
  settle,
  text,
} from "./test/dom.js";
import {
  jsonResponse,
  requestedUrl,
  requestInit,
  stubFetch,
} from "./test/http.js";
import type { FetchMock } from "./test/http.js";
import { errorFixture, scorecardFixture } from "./test/scorecard-fixture.js";

const API = "https://portal.example.com";
const ATTRIBUTES = { key: "pk_live_abc123", "api-base": API };

/** Parsed with the contract's own schema, so the fixtures cannot drift. */
const quarter = embedScorecardSchema.parse(scorecardFixture());
const year = embedScorecardSchema.parse({
  ...scorecardFixture(),
  period: {
    kind: "year",
    key: "2017",
    label: "2017",
    start: "2017-01-01",
    end: "2018-01-01",
  },
});
const revoked = embedErrorSchema.parse(errorFixture());

let fetchMock: FetchMock;

beforeEach(() => {
  fetchMock = stubFetch();
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

function answerWith(scorecard: EmbedScorecard): void {
  fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(scorecard)));
}

async function mountLoaded(): Promise<PartnerScorecard> {
  const element = mount(ATTRIBUTES);
  await nextEvent(element, "tandem-load");
  return element;
}

describe("<partner-scorecard> showing a scorecard", () => {
  it("asks the embed API for the key and the default period", async () => {
    answerWith(quarter);
    await mountLoaded();

    const url = requestedUrl(fetchMock, 0);
    expect(`${url.origin}${url.pathname}`).toBe(`${API}/embed/v1/scorecard`);
    expect(url.searchParams.get("key")).toBe("pk_live_abc123");
    expect(url.searchParams.get("period")).toBe("quarter");
    expect(requestInit(fetchMock, 0)).toMatchObject({
      mode: "cors",
      credentials: "omit",
      cache: "no-cache",
    });
  });

  it("shows the partner, the period and each metric", async () => {
    answerWith(quarter);
    const element = await mountLoaded();

    expect(text(part(element, "heading"))).toBe("Darcel Schlecht Q1 2017");
    const revenue = metric(element, "direct_revenue");
    expect(text(part(revenue, "label"))).toBe("Direct revenue contribution");
    expect(text(part(revenue, "value"))).toBe("$112,255.00");
    const deal = metric(element, "avg_deal_size");
    expect(text(part(deal, "previous"))).toBe("Previous period: $2,400.00");
    const rate = metric(element, "lead_conversion_rate");
    expect(text(part(rate, "value"))).toBe("77.19%");
    const score = metric(element, "partner_satisfaction_score");
    expect(text(part(score, "value"))).toBe("8.3");
  });

  it("shows null as not enough data, never as 0 or NaN", async () => {
    answerWith(quarter);
    const element = await mountLoaded();

    const growth = metric(element, "revenue_growth_rate");
    expect(text(part(growth, "value"))).toBe("not enough data");
    expect(part(growth, "value").getAttribute("part")).toBe("value missing");
    expect(text(part(growth, "previous"))).toBe(
      "Previous period: not enough data",
    );
    const revenue = metric(element, "direct_revenue");
    expect(text(part(revenue, "previous"))).toBe(
      "Previous period: not enough data",
    );
    // No NaN, and no zero standing in for a null ($0.00, 0%, 0.00%).
    expect(text(part(element, "metrics"))).not.toMatch(
      /NaN|\$0\.00|(^|\s)0(\.0+)?%/,
    );
  });

  it("formats for the locale attribute without fetching again", async () => {
    answerWith(quarter);
    const element = await mountLoaded();

    element.setAttribute("locale", "de-DE");
    await element.updateComplete;

    const revenue = metric(element, "direct_revenue");
    expect(text(part(revenue, "value"))).toBe("112.255,00 $");
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("says so when the period has no metrics", async () => {
    answerWith({ ...quarter, metrics: [] });
    const element = await mountLoaded();

    expect(text(part(element, "empty"))).toBe("No metrics for this period.");
  });
});

describe("<partner-scorecard> loading", () => {
  it("is busy until the reply arrives", async () => {
    const reply = deferred<Response>();
    fetchMock.mockReturnValueOnce(reply.promise);
    const element = mount(ATTRIBUTES);
    await element.updateComplete;

    expect(part(element, "base").getAttribute("aria-busy")).toBe("true");
    expect(text(part(element, "loading"))).toBe("Loading scorecard…");

    const loaded = nextEvent(element, "tandem-load");
    reply.resolve(jsonResponse(quarter));
    await loaded;

    expect(part(element, "base").getAttribute("aria-busy")).toBe("false");
    expect(hasPart(element, "loading")).toBe(false);
  });

  it("fires tandem-load with the scorecard, out of the shadow", async () => {
    answerWith(quarter);
    const heard = vi.fn();
    document.addEventListener("tandem-load", heard);

    await mountLoaded();
    document.removeEventListener("tandem-load", heard);

    expect(heard).toHaveBeenCalledTimes(1);
    const event = heard.mock.calls[0]?.[0] as CustomEvent<EmbedScorecard>;
    expect(event.detail).toEqual(quarter);
    expect(event.composed).toBe(true);
  });
});

describe("<partner-scorecard> failing", () => {
  it("shows the server's message and fires tandem-error", async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(revoked, 403));
    const element = mount(ATTRIBUTES);

    const event = await nextEvent(element, "tandem-error");

    expect(event.detail).toEqual({ message: revoked.error.message });
    const alert = part(element, "error");
    expect(alert.getAttribute("role")).toBe("alert");
    expect(text(alert)).toBe(revoked.error.message);
    expect(part(element, "base").getAttribute("aria-busy")).toBe("false");
  });

  it("names the HTTP status when the body is not an embed error", async () => {
    fetchMock.mockResolvedValueOnce(
      new Response("<h1>Bad gateway</h1>", { status: 502 }),
    );
    const element = mount(ATTRIBUTES);

    const event = await nextEvent(element, "tandem-error");

    expect(event.detail.message).toBe(
      "The scorecard service answered HTTP 502.",
    );
  });

  it("reports a network failure with the origin it tried", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    const element = mount(ATTRIBUTES);

    const event = await nextEvent(element, "tandem-error");

    expect(event.detail.message).toBe(
      `Could not load the scorecard from ${API}: the service is ` +
        `unreachable, or this key does not allow this site.`,
    );
  });

  it("refuses a reply that breaks the contract", async () => {
    const broken = structuredClone(scorecardFixture());
    broken.metrics[2]!.value = "112,255.00";
    fetchMock.mockResolvedValueOnce(jsonResponse(broken));
    const element = mount(ATTRIBUTES);

    await nextEvent(element, "tandem-error");

    expect(text(part(element, "error"))).toContain("metrics[2].value");
    expect(hasPart(element, "metrics")).toBe(false);
  });

  it("asks for a key instead of fetching without one", async () => {
    const element = mount({ "api-base": API });

    const event = await nextEvent(element, "tandem-error");

    expect(event.detail.message).toBe(
      "Missing embed key: set the key attribute.",
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("rejects an unknown period without fetching", async () => {
    const element = mount({ ...ATTRIBUTES, period: "week" });

    const event = await nextEvent(element, "tandem-error");

    expect(event.detail.message).toBe(
      'Unknown period "week": use month, quarter, year.',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe("<partner-scorecard> fetching again", () => {
  it.each([
    ["period", "year", "period"],
    ["key", "pk_live_other", "key"],
  ])("refetches when %s changes", async (name, value, param) => {
    answerWith(quarter);
    const element = await mountLoaded();

    const loaded = nextEvent(element, "tandem-load");
    element.setAttribute(name, value);
    await loaded;

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(requestedUrl(fetchMock, 1).searchParams.get(param)).toBe(value);
  });

  it("refetches from the new origin when api-base changes", async () => {
    answerWith(quarter);
    const element = await mountLoaded();

    const loaded = nextEvent(element, "tandem-load");
    element.setAttribute("api-base", "http://localhost:3000/portal/");
    await loaded;

    expect(requestedUrl(fetchMock, 1).href).toBe(
      "http://localhost:3000/portal/embed/v1/scorecard" +
        "?key=pk_live_abc123&period=quarter",
    );
  });

  it("shows the new period, not the old one, after a change", async () => {
    answerWith(quarter);
    const element = await mountLoaded();
    answerWith(year);

    const loaded = nextEvent(element, "tandem-load");
    element.setAttribute("period", "year");
    await element.updateComplete;

    expect(hasPart(element, "heading")).toBe(false);
    await loaded;
    expect(text(part(element, "period"))).toBe("2017");
  });

  it("ignores a slow reply that a newer request overtook", async () => {
    const slow = deferred<Response>();
    fetchMock
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce(jsonResponse(year));
    const element = mount(ATTRIBUTES);
    await element.updateComplete;
    const heard = vi.fn();
    element.addEventListener("tandem-load", heard);

    element.setAttribute("period", "year");
    await nextEvent(element, "tandem-load");
    slow.resolve(jsonResponse(quarter));
    await settle();

    expect(requestInit(fetchMock, 0).signal?.aborted).toBe(true);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(text(part(element, "period"))).toBe("2017");
  });

  it("refresh() keeps the card on screen while it refetches", async () => {
    answerWith(quarter);
    const element = await mountLoaded();
    const reply = deferred<Response>();
    fetchMock.mockReturnValueOnce(reply.promise);

    const done = element.refresh();
    await element.updateComplete;

    expect(part(element, "base").getAttribute("aria-busy")).toBe("true");
    expect(text(part(element, "partner"))).toBe("Darcel Schlecht");
    reply.resolve(jsonResponse(year));
    await done;
    expect(part(element, "base").getAttribute("aria-busy")).toBe("false");
    expect(text(part(element, "period"))).toBe("2017");
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("stays silent once removed, and loads again when put back", async () => {
    const reply = deferred<Response>();
    fetchMock.mockReturnValueOnce(reply.promise);
    const element = mount(ATTRIBUTES);
    await element.updateComplete;
    const heard = vi.fn();
    element.addEventListener("tandem-load", heard);

    element.remove();
    reply.resolve(jsonResponse(quarter));
    await settle();

    expect(requestInit(fetchMock, 0).signal?.aborted).toBe(true);
    expect(heard).not.toHaveBeenCalled();
    answerWith(quarter);
    const loaded = nextEvent(element, "tandem-load");
    document.body.append(element);
    await loaded;
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("defaults api-base to the page origin under test", async () => {
    answerWith(quarter);
    const element = mount({ key: "pk_live_abc123" });
    await nextEvent(element, "tandem-load");

    expect(requestedUrl(fetchMock, 0).origin).toBe(window.location.origin);
  });
});

describe("registering <partner-scorecard>", () => {
  it("is harmless the second time", async () => {
    const first = customElements.get("partner-scorecard");
    expect(first).toBe(PartnerScorecard);

    vi.resetModules();
    const again = await import("./index.js");

    expect(again.PartnerScorecard).not.toBe(PartnerScorecard);
    expect(customElements.get("partner-scorecard")).toBe(PartnerScorecard);
  });
});
