// The all-in-one CDN file: lit, d3 pieces, the core and every widget; loading it registers every tag.
// It exports what @epn/widgets exports (the widget classes, readOptionsOf), and two pure pieces the builder page reads
// through it (levelRank, BUDGET_KEYS); the core's functions are in @epn/stats (or dist/epn-stats.min.js without a bundler).
// The streaming counter of large individual-level files is not inside: it is in epn-worker.js beside this file,
// which the widgets start as a worker (or import, where a worker cannot start) only when such a file is used.
// Code that only some pages need is in chunks beside this file, loaded on first use: epn-cards.js (the budget card's
// and the key figures' readers and texts), epn-population.js (the reach chart and the age chart's `population-src`),
// epn-export-svg.js (the exports: CSV, PNG, SVG), epn-large-files.js (the worker protocol and the transfer of large
// tables). The widgets' pure pieces and the test hooks are not exported here (see @epn/widgets/testing.js).
import './define.js';
export * from './index.js';
// The builder page (examples/builder.js) recognises a skill table and a budget file with these.
export {levelRank} from './skill-chart/skill-chart.data.js';
export {BUDGET_KEYS} from './budget-card/budget-keys.js';
