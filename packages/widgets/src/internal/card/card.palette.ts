/**
 * The colours of the card family, light and dark (DSFR-compatible defaults). Exported so that a unit test checks their
 * contrast against the values the CSS really uses; the text colours themselves are the foundation's (`--_text`,
 * `--_muted`, `--_accent`), repeated here for the same test.
 * (card.styles.ts: in the all-in-one file, the cards' styles come with their chunk, epn-cards.js, and the palette stays.)
 */
export const CARD_PALETTE = {
  light: {
    text: '#161616',
    muted: '#3a3a3a',
    accent: '#000091',
    background: '#ffffff',
    /** Surface of a figure tile (DSFR background-alt-grey). */
    card: '#f6f6f6',
    /** Tile border (decorative). */
    cardBorder: '#dddddd',
    /** The big figures (DSFR blue-france-sun-113). */
    figure: '#000091',
    /** Bars of a breakdown, and the track behind them (decorative). */
    bar: '#000091',
    track: '#e3e3fd',
  },
  dark: {
    text: '#eeeeee',
    muted: '#cecece',
    accent: '#8585f6',
    background: '#161616',
    card: '#1e1e1e',
    cardBorder: '#353535',
    figure: '#8585f6',
    bar: '#8585f6',
    track: '#2b2b4a',
  },
} as const;
