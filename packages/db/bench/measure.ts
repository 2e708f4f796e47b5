import { performance } from "node:perf_hooks";

export async function timed<T>(run: () => Promise<T>) {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** The median of `runs` timings, after one untimed warm-up run. */
export async function medianMs(
  runs: number,
  run: (i: number) => Promise<unknown>,
) {
  await run(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(() => run(i))).ms);
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
