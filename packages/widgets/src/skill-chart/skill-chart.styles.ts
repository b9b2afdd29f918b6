import {css} from 'lit';
import {themed} from '../internal/styles.js';

// Defaults: SKILL_PALETTE (skill-chart.palette.ts), checked for contrast by its test.
/** The skill chart's own styles: the sequential palette and its label colours from the public tokens. */
export const skillChartStyles = css`
  ${themed(
    css`
      --_l1: var(--epn-skill-color-1, #8585f6);
      --_l1-label: var(--epn-skill-label-1, #161616);
      --_l2: var(--epn-skill-color-2, #5555ec);
      --_l2-label: var(--epn-skill-label-2, #ffffff);
      --_l3: var(--epn-skill-color-3, #1f1fd8);
      --_l3-label: var(--epn-skill-label-3, #ffffff);
      --_l4: var(--epn-skill-color-4, #000091);
      --_l4-label: var(--epn-skill-label-4, #ffffff);
      --_o1: var(--epn-skill-color-other-1, #666666);
      --_o1-label: var(--epn-skill-label-other-1, #ffffff);
      --_o2: var(--epn-skill-color-other-2, #929292);
      --_o2-label: var(--epn-skill-label-other-2, #161616);
    `,
    css`
      --_l1: var(--epn-skill-color-1, #5b5bc8);
      --_l1-label: var(--epn-skill-label-1, #ffffff);
      --_l2: var(--epn-skill-color-2, #7d7def);
      --_l2-label: var(--epn-skill-label-2, #161616);
      --_l3: var(--epn-skill-color-3, #a3a3f8);
      --_l3-label: var(--epn-skill-label-3, #161616);
      --_l4: var(--epn-skill-color-4, #cacafb);
      --_l4-label: var(--epn-skill-label-4, #161616);
      --_o1: var(--epn-skill-color-other-1, #929292);
      --_o1-label: var(--epn-skill-label-other-1, #161616);
      --_o2: var(--epn-skill-color-other-2, #cecece);
      --_o2-label: var(--epn-skill-label-other-2, #161616);
    `,
  )}
  .seg.l1 {
    fill: var(--_l1);
  }
  svg text.on-l1 {
    fill: var(--_l1-label);
  }
  .seg.l2 {
    fill: var(--_l2);
  }
  svg text.on-l2 {
    fill: var(--_l2-label);
  }
  .seg.l3 {
    fill: var(--_l3);
  }
  svg text.on-l3 {
    fill: var(--_l3-label);
  }
  .seg.l4 {
    fill: var(--_l4);
  }
  svg text.on-l4 {
    fill: var(--_l4-label);
  }
  .seg.o1 {
    fill: var(--_o1);
  }
  svg text.on-o1 {
    fill: var(--_o1-label);
  }
  .seg.o2 {
    fill: var(--_o2);
  }
  svg text.on-o2 {
    fill: var(--_o2-label);
  }
  svg text.seg-label {
    font-variant-numeric: tabular-nums;
  }
  svg text.band-label {
    fill: var(--_muted);
  }
  svg text.end {
    fill: var(--_text);
  }
  @media (forced-colors: active) {
    /* System colours only: adjacent levels differ (Canvas, Highlight, CanvasText, Highlight), every segment is
       outlined, and each label takes the colour paired with its fill. */
    .seg.l1 {
      fill: Canvas;
    }
    svg text.on-l1 {
      fill: CanvasText;
    }
    .seg.l2 {
      fill: Highlight;
    }
    svg text.on-l2 {
      fill: HighlightText;
    }
    .seg.l3 {
      fill: CanvasText;
    }
    svg text.on-l3 {
      fill: Canvas;
    }
    .seg.l4 {
      fill: Highlight;
    }
    svg text.on-l4 {
      fill: HighlightText;
    }
    .seg.o1 {
      fill: Canvas;
    }
    svg text.on-o1 {
      fill: CanvasText;
    }
    .seg.o2 {
      fill: CanvasText;
    }
    svg text.on-o2 {
      fill: Canvas;
    }
    .seg {
      stroke: CanvasText;
      stroke-width: 1px;
    }
    svg text.band-label,
    svg text.level-name,
    svg text.end {
      fill: CanvasText;
    }
  }
`;
