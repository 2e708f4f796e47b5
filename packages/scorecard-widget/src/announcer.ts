/** The least time between two announcements of live updates. */
export const ANNOUNCE_GAP_MS = 10_000;

/**
 * Says what changed through a polite live region, at most once per gap:
 * a burst of updates becomes one announcement of the latest figures, so
 * a screen reader is not talked over on every change.
 */
export class Announcer {
  private last = -Infinity;
  private timer?: ReturnType<typeof setTimeout>;
  private waiting?: string;

  constructor(private readonly say: (message: string) => void) {}

  announce(message: string): void {
    const wait = this.last + ANNOUNCE_GAP_MS - Date.now();
    if (wait <= 0) {
      this.speak(message);
      return;
    }
    this.waiting = message;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (this.waiting) this.speak(this.waiting);
    }, wait);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = undefined;
  }

  private speak(message: string): void {
    this.waiting = undefined;
    this.last = Date.now();
    this.say(message);
  }
}
