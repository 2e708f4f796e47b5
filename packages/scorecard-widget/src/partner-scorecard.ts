import { html, LitElement } from "lit";
import type { PropertyValues, TemplateResult } from "lit";
import type { EmbedScorecard, PeriodKind } from "@tandem/embed-contract";
import { Announcer } from "./announcer.js";
import { embedUrl, fetchScorecard } from "./fetch-scorecard.js";
import type { ScorecardResult } from "./fetch-scorecard.js";
import { PERIOD_KINDS } from "./parse-response.js";
import { describeChanges, renderScorecard } from "./render-scorecard.js";
import { defaultApiBase } from "./script-origin.js";
import { followLive } from "./stream-hub.js";
import { styles } from "./partner-scorecard.styles.js";

export type TandemLoadEvent = CustomEvent<EmbedScorecard>;
export type TandemUpdateEvent = CustomEvent<EmbedScorecard>;
export type TandemErrorEvent = CustomEvent<{ message: string }>;
export type ScorecardTheme = "light" | "dark" | "auto";

type View =
  | { status: "loading"; stale?: EmbedScorecard }
  | { status: "ready"; scorecard: EmbedScorecard }
  | { status: "error"; message: string };

declare global {
  /** Read by Lit for the <style> it adds where adoptedStyleSheets lack. */
  var litNonce: string | undefined;
}

/**
 * A partner's live scorecard (or a program's badge) for one period,
 * fetched from the Tandem embed API and kept current over its event
 * stream; every card of a page on one portal shares one connection.
 *
 * @tagname partner-scorecard
 * @summary Shows a partner's metrics, live, against the previous period.
 *
 * @attr key - The publishable embed key. Required.
 * @attr api-base - The portal origin. Defaults to the origin this script
 *   was loaded from, then to the page's origin.
 * @attr period - `month`, `quarter` (default) or `year`.
 * @attr metrics - Metric ids to show, comma-separated, in order (e.g.
 *   `direct_revenue,leads_generated`). Defaults to all the key allows.
 * @attr locale - A BCP 47 locale for numbers, currency and dates.
 *   Defaults to the browser's.
 * @attr theme - `light` (default), `dark`, or `auto` (the reader's
 *   colour scheme).
 * @attr compact - Present for a denser layout without previous values.
 * @attr nonce - A CSP nonce for the one `<style>` element added in
 *   browsers without constructable style sheets.
 *
 * @event tandem-load - A fetched scorecard was shown (first load,
 *   `refresh()`, a new key or period). `detail` is the scorecard.
 * @event tandem-update - New figures arrived over the live stream and
 *   are shown. `detail` is the scorecard.
 * @event tandem-error - Loading failed, or the key was revoked.
 *   `detail` is `{ message }`.
 *
 * @csspart base - The card around everything; carries `aria-busy`.
 * @csspart heading - The heading with the partner and period.
 * @csspart partner - The partner's (or the program's) name.
 * @csspart period - The period label in the heading.
 * @csspart metrics - The list of metrics.
 * @csspart metric - One metric; `data-metric` holds its id.
 * @csspart label - A metric's label.
 * @csspart value - A metric's value this period.
 * @csspart missing - Added to `value` when there is not enough data.
 * @csspart sparkline - The SVG line of the last periods' values.
 * @csspart previous - A metric's value in the previous period.
 * @csspart updated - When the figures were computed.
 * @csspart empty - Shown when the period has no metrics.
 * @csspart loading - Shown while the first load is under way.
 * @csspart error - The error message (`role="alert"`).
 * @csspart status - The polite live region announcing updates.
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
 * @cssproperty --tandem-scorecard-min-height - Height kept while
 *   loading, so the page does not jump.
 * @cssproperty --tandem-scorecard-sparkline-color - The sparkline.
 * @cssproperty --tandem-scorecard-error-color - Error text colour.
 */
export class PartnerScorecard extends LitElement {
  static override styles = styles;

  // Declared without decorators, so the build needs no helper library.
  static override properties = {
    key: {},
    apiBase: { attribute: "api-base" },
    period: {},
    metrics: {},
    locale: {},
    theme: { reflect: true },
    compact: { type: Boolean, reflect: true },
    view: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  key?: string;

  apiBase?: string;

  period: PeriodKind = "quarter";

  metrics?: string;

  locale?: string;

  theme: ScorecardTheme = "light";

  compact = false;

  private view: View = { status: "loading" };

  private announcement = "";

  /** Aborts the request in flight; replaced by each new load. */
  private controller?: AbortController;

  /** Set when removal from the page cut a load short. */
  private interrupted = false;

  /** A live scorecard that came while a load was in flight. */
  private pendingLive?: EmbedScorecard;

  /** Stops following the live stream; set while following. */
  private unfollow?: () => void;

  private readonly announcer = new Announcer((message) => {
    this.announcement = message;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.interrupted) {
      this.interrupted = false;
      void this.load(true);
    }
    if (this.hasUpdated && this.view.status !== "error") this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFollowing();
    this.announcer.cancel();
    // A detached card must not fire events at a page that dropped it.
    if (!this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    this.interrupted = true;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // Lit reads the nonce when it first adds styles to a shadow root.
    // Browsers hide a nonce attribute's value once parsed; the property
    // keeps it.
    const nonce = this.nonce || this.getAttribute("nonce");
    if (nonce) globalThis.litNonce ??= nonce;
    return super.createRenderRoot();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputChanged =
      changed.has("key") || changed.has("period") || changed.has("apiBase");
    if (this.hasUpdated && !inputChanged) return;
    this.stopFollowing();
    void this.load(false);
    // Joined now rather than after the load, so the cards a page upgrades
    // together join in one task and share one connection from the start.
    this.follow();
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
    if (!result.ok) {
      this.stopFollowing();
      this.emitError(result.message);
      return;
    }
    this.emitShown("tandem-load", result.scorecard);
    const live = this.pendingLive;
    this.pendingLive = undefined;
    if (live && live.generatedAt > result.scorecard.generatedAt) {
      await this.showLive(live);
    }
  }

  private request(signal: AbortSignal): Promise<ScorecardResult> {
    const period = this.periodKind();
    if (!this.key) return failure("Missing embed key: set the key attribute.");
    if (!period) {
      const allowed = PERIOD_KINDS.join(", ");
      return failure(`Unknown period "${this.period}": use ${allowed}.`);
    }
    const apiBase = this.apiBase || defaultApiBase();
    return fetchScorecard({ apiBase, key: this.key, period, signal });
  }

  private periodKind(): PeriodKind | undefined {
    return PERIOD_KINDS.find((kind) => kind === this.period);
  }

  /** Joins the page's shared stream for this key and period. */
  private follow(): void {
    const period = this.periodKind();
    if (this.unfollow || !this.key || !period) return;
    if (typeof EventSource === "undefined") return;
    const url = embedUrl(this.apiBase || defaultApiBase(), "embed/v1/stream");
    if (!url) return;
    this.unfollow = followLive(url, `${this.key}:${period}`, {
      scorecard: (card) => void this.showLive(card),
      failed: (message) => void this.showFailure(message),
    });
  }

  private stopFollowing(): void {
    this.unfollow?.();
    this.unfollow = undefined;
  }

  private async showLive(card: EmbedScorecard): Promise<void> {
    if (this.controller) {
      // Shown after the load, if it is newer than what the load brings.
      this.pendingLive = card;
      return;
    }
    const before = this.shownScorecard();
    if (before && sameFigures(before, card)) return;
    this.view = { status: "ready", scorecard: card };
    const change = describeChanges(before, card, this.scorecardOptions());
    if (before && change) this.announcer.announce(change);
    await this.updateComplete;
    this.emitShown("tandem-update", card);
  }

  private async showFailure(message: string): Promise<void> {
    this.stopFollowing();
    this.view = { status: "error", message };
    await this.updateComplete;
    this.emitError(message);
  }

  private shownScorecard(): EmbedScorecard | undefined {
    if (this.view.status === "ready") return this.view.scorecard;
    if (this.view.status === "loading") return this.view.stale;
    return undefined;
  }

  private emitShown(
    type: "tandem-load" | "tandem-update",
    scorecard: EmbedScorecard,
  ): void {
    this.dispatchEvent(shownEvent(type, scorecard));
  }

  private emitError(message: string): void {
    this.dispatchEvent(
      new CustomEvent("tandem-error", {
        bubbles: true,
        composed: true,
        detail: { message },
      }),
    );
  }

  private scorecardOptions() {
    const metrics = (this.metrics ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean);
    return { locale: this.locale, metrics };
  }

  protected override render(): TemplateResult {
    const busy = this.view.status === "loading";
    return html`
      <section part="base" aria-busy=${busy ? "true" : "false"}>
        ${this.renderContent()}
        <p part="status" role="status" aria-live="polite">
          ${this.announcement}
        </p>
      </section>
    `;
  }

  private renderContent(): TemplateResult {
    if (this.view.status === "error") {
      return html`<p part="error" role="alert">${this.view.message}</p>`;
    }
    const scorecard = this.shownScorecard();
    if (scorecard) return renderScorecard(scorecard, this.scorecardOptions());
    return html`<p part="loading">Loading scorecard…</p>`;
  }
}

/** Outside the class, so the manifest lists the two names, not this. */
function shownEvent(type: string, detail: EmbedScorecard) {
  return new CustomEvent(type, { bubbles: true, composed: true, detail });
}

function failure(message: string): Promise<ScorecardResult> {
  return Promise.resolve({ ok: false, message });
}

/** The same figures, whenever they were computed. */
function sameFigures(a: EmbedScorecard, b: EmbedScorecard): boolean {
  const figures = (c: EmbedScorecard) =>
    JSON.stringify({ ...c, generatedAt: undefined });
  return figures(a) === figures(b);
}

declare global {
  interface HTMLElementTagNameMap {
    "partner-scorecard": PartnerScorecard;
  }
  interface HTMLElementEventMap {
    "tandem-load": TandemLoadEvent;
    "tandem-update": TandemUpdateEvent;
    "tandem-error": TandemErrorEvent;
  }
}
