import {EpnAgeChart} from '../age-chart/age-chart.js';

if (!customElements.get('epn-age-chart')) customElements.define('epn-age-chart', EpnAgeChart);

declare global {
  interface HTMLElementTagNameMap {
    'epn-age-chart': EpnAgeChart;
  }
}
