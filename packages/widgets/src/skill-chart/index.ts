// Everything about <epn-skill-chart>, re-exported by @epn/widgets/testing.js in one line (the element by @epn/widgets).
export {EpnSkillChart} from './skill-chart.js';
export {
  skillData,
  levelRank,
  orderLevels,
  type SkillData,
  type SkillOptions,
  type SkillMeasure,
  type SkillTone,
} from './skill-chart.data.js';
export {
  layoutSkill,
  type SkillLayout,
  type SkillLayoutInput,
  type SkillRow,
  type SkillSegment,
  type SkillLegendItem,
} from './skill-chart.layout.js';
export {SKILL_PALETTE} from './skill-chart.palette.js';
export type {SkillStrings} from './skill-chart.strings.js';
export {skillStrings} from './skill-chart.strings.en.js';
