import {css} from 'lit';

/** The reach chart's own styles: bars from the public tokens, excluded bands lighter, estimated ones hatched. */
export const reachChartStyles = css`
  :host {
    --_reach: var(--epn-color-reach, var(--_accent));
    --_reference: var(--epn-color-reference, var(--_text));
  }
  .bar {
    fill: var(--_reach);
  }
  .bar.excluded {
    fill-opacity: 0.35;
  }
  .bar.estimated {
    fill: url(#hatch);
  }
  .hatch-bg {
    fill: var(--_reach);
    fill-opacity: 0.55;
  }
  .hatch-line {
    stroke: var(--_reach);
    stroke-width: 3;
  }
  .reference line {
    stroke: var(--_reference);
    stroke-width: 2;
    stroke-dasharray: 5 3;
  }
  .reference text {
    fill: var(--_reference);
    font-weight: 700;
    font-size: 12px;
  }
  svg text.value {
    paint-order: stroke;
    stroke: var(--_background);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  svg text.tick {
    fill: var(--_muted);
    font-size: 11px;
  }
  @media (forced-colors: active) {
    .bar,
    .hatch-bg {
      fill: CanvasText;
    }
    .hatch-line,
    .reference line {
      stroke: CanvasText;
    }
    .reference text {
      fill: CanvasText;
    }
  }
`;
