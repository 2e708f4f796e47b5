import { describe, expect, it } from "vitest";
import { ecosystemHealthIndex, healthComponents } from "./health.js";

const equal = { engagement: 1, satisfaction: 1, growth: 1, expansion: 1 };
const inputs = {
  engagement: 0.6,
  satisfaction: 7,
  growth: 0.1,
  expansion: 0.25,
};

describe("ecosystem health index", () => {
  it("maps each component onto 0..100", () => {
    // 0.6 x 100; 7 x 10; (0.1 + 1) x 50; (0.25 + 1) x 50
    const c = healthComponents(inputs);
    expect(c.engagement).toBeCloseTo(60, 12);
    expect(c.satisfaction).toBe(70);
    expect(c.growth).toBeCloseTo(55, 12);
    expect(c.expansion).toBe(62.5);
  });

  it("holds rates beyond -100 %..+100 % at the ends", () => {
    const c = healthComponents({
      engagement: 1,
      satisfaction: 0,
      growth: 3,
      expansion: -2,
    });
    expect(c).toEqual({
      engagement: 100,
      satisfaction: 0,
      growth: 100,
      expansion: 0,
    });
    // -0.5 -> 0.5 x 50 = 25; 0 -> 50 (no change is the middle).
    expect(healthComponents({ ...inputs, growth: -0.5 }).growth).toBe(25);
    expect(healthComponents({ ...inputs, growth: 0 }).growth).toBe(50);
  });

  it("weighs the components by the program's weights", () => {
    // (60 + 70 + 55 + 62.5) / 4 = 61.875
    expect(ecosystemHealthIndex(inputs, equal)).toBeCloseTo(61.875, 12);
    // (2 x 60 + 70 + 55 + 0 x 62.5) / (2 + 1 + 1) = 245 / 4 = 61.25
    expect(
      ecosystemHealthIndex(inputs, { ...equal, engagement: 2, expansion: 0 }),
    ).toBeCloseTo(61.25, 12);
  });

  it("leaves unknown components out instead of counting 0", () => {
    // (60 + 70 + 62.5) / 3 = 192.5 / 3 = 64.1666...
    expect(
      ecosystemHealthIndex({ ...inputs, growth: null }, equal),
    ).toBeCloseTo(192.5 / 3, 12);
  });

  it("is null when nothing weighted is known", () => {
    const none = {
      engagement: null,
      satisfaction: null,
      growth: null,
      expansion: null,
    };
    expect(ecosystemHealthIndex(none, equal)).toBeNull();
    // Only growth is known, and it weighs nothing.
    expect(
      ecosystemHealthIndex({ ...none, growth: 0.2 }, { ...equal, growth: 0 }),
    ).toBeNull();
  });

  it("refuses a negative weight as a bug", () => {
    expect(() =>
      ecosystemHealthIndex(inputs, { ...equal, growth: -1 }),
    ).toThrow(RangeError);
  });
});
