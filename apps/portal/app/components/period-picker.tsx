import { Form } from "@remix-run/react";

/** A plain GET form, so it works without JavaScript. */
export function PeriodPicker({
  kind,
  at,
  extra,
}: {
  kind: string;
  at: string;
  extra?: Record<string, string>;
}) {
  return (
    <Form method="get" className="inline" aria-label="Period">
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label>
        Period
        <select name="kind" defaultValue={kind}>
          <option value="month">Month</option>
          <option value="quarter">Quarter</option>
          <option value="year">Year</option>
        </select>
      </label>
      <label>
        Which (e.g. 2017-03, 2017-Q1, 2017; empty for the current one)
        <input name="at" defaultValue={at} size={10} />
      </label>
      <button type="submit">Show</button>
    </Form>
  );
}
