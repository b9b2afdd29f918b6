import {css} from 'lit';
import {themed} from '../internal/styles.js';

// Defaults: EQUIPMENT_PALETTE (equipment-chart.palette.ts), checked for contrast by its test.
/** The equipment chart's own styles: bar and track colours from the public tokens, bold item titles. */
export const equipmentChartStyles = css`
  ${themed(
    css`
      --_bar: var(--epn-color-bar, #000091);
      --_track: var(--epn-track-color, #eeeeee);
    `,
    css`
      --_bar: var(--epn-color-bar, #8585f6);
      --_track: var(--epn-track-color, #2a2a2a);
    `,
  )}
  .bar {
    fill: var(--_bar);
  }
  .track {
    fill: var(--_track);
  }
  .baseline {
    stroke: var(--_border);
  }
  svg text.item-title {
    font-weight: 700;
    font-size: 13px;
  }
  svg text.band-label {
    fill: var(--_muted);
  }
  svg text.value {
    font-variant-numeric: tabular-nums;
  }
  @media (forced-colors: active) {
    .bar {
      fill: CanvasText;
      stroke: none;
    }
    .track {
      fill: Canvas;
      stroke: GrayText;
    }
    .baseline {
      stroke: CanvasText;
    }
    svg text.item-title,
    svg text.band-label {
      fill: CanvasText;
    }
  }
`;
