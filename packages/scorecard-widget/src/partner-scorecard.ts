import { html, LitElement } from "lit";
import type { PropertyValues, TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import type { EmbedScorecard, PeriodKind } from "@tandem/embed-contract";
import { fetchScorecard } from "./fetch-scorecard.js";
import type { ScorecardResult } from "./fetch-scorecard.js";
import { metricFormatter } from "./format.js";
import { PERIOD_KINDS } from "./parse-response.js";
import { defaultApiBase } from "./script-origin.js";
import { styles } from "./partner-scorecard.styles.js";

export type TandemLoadEvent = CustomEvent<EmbedScorecard>;
export type TandemErrorEvent = CustomEvent<{ message: string }>;

type View =
  | { status: "loading"; stale?: EmbedScorecard }
  | { status: "ready"; scorecard: EmbedScorecard }
  | { status: "error"; message: string };

/**
 * A partner's scorecard for one period, fetched from the Tandem embed API.
 *
 * @summary Shows a partner's metrics against the previous period.
 *
 * @attr key - The publishable embed key. Required.
 * @attr api-base - The portal origin. Defaults to the origin this script
 *   was loaded from, then to the page's origin.
 * @attr period - `month`, `quarter` (default) or `year`.
 * @attr locale - A BCP 47 locale for numbers. Defaults to the browser's.
 *
 * @event tandem-load - The scorecard was shown. `detail` is the scorecard.
 * @event tandem-error - Loading failed. `detail` is `{ message }`.
 *
 * @csspart base - The card around everything; carries `aria-busy`.
 * @csspart heading - The heading with the partner and period.
 * @csspart partner - The partner's name in the heading.
 * @csspart period - The period label in the heading.
 * @csspart metrics - The list of metrics.
 * @csspart metric - One metric; `data-metric` holds its id.
 * @csspart label - A metric's label.
 * @csspart value - A metric's value this period.
 * @csspart missing - Added to `value` when there is not enough data.
 * @csspart previous - A metric's value in the previous period.
 * @csspart empty - Shown when the period has no metrics.
 * @csspart loading - Shown while the first load is under way.
 * @csspart error - The error message (`role="alert"`).
 *
 * @cssproperty --tandem-scorecard-font-family - Font of the card.
 * @cssproperty --tandem-scorecard-color - Text colour.
 * @cssproperty --tandem-scorecard-muted-color - Labels, period, previous.
 * @cssproperty --tandem-scorecard-value-color - Metric values.
 * @cssproperty --tandem-scorecard-value-size - Font size of values.
 * @cssproperty --tandem-scorecard-heading-size - Font size of the heading.
 * @cssproperty --tandem-scorecard-background - Card background.
 * @cssproperty --tandem-scorecard-border-color - Card border colour.
 * @cssproperty --tandem-scorecard-radius - Card corner radius.
 * @cssproperty --tandem-scorecard-padding - Card padding.
 * @cssproperty --tandem-scorecard-gap - Space between metrics.
 * @cssproperty --tandem-scorecard-metric-min-width - Narrowest metric
 *   column before the grid wraps.
 * @cssproperty --tandem-scorecard-error-color - Error text colour.
 */
export class PartnerScorecard extends LitElement {
  static override styles = styles;

  @property() key?: string;

  @property({ attribute: "api-base" }) apiBase?: string;

  @property() period: PeriodKind = "quarter";

  @property() locale?: string;

  @state() private view: View = { status: "loading" };

  /** Aborts the request in flight; replaced by each new load. */
  private controller?: AbortController;

  /** Set when removal from the page cut a load short. */
  private interrupted = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.interrupted) return;
    this.interrupted = false;
    void this.load(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A detached card must not fire events at a page that dropped it.
    if (!this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    this.interrupted = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputChanged =
      changed.has("key") || changed.has("period") || changed.has("apiBase");
    if (!this.hasUpdated || inputChanged) void this.load(false);
  }

  /**
   * Fetches the scorecard again, keeping the current one on screen until
   * the new one arrives. Resolves once the outcome is shown and its event
   * fired, or once a newer load has taken over.
   */
  refresh(): Promise<void> {
    return this.load(true);
  }

  private async load(keepShown: boolean): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const stale = keepShown ? this.shownScorecard() : undefined;
    this.view = { status: "loading", stale };

    const result = await this.request(controller.signal);
    if (controller.signal.aborted) return;
    this.view = result.ok
      ? { status: "ready", scorecard: result.scorecard }
      : { status: "error", message: result.message };

    // Listeners should find the card already showing what they are told.
    await this.updateComplete;
    if (controller.signal.aborted) return;
    this.controller = undefined;
    this.emit(result);
  }

  private request(signal: AbortSignal): Promise<ScorecardResult> {
    const period = PERIOD_KINDS.find((kind) => kind === this.period);
    if (!this.key) return failure("Missing embed key: set the key attribute.");
    if (!period) {
      const allowed = PERIOD_KINDS.join(", ");
      return failure(`Unknown period "${this.period}": use ${allowed}.`);
    }
    const apiBase = this.apiBase || defaultApiBase();
    return fetchScorecard({ apiBase, key: this.key, period, signal });
  }

  private shownScorecard(): EmbedScorecard | undefined {
    if (this.view.status === "ready") return this.view.scorecard;
    if (this.view.status === "loading") return this.view.stale;
    return undefined;
  }

  private emit(result: ScorecardResult): void {
    const options = { bubbles: true, composed: true };
    this.dispatchEvent(
      result.ok
        ? new CustomEvent("tandem-load", {
            ...options,
            detail: result.scorecard,
          })
        : new CustomEvent("tandem-error", {
            ...options,
            detail: { message: result.message },
          }),
    );
  }

  protected override render(): TemplateResult {
    const busy = this.view.status === "loading";
    return html`
      <section part="base" aria-busy=${busy ? "true" : "false"}>
        ${this.renderContent()}
      </section>
    `;
  }

  private renderContent(): TemplateResult {
    if (this.view.status === "error") {
      return html`<p part="error" role="alert">${this.view.message}</p>`;
    }
    const scorecard = this.shownScorecard();
    if (scorecard) return this.renderScorecard(scorecard);
    return html`<p part="loading">Loading scorecard…</p>`;
  }

  private renderScorecard(scorecard: EmbedScorecard): TemplateResult {
    const format = metricFormatter(this.locale, scorecard.program.currency);
    const metrics = scorecard.metrics.map((metric) => {
      const value = format(metric.value, metric.unit);
      const previous = format(metric.previous, metric.unit);
      const valuePart = metric.value === null ? "value missing" : "value";
      return html`
        <li part="metric" data-metric=${metric.id}>
          <span part="label">${metric.label}</span>
          <span part=${valuePart}>${value}</span>
          <span part="previous">Previous period: ${previous}</span>
        </li>
      `;
    });
    return html`
      <h2 part="heading">
        <span part="partner"
          >${scorecard.partner?.name ?? scorecard.program.name}</span
        >
        <span part="period">${scorecard.period.label}</span>
      </h2>
      ${
        metrics.length > 0
          ? html`<ul part="metrics" role="list">
              ${metrics}
            </ul>`
          : html`<p part="empty">No metrics for this period.</p>`
      }
    `;
  }
}

function failure(message: string): Promise<ScorecardResult> {
  return Promise.resolve({ ok: false, message });
}

declare global {
  interface HTMLElementTagNameMap {
    "partner-scorecard": PartnerScorecard;
  }
  interface HTMLElementEventMap {
    "tandem-load": TandemLoadEvent;
    "tandem-error": TandemErrorEvent;
  }
}
