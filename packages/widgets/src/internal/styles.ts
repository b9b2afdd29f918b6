import {css, type CSSResult} from 'lit';

/**
 * Custom properties with light defaults and dark ones, each palette written once: the dark one applies when the
 * element resolves its theme to dark (`data-epn-theme="dark"`, set by the element from its `theme` and the page: see
 * internal/theme.ts). Light by default, whatever the OS says, unless asked (`theme="auto"`) or the page is dark.
 */
export const themed = (light: CSSResult, dark: CSSResult): CSSResult => css`
  :host {
    ${light}
  }
  :host([data-epn-theme='dark']) {
    ${dark}
  }
`;

/**
 * Styles shared by every widget. Public tokens (`--epn-*`, DSFR-compatible defaults) are read once on `:host` into
 * private `--_*` properties; dark defaults apply when the element is drawn dark (see {@link themed}).
 */
export const baseStyles = css`
  ${themed(
    css`
      --_text: var(--epn-text-color, #161616);
      --_muted: var(--epn-muted-color, #3a3a3a);
      --_background: var(--epn-background, #ffffff);
      --_border: var(--epn-border-color, #929292);
      --_grid: var(--epn-grid-color, #dddddd);
      --_accent: var(--epn-accent-color, #000091);
      --_error: var(--epn-error-color, #ce0500);
      --_men: var(--epn-color-men, #000091);
      --_women: var(--epn-color-women, #a558a0);
      --_font: var(--epn-font-family, Marianne, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    `,
    css`
      --_text: var(--epn-text-color, #eeeeee);
      --_muted: var(--epn-muted-color, #cecece);
      --_background: var(--epn-background, #161616);
      --_border: var(--epn-border-color, #777777);
      --_grid: var(--epn-grid-color, #3a3a3a);
      --_accent: var(--epn-accent-color, #8585f6);
      --_error: var(--epn-error-color, #ff5655);
      --_men: var(--epn-color-men, #8585f6);
      --_women: var(--epn-color-women, #e18bd8);
    `,
  )}
  :host {
    display: block;
    container-type: inline-size;
    color: var(--_text);
    background: var(--_background);
    font-family: var(--_font);
    font-size: var(--epn-font-size, 1rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  figure {
    margin: 0;
  }
  .title {
    font-weight: 700;
    font-size: 1.125em;
    margin: 0 0 0.25em;
  }
  .description,
  .source,
  .note {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0.25em 0;
  }
  .summary {
    margin: 0.5em 0;
  }
  .nw {
    white-space: nowrap;
  }
  svg {
    display: block;
    max-width: 100%;
    height: auto;
    overflow: visible;
    font-family: inherit;
  }
  svg text {
    fill: var(--_text);
    font-size: 12px;
  }
  .grid line {
    stroke: var(--_grid);
  }
  .axis line {
    stroke: var(--_border);
  }
  .status {
    display: flex;
    gap: 0.5em;
    align-items: center;
    color: var(--_muted);
    min-height: 3em;
  }
  progress {
    accent-color: var(--_accent);
  }
  .error {
    border-left: 4px solid var(--_error);
    padding: 0.5em 0.75em;
    margin: 0.5em 0;
  }
  .stale {
    border-left: 4px solid var(--_muted);
    padding: 0.25em 0.75em;
    font-size: 0.875em;
  }
  button.toggle {
    font: inherit;
    font-size: 0.875em;
    color: var(--_accent);
    background: none;
    border: 1px solid currentColor;
    border-radius: 0.25em;
    padding: 0.25em 0.75em;
    cursor: pointer;
    margin: 0.25em 0;
  }
  button.toggle:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    margin: 0.5em 0;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding-bottom: 0.25em;
  }
  th,
  td {
    border-bottom: 1px solid var(--_grid);
    padding: 0.25em 0.5em;
    text-align: right;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: left;
  }
  .export {
    position: relative;
  }
  .export-menu {
    list-style: none;
    margin: 0;
    padding: 0.25em;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  .export-menu[hidden] {
    display: none;
  }
  .export-menu button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .export textarea {
    display: block;
    width: 100%;
    box-sizing: border-box;
    font: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  /* No transitions on bars: after a resize or a refresh, animated bars lagged behind their labels (they overlapped the
     band labels mid-way). Nothing moves, so prefers-reduced-motion needs no special case here. */
  @media (forced-colors: active) {
    .bar {
      fill: CanvasText;
      stroke: Canvas;
    }
    .bar.women {
      fill: Highlight;
    }
    svg text {
      fill: CanvasText;
    }
    .grid line,
    .axis line {
      stroke: GrayText;
    }
    .error,
    .stale {
      border-left-color: CanvasText;
    }
  }
`;
