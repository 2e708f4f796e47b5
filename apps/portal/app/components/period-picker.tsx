import { Form } from "@remix-run/react";

/** A plain GET form, so it works without JavaScript. */
export function PeriodPicker({
  kind,
  at,
  extra,
  error,
}: {
  kind: string;
  at: string;
  extra?: Record<string, string>;
  /** Why the chosen period was not shown. */
  error?: string | null;
}) {
  return (
    <Form method="get" className="inline" aria-label="Period">
      {error ? (
        <p role="alert" className="picker-error">
          {error} Showing the current period instead.
        </p>
      ) : null}
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label>
        Period
        <select name="kind" defaultValue={kind}>
          <option value="month">Month</option>
          <option value="quarter">Quarter</option>
          <option value="year">Year</option>
          <option value="custom">Custom range (below)</option>
        </select>
      </label>
      <label>
        Which (2017-03 for a month, 2017-Q1 for a quarter, 2017 for a year;
        empty for the current one)
        <input name="at" defaultValue={at} size={10} />
      </label>
      <label>
        or from
        <input name="from" type="date" />
      </label>
      <label>
        to (included)
        <input name="to" type="date" />
      </label>
      <button type="submit">Show</button>
    </Form>
  );
}
