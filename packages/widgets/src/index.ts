/**
 * `@epn/widgets`: the element classes, their events' and options' types, defining no tag. Import
 * `@epn/widgets/define.js` (or one file of `define/`) to register the tags, or load the all-in-one `epn-widgets.js`.
 * The pure pieces (data, layout, texts) and the test hooks are in `@epn/widgets/testing.js`: internals, no promise kept.
 * @packageDocumentation
 */
// The elements, and the bases a new widget extends (see docs/ARCHITECTURE.md).
export {
  EpnElement,
  type DataTable,
  type Chart,
  type Status,
  type EpnLoadDetail,
  type EpnErrorDetail,
} from './internal/base.js';
export {type EpnExportDetail, type ExportFormat} from './internal/export-controller.js';
export {EpnCard} from './internal/card/card.js';
export {EpnAgeChart} from './age-chart/age-chart.js';
export {EpnEquipmentChart} from './equipment-chart/equipment-chart.js';
export {EpnSkillChart} from './skill-chart/skill-chart.js';
export {EpnBudgetCard} from './budget-card/budget-card.js';
export {EpnKeyFigures} from './key-figures/key-figures.js';
export {EpnReachChart} from './reach-chart/reach-chart.js';
// What their attributes mean: the reading of the file (delimiter, encoding, decimal, header-rows, types), and each
// widget's options and measures.
export {readOptionsOf, type ReadOptions, type ReadAttributes} from './internal/read-options.js';
export type {Lang, Strings} from './internal/i18n.js';
export type {PyramidOptions} from './age-chart/age-chart.data.js';
export type {ByBandOptions} from './internal/read-by-band.js';
export type {EquipmentOptions, EquipmentMeasure} from './equipment-chart/equipment-chart.data.js';
export type {SkillOptions, SkillMeasure} from './skill-chart/skill-chart.data.js';
export type {BudgetOptions} from './budget-card/budget-card.data.js';
export type {KeyFiguresOptions} from './key-figures/key-figures.data.js';
export type {ReachOptions, ReachBandsOption} from './reach-chart/reach-chart.data.js';
