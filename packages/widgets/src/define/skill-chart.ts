import {EpnSkillChart} from '../skill-chart/skill-chart.js';

if (!customElements.get('epn-skill-chart')) customElements.define('epn-skill-chart', EpnSkillChart);

declare global {
  interface HTMLElementTagNameMap {
    'epn-skill-chart': EpnSkillChart;
  }
}
