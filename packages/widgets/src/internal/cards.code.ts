// The chunk epn-cards.js beside the all-in-one file: what <epn-budget-card> and <epn-key-figures> load when the first
// of them connects (one file for both: they share the key/value reader): their readers, their texts, their views and
// their styles (added to each card's shadow root when this arrives: `lazyStyles`).
export {budgetFigures} from '../budget-card/budget-card.data.js';
export {budgetSentence, budgetStrings, populationNotes} from '../budget-card/budget-card.strings.js';
export {BudgetView} from '../budget-card/budget-card.view.js';
export {keyFigures} from '../key-figures/key-figures.data.js';
export {
  breakdownTitle,
  formatFigure,
  formatRatio,
  keyFiguresStrings,
  keyFiguresSummary,
  labelOf,
  ratioLabel,
  unitOf,
} from '../key-figures/key-figures.strings.js';
export {KeyFiguresView} from '../key-figures/key-figures.view.js';
export {cardStyles} from './card/card.styles.js';
export {budgetCardStyles} from '../budget-card/budget-card.styles.js';
export {keyFiguresStyles} from '../key-figures/key-figures.styles.js';
