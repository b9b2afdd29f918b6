import '@epn/widgets/define.js';
import {parseCsv, readCrossTab} from '@epn/stats';
import type {EpnAgeChart} from '@epn/widgets';
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {describe, it} from '../harness.js';
import {aTimeout, assertFiniteSvg, contrast, fixtureUrl, hexOf, settled, shadow} from './helpers.js';
import {expectGolden} from './golden.js';
import {runWidgetBaseTests} from './widget-base-tests.js';
import {fixture as bytes} from '../harness.js';

const SEED = fixtureUrl('seed/inscrits-sexe-age.csv');
const texts = (root: ParentNode, selector: string) =>
  Array.from(root.querySelectorAll(selector)).map((n) => n.textContent?.trim());

runWidgetBaseTests('epn-age-chart', {
  file: 'seed/inscrits-sexe-age.csv',
  read: {delimiter: ',', columns: ['sexe']},
  empty: 'widgets/pyramid-zero.csv',
  figures: (root) => root.querySelectorAll('rect.bar').length,
  expected: 16,
  parts: ['chart', 'legend'],
});

describe('<epn-age-chart>', () => {
  describe('seed table (wide, as published)', () => {
    it('draws 8 bands × 2 sexes, men on the left and women on the right, youngest band at the bottom', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED}></epn-age-chart>`);
      await settled(el);
      const root = shadow(el);
      const men = Array.from(root.querySelectorAll<SVGRectElement>('rect.bar.men'));
      const women = Array.from(root.querySelectorAll<SVGRectElement>('rect.bar.women'));
      expect(men).to.have.length(8);
      expect(women).to.have.length(8);
      const center = Number(root.querySelector('svg')!.getAttribute('width')) / 2;
      for (const r of men) expect(Number(r.getAttribute('x')) + Number(r.getAttribute('width'))).to.be.lessThan(center);
      for (const r of women) expect(Number(r.getAttribute('x'))).to.be.greaterThan(center);
      const y = (i: number) => Number(men[i]!.getAttribute('y'));
      expect(y(0), 'youngest band lowest').to.be.greaterThan(y(7));
      // The longest men's bar is 11-17 (1 762), the longest women's 56-65 (1 693).
      const widths = men.map((r) => Number(r.getAttribute('width')));
      expect(widths.indexOf(Math.max(...widths))).to.equal(1);
      expect(texts(root, 'text.band-label')).to.deep.equal([
        '<\u00a011',
        '11-17',
        '18-25',
        '26-35',
        '36-45',
        '46-55',
        '56-65',
        '65\u00a0+',
      ]);
      expect(texts(root, 'text.value')).to.include.members(['793', '1\u202f762', '1\u202f693']);
      assertFiniteSvg(root);
    });

    it('names the SVG by its own title and desc, and says the summary in French', async () => {
      const el = await fixture<EpnAgeChart>(
        html`<epn-age-chart src=${SEED} heading="Inscrits par âge"></epn-age-chart>`,
      );
      await settled(el);
      const svg = shadow(el).querySelector('svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-labelledby')).to.equal('chart-title chart-desc');
      expect(svg.querySelector('title')!.textContent).to.equal('Inscrits par âge');
      const summary =
        'Pyramide des âges de 17\u202f254 personnes\u00a0: 8\u202f264 hommes et 8\u202f990 femmes. ' +
        "La tranche d'âge la plus représentée est 11-17, avec 17,9\u00a0% du total.";
      expect(svg.querySelector('desc')!.textContent).to.equal(summary);
      expect(shadow(el).querySelector('[part="summary"]')!.textContent).to.equal(summary);
      await expect(el).to.be.accessible();
    });

    it('says why a count is unknown: « donnée confidentielle » for a secret cell, « non disponible » for n.d., on the bars and in the table', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart></epn-age-chart>`);
      // Bands written oldest first and the women's row first: the markers follow the cells once ordered.
      el.data = parseCsv(new TextEncoder().encode('sexe;65+;18-64;0-17\nFemmes;150;520;n.d.\nHommes;120;500;s\n'));
      await settled(el);
      const root = shadow(el);
      // Per band, youngest first in the document: the men's label then the women's.
      expect(texts(root, 'text.value')).to.deep.equal([
        'donnée confidentielle',
        'non disponible',
        '500',
        '520',
        '120',
        '150',
      ]);
      const rows = Array.from(root.querySelectorAll('table tbody tr')).map((tr) =>
        Array.from(tr.children).map((c) => c.textContent!.trim()),
      );
      expect(rows[0]).to.deep.equal(['0-17', 'donnée confidentielle', 'non disponible', 'non disponible']);
      expect(rows[1]).to.deep.equal(['18-64', '500', '520', '1\u202f020']);
      el.lang = 'en';
      await el.updateComplete;
      expect(texts(root, 'table tbody tr:first-child td')).to.deep.equal([
        'confidential',
        'not available',
        'not available',
      ]);
      await expect(el).to.be.accessible();
    });

    it('says why a count of a long table is unknown: « donnée confidentielle » for s in the count column', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart age-column="age" value-column="n"></epn-age-chart>`);
      el.data = parseCsv('sexe;age;n\nH;0-17;s\nF;0-17;40\nH;18-64;500\nF;18-64;n.d.\n');
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.value')).to.deep.equal(['donnée confidentielle', '40', '500', 'non disponible']);
      expect(texts(root, 'table tbody tr:first-child td')).to.deep.equal([
        'donnée confidentielle',
        '40',
        'non disponible',
      ]);
      await expect(el).to.be.accessible();
    });

    it('never puts "non disponible" inside the sentence: unknown figures are left out and said to be unknown', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart></epn-age-chart>`);
      el.data = parseCsv(new TextEncoder().encode('sexe;0-17;18-64;65+\nHommes;s;500;120\nFemmes;80;520;150\n'));
      await settled(el);
      const summary = shadow(el).querySelector('[part="summary"]')!.textContent!;
      expect(summary).to.equal(
        'Pyramide des âges\u00a0: 750 femmes. Certains effectifs ne sont pas connus (secret statistique ou donnée non disponible).',
      );
      expect(summary).not.to.contain('non disponible personnes');
      el.lang = 'en';
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="summary"]')!.textContent).to.equal(
        'Age pyramid: 750 women. Some counts are not known (statistical secrecy or unavailable data).',
      );
      await expect(el).to.be.accessible();
    });

    it('holds every figure in a real table with caption and scopes, behind a "Voir les données" toggle', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED}></epn-age-chart>`);
      await settled(el);
      const root = shadow(el);
      const table = root.querySelector('table')!;
      expect(table.querySelector('caption')!.textContent).to.contain('Pyramide des âges');
      expect(texts(table, 'thead th')).to.deep.equal(["Tranche d'âge", 'Hommes', 'Femmes', 'Total']);
      expect(table.querySelectorAll('th[scope="row"]')).to.have.length(9);
      expect(texts(table, 'tbody tr:first-child td')).to.deep.equal(['793', '561', '1\u202f354']);
      expect(texts(table, 'tbody tr:last-child td')).to.deep.equal(['8\u202f264', '8\u202f990', '17\u202f254']);
      const toggle = root.querySelector<HTMLButtonElement>('button.toggle')!;
      expect(toggle.textContent!.trim()).to.equal('Voir les données');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(root.querySelector('#data')!.classList.contains('visually-hidden')).to.equal(true);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(toggle.textContent!.trim()).to.equal('Masquer les données');
      expect(root.querySelector('#data')!.classList.contains('visually-hidden')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('measure="share" draws shares of the grand total, as the source printed (793 → 4,6 %)', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED} measure="share"></epn-age-chart>`);
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.value')).to.include.members(['4,6\u00a0%', '10,2\u00a0%', '9,8\u00a0%']);
      expect(texts(root, 'tbody tr:last-child td')).to.deep.equal(['47,9\u00a0%', '52,1\u00a0%', '100,0\u00a0%']);
    });
  });

  describe('golden SVG', () => {
    it('seed table, counts, 640 px', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 640px"><epn-age-chart src=${SEED}></epn-age-chart></div>`,
      );
      const el = wrapper.querySelector('epn-age-chart')!;
      await settled(el);
      await expectGolden('age-chart-seed', shadow(el).querySelector('svg')!);
    });

    it('seed table, shares, 320 px', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 320px"><epn-age-chart src=${SEED} measure="share"></epn-age-chart></div>`,
      );
      const el = wrapper.querySelector('epn-age-chart')!;
      await settled(el);
      await aTimeout(50);
      await el.updateComplete;
      await expectGolden('age-chart-seed-share-320', shadow(el).querySelector('svg')!);
    });

    it('real INSEE file: Calvados by sex and broad age band', async () => {
      const t = parseCsv(await bytes('real/insee-estim-pop-dep-2023.csv'));
      const men = readCrossTab(t, {group: 'Hommes'});
      const women = readCrossTab(t, {group: 'Femmes'});
      const row = (ct: typeof men) => ct.counts[ct.rowLabels.indexOf('Calvados')]!;
      const data = readCrossTab(
        parseCsv(
          [
            ['sexe', ...men.columnLabels],
            ['Hommes', ...row(men)],
            ['Femmes', ...row(women)],
          ]
            .map((r) => r.join(';'))
            .join('\n'),
        ),
      );
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 640px"><epn-age-chart .data=${data} heading="Calvados, 2023"></epn-age-chart></div>`,
      );
      const el = wrapper.querySelector('epn-age-chart')!;
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="summary"]')!.textContent).to.contain('700\u202f595 personnes');
      await expectGolden('age-chart-insee-calvados', shadow(el).querySelector('svg')!);
    });
  });

  describe('other inputs', () => {
    it('reads a transposed table (bands as rows, sexes as columns)', async () => {
      const el = await fixture<EpnAgeChart>(
        html`<epn-age-chart src=${fixtureUrl('widgets/pyramid-transposed.csv')}></epn-age-chart>`,
      );
      await settled(el);
      expect(texts(shadow(el), 'text.band-label')).to.deep.equal(['<\u00a011', '11-17', '18-25']);
      expect(texts(shadow(el), 'tbody tr:first-child td')).to.deep.equal(['793', '561', '1\u202f354']);
    });

    it('reads a long table through sex-column, age-column and value-column, and notes the "Non communiqué" sex', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${fixtureUrl('widgets/pyramid-long.csv')}
        sex-column="sexe" age-column="tranche" value-column="effectif"></epn-age-chart>`);
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.band-label')).to.deep.equal(['0-19', '20-39', '40\u00a0+']);
      expect(texts(root, 'tbody tr:first-child td')).to.deep.equal(['100', '120', '220']);
      expect(texts(root, '.note').join(' ')).to.contain('Non communiqué');
      await expect(el).to.be.accessible();
    });

    it('bins one row per person by age (bands="0,18,65")', async () => {
      const el = await fixture<EpnAgeChart>(
        html`<epn-age-chart src=${fixtureUrl('widgets/pyramid-people.csv')} age-column="age" bands="0,18,65"></epn-age-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.band-label')).to.deep.equal(['0-17', '18-64', '65\u00a0+']);
      const total = texts(root, 'tbody tr:last-child td')[2];
      expect(total).to.equal('300');
    });

    it('takes a CrossTab through the data property, which wins over src', async () => {
      const ct = readCrossTab(parseCsv('sexe;a;b\nHommes;1;2\nFemmes;3;4'));
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED} .data=${ct}></epn-age-chart>`);
      await el.updateComplete;
      expect(texts(shadow(el), 'text.band-label')).to.deep.equal(['a', 'b']);
      await aTimeout(300);
      expect(texts(shadow(el), 'text.band-label')).to.deep.equal(['a', 'b']);
    });

    it('reads a light-DOM table (the no-JavaScript fallback)', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart><table>
        <tr><th>sexe</th><th>0-19</th><th>20 +</th></tr>
        <tr><th>Hommes</th><td>1 200</td><td>800</td></tr>
        <tr><th>Femmes</th><td>1 100</td><td>900</td></tr></table></epn-age-chart>`);
      await el.updateComplete;
      expect(texts(shadow(el), 'tbody tr:first-child td')).to.deep.equal(['1\u202f200', '1\u202f100', '2\u202f300']);
    });
  });

  describe('states', () => {
    it('a wrong age-column (identifiers: 400 values) is refused in French (UNEXPECTED_SHAPE), drawing nothing; 101 single-year ages draw', async () => {
      const people = ['sexe;id', ...Array.from({length: 400}, (_, i) => `${i % 2 ? 'F' : 'H'};A${1000 + i}`)].join(
        '\n',
      );
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart age-column="id"></epn-age-chart>`);
      const failed = oneEvent(el, 'epn-error');
      el.data = parseCsv(people);
      const event = await failed;
      await el.updateComplete;
      expect(event.detail.code).to.equal('UNEXPECTED_SHAPE');
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.equal(
        "Le tableau n'a pas la forme attendue : 400 colonnes (tranches d'âge) (« A1000 », « A1001 », « A1002 »…), trop pour un graphique " +
          '(150 au plus) ; vérifiez la colonne indiquée (age-column, rows-column, sex-column) ou le fichier.',
      );
      expect(shadow(el).querySelector('svg') === null, 'no such element').to.equal(true);
      await expect(el).to.be.accessible();
      // Single-year ages, 0 to 100, as INSEE publishes them: 101 bands, drawn.
      const years = [
        'sexe;age;n',
        ...Array.from(
          {length: 101},
          (_, a) => `H;${a} an${a > 1 ? 's' : ''};${a + 1}\nF;${a} an${a > 1 ? 's' : ''};${a + 2}`,
        ),
      ].join('\n');
      el.ageColumn = 'age';
      el.valueColumn = 'n';
      el.data = parseCsv(years);
      await settled(el);
      expect(shadow(el).querySelector('[role="alert"]') === null, 'no alert').to.equal(true);
      expect(shadow(el).querySelectorAll('rect.bar.men')).to.have.length(101);
    });

    it('error: a table without Hommes/Femmes rows says what it needs', async () => {
      const el = await fixture<EpnAgeChart>(
        html`<epn-age-chart src=${fixtureUrl('seed/niveau-usage-age.csv')}></epn-age-chart>`,
      );
      await settled(el);
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain(
        'il faut une ligne « Hommes » et une ligne « Femmes »',
      );
      await expect(el).to.be.accessible();
    });

    it('error then fixed: correcting a bad attribute redraws from the same data, without a new load', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED} measure="ratio"></epn-age-chart>`);
      await settled(el);
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('measure="ratio"');
      let loads = 0;
      el.addEventListener('epn-load', () => loads++);
      el.measure = 'share';
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]') === null, 'alert gone').to.equal(true);
      expect(shadow(el).querySelectorAll('rect.bar')).to.have.length(16);
      expect(loads, 'no new load').to.equal(0);
    });

    it('src changed while loading: the old response never renders', async () => {
      const el = await fixture<EpnAgeChart>(
        html`<epn-age-chart src="/__epn__/slow/500/seed/inscrits-sexe-age.csv"></epn-age-chart>`,
      );
      el.src = fixtureUrl('widgets/pyramid-transposed.csv');
      await settled(el);
      expect(texts(shadow(el), 'text.band-label')).to.deep.equal(['<\u00a011', '11-17', '18-25']);
      await aTimeout(700);
      expect(texts(shadow(el), 'text.band-label')).to.deep.equal(['<\u00a011', '11-17', '18-25']);
    });
  });

  describe('colours', () => {
    for (const theme of ['light', 'dark']) {
      it(`${theme}: bars ≥ 3:1 and text ≥ 4.5:1 against the background, as drawn`, async () => {
        const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED} theme=${theme}></epn-age-chart>`);
        await settled(el);
        const root = shadow(el);
        const background = hexOf(getComputedStyle(el).backgroundColor);
        const fill = (sel: string) => hexOf(getComputedStyle(root.querySelector(sel)!).fill);
        const color = (sel: string) => hexOf(getComputedStyle(root.querySelector(sel)!).color);
        expect(contrast(fill('rect.bar.men'), background), 'men').to.be.at.least(3);
        expect(contrast(fill('rect.bar.women'), background), 'women').to.be.at.least(3);
        expect(contrast(fill('text.value'), background), 'value labels').to.be.at.least(4.5);
        expect(contrast(fill('text.tick'), background), 'ticks').to.be.at.least(4.5);
        expect(contrast(color('.summary'), background), 'summary').to.be.at.least(4.5);
        expect(contrast(color('button.toggle'), background), 'toggle').to.be.at.least(4.5);
      });
    }
  });

  describe('language, parts, safety', () => {
    it('lang="en" speaks English (labels, summary, toggle)', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart lang="en" src=${SEED}></epn-age-chart>`);
      await settled(el);
      const root = shadow(el);
      expect(texts(root, '.legend text')).to.deep.equal(['Men', 'Women']);
      expect(root.querySelector('[part="summary"]')!.textContent).to.equal(
        'Age pyramid of 17,254 people: 8,264 men and 8,990 women. The largest age band is 11-17, with 17.9% of the total.',
      );
      expect(root.querySelector('button.toggle')!.textContent!.trim()).to.equal('Show the data');
    });

    it('renders markup in labels as text: no new element, no handler, the sentinel never set', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${fixtureUrl('widgets/pyramid-attack.csv')}
        heading="<img src=x onerror=window.__pwned=1>" source="<script>window.__pwned=1</script>" source-href="javascript:window.__pwned=1"></epn-age-chart>`);
      await settled(el);
      await aTimeout(50);
      const root = shadow(el);
      expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
      expect(root.querySelector('img, script, foreignObject') === null, 'no such element').to.equal(true);
      expect(root.querySelector('a') === null, 'no such element').to.equal(true);
      expect(root.querySelector('.title')!.textContent).to.equal('<img src=x onerror=window.__pwned=1>');
      expect(texts(root, 'tbody th')).to.include('<img src=x onerror="window.__pwned=1">');
    });

    it('two widgets on one page keep their own data', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <epn-age-chart src=${SEED}></epn-age-chart>
        <epn-age-chart src=${fixtureUrl('widgets/pyramid-transposed.csv')} measure="share"></epn-age-chart></div>`);
      const [a, b] = Array.from(wrapper.querySelectorAll('epn-age-chart'));
      await Promise.all([settled(a!), settled(b!)]);
      expect(shadow(a!).querySelectorAll('rect.bar.men')).to.have.length(8);
      expect(shadow(b!).querySelectorAll('rect.bar.men')).to.have.length(3);
      expect(texts(shadow(b!), 'text.value')[0]).to.match(/%$/);
    });

    it('lays out at 320 px wide without NaN, with every label inside the SVG', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 320px"><epn-age-chart src=${SEED}></epn-age-chart></div>`,
      );
      const el = wrapper.querySelector('epn-age-chart')!;
      await settled(el);
      await aTimeout(50);
      await el.updateComplete;
      const svg = shadow(el).querySelector('svg')!;
      expect(Number(svg.getAttribute('width'))).to.equal(320);
      const box = svg.getBoundingClientRect();
      for (const t of Array.from(svg.querySelectorAll('text'))) {
        const r = t.getBoundingClientRect();
        expect(r.left, t.textContent!).to.be.at.least(box.left - 1);
        expect(r.right, t.textContent!).to.be.at.most(box.right + 1);
      }
      assertFiniteSvg(shadow(el));
    });
  });
});
