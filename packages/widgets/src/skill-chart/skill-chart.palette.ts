/**
 * The default colours of `<epn-skill-chart>`, light and dark: a sequential palette of one hue (DSFR "bleu France",
 * `#8585f6` → `#000091`; in dark mode from dim to bright, `#5b5bc8` → `#cacafb`) for débutant → confirmé, greys for
 * other levels, and for each fill the colour of the value labels written on it. The styles use exactly these values
 * as the defaults of the `--epn-*` custom properties; the palette test computes their WCAG contrast ratios: every
 * fill ≥ 3:1 on the background, every label ≥ 4.5:1 on its fill, text ≥ 4.5:1 on the background. Adjacent segments
 * of one hue cannot all reach 3:1 against each other: the layout separates them by a gap of background.
 * `background` and `text` are the base styles' defaults, repeated here for the test.
 */
export const SKILL_PALETTE = {
  light: {
    background: '#ffffff',
    text: '#161616',
    fills: {l1: '#8585f6', l2: '#5555ec', l3: '#1f1fd8', l4: '#000091', o1: '#666666', o2: '#929292'},
    labels: {l1: '#161616', l2: '#ffffff', l3: '#ffffff', l4: '#ffffff', o1: '#ffffff', o2: '#161616'},
  },
  dark: {
    background: '#161616',
    text: '#eeeeee',
    fills: {l1: '#5b5bc8', l2: '#7d7def', l3: '#a3a3f8', l4: '#cacafb', o1: '#929292', o2: '#cecece'},
    labels: {l1: '#ffffff', l2: '#161616', l3: '#161616', l4: '#161616', o1: '#161616', o2: '#161616'},
  },
} as const;
