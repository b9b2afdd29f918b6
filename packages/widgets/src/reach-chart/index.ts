// The reach chart and its pure pieces (re-exported by @epn/widgets/testing.js; the element by @epn/widgets).
export {EpnReachChart} from './reach-chart.js';
export {
  reachData,
  usersCrossTab,
  parseExclude,
  parseScheme,
  type ReachModel,
  type ReachOptions,
  type ReachBandsOption,
} from './reach-chart.data.js';
export {layoutReach, type ReachLayout, type ReachBar, type ReachLayoutInput} from './reach-chart.layout.js';
export {reachStrings, reachSentence, formatRate, type ReachStrings} from './reach-chart.strings.js';
