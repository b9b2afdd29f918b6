import {EpnEquipmentChart} from '../equipment-chart/equipment-chart.js';

if (!customElements.get('epn-equipment-chart')) customElements.define('epn-equipment-chart', EpnEquipmentChart);

declare global {
  interface HTMLElementTagNameMap {
    'epn-equipment-chart': EpnEquipmentChart;
  }
}
