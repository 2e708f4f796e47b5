import {
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  getProgramOverview,
  listProgramKeyMetrics,
  scoreRows,
} from "@tandem/db";
import { SKELETON_METRIC_IDS, type MetricResult } from "@tandem/metrics";
import { PeriodPicker } from "~/components/period-picker.js";
import { requireOwnerStaff } from "~/lib/auth.server.js";
import { getDb } from "~/lib/db.server.js";
import {
  periodFromUrl,
  toMetricViews,
  type MetricView,
} from "~/lib/scorecard.server.js";

// By default the partners are ranked by their partnership score.
const sortSchema = z.object({
  sort: z
    .enum(["name", "score", ...SKELETON_METRIC_IDS] as [string, ...string[]])
    .catch("score"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
});

export const meta: MetaFunction = () => [
  { title: "Program overview · Tandem" },
];

const OVERVIEW_COLUMNS = new Set<string>(SKELETON_METRIC_IDS);

/** The table's columns: the partner metrics that compare partners best. */
function onOverview(metrics: MetricResult[]): MetricResult[] {
  return metrics.filter((m) => OVERVIEW_COLUMNS.has(m.definition.id));
}

/** The partnership score as a column of its own. */
function scoreView(score: number | null): MetricView {
  return {
    id: "score",
    label: "Partnership score",
    description: "Weighted attainment of the key metrics' targets, 0-100.",
    value: score === null ? "not enough data" : score.toFixed(0),
    previous: "",
    sortValue: score,
  };
}

function compare(a: MetricView | undefined, b: MetricView | undefined) {
  const x = a?.sortValue ?? null;
  const y = b?.sortValue ?? null;
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x - y;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireOwnerStaff(request);
  const url = new URL(request.url);
  const { period, error: periodError } = periodFromUrl(member.program, url);
  const { sort, dir } = sortSchema.parse(Object.fromEntries(url.searchParams));

  const overview = await getProgramOverview(await getDb(), {
    program: member.program,
    period,
  });
  const keyRows = await listProgramKeyMetrics(await getDb(), {
    programId: member.program.id,
    period,
  });
  const rows = overview.partners.map((card) => {
    const scored = scoreRows(card.series, keyRows.get(card.partner.id) ?? []);
    return {
      id: card.partner.id,
      name: card.partner.name,
      metrics: [
        scoreView(scored.score),
        ...toMetricViews(onOverview(card.metrics), member.program),
      ],
    };
  });
  const sign = dir === "asc" ? 1 : -1;
  rows.sort((a, b) => {
    if (sort === "name") return sign * a.name.localeCompare(b.name);
    const byMetric = compare(
      a.metrics.find((m) => m.id === sort),
      b.metrics.find((m) => m.id === sort),
    );
    // "not enough data" stays last whichever way the column is sorted.
    const aNull = a.metrics.find((m) => m.id === sort)?.sortValue == null;
    const bNull = b.metrics.find((m) => m.id === sort)?.sortValue == null;
    if (aNull !== bNull) return aNull ? 1 : -1;
    return sign * byMetric || a.name.localeCompare(b.name);
  });
  return data(
    {
      periodError,
      period,
      at: url.searchParams.get("at") ?? "",
      sort,
      dir,
      columns: [
        scoreView(null),
        ...toMetricViews(onOverview(overview.total), member.program),
      ],
      ecosystem: toMetricViews(overview.total, member.program),
      rows,
    },
    { status: periodError ? 400 : 200 },
  );
}

export default function Overview() {
  const { periodError, period, at, sort, dir, columns, rows, ecosystem } =
    useLoaderData<typeof loader>();
  const sortLink = (column: string) => {
    const next = sort === column && dir === "asc" ? "desc" : "asc";
    const params = new URLSearchParams({
      kind: period.kind,
      sort: column,
      dir: next,
    });
    // The period shown, whichever way it was chosen.
    params.set("at", period.key);
    return `?${params}`;
  };
  const ariaSort = (column: string) =>
    sort === column ? (dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <section>
      <h1>Program overview: {period.label}</h1>
      <PeriodPicker
        kind={period.kind}
        at={at}
        error={periodError}
        extra={{ sort, dir }}
      />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("name")}>
                <Link to={sortLink("name")}>Partner</Link>
              </th>
              {columns.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  className="num"
                  aria-sort={ariaSort(c.id)}
                >
                  <Link to={sortLink(c.id)}>{c.label}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link
                    to={`/partners/${row.id}/scorecard?kind=${period.kind}&at=${period.key}`}
                  >
                    {row.name}
                  </Link>
                </th>
                {row.metrics.map((m) => (
                  <td key={m.id} className="num">
                    {m.value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Whole program</th>
              {columns.map((c) => (
                <td key={c.id} className="num">
                  {c.value}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <section aria-labelledby="ecosystem">
        <h2 id="ecosystem">The program&apos;s scorecard</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col" className="num">
                  {period.label}
                </th>
                <th scope="col" className="num">
                  Period before
                </th>
              </tr>
            </thead>
            <tbody>
              {ecosystem.map((m) => (
                <tr key={m.id}>
                  <th scope="row" title={m.description}>
                    {m.label}
                  </th>
                  <td className="num" data-metric={m.id}>
                    {m.value}
                  </td>
                  <td className="num">{m.previous}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </section>
  );
}
