import { html, svg, type TemplateResult } from "lit";
import type { EmbedMetric, EmbedScorecard } from "@tandem/embed-contract";
import { metricFormatter, type FormatMetric } from "./format.js";
import { periodLabel, updatedLabel } from "./period-label.js";
import { sparkline, SPARKLINE_VIEWBOX } from "./sparkline.js";

export interface RenderOptions {
  locale?: string;
  /** Metric ids to show, in order; all of the reply's when empty. */
  metrics: readonly string[];
}

/** The metrics asked for, in the order asked; unknown ids are skipped. */
export function chooseMetrics(
  card: EmbedScorecard,
  wanted: readonly string[],
): EmbedMetric[] {
  if (wanted.length === 0) return card.metrics;
  return wanted.flatMap((id) => card.metrics.filter((m) => m.id === id));
}

export function renderScorecard(
  card: EmbedScorecard,
  options: RenderOptions,
): TemplateResult {
  const format = metricFormatter(options.locale, card.program.currency);
  const metrics = chooseMetrics(card, options.metrics);
  const updated = updatedLabel(card.generatedAt, options.locale);
  return html`
    <h2 part="heading">
      <span part="partner">${card.partner?.name ?? card.program.name}</span>
      <span part="period">${periodLabel(card.period, options.locale)}</span>
    </h2>
    ${
      metrics.length > 0
        ? html`<ul part="metrics" role="list">
            ${metrics.map((m) => renderMetric(m, format))}
          </ul>`
        : html`<p part="empty">No metrics for this period.</p>`
    }
    ${
      updated
        ? html`<p part="updated">
            Updated <time datetime=${card.generatedAt}>${updated}</time>
          </p>`
        : undefined
    }
  `;
}

function renderMetric(metric: EmbedMetric, format: FormatMetric) {
  const value = format(metric.value, metric.unit);
  const previous = format(metric.previous, metric.unit);
  const valuePart = metric.value === null ? "value missing" : "value";
  const line = metric.series
    ? sparkline(metric.series.map((p) => p.value))
    : undefined;
  return html`
    <li part="metric" data-metric=${metric.id}>
      <span part="label">${metric.label}</span>
      <span part=${valuePart}>${value}</span>
      ${line ? renderSparkline(line) : undefined}
      <span part="previous">Previous period: ${previous}</span>
    </li>
  `;
}

function renderSparkline(line: ReturnType<typeof sparkline>) {
  // Decorative: the values it draws are read out as text beside it.
  return html`<svg
    part="sparkline"
    viewBox=${SPARKLINE_VIEWBOX}
    preserveAspectRatio="none"
    aria-hidden="true"
    focusable="false"
  >
    ${svg`${line}`}
  </svg>`;
}

/** What a polite announcement says about the metrics that changed. */
export function describeChanges(
  before: EmbedScorecard | undefined,
  after: EmbedScorecard,
  options: RenderOptions,
): string | undefined {
  const format = metricFormatter(options.locale, after.program.currency);
  const changed = chooseMetrics(after, options.metrics).filter((m) => {
    const old = before?.metrics.find((b) => b.id === m.id);
    return !old || old.value !== m.value;
  });
  if (changed.length === 0) return undefined;
  const parts = changed.map((m) => `${m.label}: ${format(m.value, m.unit)}`);
  return `Scorecard updated. ${parts.join("; ")}.`;
}
