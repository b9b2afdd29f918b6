// The all-in-one CDN file: lit, d3 pieces, the core and every widget; loading it registers every tag.
// It exports the widget classes; the core's functions are in @epn/stats (or dist/epn-stats.min.js without a bundler).
// The streaming counter of large individual-level files is not inside: it is in epn-worker.js beside this file,
// which the widgets start as a worker (or import, where a worker cannot start) only when such a file is used.
import './define.js';
export * from './index.js';
