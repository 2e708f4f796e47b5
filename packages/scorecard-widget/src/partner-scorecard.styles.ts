import { css } from "lit";

/**
 * Every colour and size goes through a --tandem-scorecard-* property with
 * a default per theme, so a host page can theme the card without ::part.
 * `all: initial` on the host stops the page's inherited styles (fonts,
 * line height, text transforms) at the door; custom properties still
 * come through, by design. `contain` keeps the card's layout and paint
 * from reaching the page.
 */
export const styles = css`
  :host {
    all: initial;
    display: block;
    contain: content;
    --_fg: var(--tandem-scorecard-color, #1f2328);
    --_muted: var(--tandem-scorecard-muted-color, #59636e);
    --_bg: var(--tandem-scorecard-background, #ffffff);
    --_border: var(--tandem-scorecard-border-color, #d0d7de);
    --_line: var(--tandem-scorecard-sparkline-color, #0969da);
    --_error: var(--tandem-scorecard-error-color, #b42318);
  }

  :host([theme="dark"]) {
    --_fg: var(--tandem-scorecard-color, #e6edf3);
    --_muted: var(--tandem-scorecard-muted-color, #9198a1);
    --_bg: var(--tandem-scorecard-background, #0d1117);
    --_border: var(--tandem-scorecard-border-color, #3d444d);
    --_line: var(--tandem-scorecard-sparkline-color, #4493f8);
    --_error: var(--tandem-scorecard-error-color, #f85149);
  }

  @media (prefers-color-scheme: dark) {
    :host([theme="auto"]) {
      --_fg: var(--tandem-scorecard-color, #e6edf3);
      --_muted: var(--tandem-scorecard-muted-color, #9198a1);
      --_bg: var(--tandem-scorecard-background, #0d1117);
      --_border: var(--tandem-scorecard-border-color, #3d444d);
      --_line: var(--tandem-scorecard-sparkline-color, #4493f8);
      --_error: var(--tandem-scorecard-error-color, #f85149);
    }
  }

  :host([hidden]) {
    display: none;
  }

  /*
   * Sizes are in em of this box's 16px, never rem: a page's root font
   * size must not scale the card. Text styles start here, not on the
   * host: a page rule such as
   * "* { color: red !important }" reaches the host element itself, but
   * nothing inside the shadow root inherits from it past this box.
   */
  [part="base"] {
    color: var(--_fg);
    font-family: var(--tandem-scorecard-font-family, system-ui, sans-serif);
    font-size: 16px;
    font-style: normal;
    font-weight: 400;
    letter-spacing: normal;
    line-height: 1.4;
    text-align: start;
    text-transform: none;
    box-sizing: border-box;
    min-height: var(--tandem-scorecard-min-height, 11em);
    padding: var(--tandem-scorecard-padding, 1em);
    border: 1px solid var(--_border);
    border-radius: var(--tandem-scorecard-radius, 0.5em);
    background: var(--_bg);
    overflow-wrap: anywhere;
  }

  :host([compact]) [part="base"] {
    min-height: var(--tandem-scorecard-min-height, 6em);
    padding: var(--tandem-scorecard-padding, 0.5em 0.75em);
  }

  [part="base"][aria-busy="true"] [part="metrics"] {
    opacity: 0.6;
  }

  [part="heading"] {
    margin: 0 0 0.75em;
    font-size: var(--tandem-scorecard-heading-size, 1.125em);
    font-weight: 600;
  }

  [part="period"],
  [part="label"],
  [part="previous"],
  [part="updated"],
  [part="loading"],
  [part="empty"] {
    color: var(--_muted);
    font-weight: 400;
  }

  [part="metrics"] {
    display: grid;
    grid-template-columns: repeat(
      auto-fill,
      minmax(var(--tandem-scorecard-metric-min-width, 10em), 1fr)
    );
    gap: var(--tandem-scorecard-gap, 0.75em);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  :host([compact]) [part="metrics"] {
    grid-template-columns: repeat(
      auto-fill,
      minmax(var(--tandem-scorecard-metric-min-width, 7em), 1fr)
    );
    gap: var(--tandem-scorecard-gap, 0.5em);
  }

  [part="metric"] {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }

  [part="label"],
  [part="previous"],
  [part="updated"],
  [part="loading"],
  [part="empty"] {
    font-size: 0.875em;
  }

  [part="updated"] {
    margin: 0.75em 0 0;
  }

  [part~="value"] {
    color: var(--tandem-scorecard-value-color, var(--_fg));
    font-size: var(--tandem-scorecard-value-size, 1.5em);
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  :host([compact]) [part~="value"] {
    font-size: var(--tandem-scorecard-value-size, 1.125em);
  }

  [part~="missing"] {
    color: var(--_muted);
    font-size: 1em;
    font-weight: 400;
  }

  :host([compact]) [part="previous"],
  :host([compact]) [part="updated"] {
    display: none;
  }

  [part="sparkline"] {
    display: block;
    width: 100%;
    height: 1.5em;
    fill: none;
    stroke: var(--_line);
    stroke-width: 1.5;
    vector-effect: non-scaling-stroke;
    overflow: visible;
  }

  [part="sparkline"] circle {
    fill: var(--_line);
    stroke: none;
  }

  [part="error"] {
    color: var(--_error);
  }

  [part="status"] {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
