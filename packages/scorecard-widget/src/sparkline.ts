import { svg, type SVGTemplateResult } from "lit";

const WIDTH = 100;
const HEIGHT = 24;
/** Room for the stroke at the top and bottom. */
const PAD = 2;

/**
 * A line over the last periods' values, oldest first. Missing values
 * ("not enough data") break the line rather than drop to zero. Only SVG
 * attributes, no inline style, so a strict CSP has nothing to refuse.
 */
export function sparkline(
  values: readonly (string | null)[],
): SVGTemplateResult | undefined {
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
  const lines = runs
    .filter((run) => run.length > 1)
    .map((run) => svg`<polyline points=${run.join(" ")}></polyline>`);
  const last = numbers.at(-1);
  const dot =
    last === null || last === undefined
      ? undefined
      : svg`<circle cx=${WIDTH} cy=${round(y(last))} r="2"></circle>`;
  return svg`${lines}${dot}`;
}

export const SPARKLINE_VIEWBOX = `0 0 ${WIDTH} ${HEIGHT}`;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
