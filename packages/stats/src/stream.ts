// `@epn/stats/stream` (and `dist/epn-stats-stream.min.js`): `aggregateCsv`, the streaming counter of large
// individual-level files (the same reading as `parseCsv`, chunk by chunk). Also exported by the package's root.
export {aggregateCsv, type AggregateOptions, type AggregateSource, type ByteStreamLike} from './csv/aggregate.js';
