import {EpnKeyFigures} from '../key-figures/key-figures.js';

if (!customElements.get('epn-key-figures')) customElements.define('epn-key-figures', EpnKeyFigures);

declare global {
  interface HTMLElementTagNameMap {
    'epn-key-figures': EpnKeyFigures;
  }
}
