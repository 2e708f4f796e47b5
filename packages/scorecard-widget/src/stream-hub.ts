import type { EmbedScorecard } from "@tandem/embed-contract";
import { parseScorecard } from "./parse-response.js";

export interface LiveListener {
  scorecard(card: EmbedScorecard): void;
  /** The portal refused or revoked the key; no more updates come. */
  failed(message: string): void;
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/**
 * One EventSource per portal for every widget of the page: browsers
 * allow six HTTP/1.1 connections per origin, so a stream per widget
 * would starve a page that shows several. Subscriptions made in one task
 * share the first connection; a later one reopens it with the new set,
 * and the portal sends every scorecard afresh on connect (catching up).
 */
class StreamHub {
  private readonly listeners = new Map<string, Set<LiveListener>>();
  /** Subs the portal refused: left out until subscribed afresh. */
  private readonly refused = new Set<string>();
  private source?: EventSource;
  private openFor = "";
  private pending?: ReturnType<typeof setTimeout>;
  private retryMs = FIRST_RETRY_MS;

  constructor(private readonly streamUrl: URL) {}

  add(sub: string, listener: LiveListener): () => void {
    let set = this.listeners.get(sub);
    if (!set) this.listeners.set(sub, (set = new Set()));
    set.add(listener);
    this.refused.delete(sub);
    this.schedule(0);
    return () => {
      set.delete(listener);
      if (set.size > 0) return;
      this.listeners.delete(sub);
      this.schedule(0);
    };
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.connect(), delayMs);
  }

  private wanted(): string {
    const subs = [...this.listeners.keys()].filter((s) => !this.refused.has(s));
    return subs.sort().join(",");
  }

  private connect(): void {
    const wanted = this.wanted();
    const live = this.source && this.source.readyState !== EventSource.CLOSED;
    if (wanted === this.openFor && live) return;
    this.source?.close();
    this.source = undefined;
    this.openFor = wanted;
    // Browsers without EventSource keep the figures of the first load.
    if (!wanted || typeof EventSource === "undefined") return;

    const url = new URL(this.streamUrl);
    url.searchParams.set("keys", wanted);
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener("open", () => {
      this.retryMs = FIRST_RETRY_MS;
    });
    source.addEventListener("scorecard", (e) => this.onScorecard(e));
    source.addEventListener("key-error", (e) => this.onKeyError(e));
    source.addEventListener("error", () => {
      // While CONNECTING the browser retries by itself; CLOSED means it
      // gave up (an HTTP error): try again later, ever less often.
      if (source !== this.source) return;
      if (source.readyState !== EventSource.CLOSED) return;
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    });
  }

  private onScorecard(event: Event): void {
    const data = readData(event);
    if (!data) return;
    const parsed = parseScorecard(data.scorecard);
    if (!parsed.ok) return;
    for (const l of this.listenersOf(data.sub)) l.scorecard(parsed.value);
  }

  private onKeyError(event: Event): void {
    const data = readData(event);
    if (!data || data.message === undefined) return;
    this.refused.add(data.sub);
    const message = data.message;
    for (const l of this.listenersOf(data.sub)) l.failed(message);
    // The portal closes the stream when no key is left, which the
    // browser would reopen; reopen it ourselves without the refused sub.
    this.schedule(0);
  }

  private listenersOf(sub: string): LiveListener[] {
    return [...(this.listeners.get(sub) ?? [])];
  }
}

interface StreamData {
  sub: string;
  scorecard?: unknown;
  message?: string;
}

function readData(event: Event): StreamData | undefined {
  if (!(event instanceof MessageEvent) || typeof event.data !== "string") {
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  if (!("sub" in data) || typeof data.sub !== "string") return undefined;
  return {
    sub: data.sub,
    scorecard: "scorecard" in data ? data.scorecard : undefined,
    message:
      "message" in data && typeof data.message === "string"
        ? data.message
        : undefined,
  };
}

const hubs = new Map<string, StreamHub>();

/**
 * Follows one key and period on the portal at `streamUrl`
 * (…/embed/v1/stream); returns the function that stops following.
 */
export function followLive(
  streamUrl: URL,
  sub: string,
  listener: LiveListener,
): () => void {
  let hub = hubs.get(streamUrl.href);
  if (!hub) hubs.set(streamUrl.href, (hub = new StreamHub(streamUrl)));
  return hub.add(sub, listener);
}
