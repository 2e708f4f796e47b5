/** Long cells are cut so that a reason stays one short line. */
const MAX_SHOWN = 40;

/** A cell value as shown in a reason: quoted, escaped, and cut short. */
export function quoted(value: string): string {
  const shown =
    value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value;
  return JSON.stringify(shown);
}

/** "close_value: \"12,5x\" is not an amount" */
export function valueReason(
  column: string,
  value: string,
  problem: string,
): string {
  return `${column}: ${quoted(value)} ${problem}`;
}
