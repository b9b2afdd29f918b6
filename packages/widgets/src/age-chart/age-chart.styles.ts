import {css} from 'lit';

/** The pyramid's own styles: bar colours from the public tokens, bold sex headers. */
export const ageChartStyles = css`
  .bar.men {
    fill: var(--_men);
  }
  .bar.women {
    fill: var(--_women);
  }
  .outline,
  .halo {
    fill: none;
    stroke: var(--_text);
    stroke-width: 1.5;
  }
  .halo {
    stroke: var(--_background);
    stroke-width: 4;
  }
  .outline.estimated {
    stroke-dasharray: 4 3;
  }
  svg text.header {
    font-weight: 700;
    font-size: 13px;
  }
  svg text.tick {
    fill: var(--_muted);
    font-size: 11px;
  }
  @media (forced-colors: active) {
    .outline {
      stroke: CanvasText;
    }
    .halo {
      stroke: Canvas;
    }
  }
`;
