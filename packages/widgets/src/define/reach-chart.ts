import {EpnReachChart} from '../reach-chart/reach-chart.js';

if (!customElements.get('epn-reach-chart')) customElements.define('epn-reach-chart', EpnReachChart);

declare global {
  interface HTMLElementTagNameMap {
    'epn-reach-chart': EpnReachChart;
  }
}
