import { describe, expect, it } from "vitest";
import { sentForm } from "./sent-form.js";

describe("sentForm", () => {
  const refused = {
    errors: { amount: ["Enter an amount."] },
    values: { intent: "win", amount: "abc" },
  };

  it("gives the sent form its values, errors and a key of its own", () => {
    const win = sentForm(refused, "win");
    expect(win.values.amount).toBe("abc");
    expect(win.errors).toEqual(refused.errors);
    expect(win.key).not.toBe(sentForm(undefined, "win").key);
  });

  it("leaves the page's other forms as they were", () => {
    const lose = sentForm(refused, "lose");
    expect(lose).toMatchObject({ sent: false, values: {}, key: "lose" });
    expect(lose.errors).toBeUndefined();
  });

  it("changes the key when other values come back", () => {
    const again = { ...refused, values: { intent: "win", amount: "x" } };
    expect(sentForm(again, "win").key).not.toBe(sentForm(refused, "win").key);
  });
});
