export interface ServerEvent {
  event: string;
  data: unknown;
}

/**
 * Reads server-sent events from a response body, one at a time, with a
 * deadline for each, so a test that waits for an event can fail.
 */
export class EventReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  /** A read that outlived its deadline is kept for the next call. */
  private pending?: Promise<ReadableStreamReadResult<Uint8Array>>;
  private queue: ServerEvent[] = [];
  /** Set once the body has ended. */
  ended = false;
  /** Lines such as `retry: 2000`, for the tests that check them. */
  readonly fields: string[] = [];

  constructor(body: ReadableStream<Uint8Array> | null) {
    if (!body) throw new Error("the response has no body");
    this.reader = body.getReader();
  }

  async next(timeoutMs = 5_000): Promise<ServerEvent> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      if (this.ended) throw new Error("the stream ended");
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      await this.read(left);
    }
    return this.queue.shift()!;
  }

  /** Resolves when the body ends; fails after the deadline. */
  async end(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`still open after ${timeoutMs} ms`);
      await this.read(left);
    }
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }

  private async read(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    this.pending ??= this.reader.read();
    const chunk = await Promise.race([this.pending, timeout]);
    clearTimeout(timer);
    if (chunk === "timeout") return;
    this.pending = undefined;
    if (chunk.done) {
      this.ended = true;
      return;
    }
    this.buffer += this.decoder.decode(chunk.value, { stream: true });
    this.parse();
  }

  private parse(): void {
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data.push(line.slice(6));
        else this.fields.push(line);
      }
      if (data.length > 0) {
        this.queue.push({ event, data: JSON.parse(data.join("\n")) });
      }
    }
  }
}
