import '@epn/widgets/define.js';
import {parseCsv, readCrossTab} from '@epn/stats';
import {EQUIPMENT_PALETTE, equipmentData, layoutEquipment, type EpnEquipmentChart} from '@epn/widgets/testing.js';
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {describe, it} from '../harness.js';
import {aTimeout, assertFiniteSvg, fixtureUrl, settled, shadow, atWidth, contrast, hexOf} from './helpers.js';
import {expectGolden} from './golden.js';
import {runWidgetBaseTests} from './widget-base-tests.js';

const SEED = fixtureUrl('seed/equipement-age.csv');
const texts = (root: ParentNode, selector: string) =>
  Array.from(root.querySelectorAll(selector)).map((n) => n.textContent?.trim());
/** The text of an SVG label, without the full text of its `<title>` (when truncated). */
const ownText = (n: Element) =>
  Array.from(n.childNodes)
    .filter((c) => c.nodeType === Node.TEXT_NODE)
    .map((c) => c.textContent)
    .join('')
    .trim();
const pct = (s: string) => `${s}\u00a0%`;
/** The i-th small multiple. */
const panel = (root: ParentNode, i = 0) => root.querySelectorAll('g.panel')[i]!;
const pwned = () => (window as unknown as {__pwned?: number}).__pwned;

runWidgetBaseTests('epn-equipment-chart', {
  file: 'seed/equipement-age.csv',
  read: {delimiter: ',', columns: ['equipement']},
  empty: 'widgets/equipment-zero.csv',
  figures: (root) => [root.querySelectorAll('rect.bar').length, texts(root, 'text.value').includes(pct('85,4'))],
  expected: [32, true],
  parts: ['chart', 'legend'],
});

describe('<epn-equipment-chart>', () => {
  describe('seed table (multi-response, wide, as published)', () => {
    it('draws one small multiple per item, one bar per age band, each with its value label', async () => {
      const el = await fixture<EpnEquipmentChart>(html`<epn-equipment-chart src=${SEED}></epn-equipment-chart>`);
      await settled(el);
      const root = shadow(el);
      expect(root.querySelectorAll('g.panel')).to.have.length(4);
      expect(root.querySelectorAll('rect.bar')).to.have.length(32);
      expect(root.querySelectorAll('text.value')).to.have.length(32);
      expect(texts(root, 'text.item-title')).to.deep.equal([
        'Foyer équipé informatique',
        'Foyer connecté à Internet',
        'Téléphone portable personnel',
        'Appareil photo numérique',
      ]);
      expect(texts(panel(root), 'text.band-label')).to.deep.equal([
        '<\u00a011',
        '11-17',
        '18-25',
        '26-35',
        '36-45',
        '46-55',
        '56-65',
        '65\u00a0+',
      ]);
      // Rate within the band over the distinct respondents of the Total row: 901 / 1 055 = 85,4 %.
      expect(texts(panel(root), 'text.value')).to.deep.equal(
        ['90,1', '85,4', '61,9', '73,8', '71,7', '77,8', '83,7', '83,8'].map(pct),
      );
      // One scale for every panel: 85,4 % of 1 055 is longer than 76,0 % (internet, 11-17).
      const width = (i: number, band: number) =>
        Number(panel(root, i).querySelectorAll('rect.bar')[band]!.getAttribute('width'));
      expect(width(0, 1)).to.be.greaterThan(width(1, 1));
      expect(width(0, 1) / width(1, 1)).to.be.closeTo(901 / 802, 0.01);
      assertFiniteSvg(root);
    });

    it('names the SVG by its own title and desc, and says the highest rate and its band in French', async () => {
      const el = await fixture<EpnEquipmentChart>(
        html`<epn-equipment-chart src=${SEED} heading="Équipement des usagers"></epn-equipment-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      const svg = root.querySelector('svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-labelledby')).to.equal('chart-title chart-desc');
      expect(svg.querySelector('title')!.textContent).to.equal('Équipement des usagers');
      const summary = root.querySelector('[part="summary"]')!.textContent!;
      expect(svg.querySelector('desc')!.textContent).to.equal(summary);
      expect(summary).to.match(
        /^Part des 4\u202f?541 répondants qui disposent de chaque équipement, par tranche d'âge\. /,
      );
      expect(summary).to.contain(
        `Taux le plus élevé\u00a0: «\u00a0Foyer équipé informatique\u00a0» dans la tranche moins de 11 ans, ${pct('90,1')} (236 sur 262 répondants).`,
      );
      expect(texts(root, '.note').join(' ')).to.contain('Plusieurs réponses possibles');
      await expect(el).to.be.accessible();
    });

    it('holds every figure the chart shows in a real table (bands × items, respondents), behind a toggle', async () => {
      const el = await fixture<EpnEquipmentChart>(html`<epn-equipment-chart src=${SEED}></epn-equipment-chart>`);
      await settled(el);
      const root = shadow(el);
      const table = root.querySelector('table')!;
      expect(table.querySelector('caption')!.textContent).to.contain("Équipement par tranche d'âge");
      expect(texts(table, 'thead th')).to.deep.equal([
        "Tranche d'âge",
        'Foyer équipé informatique',
        'Foyer connecté à Internet',
        'Téléphone portable personnel',
        'Appareil photo numérique',
        'Répondants',
      ]);
      expect(table.querySelectorAll('th[scope="row"]')).to.have.length(9);
      expect(table.querySelectorAll('th[scope="col"]')).to.have.length(6);
      const row11 = texts(table, 'tbody tr:nth-child(2) td');
      expect(row11.slice(0, 4)).to.deep.equal(['85,4', '76,0', '62,7', '54,1'].map(pct));
      expect(texts(table, 'tbody tr:first-child td')).to.deep.equal(
        ['90,1', '79,4', '27,1', '34,7'].map(pct).concat('262'),
      );
      // The Total row: each item over all respondents, as the source printed (3 620 / 4 541 = 79,7 %).
      expect(texts(table, 'tbody tr:last-child td').slice(0, 4)).to.deep.equal(
        ['79,7', '66,5', '61,1', '50,2'].map(pct),
      );
      const cells = new Set(texts(table, 'td'));
      for (const label of texts(root, 'svg text.value'))
        expect(cells.has(label), `${label} in the table`).to.equal(true);
      const toggle = root.querySelector<HTMLButtonElement>('button.toggle')!;
      expect(toggle.textContent!.trim()).to.equal('Voir les données');
      expect(root.querySelector('#data')!.classList.contains('visually-hidden')).to.equal(true);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(root.querySelector('#data')!.classList.contains('visually-hidden')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('measure="distribution" gives the source\'s row shares (236 / 3 620 = 6,5 %) and respondents by band', async () => {
      const el = await fixture<EpnEquipmentChart>(
        html`<epn-equipment-chart src=${SEED} measure="distribution"></epn-equipment-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(root.querySelectorAll('rect.track')).to.have.length(0);
      expect(texts(panel(root), 'text.value')[0]).to.equal(pct('6,5'));
      expect(texts(root, 'tbody tr:first-child td')).to.deep.equal(['6,5', '6,9', '2,6', '4,0', '5,8'].map(pct));
      expect(texts(root, 'thead th').at(-1)).to.equal('Répartition des répondants');
      expect(texts(root, 'tbody tr:last-child td')).to.deep.equal(
        ['100,0', '100,0', '100,0', '100,0', '100,0'].map(pct),
      );
      expect(root.querySelector('[part="summary"]')!.textContent).to.contain(
        `«\u00a0Foyer connecté à Internet\u00a0» dans la tranche 11-17, ${pct('26,5')}`,
      );
      const cells = new Set(texts(root, 'td'));
      for (const label of texts(root, 'svg text.value'))
        expect(cells.has(label), `${label} in the table`).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('changing measure rebuilds from the same data, without reloading', async () => {
      const el = await fixture<EpnEquipmentChart>(html`<epn-equipment-chart src=${SEED}></epn-equipment-chart>`);
      await settled(el);
      let loads = 0;
      el.addEventListener('epn-load', () => loads++);
      el.measure = 'distribution';
      await el.updateComplete;
      expect(texts(panel(shadow(el)), 'text.value')[0]).to.equal(pct('6,5'));
      expect(loads).to.equal(0);
    });

    it('an unknown measure is an error that names the measures', async () => {
      const el = await fixture<EpnEquipmentChart>(
        html`<epn-equipment-chart src=${SEED} measure="share"></epn-equipment-chart>`,
      );
      await settled(el);
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain(
        'measure="share" (rate ou distribution)',
      );
    });
  });

  describe('other inputs', () => {
    it('reads a long table through rows-column, age-column and value-column, with Total rows as respondents', async () => {
      const el =
        await fixture<EpnEquipmentChart>(html`<epn-equipment-chart src=${fixtureUrl('widgets/equipment-long.csv')}
        rows-column="equipement" age-column="age" value-column="nombre"></epn-equipment-chart>`);
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.item-title')).to.deep.equal([
        'Foyer équipé informatique',
        'Téléphone portable personnel',
      ]);
      expect(texts(panel(root), 'text.band-label')).to.deep.equal(['<\u00a011', '11-17', '18-25']);
      expect(texts(panel(root), 'text.value')).to.deep.equal(['90,1', '85,4', '61,9'].map(pct));
      expect(texts(root, 'tbody tr:nth-child(2) td').slice(0, 2)).to.deep.equal(['85,4', '62,7'].map(pct));
      expect(texts(root, 'tbody tr:first-child td')).to.deep.equal(['90,1', '27,1'].map(pct).concat('262'));
      await expect(el).to.be.accessible();
    });

    it('rows-column without age-column says what is missing', async () => {
      const el = await fixture<EpnEquipmentChart>(
        html`<epn-equipment-chart src=${fixtureUrl('widgets/equipment-long.csv')} rows-column="equipement"></epn-equipment-chart>`,
      );
      await settled(el);
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('indiquez aussi age-column');
    });

    it('reads a transposed table (bands as rows, items as columns, respondents in the Total column)', async () => {
      const el = await fixture<EpnEquipmentChart>(
        html`<epn-equipment-chart src=${fixtureUrl('widgets/equipment-transposed.csv')}></epn-equipment-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.item-title')).to.deep.equal(['Foyer équipé informatique', 'Foyer connecté à Internet']);
      expect(texts(panel(root), 'text.value')).to.deep.equal(['90,1', '85,4', '61,9'].map(pct));
    });

    it('says why a rate is unknown: « donnée confidentielle » for a secret count, « non disponible » for n.d., on the bars and in the table', async () => {
      const el = await fixture<EpnEquipmentChart>(html`<epn-equipment-chart></epn-equipment-chart>`);
      // Bands written oldest first: the markers follow the cells once ordered.
      el.data = parseCsv('equipement;65 +;-11;Total\nOrdinateur;s;236;300\nTablette;40;n.d.;90\nTotal;100;262;362');
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.band-label')).to.deep.equal(['<\u00a011', '65\u00a0+', '<\u00a011', '65\u00a0+']);
      expect(texts(root, 'text.value')).to.deep.equal([
        '90,1\u00a0%',
        'donnée confidentielle',
        'non disponible',
        '40,0\u00a0%',
      ]);
      const rows = Array.from(root.querySelectorAll('table tbody tr')).map((tr) =>
        Array.from(tr.children).map((c) => c.textContent!.trim()),
      );
      expect(rows.slice(0, 2)).to.deep.equal([
        ['moins de 11 ans', '90,1\u00a0%', 'non disponible', '262'],
        ['65 +', 'donnée confidentielle', '40,0\u00a0%', '100'],
      ]);
      await expect(el).to.be.accessible();
    });

    it('a table of 200 rows (communes, not equipment) is refused in French (UNEXPECTED_SHAPE), drawing nothing', async () => {
      const el = await fixture<EpnEquipmentChart>(html`<epn-equipment-chart></epn-equipment-chart>`);
      const failed = oneEvent(el, 'epn-error');
      el.data = parseCsv(
        ['commune;-11;11-17', ...Array.from({length: 200}, (_, i) => `Commune ${i};${i};${i + 1}`)].join('\n'),
      );
      const event = await failed;
      await el.updateComplete;
      expect(event.detail.code).to.equal('UNEXPECTED_SHAPE');
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain(
        '200 lignes (catégories) (« Commune 0 », « Commune 1 », « Commune 2 »…), trop pour un graphique (150 au plus)',
      );
      expect(shadow(el).querySelector('svg') === null, 'no such element').to.equal(true);
      el.lang = 'en';
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain(
        '200 rows (categories) ("Commune 0", "Commune 1", "Commune 2"…), too many for a chart (150 at most)',
      );
      await expect(el).to.be.accessible();
    });

    it('takes a CrossTab through the data property, which wins over src', async () => {
      const ct = readCrossTab(parseCsv('equipement;a;b;Total\nOrdinateur;1;3;4\nTablette;1;1;2\nTotal;2;4;6'));
      const el = await fixture<EpnEquipmentChart>(
        html`<epn-equipment-chart src=${SEED} .data=${ct}></epn-equipment-chart>`,
      );
      await el.updateComplete;
      expect(texts(shadow(el), 'text.value')).to.deep.equal(['50,0', '75,0', '50,0', '25,0'].map(pct));
      await aTimeout(300);
      expect(texts(shadow(el), 'text.item-title')).to.deep.equal(['Ordinateur', 'Tablette']);
    });

    it('reads a light-DOM table (the no-JavaScript fallback)', async () => {
      const el = await fixture<EpnEquipmentChart>(html`<epn-equipment-chart><table>
        <tr><th>equipement</th><th>-11</th><th>11-17</th><th>Total</th></tr>
        <tr><th>Ordinateur</th><td>236</td><td>901</td><td>1 137</td></tr>
        <tr><th>Total</th><td>262</td><td>1 055</td><td>1 317</td></tr></table></epn-equipment-chart>`);
      await el.updateComplete;
      expect(texts(shadow(el), 'text.value')).to.deep.equal(['90,1', '85,4'].map(pct));
    });

    it('truncates a long item label on the chart, keeping the full text in a <title> and in the table', async () => {
      const el = await fixture<EpnEquipmentChart>(
        html`<epn-equipment-chart src=${fixtureUrl('widgets/equipment-long-label.csv')}></epn-equipment-chart>`,
      );
      await settled(el);
      await atWidth(el, 320);
      const root = shadow(el);
      const full =
        "Foyer équipé d'un ordinateur de bureau ou d'un ordinateur portable récent et connecté à Internet en très haut débit";
      const title = root.querySelector('text.item-title')!;
      expect(ownText(title)).to.match(/…$/);
      expect(ownText(title).length).to.be.lessThan(full.length);
      expect(title.querySelector('title')!.textContent).to.equal(full);
      expect(texts(root, 'thead th')).to.include(full);
      const box = root.querySelector('svg')!.getBoundingClientRect();
      expect(title.getBoundingClientRect().right).to.be.at.most(box.right + 1);
    });
  });

  describe('states', () => {});

  describe('language, parts, safety, layout', () => {
    it('lang="en" speaks English (title, summary, table, notes, toggle, figures)', async () => {
      const el = await fixture<EpnEquipmentChart>(
        html`<epn-equipment-chart lang="en" src=${SEED}></epn-equipment-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(root.querySelector('.title')!.textContent).to.equal('Equipment by age band');
      expect(root.querySelector('[part="summary"]')!.textContent).to.equal(
        'Share of the 4,541 respondents who have each item, by age band. ' +
          'Highest rate: "Foyer équipé informatique" in the under 11 band, 90.1% (236 of 262 respondents).',
      );
      expect(texts(root, 'thead th')[0]).to.equal('Age band');
      expect(texts(root, 'thead th').at(-1)).to.equal('Respondents');
      expect(texts(root, 'text.value')).to.include('85.4%');
      expect(texts(root, '.note').join(' ')).to.contain('Several answers allowed');
      expect(root.querySelector('button.toggle')!.textContent!.trim()).to.equal('Show the data');
      await expect(el).to.be.accessible();
    });

    it('lang="en" with measure="distribution"', async () => {
      const el = await fixture<EpnEquipmentChart>(
        html`<epn-equipment-chart lang="en" measure="distribution" src=${SEED}></epn-equipment-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.value')[0]).to.equal('6.5%');
      expect(root.querySelector('[part="summary"]')!.textContent).to.equal(
        'People who have each item, by age band. Largest share: "Foyer connecté à Internet" in the 11-17 band, 26.5% of the 3,021 people who have it.',
      );
    });

    it('renders markup in labels as text: no new element, no handler, the sentinel never set', async () => {
      const el =
        await fixture<EpnEquipmentChart>(html`<epn-equipment-chart src=${fixtureUrl('widgets/equipment-attack.csv')}
        heading="<img src=x onerror=window.__pwned=1>" source="<script>window.__pwned=1</script>" source-href="javascript:window.__pwned=1"></epn-equipment-chart>`);
      await settled(el);
      await aTimeout(50);
      const root = shadow(el);
      expect(pwned()).to.equal(undefined);
      expect(root.querySelector('img, script, foreignObject')).to.equal(null);
      expect(root.querySelector('a')).to.equal(null);
      expect(root.querySelector('.title')!.textContent).to.equal('<img src=x onerror=window.__pwned=1>');
      expect(texts(root, 'thead th')).to.include('<img src=x onerror=window.__pwned=1>');
      expect(texts(root, 'thead th')).to.include(
        '</text><foreignObject><script>window.__pwned=1</script></foreignObject>',
      );
      const titles = Array.from(root.querySelectorAll('text.item-title')).map(
        (t) => t.querySelector('title')?.textContent ?? ownText(t),
      );
      expect(titles).to.include('<img src=x onerror=window.__pwned=1>');
    });

    it('two widgets on one page keep their own data and measure', async () => {
      const a = await fixture<EpnEquipmentChart>(html`<epn-equipment-chart src=${SEED}></epn-equipment-chart>`);
      const b = document.createElement('epn-equipment-chart');
      b.measure = 'distribution';
      b.src = fixtureUrl('widgets/equipment-transposed.csv');
      document.body.append(b);
      await Promise.all([settled(a), settled(b)]);
      expect(shadow(a).querySelectorAll('g.panel')).to.have.length(4);
      expect(shadow(b).querySelectorAll('g.panel')).to.have.length(2);
      expect(texts(panel(shadow(a)), 'text.value')[1]).to.equal(pct('85,4'));
      expect(texts(panel(shadow(b)), 'text.value')[0]).to.equal(pct('16,5'));
      b.remove();
    });

    it('lays out at 320 px wide in one column, with every text inside the SVG and no NaN', async () => {
      const el = await fixture<EpnEquipmentChart>(html`<epn-equipment-chart src=${SEED}></epn-equipment-chart>`);
      await settled(el);
      await atWidth(el, 320);
      const svg = shadow(el).querySelector('svg')!;
      expect(Number(svg.getAttribute('width'))).to.equal(320);
      const panels = Array.from(svg.querySelectorAll('g.panel'));
      const xs = new Set(panels.map((p) => p.querySelector('rect.bar')!.getAttribute('x')));
      expect(xs.size, 'one column').to.equal(1);
      const box = svg.getBoundingClientRect();
      for (const t of Array.from(svg.querySelectorAll('text'))) {
        const r = t.getBoundingClientRect();
        expect(r.left, t.textContent!).to.be.at.least(box.left - 1);
        expect(r.right, t.textContent!).to.be.at.most(box.right + 1);
        expect(r.top, t.textContent!).to.be.at.least(box.top - 1);
        expect(r.bottom, t.textContent!).to.be.at.most(box.bottom + 1);
      }
      // Value labels do not overlap their bar (from its attributes: bars animate their width), nor each other.
      for (const panel of panels) {
        const labels = Array.from(panel.querySelectorAll('text.value')).map((t) => t.getBoundingClientRect());
        const ends = Array.from(panel.querySelectorAll('rect.bar')).map(
          (r) => box.left + Number(r.getAttribute('x')) + Number(r.getAttribute('width')),
        );
        labels.forEach((l, i) => {
          expect(l.left).to.be.at.least(ends[i]!);
          if (i) expect(l.top).to.be.at.least(labels[i - 1]!.bottom - 1);
        });
      }
      assertFiniteSvg(shadow(el));
    });

    it('lays out at 800 px wide in two columns', async () => {
      const el = await fixture<EpnEquipmentChart>(html`<epn-equipment-chart src=${SEED}></epn-equipment-chart>`);
      await settled(el);
      await atWidth(el, 800);
      const svg = shadow(el).querySelector('svg')!;
      expect(Number(svg.getAttribute('width'))).to.equal(800);
      const xs = new Set(
        Array.from(svg.querySelectorAll('g.panel')).map((p) => p.querySelector('rect.bar')!.getAttribute('x')),
      );
      expect(xs.size).to.equal(2);
      const box = svg.getBoundingClientRect();
      for (const t of Array.from(svg.querySelectorAll('text')))
        expect(t.getBoundingClientRect().right, t.textContent!).to.be.at.most(box.right + 1);
      assertFiniteSvg(shadow(el));
    });
  });

  describe('equipmentData(input, options) (pure)', () => {
    const seed = () =>
      parseCsv('equipement,-11,11-17,Total\nOrdinateur,236,901,1137\nInternet,208,802,1010\nTotal,262,1055,1317');
    it("rate is over the distinct respondents of the Total row; distribution over the item's total", () => {
      const rate = equipmentData(seed());
      expect(rate.values[0]![1]).to.be.closeTo(901 / 1055, 1e-12);
      expect(rate.respondents).to.deep.equal([262, 1055]);
      expect(rate.itemValues[0]).to.be.closeTo(1137 / 1317, 1e-12);
      expect(rate.multiResponse).to.equal(true);
      const dist = equipmentData(seed(), {measure: 'distribution'});
      expect(dist.values[0]![0]).to.be.closeTo(236 / 1137, 1e-12);
      expect(dist.itemValues).to.deep.equal([1, 1]);
    });
    it('throws BAD_OPTION for an unknown measure, in French and English', () => {
      try {
        equipmentData(seed(), {measure: 'nope'});
        expect.fail('no error');
      } catch (e) {
        const err = e as {code: string; localizedMessage: (l: string) => string};
        expect(err.code).to.equal('BAD_OPTION');
        expect(err.localizedMessage('en')).to.contain('rate or distribution');
      }
    });
    it('without a Total row, rates are over the sum of answers and say so (respondentsGiven false)', () => {
      const m = equipmentData(parseCsv('equipement,a,b\nX,1,3\nY,1,1'));
      expect(m.respondentsGiven).to.equal(false);
      expect(m.values[0]).to.deep.equal([0.5, 0.75]);
    });
  });

  describe('layoutEquipment(input, width) (pure)', () => {
    const format = (v: number | null) => (v === null ? 'n.d.' : `${Math.round(v * 1000) / 10} %`);
    const input = {
      items: ['A', 'B', 'C'],
      bands: ['-11', '11-17'],
      values: [
        [0.5, 1],
        [0.25, null],
        [0, 0.75],
      ],
      format,
      domainMax: 1,
      track: true,
    };
    it('uses two columns from 588 px and one below, and the whole width', () => {
      expect(layoutEquipment(input, 800).columns).to.equal(2);
      expect(layoutEquipment(input, 587).columns).to.equal(1);
      const l = layoutEquipment(input, 320);
      expect(l.width).to.equal(320);
      for (const p of l.panels) expect(p.x + p.width).to.be.at.most(320);
    });
    it("shares one scale, starts every bar at the panel's axis, and puts the labels in a column after the track", () => {
      const l = layoutEquipment(input, 320);
      const [a, b] = l.panels;
      expect(a!.bars[1]!.width).to.equal(a!.trackWidth);
      expect(a!.bars[0]!.width).to.be.closeTo(a!.trackWidth / 2, 0.02);
      expect(b!.bars[0]!.width).to.be.closeTo(a!.trackWidth / 4, 0.02);
      expect(b!.bars[1]!.width).to.equal(0);
      expect(b!.bars[1]!.label).to.equal('n.d.');
      for (const bar of a!.bars) {
        expect(bar.x).to.equal(a!.plotX);
        expect(bar.anchor).to.equal('end');
        expect(bar.labelX).to.equal(a!.x + a!.width);
      }
    });
    it('without a track, labels follow the end of their bar, and the longest bar fills the span', () => {
      const l = layoutEquipment({...input, domainMax: undefined, track: false}, 400);
      const bar = l.panels[0]!.bars[1]!;
      expect(l.panels[0]!.trackWidth).to.equal(0);
      expect(bar.anchor).to.equal('start');
      expect(bar.labelX).to.equal(Math.round((bar.x + bar.width + 4) * 100) / 100);
    });
    it('stays finite with no data, zeros, nulls, NaN and a tiny width', () => {
      const cases = [
        layoutEquipment({items: [], bands: [], values: [], format}, 0),
        layoutEquipment({items: ['A'], bands: ['x'], values: [[null]], format}, Number.NaN),
        layoutEquipment(
          {
            items: ['A', 'B'],
            bands: ['x', 'y'],
            values: [
              [0, 0],
              [Number.NaN, Infinity],
            ],
            format,
            domainMax: Number.NaN,
            track: true,
          },
          Infinity,
        ),
      ];
      const check = (v: unknown, path: string): void => {
        if (typeof v === 'number') expect(Number.isFinite(v), path).to.equal(true);
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) check(x, `${path}.${k}`);
      };
      cases.forEach((l, i) => check(l, `case ${i}`));
      expect(cases[0]!.height).to.equal(0);
    });
  });

  describe('palette (WCAG contrast of the defaults)', () => {
    for (const mode of ['light', 'dark'] as const) {
      const p = EQUIPMENT_PALETTE[mode];
      it(`${mode}: text ≥ 4.5:1 on the background and the track; bars ≥ 3:1 on the background and the track`, () => {
        expect(contrast(p.text, p.background)).to.be.at.least(4.5);
        expect(contrast(p.muted, p.background)).to.be.at.least(4.5);
        expect(contrast(p.text, p.track)).to.be.at.least(4.5);
        expect(contrast(p.bar, p.background)).to.be.at.least(3);
        expect(contrast(p.bar, p.track)).to.be.at.least(3);
      });
      it(`${mode}: the styles use the palette (computed colours of the bar, track and text)`, async () => {
        const el = await fixture<EpnEquipmentChart>(
          html`<epn-equipment-chart theme=${mode} src=${SEED}></epn-equipment-chart>`,
        );
        await settled(el);
        const root = shadow(el);
        expect(hexOf(getComputedStyle(root.querySelector('rect.bar')!).fill)).to.equal(p.bar);
        expect(hexOf(getComputedStyle(root.querySelector('rect.track')!).fill)).to.equal(p.track);
        expect(hexOf(getComputedStyle(root.querySelector('text.value')!).fill)).to.equal(p.text);
        expect(hexOf(getComputedStyle(root.querySelector('text.band-label')!).fill)).to.equal(p.muted);
        expect(hexOf(getComputedStyle(el).backgroundColor)).to.equal(p.background);
      });
    }
    it('every colour is overridable through --epn-* custom properties', async () => {
      const el = await fixture<EpnEquipmentChart>(
        html`<epn-equipment-chart style="--epn-color-bar: #123456; --epn-track-color: #abcdef" src=${SEED}></epn-equipment-chart>`,
      );
      await settled(el);
      expect(hexOf(getComputedStyle(shadow(el).querySelector('rect.bar')!).fill)).to.equal('#123456');
      expect(hexOf(getComputedStyle(shadow(el).querySelector('rect.track')!).fill)).to.equal('#abcdef');
    });
  });
});

describe('<epn-equipment-chart> golden SVG', () => {
  it('seed table, default measure, 800 px', async () => {
    const el = await fixture<EpnEquipmentChart>(html`<epn-equipment-chart src=${SEED}></epn-equipment-chart>`);
    await settled(el);
    await atWidth(el, 800);
    await expectGolden('equipment-chart-seed-800', shadow(el).querySelector('svg')!);
  });

  it('seed table, distribution, 320 px', async () => {
    const el = await fixture<EpnEquipmentChart>(
      html`<epn-equipment-chart src=${SEED} measure="distribution"></epn-equipment-chart>`,
    );
    await settled(el);
    await atWidth(el, 320);
    await expectGolden('equipment-chart-seed-distribution-320', shadow(el).querySelector('svg')!);
  });
});
