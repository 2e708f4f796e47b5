import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.server.js";

describe("RateLimiter", () => {
  it("allows a burst, then refills at its rate", () => {
    const limiter = new RateLimiter(3, 2);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) expect(limiter.take("k", t0).ok).toBe(true);
    expect(limiter.take("k", t0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take("k", t0 + 499).ok).toBe(false);
    expect(limiter.take("k", t0 + 1000).ok).toBe(true);
  });

  it("keeps names apart", () => {
    const limiter = new RateLimiter(1, 0.1);
    expect(limiter.take("a", 0).ok).toBe(true);
    expect(limiter.take("b", 0).ok).toBe(true);
    expect(limiter.take("a", 0)).toEqual({
      ok: false,
      retryAfterSeconds: 10,
    });
  });

  it("forgets full buckets when it holds too many", () => {
    const limiter = new RateLimiter(1, 1, 2);
    limiter.take("a", 0);
    limiter.take("b", 0);
    // Both are full again after a second; "c" makes room by dropping them.
    expect(limiter.take("c", 5_000).ok).toBe(true);
    expect(limiter.take("a", 5_000).ok).toBe(true);
  });
});
