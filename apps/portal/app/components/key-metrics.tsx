import { Link } from "@remix-run/react";
import type { KeyMetricView } from "~/lib/key-metrics.server.js";
import { MetricChart } from "./metric-chart.js";
import { StatusBadge } from "./status-badge.js";

/** The partnership's key metrics against their targets, and its score. */
export function KeyMetrics({
  score,
  keyMetrics,
  steerLink,
}: {
  score: string | null;
  keyMetrics: KeyMetricView[];
  steerLink: string | null;
}) {
  return (
    <section aria-labelledby="key-metrics">
      <h2 id="key-metrics">Key metrics</h2>
      <p>
        Partnership score:{" "}
        <span className="score" data-testid="partnership-score">
          {score ?? "not enough data"}
        </span>
        {score !== null ? " / 100" : null}
        {steerLink ? (
          <>
            {" "}
            · <Link to={steerLink}>Objectives, key metrics and targets</Link>
          </>
        ) : null}
      </p>
      {keyMetrics.length === 0 ? (
        <p>No key metrics chosen yet.</p>
      ) : (
        <div className="key-metrics">
          {keyMetrics.map((k) => (
            <article key={k.id} className="card" aria-labelledby={`k-${k.id}`}>
              <h3 id={`k-${k.id}`}>{k.label}</h3>
              <p className="value" data-key-metric={k.metricId}>
                {k.value}
              </p>
              <dl className="facts">
                <dt>Target</dt>
                <dd>{k.target ?? "none for this period"}</dd>
                <dt>Attainment</dt>
                <dd>{k.attainment ?? "—"}</dd>
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={k.status} />
                </dd>
                <dt>Change</dt>
                <dd>{k.change}</dd>
              </dl>
              <MetricChart
                title={k.label}
                points={k.points}
                target={k.targetPlot}
                targetText={k.target}
              />
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
