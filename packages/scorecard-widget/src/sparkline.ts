import { svg, type SVGTemplateResult } from "lit";

const WIDTH = 100;
const HEIGHT = 24;
/** Room for the stroke at the top and bottom. */
const PAD = 2;

export interface SparklineShape {
  /** `points` of each unbroken run of two or more values. */
  runs: string[];
  /** The latest value's dot, when it has a value. */
  last?: { x: number; y: number };
}

/**
 * Where the line goes over the last periods' values, oldest first.
 * Missing values ("not enough data") break the line rather than drop to
 * zero. Undefined with fewer than two values: no line to draw.
 */
export function sparklineShape(
  values: readonly (string | null)[],
): SparklineShape | undefined {
  const numbers = values.map((v) => (v === null ? null : Number(v)));
  const known = numbers.filter((n): n is number => n !== null);
  if (known.length < 2) return undefined;
  const min = Math.min(...known);
  const span = Math.max(...known) - min;
  const step = WIDTH / (numbers.length - 1);
  const y = (n: number) =>
    span === 0
      ? HEIGHT / 2
      : HEIGHT - PAD - ((n - min) / span) * (HEIGHT - 2 * PAD);

  const runs: string[][] = [[]];
  numbers.forEach((n, i) => {
    if (n === null) runs.push([]);
    else runs.at(-1)!.push(`${round(i * step)},${round(y(n))}`);
  });
  const last = numbers.at(-1);
  return {
    runs: runs.filter((run) => run.length > 1).map((run) => run.join(" ")),
    last:
      last === null || last === undefined
        ? undefined
        : { x: WIDTH, y: round(y(last)) },
  };
}

/** Only SVG attributes, no inline style: a strict CSP refuses nothing. */
export function sparkline(
  values: readonly (string | null)[],
): SVGTemplateResult | undefined {
  const shape = sparklineShape(values);
  if (!shape) return undefined;
  const lines = shape.runs.map(
    (points) => svg`<polyline points=${points}></polyline>`,
  );
  const dot = shape.last
    ? svg`<circle cx=${shape.last.x} cy=${shape.last.y} r="2"></circle>`
    : undefined;
  return svg`${lines}${dot}`;
}

export const SPARKLINE_VIEWBOX = `0 0 ${WIDTH} ${HEIGHT}`;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
