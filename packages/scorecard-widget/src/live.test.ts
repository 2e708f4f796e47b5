import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { embedScorecardSchema } from "@tandem/embed-contract";
import type { EmbedScorecard } from "@tandem/embed-contract";
import "./index.js";
import {
  deferred,
  metric,
  mount,
  nextEvent,
  part,
  settle,
  text,
} from "./test/dom.js";
import {
  FakeEventSource,
  openSources,
  stubEventSource,
} from "./test/event-source.js";
import { jsonResponse, stubFetch, type FetchMock } from "./test/http.js";
import { scorecardFixture } from "./test/scorecard-fixture.js";

/** A portal of its own per test: the page's stream hubs outlive tests. */
let API = "";
let portals = 0;
const KEY = "pk_live_one";
const quarter = embedScorecardSchema.parse(scorecardFixture());

function withRevenue(value: string): EmbedScorecard {
  const card = structuredClone(quarter);
  card.metrics.find((m) => m.id === "direct_revenue")!.value = value;
  return card;
}

async function mountLive(key = KEY, extra: Record<string, string> = {}) {
  const element = mount({ key, "api-base": API, ...extra });
  await nextEvent(element, "tandem-load");
  await settle();
  return element;
}

let fetchMock: FetchMock;

beforeEach(() => {
  portals += 1;
  API = `https://live-${portals}.example.com`;
  fetchMock = stubFetch();
  fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(quarter)));
  stubEventSource();
});

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("<partner-scorecard> live", () => {
  it("shows new figures from the stream and fires tandem-update", async () => {
    const element = await mountLive();
    const [source] = openSources();
    expect(source!.url).toBe(
      `${API}/embed/v1/stream?keys=${encodeURIComponent(`${KEY}:quarter`)}`,
    );
    source!.open();

    const updated = nextEvent(element, "tandem-update");
    source!.emit("scorecard", {
      sub: `${KEY}:quarter`,
      scorecard: withRevenue("120000.00"),
    });
    const event = await updated;

    expect(event.detail.metrics[2]!.value).toBe("120000.00");
    const revenue = metric(element, "direct_revenue");
    expect(text(part(revenue, "value"))).toBe("$120,000.00");
    expect(text(part(element, "status"))).toBe(
      "Scorecard updated. Direct revenue contribution: $120,000.00.",
    );
  });

  it("stays quiet when a reconnect brings the same figures", async () => {
    const element = await mountLive();
    const heard = vi.fn();
    element.addEventListener("tandem-update", heard);
    const [source] = openSources();
    source!.emit("scorecard", { sub: `${KEY}:quarter`, scorecard: quarter });
    await settle();

    expect(heard).not.toHaveBeenCalled();
    expect(text(part(element, "status"))).toBe("");
  });

  it("announces at most once in ten seconds, the latest figures", async () => {
    const element = await mountLive();
    vi.useFakeTimers({ toFake: ["setTimeout", "Date"] });
    const [source] = openSources();
    const sub = `${KEY}:quarter`;
    source!.emit("scorecard", { sub, scorecard: withRevenue("1.00") });
    await element.updateComplete;
    source!.emit("scorecard", { sub, scorecard: withRevenue("2.00") });
    source!.emit("scorecard", { sub, scorecard: withRevenue("3.00") });
    await element.updateComplete;
    expect(text(part(element, "status"))).toMatch(/\$1\.00\.$/);

    await vi.advanceTimersByTimeAsync(10_000);
    await element.updateComplete;
    expect(text(part(element, "status"))).toMatch(/\$3\.00\.$/);
  });

  it("opens one stream for the widgets a page shows at once", async () => {
    const a = mount({ key: "pk_live_a", "api-base": API });
    const b = mount({ key: "pk_live_b", "api-base": API, period: "month" });
    await Promise.all([
      nextEvent(a, "tandem-load"),
      nextEvent(b, "tandem-load"),
    ]);
    await settle();

    expect(FakeEventSource.made).toHaveLength(1);
    expect(openSources()[0]!.keys).toEqual([
      "pk_live_a:quarter",
      "pk_live_b:month",
    ]);
  });

  it("shows a live update that came while the first load ran", async () => {
    const reply = deferred<Response>();
    fetchMock.mockReturnValueOnce(reply.promise);
    const element = mount({ key: KEY, "api-base": API });
    await settle();
    await settle();
    const [source] = openSources();
    const newer = {
      ...withRevenue("5.00"),
      generatedAt: "2030-01-01T00:00:00Z",
    };
    source!.emit("scorecard", { sub: `${KEY}:quarter`, scorecard: newer });
    const updated = nextEvent(element, "tandem-update");
    reply.resolve(jsonResponse(quarter));
    await updated;

    const revenue = metric(element, "direct_revenue");
    expect(text(part(revenue, "value"))).toBe("$5.00");
  });

  it("shows a revoked key's message and leaves the stream", async () => {
    const element = await mountLive();
    const [source] = openSources();
    const failed = nextEvent(element, "tandem-error");
    source!.emit("key-error", {
      sub: `${KEY}:quarter`,
      code: "revoked_key",
      message: "This embed key has been revoked.",
    });

    expect((await failed).detail.message).toBe(
      "This embed key has been revoked.",
    );
    expect(text(part(element, "error"))).toBe(
      "This embed key has been revoked.",
    );
    await settle();
    expect(openSources()).toHaveLength(0);
  });

  it("reopens the stream after the browser gives up on it", async () => {
    await mountLive();
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const [first] = openSources();
    first!.fail();

    await vi.advanceTimersByTimeAsync(999);
    expect(openSources()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(openSources()).toHaveLength(1);
    expect(openSources()[0]).not.toBe(first);
  });

  it("closes the stream when the last widget leaves", async () => {
    const element = await mountLive();
    expect(openSources()).toHaveLength(1);
    element.remove();
    await settle();
    expect(openSources()).toHaveLength(0);
  });
});
