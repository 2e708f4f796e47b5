import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  XAxis,
  YAxis,
} from "recharts";

export interface ChartPoint {
  label: string;
  /** The value as a number for plotting; null where there is no data. */
  value: number | null;
  /** The value as shown in the table. */
  text: string;
}

/**
 * Twelve periods of one metric: a line with square markers and the
 * target as a dashed line, so it reads without colour; the same figures
 * in a table for screen readers and for anyone who prefers numbers.
 */
export function MetricChart({
  title,
  points,
  target,
  targetText,
}: {
  title: string;
  points: ChartPoint[];
  target: number | null;
  targetText: string | null;
}) {
  return (
    <figure className="chart">
      <LineChart
        width={320}
        height={140}
        data={points}
        accessibilityLayer
        title={`${title}, last ${points.length} periods`}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="2 4" stroke="#c9ced8" />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 10 }}
          interval="preserveStartEnd"
        />
        <YAxis tick={{ fontSize: 10 }} width={48} />
        {target !== null ? (
          <ReferenceLine
            y={target}
            stroke="#1d2330"
            strokeDasharray="6 3"
            label={{
              value: "target",
              fontSize: 10,
              position: "insideTopRight",
            }}
          />
        ) : null}
        <Line
          type="linear"
          dataKey="value"
          stroke="#1f5fbf"
          strokeWidth={2}
          dot={{ r: 3, strokeWidth: 1, fill: "#fff" }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
      <details>
        <summary>
          {title}: the figures{targetText ? ` (target ${targetText})` : ""}
        </summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" className="num">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td className="num">{p.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
