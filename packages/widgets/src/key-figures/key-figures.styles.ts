import {css} from 'lit';

/** The key figures' own styles: ratio tiles and the bar list of the breakdown (one rule a line, as cardStyles). */
export const keyFiguresStyles = css`
.tile.ratio{border-left:4px solid var(--_figure)}
.summary{color:var(--_muted);font-size:0.9375em}
.bars{list-style:none;margin:0.25rem 0 0.5rem;padding:0}
.bars li{display:grid;grid-template-columns:minmax(5.5rem, 28%) minmax(3rem, 1fr) minmax(6.5em, max-content);align-items:center;gap:0.75rem;padding:0.25rem 0;border-bottom:1px solid var(--_grid)}
.bar-label{overflow-wrap:anywhere}
.bars svg{display:block;width:100%;height:0.875rem;overflow:hidden}
.bars rect.bar-track{fill:var(--_track)}
.bars rect.bar-fill{fill:var(--_bar)}
.bar-value{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.bars li.more .bar-value{grid-column:3}
.bar-value strong{font-weight:700}
.bar-share{color:var(--_muted);font-size:0.875em}
.bars-total{font-size:0.875em;color:var(--_muted);margin:0.25rem 0 0.5rem}
@container (max-width:420px){
.tiles{grid-template-columns:repeat(auto-fit, minmax(min(100%, 8.5rem), 1fr))}
.tile .value{font-size:1.5em}
.bars li{grid-template-columns:minmax(4.5rem, 30%) minmax(2rem, 1fr) max-content;gap:0.5rem}
}
`;
