import {nothing, svg, type SVGTemplateResult} from 'lit';
import {wrapLabel} from './labels.js';

/** An SVG `<text>` truncated to `max` characters with an ellipsis; the full text stays in a `<title>`. */
export function label(
  x: number,
  y: number,
  text: string,
  max: number,
  attrs: {anchor?: 'start' | 'middle' | 'end'; cls?: string} = {},
): SVGTemplateResult {
  const short = truncate(text, max);
  return svg`<text x=${x} y=${y} text-anchor=${attrs.anchor ?? 'start'} dominant-baseline="middle" class=${attrs.cls ?? ''}>${short}${short !== text ? svg`<title>${text}</title>` : nothing}</text>`;
}

/**
 * An axis label (an age band's short form) on one line, or two when it is longer than `max` characters: never an
 * ellipsis while the words fit (see {@link wrapLabel}); the full text in a `<title>` when one is used.
 */
export function axisLabel(
  x: number,
  y: number,
  text: string,
  max: number,
  anchor: 'start' | 'middle' | 'end',
): SVGTemplateResult {
  const lines = wrapLabel(text, max);
  return svg`<text x=${x} y=${y} text-anchor=${anchor} dominant-baseline="middle" class="band-label">${
    lines.length > 1 ? lines.map((l, i) => svg`<tspan x=${x} dy=${i ? '1.1em' : '-0.55em'}>${l}</tspan>`) : lines[0]
  }${lines.some((l) => l.endsWith('…')) ? svg`<title>${text}</title>` : nothing}</text>`;
}

/** Truncates to `max` characters (by code points, so emoji are not cut in half), with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}
