/** Every open event stream of this process, closed on shutdown. */
const open = new Set<EventStream>();

const encoder = new TextEncoder();

/** How long a browser waits before reconnecting after a drop. */
export const RETRY_MS = 2_000;
/** A comment this often keeps proxies from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

/**
 * A server-sent events response body. Each event is enqueued whole, and
 * the Remix adapter writes each chunk as it comes (no compression sits
 * in front of it in server.js), so every event is flushed at once.
 */
export class EventStream {
  readonly body: ReadableStream<Uint8Array>;
  private controller?: ReadableStreamDefaultController<Uint8Array>;
  private readonly cleanups: (() => void)[] = [];
  private closed = false;

  constructor(signal: AbortSignal) {
    this.body = new ReadableStream({
      start: (controller) => {
        this.controller = controller;
      },
      cancel: () => this.close(),
    });
    open.add(this);
    this.write(`retry: ${RETRY_MS}\n\n`);
    const beat = setInterval(() => this.write(": ping\n\n"), HEARTBEAT_MS);
    beat.unref();
    this.onClose(() => clearInterval(beat));
    if (signal.aborted) this.close();
    signal.addEventListener("abort", () => this.close(), { once: true });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  send(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    open.delete(this);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    try {
      this.controller?.close();
    } catch {
      // Already closed by the reader going away: nothing left to do.
    }
  }

  private write(text: string): void {
    if (this.closed) return;
    this.controller?.enqueue(encoder.encode(text));
  }
}

export function eventStreamHeaders(headers: Headers): Headers {
  headers.set("Content-Type", "text/event-stream; charset=utf-8");
  // no-transform: a compressing proxy would hold events back.
  headers.set("Cache-Control", "no-cache, no-transform");
  headers.set("X-Accel-Buffering", "no");
  return headers;
}

export function openStreamCount(): number {
  return open.size;
}

/** On shutdown: ends every stream, so the server can close. */
export function closeAllStreams(): void {
  for (const stream of [...open]) stream.close();
}
