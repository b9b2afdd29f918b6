// The snippets a newcomer copies from README.md and the guides work as written on the seed data (examples/data/):
// one per widget in the embedding guides, and the key/value files of "Preparing a CSV" for the budget card.
import '@epn/widgets/define.js';
import {parseCsv} from '@epn/stats';
import type {EpnElement} from '@epn/widgets';
import {expect} from '@open-wc/testing';
import {describe, it} from '../harness.js';
import {settled, shadow} from '../widgets/helpers.js';

const TAGS = ['epn-age-chart', 'epn-equipment-chart', 'epn-skill-chart', 'epn-budget-card', 'epn-key-figures'];
const NB = '\u00a0';

async function text(path: string): Promise<string> {
  const response = await fetch(path);
  expect(response.ok, path).to.equal(true);
  return response.text();
}

/** The fenced blocks of a language (```html…) in a Markdown file. */
async function blocks(path: string, lang: string): Promise<string[]> {
  return [...(await text(path)).matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** Puts the markup in the page (the data folder of the guide mapped to examples/data/) and waits for every widget. */
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

function assertDrawn(widgets: Array<EpnElement<unknown>>): void {
  for (const w of widgets) {
    const alert = shadow(w).querySelector('[role="alert"]');
    expect(alert, `${w.tagName}: ${alert?.textContent}`).to.equal(null);
    expect(w.hasFigures, w.tagName).to.equal(true);
  }
}

describe('snippets of the guides', () => {
  for (const [guide, dataDir, perInhabitant] of [
    ['/docs/guides/fr/integrer.md', '/donnees/', `0,71${NB}€`],
    ['/docs/guides/en/embedding.md', '/data/', '€0.71'],
  ] as const) {
    it(`${guide}: one snippet per widget, each drawn on the seed data`, async () => {
      const snippet = (await blocks(guide, 'html')).find((b) => TAGS.every((t) => b.includes(`<${t}`)));
      expect(snippet, 'a block with the five widgets').to.be.a('string');
      const widgets = await render(snippet!, dataDir);
      expect(widgets.map((w) => w.tagName.toLowerCase())).to.deep.equal(TAGS);
      assertDrawn(widgets);
      expect(shadow(widgets[3]!).textContent).to.contain(perInhabitant);
      expect(shadow(widgets[4]!).textContent).to.match(/11[,.]3/);
    });
  }

  it('README.md: the quick example draws', async () => {
    const snippet = (await blocks('/README.md', 'html')).find((b) => b.includes('<epn-age-chart'))!;
    const widgets = await render(snippet, '/data/');
    expect(widgets).to.have.length(2);
    assertDrawn(widgets);
  });

  it('the budget card cannot read chiffres-cles.csv (no budget), as the guides say', async () => {
    const [card] = await render('<epn-budget-card src="/data/chiffres-cles.csv"></epn-budget-card>', '/data/');
    expect(shadow(card!).querySelector('[role="alert"]')?.textContent).to.contain('il manque le budget');
  });

  for (const guide of ['/docs/guides/fr/preparer-un-csv.md', '/docs/guides/en/preparing-a-csv.md']) {
    it(`${guide}: the budget card's example files give 0,71 € and 16 € for 2012`, async () => {
      const files = (await blocks(guide, 'csv')).filter((b) => /budget/.test(b) && /population/.test(b));
      expect(files).to.have.length(2);
      for (const csv of files) {
        document.querySelectorAll('.guide-snippet').forEach((d) => d.remove());
        const card = document.createElement('epn-budget-card') as EpnElement<unknown>;
        card.className = 'guide-snippet';
        card.data = parseCsv(csv);
        document.body.append(card);
        await settled(card);
        assertDrawn([card]);
        const values = Array.from(shadow(card).querySelectorAll('.tile .value')).map((v) => v.textContent!.trim());
        expect(values, csv).to.deep.equal([`0,71${NB}€`, `16${NB}€`]);
        expect(shadow(card).querySelector('[part~="summary"]')!.textContent).to.contain('En 2012');
      }
    });
  }
});
