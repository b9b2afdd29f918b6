// Everything about <epn-equipment-chart>, re-exported by @epn/widgets/testing.js in one line (the element by @epn/widgets).
export {EpnEquipmentChart} from './equipment-chart.js';
export {
  equipmentData,
  type EquipmentData,
  type EquipmentOptions,
  type EquipmentMeasure,
} from './equipment-chart.data.js';
export {
  layoutEquipment,
  type EquipmentLayout,
  type EquipmentLayoutInput,
  type EquipmentPanel,
  type EquipmentBar,
} from './equipment-chart.layout.js';
export {EQUIPMENT_PALETTE} from './equipment-chart.palette.js';
export type {EquipmentStrings} from './equipment-chart.strings.js';
export {equipmentStrings} from './equipment-chart.strings.en.js';
export {readByBand, type ByBandOptions} from '../internal/read-by-band.js';
