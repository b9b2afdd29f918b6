// The chunk epn-en.js beside the all-in-one file: the English texts of the widgets whose code is in it (the shared
// ones, the equipment and skill charts'), loaded when an English widget first updates (`english` in i18n.ts). The
// cards' and the reach chart's English texts are in their own chunks, with their French ones.
export {en as strings} from './i18n.en.js';
export {en as equipment} from '../equipment-chart/equipment-chart.strings.en.js';
export {en as skill} from '../skill-chart/skill-chart.strings.en.js';
