/**
 * `@epn/stats`: read French open-data CSV files the way portals serve them, and compute the figures EPN programmes
 * publish. Pure: no DOM; the only I/O is {@link loadCsv} (and {@link aggregateCsv}, which streams), whose `fetch` can
 * be injected. The root exports the whole API; its three parts are entries of their own too, each built as one
 * minified file for pages without a bundler: `@epn/stats/core` (`dist/epn-stats.min.js`: reading, cross-tabs, shares,
 * ages, ratios, reading notes, formatting), `@epn/stats/population` (`dist/epn-stats-population.min.js`: band schemes,
 * harmonise, reach, readPopulation) and `@epn/stats/stream` (`dist/epn-stats-stream.min.js`: aggregateCsv).
 * @packageDocumentation
 */
export {EpnDataError, type EpnErrorCode, type EpnErrorDetails} from './errors.js';
export type {Value, Table, TableMeta, Marker, Issue, IssueCode, SkippedLine} from './table.js';
export {decodeBytes, decodeWindows1252, type Encoding, type Decoded} from './csv/decode.js';
export {DEFAULT_MARKERS, type MarkerKind} from './csv/markers.js';
export {parseNumber, type DecimalSeparator} from './csv/number.js';
export {sniffDelimiter, type LineEnding} from './csv/scan.js';
export {parseCsv, type ParseOptions} from './csv/parse.js';
export {aggregateCsv, type AggregateOptions, type AggregateSource, type ByteStreamLike} from './csv/aggregate.js';
export {
  loadCsv,
  fetchBytes,
  checkUrl,
  type LoadOptions,
  type Progress,
  type FetchLike,
  type ResponseLike,
  type SignalLike,
  type Fetched,
} from './csv/load.js';
export {
  readCrossTab,
  crossTab,
  findColumn,
  transposeCrossTab,
  type CrossTab,
  type CrossTabMeta,
  type CellMarker,
  type CellMark,
  type CrossTabOptions,
  type ReadCrossTabOptions,
  type SubRow,
} from './stats/cross-tab.js';
export {shares, type ShareBasis} from './stats/shares.js';
export {
  ageBands,
  parseAgeLabel,
  orderAgeLabels,
  SEED_AGE_BANDS,
  type AgeBands,
  type AgeRange,
  type OrderedAgeLabels,
} from './stats/age-bands.js';
export {ratio} from './stats/ratio.js';
export {looseKey} from './text.js';
export {readingNotes, type ReadingNote} from './stats/reading-notes.js';
export {
  BAND_SCHEMES,
  OPEN_BAND_END,
  bandScheme,
  commonScheme,
  rangeLabel,
  schemeOfLabels,
  type BandScheme,
  type SchemeName,
} from './stats/band-schemes.js';
export {
  harmonise,
  overlapFraction,
  ageAxis,
  type HarmoniseMethod,
  type HarmoniseOptions,
  type HarmonisedCrossTab,
  type HarmonisedMeta,
} from './stats/harmonise.js';
export {reach, type Reach, type ReachBand, type ReachCell, type ReachOptions} from './stats/reach.js';
export {
  readPopulation,
  type PopulationCrossTab,
  type PopulationMeta,
  type PopulationOptions,
} from './stats/population.js';
export {sexOf, type Sex} from './stats/sex.js';
export {formatNumber, formatPercent, formatEuro, type FormatOptions} from './format/format.js';
