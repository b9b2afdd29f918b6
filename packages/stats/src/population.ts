// `@epn/stats/population` (and `dist/epn-stats-population.min.js`): age band schemes, `harmonise` (re-expressing
// counts in another scheme), `readPopulation` and `reach` (users per inhabitant by band). Also exported by the
// package's root.
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
