import { describe, expect, it } from "vitest";
import { embedErrorSchema, embedScorecardSchema } from "@tandem/embed-contract";
import { parseErrorMessage, parseScorecard } from "./parse-response.js";
import { errorFixture, scorecardFixture } from "./test/scorecard-fixture.js";

/** A change to one field; `undefined` deletes it. */
type Mutation = [name: string, path: (string | number)[], value: unknown];

/** Each breaks the contract in one place the widget relies on. */
const BROKEN: Mutation[] = [
  ["a later version", ["version"], 2],
  ["no partner", ["partner"], undefined],
  ["a numeric partner name", ["partner", "name"], 7],
  ["a 4-letter currency", ["program", "currency"], "USDT"],
  ["an unknown period kind", ["period", "kind"], "week"],
  ["metrics as an object", ["metrics"], {}],
  ["an unknown unit", ["metrics", 0, "unit"], "ratio"],
  ["a grouped value", ["metrics", 2, "value"], "112,255.00"],
  ["a numeric value", ["metrics", 2, "value"], 112255],
  ["a missing previous", ["metrics", 1, "previous"], undefined],
  ["an empty value", ["metrics", 0, "value"], ""],
  ["no generatedAt", ["generatedAt"], undefined],
  ["an unknown scope", ["scope"], "galaxy"],
  ["a series as a string", ["metrics", 0, "series"], "1,2"],
  ["a series point without a key", ["metrics", 0, "series", 0, "key"], 3],
  ["a series value as a number", ["metrics", 0, "series", 3, "value"], 42],
];

function broken(path: Mutation[1], value: unknown): unknown {
  const body: unknown = scorecardFixture();
  let target = body;
  for (const step of path.slice(0, -1)) {
    target = (target as Record<string | number, unknown>)[step];
  }
  const holder = target as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete holder[last];
  else holder[last] = value;
  return body;
}

describe("parseScorecard", () => {
  it("accepts a program badge, with no partner, as zod does", () => {
    const body = { ...scorecardFixture(), scope: "program", partner: null };
    expect(embedScorecardSchema.parse(body)).toEqual(body);
    expect(parseScorecard(body)).toEqual({ ok: true, value: body });
  });

  it("accepts a reply from before scopes and series, as zod does", () => {
    const { scope: _scope, ...body } = scorecardFixture();
    const metrics = body.metrics.map(({ series: _s, ...m }) => m);
    const old = { ...body, metrics };
    expect(embedScorecardSchema.parse(old)).toEqual(old);
    expect(parseScorecard(old)).toEqual({ ok: true, value: old });
  });

  it("accepts the fixture exactly as the contract's zod schema does", () => {
    const body = scorecardFixture();
    const parsed = parseScorecard(body);

    expect(parsed).toEqual({ ok: true, value: body });
    expect(embedScorecardSchema.parse(body)).toEqual(body);
  });

  it.each(BROKEN)("rejects %s, as zod does", (_name, path, value) => {
    const body = broken(path, value);

    expect(embedScorecardSchema.safeParse(body).success).toBe(false);
    expect(parseScorecard(body).ok).toBe(false);
  });

  it("names the field at fault", () => {
    const body = broken(["metrics", 2, "value"], "1,000");

    expect(parseScorecard(body)).toEqual({
      ok: false,
      problem: "metrics[2].value is not a decimal string or null",
    });
  });

  it("drops fields a later v1 server adds, as zod does", () => {
    const body = { ...scorecardFixture(), trend: "up" };

    const parsed = parseScorecard(body);

    expect(parsed.ok && "trend" in parsed.value).toBe(false);
    expect(parsed).toEqual({
      ok: true,
      value: embedScorecardSchema.parse(body),
    });
  });

  it.each([null, "text", [], 42])("rejects a body of %j", (body) => {
    expect(parseScorecard(body).ok).toBe(false);
  });
});

describe("parseErrorMessage", () => {
  it("reads the message of a contract error body", () => {
    const body = embedErrorSchema.parse(errorFixture());

    expect(parseErrorMessage(body)).toBe(body.error.message);
  });

  it("returns undefined for a body that is not an error", () => {
    expect(parseErrorMessage({ message: "oops" })).toBeUndefined();
    expect(parseErrorMessage(undefined)).toBeUndefined();
  });
});
