// The all-in-one CDN file: lit, d3 pieces, the core and every widget; loading it registers every tag.
// It exports the widget classes; the core's functions are in @epn/stats (or dist/epn-stats.min.js without a bundler).
// The streaming counter of large individual-level files is not inside: it is in epn-worker.js beside this file,
// which the widgets start as a worker (or import, where a worker cannot start) only when such a file is used.
// Code that only some pages need is in chunks beside this file, loaded on first use: epn-cards.js (the budget card's
// and the key figures' readers and texts), epn-population.js (the reach chart and the age chart's `population-src`),
// epn-export-svg.js (the exports: CSV, PNG, SVG), epn-large-files.js (the worker protocol and the transfer of large
// tables). Their pure functions (toCsv and the CSV cells' writers, and
// strings, equipmentStrings and skillStrings, which hold the English texts of epn-en.js) are therefore exported by the npm package only.
import './define.js';
export {EpnElement, type DataTable, type Chart, type Status, type EpnLoadDetail, type EpnErrorDetail, type EpnExportDetail, type ExportFormat} from './internal/base.js';
export {EpnAgeChart} from './age-chart/age-chart.js';
export {pyramidData, type PyramidData, type PyramidOptions} from './age-chart/age-chart.data.js';
export {layoutPyramid, type PyramidLayout} from './age-chart/age-chart.layout.js';
export {langOf, type Lang, type Strings} from './internal/i18n.js';
export {EpnEquipmentChart, equipmentData, layoutEquipment, EQUIPMENT_PALETTE, readByBand, type EquipmentData, type EquipmentOptions, type EquipmentMeasure, type EquipmentLayout,
  type EquipmentLayoutInput, type EquipmentPanel, type EquipmentBar, type EquipmentStrings, type ByBandOptions} from './equipment-chart/index.js';
export {EpnSkillChart, skillData, levelRank, orderLevels, layoutSkill, SKILL_PALETTE, type SkillData, type SkillOptions, type SkillMeasure, type SkillTone, type SkillLayout,
  type SkillLayoutInput, type SkillRow, type SkillSegment, type SkillLegendItem, type SkillStrings} from './skill-chart/index.js';
export {EpnBudgetCard} from './budget-card/budget-card.js';
export {BUDGET_KEYS} from './budget-card/budget-keys.js';
export {emptyKeyValueTable} from './internal/card/empty-table.js';
export {EpnCard} from './internal/card/card.js';
export {CARD_PALETTE} from './internal/card/card.palette.js';
export {EpnKeyFigures} from './key-figures/key-figures.js';
export {EpnReachChart} from './reach-chart/reach-chart.js';
/** @internal For tests: forget the page's worker, or fake a page that cannot run one (`null`). */
export {resetWorker} from './internal/page-worker.js';
export {shortAgeLabel, fullAgeLabel, wrapLabel} from './internal/labels.js';
export {readOptionsOf, type ReadOptions, type ReadAttributes} from './internal/read-options.js';
export {darkTheme, type PageScheme} from './internal/theme.js';
