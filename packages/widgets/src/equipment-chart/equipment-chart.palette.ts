/**
 * The default colours of `<epn-equipment-chart>` (DSFR "bleu France" for the bars), light and dark. The styles use
 * exactly these values as the defaults of the `--epn-*` custom properties; the palette test computes their WCAG
 * contrast ratios: text ≥ 4.5:1 on the background and on the track, bars ≥ 3:1 on the background and on the track.
 * `background`, `text` and `muted` are the base styles' defaults, repeated here for the test.
 */
export const EQUIPMENT_PALETTE = {
  light: {background: '#ffffff', text: '#161616', muted: '#3a3a3a', bar: '#000091', track: '#eeeeee'},
  dark: {background: '#161616', text: '#eeeeee', muted: '#cecece', bar: '#8585f6', track: '#2a2a2a'},
} as const;
