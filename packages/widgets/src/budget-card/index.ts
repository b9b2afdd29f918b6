// The budget card and the pieces the card family shares (re-exported by @epn/widgets/testing.js; the element by @epn/widgets).
export {EpnBudgetCard} from './budget-card.js';
export {
  budgetFigures,
  parseAmount,
  perHead,
  BUDGET_KEYS,
  type BudgetModel,
  type BudgetOptions,
  type BudgetInput,
  type InputOrigin,
} from './budget-card.data.js';
export {
  populationByAge,
  parseAgeRange,
  subtract as subtractAges,
  type Population,
  type PopulationBand,
  type PopulationOptions,
} from './budget-card.population.js';
export {budgetSentence, populationNotes, budgetStrings, type BudgetStrings} from './budget-card.strings.js';
export {
  readKeyValues,
  findEntry,
  keyOf,
  splitUnit,
  euroUnit,
  emptyKeyValueTable,
  type KeyValue,
  type KeyValues,
  type ReadKeyValuesOptions,
} from '../internal/card/key-values.js';
export {EpnCard} from '../internal/card/card.js';
export {CARD_PALETTE} from '../internal/card/card.styles.js';
