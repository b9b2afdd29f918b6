import {css, unsafeCSS} from 'lit';
import {themed} from '../styles.js';
import {CARD_PALETTE} from './card.palette.js';

export {CARD_PALETTE} from './card.palette.js';

type Palette = (typeof CARD_PALETTE)[keyof typeof CARD_PALETTE];
/** The private colour properties of a palette (applied light or dark by `themed`, internal/styles.ts). */
const colours = (p: Palette) =>
  unsafeCSS(
    `--_card:var(--epn-card-background, ${p.card});--_card-border:var(--epn-card-border-color, ${p.cardBorder});` +
      `--_figure:var(--epn-figure-color, ${p.figure});--_bar:var(--epn-bar-color, ${p.bar});--_track:var(--epn-bar-track-color, ${p.track})`,
  );

/**
 * Shared styles of the cards: tiles of figures, the inline list of inputs, the quote box and the bar list. Written one
 * rule a line, without the indentation a stylesheet would have: these texts ship as they are, in every bundle.
 * - A tile's value is read after its label (dt, dd) but shown above it, as key figures are.
 * - A tile's unit sits on a line of its own, so that every tile reads the same whatever the length of the number.
 * - On narrow cards the inputs' labels go above their values: a label column would squeeze the values into a few
 *   characters.
 */
export const cardStyles = css`
${themed(colours(CARD_PALETTE.light), colours(CARD_PALETTE.dark))}
dl,dd{margin:0}
.tiles{display:grid;grid-template-columns:repeat(auto-fit, minmax(min(100%, 11.5rem), 1fr));gap:0.75rem;margin:0.75rem 0}
.tile{display:flex;flex-direction:column;gap:0.25rem;min-width:0;background:var(--_card);border:1px solid var(--_card-border);border-radius:0.25rem;padding:0.75rem 1rem}
.tile .value{order:-1;color:var(--_figure);font-size:1.75em;font-weight:700;line-height:1.15;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.tile .value.unavailable{font-size:1.125em;color:var(--_muted)}
.tile .unit{display:block;font-size:0.5em;font-weight:400;line-height:1.3;color:var(--_muted);margin-top:0.2em}
.tile dt{font-weight:400;line-height:1.35;overflow-wrap:anywhere}
.tile .detail{color:var(--_muted);font-size:0.875em;line-height:1.35;overflow-wrap:anywhere}
.inputs{display:grid;grid-template-columns:minmax(0, max-content) minmax(0, 1fr);gap:0.125rem 1rem;font-size:0.875em;margin:0.75rem 0}
.inputs>div{display:contents}
.inputs dt{color:var(--_muted)}
.inputs dd{font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
@container (max-width:420px){
.tiles{gap:0.5rem}
.tile{padding:0.5rem 0.75rem}
.inputs{grid-template-columns:minmax(0, 1fr);gap:0}
.inputs dd{margin-bottom:0.375rem}
}
.section-title{font-weight:700;margin:1rem 0 0.25rem}
.note,.summary{overflow-wrap:anywhere}
@media (forced-colors:active){
.tile,.quote{border-color:CanvasText}
.tile .value,.tile .value.unavailable{color:CanvasText}
.bars rect.bar-fill{fill:CanvasText}
.bars rect.bar-track{fill:Canvas;stroke:CanvasText}
button.copy{color:ButtonText;border-color:ButtonText}
}
`;
