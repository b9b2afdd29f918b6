// The chunk epn-population.js beside the all-in-one file: the comparison with a population, loaded when an
// <epn-reach-chart> connects or an <epn-age-chart> has `population-src`: the reach chart's reader, layout and texts,
// the age chart's comparison, the reach chart's styles (added to its shadow root when this arrives), and the core's band schemes, harmonise, readPopulation and reach that they use.
export {reachData} from '../reach-chart/reach-chart.data.js';
export {layoutReach} from '../reach-chart/reach-chart.layout.js';
export {formatRate, reachSentence, reachStrings} from '../reach-chart/reach-chart.strings.js';
export {ReachView} from '../reach-chart/reach-chart.view.js';
export {
  pyramidPopulation,
  populationSentence,
  populationTable,
  populationNotes,
} from '../age-chart/age-chart.population.js';
export {reachChartStyles} from '../reach-chart/reach-chart.styles.js';
