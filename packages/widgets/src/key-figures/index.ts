// The key figures element and its pure pieces (re-exported by @epn/widgets/testing.js; the element by @epn/widgets).
export {EpnKeyFigures} from './key-figures.js';
export {
  keyFigures,
  breakdownOf,
  parseRatios,
  parseKeyList,
  parseLabels,
  type KeyFigure,
  type KeyFiguresModel,
  type KeyFiguresOptions,
  type RatioSpec,
  type RatioFigure,
  type Breakdown,
  type BreakdownItem,
} from './key-figures.data.js';
export {
  keyFiguresStrings,
  keyFiguresSummary,
  labelOf,
  unitOf,
  formatFigure,
  formatRatio,
  ratioLabel,
  breakdownTitle,
  type KeyFiguresStrings,
} from './key-figures.strings.js';
