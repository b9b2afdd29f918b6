import {css} from 'lit';

/** The budget card's own styles: the sentence to quote and its copy button (one rule a line, as cardStyles). */
export const budgetCardStyles = css`
.quote{border-left:4px solid var(--_accent);background:var(--_card);padding:0.5rem 0.75rem 0.75rem 1rem;margin:0.75rem 0}
.quote-label{color:var(--_muted);font-size:0.875em;margin:0}
.quote .summary{margin:0.25rem 0 0.5rem;font-size:1.0625em}
.copy-row{display:flex;flex-wrap:wrap;align-items:center;gap:0.25rem 0.75rem}
button.copy{font:inherit;font-size:0.875em;color:var(--_accent);background:var(--_background);border:1px solid currentColor;border-radius:0.25em;padding:0.25em 0.75em;cursor:pointer}
button.copy:focus-visible{outline:2px solid var(--_accent);outline-offset:2px}
.copy-status{font-size:0.875em;color:var(--_muted)}
`;
