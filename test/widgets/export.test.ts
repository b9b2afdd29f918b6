import '@epn/widgets/define.js';
import {parseCsv} from '@epn/stats';
import {csvNumber, csvText, toCsv, type EpnAgeChart, type EpnElement} from '@epn/widgets/testing.js';
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {describe, it} from '../harness.js';
import {fixtureUrl, settled, shadow} from './helpers.js';

const SEED = fixtureUrl('seed/inscrits-sexe-age.csv');
const SOURCE = 'Région Basse-Normandie, 2012';

/** Captures what the widget would download. */
function capture(el: EpnElement<unknown>): Array<{blob: Blob; filename: string}> {
  const files: Array<{blob: Blob; filename: string}> = [];
  (el as unknown as {download: (b: Blob, f: string) => void}).download = (blob, filename) =>
    files.push({blob, filename});
  return files;
}

async function ageChart(attrs = ''): Promise<EpnAgeChart> {
  const el = await fixture<EpnAgeChart>(
    html`<epn-age-chart export src=${SEED} source=${SOURCE} heading="Inscrits par âge"></epn-age-chart>`,
  );
  if (attrs) el.setAttribute('measure', attrs);
  await settled(el);
  return el;
}

describe('exports', () => {
  describe('CSV serializer (pure)', () => {
    it('writes numbers with a decimal comma, as numbers', () => {
      expect(csvNumber(1234.5)).to.equal('1234,5');
      expect(csvNumber(-12.5)).to.equal('-12,5');
      expect(csvNumber(0.1 + 0.2)).to.equal('0,3');
      expect(csvNumber(17254)).to.equal('17254');
    });

    it('prefixes formula-like text, and quotes every text (delimiters, quotes and line breaks included)', () => {
      expect(csvText('=HYPERLINK("http://x")')).to.equal('"\'=HYPERLINK(""http://x"")"');
      expect(csvText('+1')).to.equal('"\'+1"');
      expect(csvText('-1')).to.equal('"\'-1"');
      expect(csvText('@SUM(A1)')).to.equal('"\'@SUM(A1)"');
      expect(csvText('\tx')).to.equal('"\'\tx"');
      expect(csvText('\rx')).to.equal('"\'\rx"');
      expect(csvText('a;b')).to.equal('"a;b"');
      expect(csvText('dit "oui"')).to.equal('"dit ""oui"""');
      expect(csvText('a\nb')).to.equal('"a\nb"');
      expect(csvText('Hommes')).to.equal('"Hommes"');
      expect(csvText('')).to.equal('""');
    });

    it('has a BOM, CRLF line ends, a caption line, values as numbers and text where no value is known', () => {
      const csv = toCsv([
        {
          caption: 'T',
          head: ['a', 'b', 'c'],
          rows: [
            {header: '=1+1', cells: ['1\u202f234,5', '4,6\u00a0%'], values: [1234.5, null]},
            {header: 'x', cells: ['-3', 'secret']},
          ],
        },
        {caption: 'U', head: ['k', 'v'], rows: [{header: 'y', cells: ['2'], values: [2]}]},
      ]);
      expect(csv).to.equal(
        '\ufeff"T"\r\n"a";"b";"c"\r\n"\'=1+1";1234,5;"4,6\u00a0%"\r\n"x";"\'-3";"secret"\r\n\r\n"U"\r\n"k";"v"\r\n"y";2\r\n',
      );
    });
  });

  describe('menu', () => {
    it('is absent without the attribute', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED}></epn-age-chart>`);
      await settled(el);
      expect(shadow(el).querySelector('.export')).to.equal(null);
    });

    it('opens and closes with the keyboard, Escape returns the focus, and is accessible open', async () => {
      const el = await ageChart();
      const root = shadow(el);
      const button = root.querySelector<HTMLButtonElement>('#export-button')!;
      const list = root.querySelector<HTMLElement>('#export-menu')!;
      expect(button.textContent!.trim()).to.equal('Exporter');
      expect(button.getAttribute('aria-controls')).to.equal('export-menu');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(list.hidden).to.equal(true);
      button.focus();
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(list.hidden).to.equal(false);
      expect(Array.from(list.querySelectorAll('button')).map((b) => b.textContent!.trim())).to.deep.equal([
        'Image PNG',
        'Image SVG',
        'Données CSV (Excel)',
        'Copier la phrase',
      ]);
      expect(list.querySelector('[role="menu"], [role="menuitem"]')).to.equal(null);
      await expect(el).to.be.accessible();
      await sendKeys({press: 'Tab'});
      expect(root.activeElement?.textContent?.trim()).to.equal('Image PNG');
      await sendKeys({press: 'Escape'});
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(list.hidden).to.equal(true);
      expect(root.activeElement).to.equal(button);
      await sendKeys({press: 'Space'});
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
    });

    it('closes on a press outside the element, and stays open on a press inside it', async () => {
      const el = await ageChart();
      const root = shadow(el);
      const button = root.querySelector<HTMLButtonElement>('#export-button')!;
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      root
        .querySelector('#export-menu')!
        .dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, composed: true}));
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded'), 'inside').to.equal('true');
      document.body.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, composed: true}));
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded'), 'outside').to.equal('false');
    });

    it('speaks English', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart export lang="en" src=${SEED}></epn-age-chart>`);
      await settled(el);
      const root = shadow(el);
      expect(root.querySelector('#export-button')!.textContent!.trim()).to.equal('Export');
      expect(Array.from(root.querySelectorAll('#export-menu button')).map((b) => b.textContent!.trim())).to.deep.equal([
        'PNG image',
        'SVG image',
        'CSV data (Excel)',
        'Copy the sentence',
      ]);
    });
  });

  describe('CSV (Excel FR)', () => {
    it('re-parses to the same figures, numbers as numbers, with a BOM, `;` and CRLF', async () => {
      const el = await ageChart();
      const files = capture(el);
      const event = oneEvent(el, 'epn-export');
      const root = shadow(el);
      root.querySelector<HTMLButtonElement>('#export-button')!.click();
      await el.updateComplete;
      root.querySelector<HTMLButtonElement>('[data-format="csv"]')!.focus();
      root.querySelector<HTMLButtonElement>('[data-format="csv"]')!.click();
      const {detail, bubbles, composed} = await event;
      expect(root.querySelector('#export-menu')!.hasAttribute('hidden'), 'closed after the action').to.equal(true);
      expect(root.activeElement, 'focus back on the menu button').to.equal(root.querySelector('#export-button'));
      expect(detail).to.deep.equal({format: 'csv'});
      expect(bubbles && composed).to.equal(true);
      expect(files).to.have.length(1);
      expect(files[0]!.filename).to.equal('inscrits-par-age.csv');
      expect(files[0]!.blob.type).to.contain('text/csv');
      const bytes = new Uint8Array(await files[0]!.blob.arrayBuffer());
      expect(Array.from(bytes.slice(0, 3))).to.deep.equal([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text).to.contain('\r\n');
      expect(text.replace(/\r\n/g, '')).not.to.contain('\n');
      expect(text).to.contain(
        '"Inscrits par âge (Effectif)"\r\n"Tranche d\'âge";"Hommes";"Femmes";"Total"\r\n"moins de 11 ans";793;561;1354\r\n',
      );
      const table = parseCsv(text);
      expect(table.meta.delimiter).to.equal(';');
      expect(table.columns).to.deep.equal(["Tranche d'âge", 'Hommes', 'Femmes', 'Total']);
      expect(table.rows).to.have.length(9);
      expect(table.rows[0]).to.deep.equal(['moins de 11 ans', 793, 561, 1354]);
      expect(table.rows[8]).to.deep.equal(['Total', 8264, 8990, 17254]);
    });

    it('writes shares as numbers with a decimal comma', async () => {
      const el = await ageChart('share');
      const files = capture(el);
      await el.exportAs('csv');
      const text = await files[0]!.blob.text();
      expect(text).to.match(/;0,0459\d*;/);
      const table = parseCsv(text);
      expect(table.rows[0]![1]).to.be.closeTo(793 / 17254, 1e-9);
      expect(table.rows[8]!.slice(1)).to.deep.equal(
        [8264 / 17254, 8990 / 17254, 1].map((v) => Number(v.toPrecision(15))),
      );
    });

    it('never writes a label as a bare formula', async () => {
      const data = parseCsv('equipement;-11;11-17;Total\n=HYPERLINK("http://x");10;20;30\n+1;5;6;11\n@SUM(A1);1;2;3\n');
      const el = await fixture<EpnElement<unknown>>(
        html`<epn-equipment-chart export .data=${data} heading="=cmd|' /C calc'!A0"></epn-equipment-chart>`,
      );
      await settled(el);
      const files = capture(el);
      await el.exportAs('csv');
      const text = await files[0]!.blob.text();
      const cells = text.split(/;|\r\n/);
      for (const bad of ['=HYPERLINK', '+1', '@SUM', '=cmd']) {
        expect(
          cells.some((c) => c.startsWith(bad)),
          bad,
        ).to.equal(false);
      }
      expect(text).to.contain('"\'=HYPERLINK(""http://x"")"');
      expect(text).to.contain('"\'+1"');
      expect(text).to.contain('"\'@SUM(A1)"');
      expect(text.startsWith('"\'=cmd')).to.equal(true);
      expect(parseCsv(text).columns).to.include.members(['\'=HYPERLINK("http://x")', "'+1", "'@SUM(A1)"]);
    });

    it('exports the figures of a card too (its tables)', async () => {
      const el = await fixture<
        EpnElement<unknown>
      >(html`<epn-key-figures export src=${fixtureUrl('seed/chiffres-cles.csv')}
        breakdown-src=${fixtureUrl('seed/epn-departements.csv')} breakdown-column="epn"></epn-key-figures>`);
      await settled(el);
      const files = capture(el);
      await el.exportAs('csv');
      const bytes = new Uint8Array(await files[0]!.blob.arrayBuffer());
      expect(Array.from(bytes.slice(0, 3))).to.deep.equal([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      // Figures with their unit stay as shown (text); the breakdown's figures are numbers.
      // The label says « visites »: the unit is not repeated (issue 13); every text cell is quoted (issue 12).
      expect(text).to.match(/\r\n"Visites par an";"745\s000"\r\n/);
      expect(text).to.contain('\r\n"Calvados";36;0,3076');
      expect(text).to.contain('\r\n"Total";117;1\r\n');
    });
  });

  describe('pictures', () => {
    it('SVG: a standalone file with the title, the source and the date, styles resolved, nothing that runs', async () => {
      const el = await ageChart();
      const files = capture(el);
      await el.exportAs('svg');
      expect(files[0]!.filename).to.equal('inscrits-par-age.svg');
      expect(files[0]!.blob.type).to.equal('image/svg+xml');
      const text = await files[0]!.blob.text();
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      expect(doc.querySelector('parsererror')).to.equal(null);
      const svg = doc.documentElement;
      expect(svg.namespaceURI).to.equal('http://www.w3.org/2000/svg');
      const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent);
      expect(texts).to.include('Inscrits par âge');
      expect(texts).to.include(`Source\u00a0: ${SOURCE}`);
      const year = String(new Date().getFullYear());
      expect(texts.some((t) => t!.startsWith('Exporté le') && t!.includes(year))).to.equal(true);
      expect(svg.querySelectorAll('rect.bar')).to.have.length(16);
      const bar = svg.querySelector('rect.bar.men')!;
      expect(bar.getAttribute('fill')).to.equal(getComputedStyle(shadow(el).querySelector('rect.bar.men')!).fill);
      expect(svg.querySelector('text.value')!.getAttribute('font-size')).to.equal('12px');
      expect(svg.querySelector('script, foreignObject')).to.equal(null);
      for (const node of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
        for (const a of Array.from(node.attributes)) expect(a.name, node.tagName).not.to.match(/^on/i);
      }
      // The frame's chart is untouched (the goldens stay the same).
      expect(shadow(el).querySelector('svg[part="chart"] rect.bar')!.hasAttribute('fill')).to.equal(false);
    });

    it('SVG of a card: its figures as text, with the title, the source and the date', async () => {
      const el = await fixture<EpnElement<unknown>>(
        html`<epn-key-figures export source=${SOURCE} src=${fixtureUrl('seed/chiffres-cles.csv')}></epn-key-figures>`,
      );
      await settled(el);
      const files = capture(el);
      await el.exportAs('svg');
      const text = await files[0]!.blob.text();
      expect(text).to.contain(SOURCE);
      expect(text).to.contain('Exporté le');
      expect(new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('text').length).to.be.greaterThan(
        4,
      );
    });

    it('PNG: a non-empty image/png at twice the size', async () => {
      const el = await ageChart();
      const files = capture(el);
      // The width drawn when exporting (the element may be measured again afterwards).
      const width = Number(shadow(el).querySelector('svg[part="chart"]')!.getAttribute('width'));
      await el.exportAs('png');
      const {blob, filename} = files[0]!;
      expect(filename).to.equal('inscrits-par-age.png');
      expect(blob.type).to.equal('image/png');
      expect(blob.size).to.be.greaterThan(1000);
      const bitmap = await createImageBitmap(blob);
      // The chart, a margin of 8 px on each side, at 2×.
      expect(bitmap.width).to.equal(2 * (width + 16));
    });
  });

  describe('copy', () => {
    it('copies the sentence with its source', async () => {
      const el = await ageChart();
      let copied = '';
      const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {writeText: async (s: string) => void (copied = s)},
      });
      try {
        await el.exportAs('copy');
      } finally {
        delete (navigator as unknown as {clipboard?: unknown}).clipboard;
        Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
      }
      const summary = shadow(el).querySelector('[part="summary"]')!.textContent;
      expect(copied).to.equal(`${summary} Source\u00a0: ${SOURCE}.`);
      expect(shadow(el).querySelector('.export [role="status"]')!.textContent).to.equal('Phrase copiée.');
    });

    it('when refused, selects the sentence and says so', async () => {
      const el = await ageChart();
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))},
      });
      try {
        await el.exportAs('copy');
      } finally {
        delete (navigator as unknown as {clipboard?: unknown}).clipboard;
      }
      await el.updateComplete;
      const root = shadow(el);
      const area = root.querySelector('textarea')!;
      expect(area.value).to.contain(`Source\u00a0: ${SOURCE}.`);
      expect(root.activeElement).to.equal(area);
      expect(area.selectionStart).to.equal(0);
      expect(area.selectionEnd).to.equal(area.value.length);
      expect(root.querySelector('.export [role="status"]')!.textContent).to.contain('refusée');
      await expect(el).to.be.accessible();
    });
  });
});
