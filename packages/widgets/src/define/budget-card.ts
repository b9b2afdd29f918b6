import {EpnBudgetCard} from '../budget-card/budget-card.js';

if (!customElements.get('epn-budget-card')) customElements.define('epn-budget-card', EpnBudgetCard);

declare global {
  interface HTMLElementTagNameMap {
    'epn-budget-card': EpnBudgetCard;
  }
}
