import { SCORECARD_CHANNEL, type DatabaseHandle } from "@tandem/db";
import { z } from "zod";
import { describeError, logger } from "../logger.server.js";

/** Whose scorecard: one partner's, or (partnerId null) the program's. */
export interface LiveTarget {
  programId: number;
  partnerId: number | null;
}

const payloadSchema = z.object({
  programId: z.number().int().positive(),
  partnerId: z.number().int().positive(),
});

const PROGRAM = "program";
const slot = (t: LiveTarget) => `${t.programId}:${t.partnerId ?? PROGRAM}`;

/**
 * One LISTEN per portal process, fanned out to every open stream. A
 * partner's change reaches that partner's subscribers and its program's
 * badge subscribers. After the listening connection is re-established,
 * every subscriber is told, since changes may have been missed.
 */
export class ScorecardHub {
  private readonly slots = new Map<string, Set<() => void>>();
  /** Bumped on each change of a slot, so caches know what is stale. */
  private readonly versions = new Map<string, number>();
  private epoch = 0;
  private stopListening?: () => Promise<void>;
  private starting?: Promise<void>;
  private readyOnce = false;

  /** Listens on the database once; later calls share the first. */
  start(handle: DatabaseHandle): Promise<void> {
    this.starting ??= handle
      .listen(
        SCORECARD_CHANNEL,
        (payload) => this.dispatch(payload),
        () => this.onReady(),
      )
      .then((stop) => {
        this.stopListening = stop;
      });
    return this.starting;
  }

  get listening(): boolean {
    return this.stopListening !== undefined;
  }

  /**
   * Changes whenever the target's figures may have changed. Only
   * meaningful while listening.
   */
  version(target: LiveTarget): string {
    return `${this.epoch}.${this.versions.get(slot(target)) ?? 0}`;
  }

  subscribe(target: LiveTarget, onChange: () => void): () => void {
    const key = slot(target);
    let set = this.slots.get(key);
    if (!set) this.slots.set(key, (set = new Set()));
    set.add(onChange);
    return () => {
      set.delete(onChange);
      if (set.size === 0) this.slots.delete(key);
    };
  }

  async stop(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = undefined;
    this.starting = undefined;
    this.slots.clear();
    await stop?.();
  }

  private dispatch(raw: string): void {
    let parsed: z.infer<typeof payloadSchema>;
    try {
      parsed = payloadSchema.parse(JSON.parse(raw));
    } catch (error) {
      logger.warn({ err: describeError(error) }, "Ignored a bad NOTIFY");
      return;
    }
    const { programId, partnerId } = parsed;
    this.fire(slot({ programId, partnerId }));
    this.fire(slot({ programId, partnerId: null }));
  }

  private onReady(): void {
    // The first call is the LISTEN itself; later ones are reconnections.
    if (!this.readyOnce) {
      this.readyOnce = true;
      return;
    }
    logger.info("Listening for scorecard changes again; refreshing all");
    this.epoch += 1;
    for (const key of this.slots.keys()) this.fire(key);
  }

  private fire(key: string): void {
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    for (const onChange of [...(this.slots.get(key) ?? [])]) onChange();
  }
}
