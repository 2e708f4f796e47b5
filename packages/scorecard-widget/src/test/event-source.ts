import { vi } from "vitest";

/**
 * A stand-in for the browser's EventSource: the test opens, feeds and
 * drops it. Every instance made is kept in `FakeEventSource.made`.
 */
export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static made: FakeEventSource[] = [];

  readonly url: string;
  readyState = FakeEventSource.CONNECTING;

  constructor(url: string | URL) {
    super();
    this.url = String(url);
    FakeEventSource.made.push(this);
  }

  get keys(): string[] {
    return new URL(this.url).searchParams.get("keys")!.split(",");
  }

  open(): void {
    this.readyState = FakeEventSource.OPEN;
    this.dispatchEvent(new Event("open"));
  }

  emit(type: string, data: unknown): void {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    this.dispatchEvent(event);
  }

  /** The connection failed for good (an HTTP error): CLOSED. */
  fail(): void {
    this.readyState = FakeEventSource.CLOSED;
    this.dispatchEvent(new Event("error"));
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}

export function stubEventSource(): typeof FakeEventSource {
  FakeEventSource.made = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  return FakeEventSource;
}

/** The connections the widgets still hold open. */
export function openSources(): FakeEventSource[] {
  return FakeEventSource.made.filter(
    (s) => s.readyState !== FakeEventSource.CLOSED,
  );
}
