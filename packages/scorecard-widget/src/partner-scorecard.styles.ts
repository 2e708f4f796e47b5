import { css } from "lit";

/**
 * Every colour and size goes through a --tandem-scorecard-* property with
 * a neutral default, so a host page can theme the card without ::part.
 */
export const styles = css`
  :host {
    display: block;
    color: var(--tandem-scorecard-color, #1f2328);
    font-family: var(--tandem-scorecard-font-family, system-ui, sans-serif);
  }

  :host([hidden]) {
    display: none;
  }

  [part="base"] {
    box-sizing: border-box;
    padding: var(--tandem-scorecard-padding, 1rem);
    border: 1px solid var(--tandem-scorecard-border-color, #d0d7de);
    border-radius: var(--tandem-scorecard-radius, 0.5rem);
    background: var(--tandem-scorecard-background, #ffffff);
  }

  [part="base"][aria-busy="true"] [part="metrics"] {
    opacity: 0.6;
  }

  [part="heading"] {
    margin: 0 0 0.75rem;
    font-size: var(--tandem-scorecard-heading-size, 1.125rem);
    font-weight: 600;
  }

  [part="period"] {
    color: var(--tandem-scorecard-muted-color, #59636e);
    font-weight: 400;
  }

  [part="metrics"] {
    display: grid;
    grid-template-columns: repeat(
      auto-fill,
      minmax(var(--tandem-scorecard-metric-min-width, 10rem), 1fr)
    );
    gap: var(--tandem-scorecard-gap, 0.75rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part="metric"] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  [part="label"],
  [part="previous"],
  [part="loading"],
  [part="empty"] {
    color: var(--tandem-scorecard-muted-color, #59636e);
    font-size: 0.875rem;
  }

  [part~="value"] {
    color: var(--tandem-scorecard-value-color, inherit);
    font-size: var(--tandem-scorecard-value-size, 1.5rem);
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  [part~="missing"] {
    color: var(--tandem-scorecard-muted-color, #59636e);
    font-size: 1rem;
    font-weight: 400;
  }

  [part="error"] {
    color: var(--tandem-scorecard-error-color, #b42318);
  }
`;
