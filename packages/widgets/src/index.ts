/**
 * `@epn/widgets`: the classes, defining no tag. Import `@epn/widgets/define.js` (or one file of `define/`) to
 * register the tags, or load the all-in-one `epn-widgets.js`.
 * @packageDocumentation
 */
export {EpnElement, type DataTable, type Chart, type Status, type EpnLoadDetail, type EpnErrorDetail, type EpnExportDetail, type ExportFormat} from './internal/base.js';
export {toCsv, csvText, csvLabel, csvNumber} from './internal/export-csv.js';
export {EpnAgeChart} from './age-chart/age-chart.js';
export {pyramidData, type PyramidData, type PyramidOptions} from './age-chart/age-chart.data.js';
export {layoutPyramid, type PyramidLayout} from './age-chart/age-chart.layout.js';
export {langOf, type Lang, type Strings} from './internal/i18n.js';
export {strings} from './internal/i18n.en.js';
export * from './equipment-chart/index.js';
export * from './skill-chart/index.js';
export * from './budget-card/index.js';
export * from './key-figures/index.js';
/** @internal For tests: forget the page's worker, or fake a page that cannot run one (`null`). */
export {resetWorker} from './internal/page-worker.js';
export * from './reach-chart/index.js';
export {readOptionsOf, type ReadOptions, type ReadAttributes} from './internal/read-options.js';
/** @internal For tests: code loaded on first use (a chunk beside the all-in-one file). */
export {lazy, type Lazy} from './internal/lazy.js';
export {shortAgeLabel, fullAgeLabel, wrapLabel} from './internal/labels.js';
export {darkTheme, type PageScheme} from './internal/theme.js';
