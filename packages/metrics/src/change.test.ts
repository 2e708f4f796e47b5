import { describe, expect, it } from "vitest";
import { changeAgainst } from "./change.js";

describe("changeAgainst", () => {
  it("gives the difference and the relative change", () => {
    // 40 - 32 = 8; 8 / 32 = 0.25
    expect(changeAgainst(40, 32)).toEqual({ absolute: 8, relative: 0.25 });
    // Money stays exact: 150 - 200 = -50; -50 / 200 = -0.25
    expect(changeAgainst(150n, 200n)).toEqual({
      absolute: -50n,
      relative: -0.25,
    });
  });

  it("has no relative change from zero", () => {
    expect(changeAgainst(5, 0)).toEqual({ absolute: 5, relative: null });
    expect(changeAgainst(5n, 0n)).toEqual({ absolute: 5n, relative: null });
  });

  it("is null beside a missing value", () => {
    const none = { absolute: null, relative: null };
    expect(changeAgainst(null, 5)).toEqual(none);
    expect(changeAgainst(5, null)).toEqual(none);
  });

  it("reads a rise from a negative value as positive", () => {
    // -0.05 - (-0.1) = 0.05; 0.05 / |-0.1| = 0.5
    const c = changeAgainst(-0.05, -0.1);
    expect(c.absolute).toBeCloseTo(0.05, 12);
    expect(c.relative).toBeCloseTo(0.5, 12);
    // 100 - (-100) = 200; 200 / 100 = 2
    expect(changeAgainst(100n, -100n)).toEqual({ absolute: 200n, relative: 2 });
  });
});
