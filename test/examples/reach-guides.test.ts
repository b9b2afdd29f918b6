// The guides "Comparer les inscrits à la population" / "Comparing users with the population": their snippets draw on
// the example data, and every figure they quote is what the widgets show.
import '@epn/widgets/define.js';
import type {EpnElement} from '@epn/widgets';
import {expect} from '@open-wc/testing';
import {describe, it} from '../harness.js';
import {settled, shadow} from '../widgets/helpers.js';

const TAGS = ['epn-reach-chart', 'epn-age-chart', 'epn-budget-card'];
const NB = '\u00a0';

async function firstHtmlBlock(path: string): Promise<string> {
  const response = await fetch(path);
  expect(response.ok, path).to.equal(true);
  return /```html\n([\s\S]*?)```/.exec(await response.text())![1]!;
}

async function render(markup: string, dataDir: string): Promise<Array<EpnElement<unknown>>> {
  document.querySelectorAll('.guide-snippet').forEach((d) => d.remove());
  const box = document.createElement('div');
  box.className = 'guide-snippet';
  box.style.width = '800px';
  box.innerHTML = markup
    .replace(/<script[^>]*><\/script>/g, '')
    .split(`"${dataDir}`)
    .join('"/examples/data/');
  document.body.append(box);
  const widgets = Array.from(box.querySelectorAll<EpnElement<unknown>>(TAGS.join(', ')));
  for (const w of widgets) await settled(w, 15000);
  return widgets;
}

describe('the population-comparison guides', () => {
  for (const [guide, dataDir, en] of [
    ['/docs/guides/fr/comparer-a-la-population.md', '/donnees/', false],
    ['/docs/guides/en/comparing-with-the-population.md', '/data/', true],
  ] as const) {
    it(`${guide}: the three widgets draw, with the figures the guide quotes`, async () => {
      const widgets = await render(await firstHtmlBlock(guide), dataDir);
      expect(widgets.map((w) => w.tagName.toLowerCase())).to.deep.equal(TAGS);
      for (const w of widgets) {
        expect(shadow(w).querySelector('[role="alert"]'), w.tagName).to.equal(null);
        expect(w.hasFigures, w.tagName).to.equal(true);
      }
      const [reachChart, , card] = widgets;
      const summary = shadow(reachChart!).querySelector('[part="summary"]')!.textContent!;
      expect(summary).to.contain(en ? '14.1 per 1,000' : `14,1 pour 1${NB}000`);
      expect(summary).to.contain(
        en ? '21.0% of users and 10.8% of the population' : `21,0${NB}% des inscrits et 10,8${NB}% de la population`,
      );
      expect(summary).to.contain(
        en ? '3.2% of users and 8.9% of the population' : `3,2${NB}% des inscrits et 8,9${NB}% de la population`,
      );
      const values = Array.from(shadow(card!).querySelectorAll('.tile .value')).map((v) => v.textContent!.trim());
      expect(values[values.length - 1]).to.equal(en ? '5.8%' : `5,8${NB}%`);
      const table = Array.from(shadow(reachChart!).querySelectorAll('tbody tr')).map(
        (tr) => tr.querySelector('th')!.textContent,
      );
      expect(table[1]).to.equal(en ? '11-17 (estimated population)' : '11-17 (population estimée)');
    });
  }
});
