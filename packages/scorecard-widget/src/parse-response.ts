import type {
  EmbedMetric,
  EmbedScope,
  EmbedScorecard,
  MetricUnit,
  PeriodKind,
} from "@tandem/embed-contract";

/**
 * Hand-written checks mirroring the zod schemas in @tandem/embed-contract.
 * zod would add more to the script than the whole component, so the
 * widget checks the shape itself; the tests hold both to the same
 * verdicts. Like zod, the parsers build fresh objects, so fields a later
 * v1 server adds are dropped rather than trusted.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export const PERIOD_KINDS: readonly PeriodKind[] = ["month", "quarter", "year"];
const SCOPES: readonly EmbedScope[] = ["partner", "program"];
const UNITS: readonly MetricUnit[] = ["money", "percent", "count", "score"];
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function parseScorecard(input: unknown): Parsed<EmbedScorecard> {
  return attempt(() => {
    const root = record(input, "response");
    version(root.version);
    const partner =
      root.partner === null ? null : record(root.partner, "partner");
    const program = record(root.program, "program");
    const period = record(root.period, "period");
    return {
      version: 1,
      // Absent from servers before scopes: such a reply is a partner's.
      ...(root.scope === undefined
        ? {}
        : { scope: oneOf(root.scope, SCOPES, "scope") }),
      partner: partner && { name: text(partner.name, "partner.name") },
      program: {
        name: text(program.name, "program.name"),
        currency: currency(program.currency),
        timeZone: text(program.timeZone, "program.timeZone"),
      },
      period: {
        kind: oneOf(period.kind, PERIOD_KINDS, "period.kind"),
        key: text(period.key, "period.key"),
        label: text(period.label, "period.label"),
        start: text(period.start, "period.start"),
        end: text(period.end, "period.end"),
      },
      metrics: list(root.metrics, "metrics").map(metric),
      generatedAt: text(root.generatedAt, "generatedAt"),
    };
  });
}

/**
 * The message of a v1 error body, if the body is one. Any code is
 * accepted: a code added on the server still carries a message worth
 * showing.
 */
export function parseErrorMessage(input: unknown): string | undefined {
  const parsed = attempt(() => {
    const root = record(input, "response");
    version(root.version);
    const error = record(root.error, "error");
    text(error.code, "error.code");
    return text(error.message, "error.message");
  });
  return parsed.ok ? parsed.value : undefined;
}

function metric(input: unknown, index: number): EmbedMetric {
  const at = `metrics[${index}]`;
  const item = record(input, at);
  return {
    id: text(item.id, `${at}.id`),
    label: text(item.label, `${at}.label`),
    unit: oneOf(item.unit, UNITS, `${at}.unit`),
    value: decimalOrNull(item.value, `${at}.value`),
    previous: decimalOrNull(item.previous, `${at}.previous`),
    ...(item.series === undefined
      ? {}
      : {
          series: list(item.series, `${at}.series`).map((point, i) =>
            seriesPoint(point, `${at}.series[${i}]`),
          ),
        }),
  };
}

function seriesPoint(input: unknown, at: string) {
  const point = record(input, at);
  return {
    key: text(point.key, `${at}.key`),
    value: decimalOrNull(point.value, `${at}.value`),
  };
}

/** Thrown only inside this module; callers get a Parsed result. */
class ShapeError extends Error {}

function attempt<T>(parse: () => T): Parsed<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    return { ok: false, problem: error.message };
  }
}

function record(input: unknown, at: string): Record<string, unknown> {
  if (typeof input === "object" && input !== null && !Array.isArray(input)) {
    return input as Record<string, unknown>;
  }
  throw new ShapeError(`${at} is not an object`);
}

function list(input: unknown, at: string): unknown[] {
  if (Array.isArray(input)) return input;
  throw new ShapeError(`${at} is not an array`);
}

function text(input: unknown, at: string): string {
  if (typeof input === "string") return input;
  throw new ShapeError(`${at} is not a string`);
}

function version(input: unknown): void {
  if (input !== 1) throw new ShapeError("version is not 1");
}

function currency(input: unknown): string {
  const code = text(input, "program.currency");
  if (code.length === 3) return code;
  throw new ShapeError("program.currency is not a 3-letter code");
}

function oneOf<T extends string>(
  input: unknown,
  allowed: readonly T[],
  at: string,
): T {
  const found = allowed.find((candidate) => candidate === input);
  if (found !== undefined) return found;
  throw new ShapeError(`${at} is not one of ${allowed.join(", ")}`);
}

function decimalOrNull(input: unknown, at: string): string | null {
  if (input === null) return null;
  if (typeof input === "string" && DECIMAL.test(input)) return input;
  throw new ShapeError(`${at} is not a decimal string or null`);
}
