/**
 * `@epn/widgets/testing.js`: what the tests reach that is not the API (`@epn/widgets` is): the test hooks, and the
 * widgets' pure pieces (data, layout, texts, palettes, the CSV writer) that tests check one by one. Internals: names
 * and shapes change without notice; a page or a tool should not import them.
 * @packageDocumentation
 */
export * from './index.js';
export {toCsv, csvText, csvLabel, csvNumber} from './internal/export-csv.js';
export {pyramidData, type PyramidData} from './age-chart/age-chart.data.js';
export {layoutPyramid, type PyramidLayout} from './age-chart/age-chart.layout.js';
export {langOf} from './internal/i18n.js';
export {strings} from './internal/i18n.en.js';
export * from './equipment-chart/index.js';
export * from './skill-chart/index.js';
export * from './budget-card/index.js';
export * from './key-figures/index.js';
export * from './reach-chart/index.js';
export {shortAgeLabel, fullAgeLabel, wrapLabel} from './internal/labels.js';
export {darkTheme, type PageScheme} from './internal/theme.js';
/** Test hook: forget the page's worker, or fake a page that cannot run one (`null`). */
export {resetWorker} from './internal/page-worker.js';
/** Test hook: code loaded on first use (a chunk beside the all-in-one file). */
export {lazy, type Lazy} from './internal/lazy.js';
