/**
 * A token bucket per name, in this process's memory: `burst` requests at
 * once, refilled at `perSecond`. Several portal processes each keep their
 * own buckets, so the limit a client meets is per process (decision
 * 0009); a shared limit would need the database or a proxy in front.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    /** Buckets kept before full ones are dropped, bounding memory. */
    private readonly maxBuckets = 10_000,
  ) {}

  /** Takes one token; when none is left, how long until one is. */
  take(name: string, now = Date.now()): RateDecision {
    const bucket = this.refilled(name, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const wait = (1 - bucket.tokens) / this.perSecond;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
  }

  private refilled(name: string, now: number): Bucket {
    let bucket = this.buckets.get(name);
    if (!bucket) {
      if (this.buckets.size >= this.maxBuckets) this.prune(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(name, bucket);
      return bucket;
    }
    const earned = ((now - bucket.at) / 1000) * this.perSecond;
    bucket.tokens = Math.min(this.burst, bucket.tokens + earned);
    bucket.at = now;
    return bucket;
  }

  /** A full bucket is the same as no bucket: forget those. */
  private prune(now: number): void {
    for (const [name, bucket] of this.buckets) {
      const earned = ((now - bucket.at) / 1000) * this.perSecond;
      if (bucket.tokens + earned >= this.burst) this.buckets.delete(name);
    }
  }
}

interface Bucket {
  tokens: number;
  at: number;
}

export type RateDecision =
  { ok: true } | { ok: false; retryAfterSeconds: number };
