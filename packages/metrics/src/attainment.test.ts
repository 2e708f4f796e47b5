import { describe, expect, it } from "vitest";
import { attainment, attainmentStatus } from "./attainment.js";

describe("attainment", () => {
  it("is value / target where higher is better, capped at 150 %", () => {
    expect(attainment(90, 100, true)).toBe(0.9);
    expect(attainment(150, 100, true)).toBe(1.5);
    // 200 / 100 = 200 %, held at 150 %.
    expect(attainment(200, 100, true)).toBe(1.5);
    // Money: 322,995 / 300,000 = 1.07665
    expect(attainment(322_995n, 300_000n, true)).toBe(1.07665);
  });

  it("is target / value where lower is better", () => {
    // A CAC of 500.00 against 400.00 aimed at: 400 / 500 = 80 %.
    expect(attainment(50_000n, 40_000n, false)).toBe(0.8);
    // 48 hours to respond against 24: 24 / 48 = 50 %.
    expect(attainment(48, 24, false)).toBe(0.5);
    // Half the cost aimed at: 400 / 250 = 160 %, held at 150 %.
    expect(attainment(25_000n, 40_000n, false)).toBe(1.5);
  });

  it("gives the cap to a value of zero where lower is better", () => {
    // No cost at all, or an instant answer, beats any positive target.
    expect(attainment(0n, 40_000n, false)).toBe(1.5);
    expect(attainment(0, 24, false)).toBe(1.5);
  });

  it("gives 0 to a value of zero or below where higher is better", () => {
    expect(attainment(0, 100, true)).toBe(0);
    // Revenue shrank 10 % against a growth target of 20 %.
    expect(attainment(-0.1, 0.2, true)).toBe(0);
  });

  it("is null without a value or a positive target", () => {
    expect(attainment(null, 100, true)).toBeNull();
    expect(attainment(90, null, true)).toBeNull();
    expect(attainment(90, 0, true)).toBeNull();
    expect(attainment(5, 0, false)).toBeNull();
    expect(attainment(-0.02, -0.05, true)).toBeNull();
  });

  it("lands decimal figures exactly on the boundaries", () => {
    // 0.08 / 0.1 is 0.7999999999999999 in floating point.
    expect(attainment(0.08, 0.1, true)).toBe(0.8);
    // 12 % conversion against 15 %: 80 %.
    expect(attainment(0.12, 0.15, true)).toBe(0.8);
  });
});

describe("attainmentStatus", () => {
  it("is on track from exactly 100 %", () => {
    expect(attainmentStatus(1)).toBe("on_track");
    expect(attainmentStatus(1.5)).toBe("on_track");
    expect(attainmentStatus(0.99)).toBe("at_risk");
  });

  it("is at risk from exactly 80 %, off track below", () => {
    expect(attainmentStatus(0.8)).toBe("at_risk");
    expect(attainmentStatus(0.799)).toBe("off_track");
    expect(attainmentStatus(0)).toBe("off_track");
  });

  it("is null without attainment", () => {
    expect(attainmentStatus(null)).toBeNull();
  });

  it("reads a computed 80 % and 100 % at the boundary", () => {
    expect(attainmentStatus(attainment(50_000n, 40_000n, false))).toBe(
      "at_risk",
    );
    expect(attainmentStatus(attainment(0.08, 0.1, true))).toBe("at_risk");
    expect(attainmentStatus(attainment(40_000n, 40_000n, false))).toBe(
      "on_track",
    );
  });
});
