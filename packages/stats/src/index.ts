/**
 * `@epn/stats`: read French open-data CSV files the way portals serve them, and compute the figures EPN programmes
 * publish. Pure: no DOM; the only I/O is {@link loadCsv} (and {@link aggregateCsv}, which streams), whose `fetch` can
 * be injected. The root exports the whole API; its three parts are entries of their own too, each built as one
 * minified file for pages without a bundler: `@epn/stats/core` (`dist/epn-stats.min.js`: reading, cross-tabs, shares,
 * ages, ratios, reading notes, formatting), `@epn/stats/population` (`dist/epn-stats-population.min.js`: band schemes,
 * harmonise, reach, readPopulation) and `@epn/stats/stream` (`dist/epn-stats-stream.min.js`: aggregateCsv).
 * @packageDocumentation
 */
export * from './core.js';
export * from './stream.js';
export * from './population.js';
