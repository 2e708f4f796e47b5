/** Expected failures are values, not exceptions (see STYLE.md). */
export type Result<T, E extends string = string> =
  { ok: true; value: T } | { ok: false; error: E; message: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E extends string>(
  error: E,
  message: string,
): { ok: false; error: E; message: string } {
  return { ok: false, error, message };
}
