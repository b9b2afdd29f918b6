import '@epn/widgets/define.js';
import {parseCsv, readCrossTab} from '@epn/stats';
import {
  SKILL_PALETTE,
  layoutSkill,
  levelRank,
  orderLevels,
  skillData,
  type EpnSkillChart,
} from '@epn/widgets/testing.js';
import {expect, fixture, html} from '@open-wc/testing';
import {describe, it} from '../harness.js';
import {
  aTimeout,
  assertFiniteSvg,
  fixtureUrl,
  settled,
  shadow,
  atWidth,
  luminance,
  contrast,
  hexOf,
} from './helpers.js';
import {expectGolden} from './golden.js';
import {runWidgetBaseTests} from './widget-base-tests.js';

const SEED = fixtureUrl('seed/niveau-usage-age.csv');
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
const pwned = () => (window as unknown as {__pwned?: number}).__pwned;
/** The bar of the i-th band. */
const band = (root: ParentNode, i: number) => root.querySelectorAll('g.band')[i]!;
const num = (el: Element, name: string) => Number(el.getAttribute(name));

runWidgetBaseTests('epn-skill-chart', {
  file: 'seed/niveau-usage-age.csv',
  read: {delimiter: ',', columns: ['niveau']},
  empty: 'widgets/skill-zero.csv',
  figures: (root) => [root.querySelectorAll('g.band').length, texts(root, 'text.seg-label').includes(pct('65,4'))],
  expected: [8, true],
  parts: ['chart', 'legend'],
});

describe('<epn-skill-chart>', () => {
  describe('seed table (wide, as published)', () => {
    it('draws one 100 % stacked bar per band, levels débutant → confirmé from left to right, with a legend', async () => {
      const el = await fixture<EpnSkillChart>(html`<epn-skill-chart src=${SEED}></epn-skill-chart>`);
      await settled(el);
      const root = shadow(el);
      expect(root.querySelectorAll('g.band')).to.have.length(8);
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
      expect(texts(root, '.legend text.level-name')).to.deep.equal(['débutant', 'intermédiaire', 'avancé', 'confirmé']);
      const swatches = Array.from(root.querySelectorAll('.legend rect')).map((r) => r.getAttribute('class'));
      expect(swatches).to.deep.equal(['seg swatch l1', 'seg swatch l2', 'seg swatch l3', 'seg swatch l4']);
      // 65 + : 678 / 1 037 = 65,4 % of débutants, in the first segment.
      const last = band(root, 7);
      const segs = Array.from(last.querySelectorAll('rect.seg'));
      expect(segs.map((s) => s.getAttribute('class'))).to.deep.equal(['seg l1', 'seg l2', 'seg l3', 'seg l4']);
      expect(texts(last, 'text.seg-label')[0]).to.equal(pct('65,4'));
      // Every bar spans the same width (100 %); segments never touch (the background shows between them).
      const spans = Array.from(root.querySelectorAll('g.band')).map((g) => {
        const rs = Array.from(g.querySelectorAll('rect.seg'));
        return num(rs.at(-1)!, 'x') + num(rs.at(-1)!, 'width') - num(rs[0]!, 'x');
      });
      for (const s of spans) expect(s).to.be.closeTo(spans[0]!, 0.1);
      for (let i = 1; i < segs.length; i++)
        expect(num(segs[i]!, 'x') - (num(segs[i - 1]!, 'x') + num(segs[i - 1]!, 'width'))).to.be.at.least(1.99);
      assertFiniteSvg(root);
    });

    it('names the SVG by its own title and desc, and says the most frequent level and where it weighs most', async () => {
      const el = await fixture<EpnSkillChart>(
        html`<epn-skill-chart src=${SEED} heading="Niveau des usagers"></epn-skill-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      const svg = root.querySelector('svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-labelledby')).to.equal('chart-title chart-desc');
      expect(svg.querySelector('title')!.textContent).to.equal('Niveau des usagers');
      const summary = root.querySelector('[part="summary"]')!.textContent!;
      expect(svg.querySelector('desc')!.textContent).to.equal(summary);
      expect(summary).to.match(/^Niveau d'usage déclaré par 7\u202f?708 personnes, par tranche d'âge\. /);
      expect(summary).to.contain(
        `Le niveau le plus fréquent est «\u00a0débutant\u00a0» (${pct('47,9')} du total)\u00a0; sa part la plus forte est dans la tranche moins de 11 ans (${pct('79,5')} de la tranche).`,
      );
      await expect(el).to.be.accessible();
    });

    it('holds every figure in a real table, including those too thin for a label on the chart', async () => {
      const el = await fixture<EpnSkillChart>(html`<epn-skill-chart src=${SEED}></epn-skill-chart>`);
      await settled(el);
      const root = shadow(el);
      const table = root.querySelector('table')!;
      expect(table.querySelector('caption')!.textContent).to.contain("Niveau d'usage par tranche d'âge");
      expect(texts(table, 'thead th')).to.deep.equal([
        "Tranche d'âge",
        'débutant',
        'intermédiaire',
        'avancé',
        'confirmé',
        'Effectif',
      ]);
      expect(table.querySelectorAll('th[scope="row"]')).to.have.length(9);
      expect(texts(table, 'tbody tr:nth-child(8) td')).to.deep.equal(
        ['65,4', '28,9', '4,4', '1,3'].map(pct).concat(texts(table, 'tbody tr:nth-child(8) td')[4]!),
      );
      expect(texts(table, 'tbody tr:first-child td')).to.deep.equal(
        ['79,5', '18,3', '0,9', '1,2'].map(pct).concat('650'),
      );
      expect(texts(table, 'tbody tr:last-child td').slice(0, 4)).to.deep.equal(
        ['47,9', '37,0', '10,6', '4,5'].map(pct),
      );
      // The -11 band's avancé (0,9 %) and confirmé (1,2 %) are too thin for a label, but in the table.
      const labels = texts(band(root, 0), 'text.seg-label');
      expect(labels).to.not.include(pct('0,9'));
      expect(band(root, 0).querySelectorAll('rect.seg')).to.have.length(4);
      const cells = new Set(texts(table, 'td'));
      for (const label of texts(root, 'svg text.seg-label, svg text.end'))
        expect(cells.has(label), `${label} in the table`).to.equal(true);
      const toggle = root.querySelector<HTMLButtonElement>('button.toggle')!;
      expect(toggle.textContent!.trim()).to.equal('Voir les données');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(root.querySelector('#data')!.classList.contains('visually-hidden')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('measure="share-of-total" gives the source\'s convention (517 / 7 708 = 6,7 %), bars as long as their band\'s share', async () => {
      const el = await fixture<EpnSkillChart>(
        html`<epn-skill-chart src=${SEED} measure="share-of-total"></epn-skill-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(texts(band(root, 0), 'text.seg-label')[0]).to.equal(pct('6,7'));
      expect(texts(root, 'text.end')).to.deep.equal(
        ['8,4', '19,0', '12,2', '9,7', '9,3', '9,9', '18,0', '13,5'].map(pct),
      );
      expect(texts(root, 'tbody tr:first-child td')).to.deep.equal(['6,7', '1,5', '0,1', '0,1', '8,4'].map(pct));
      expect(texts(root, 'thead th').at(-1)).to.equal('Total');
      expect(texts(root, 'tbody tr:last-child td')).to.deep.equal(['47,9', '37,0', '10,6', '4,5', '100,0'].map(pct));
      const extent = (i: number) => {
        const rs = Array.from(band(root, i).querySelectorAll('rect.seg'));
        return num(rs.at(-1)!, 'x') + num(rs.at(-1)!, 'width') - num(rs[0]!, 'x');
      };
      expect(extent(0) / extent(1)).to.be.closeTo(650 / 1467, 0.01);
      expect(root.querySelector('[part="summary"]')!.textContent).to.contain(
        `il pèse le plus dans la tranche 56-65 (${pct('10,1')} du total).`,
      );
      const cells = new Set(texts(root, 'td'));
      for (const label of texts(root, 'svg text.seg-label, svg text.end'))
        expect(cells.has(label), `${label} in the table`).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('an unknown measure is an error that names the measures', async () => {
      const el = await fixture<EpnSkillChart>(html`<epn-skill-chart src=${SEED} measure="rate"></epn-skill-chart>`);
      await settled(el);
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain(
        'measure="rate" (distribution ou share-of-total)',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('other inputs', () => {
    it('reads a long table (rows-column, age-column, value-column), recognising level names loosely, others after', async () => {
      const el = await fixture<EpnSkillChart>(html`<epn-skill-chart src=${fixtureUrl('widgets/skill-long.csv')}
        rows-column="Niveau déclaré" age-column="tranche" value-column="nombre"></epn-skill-chart>`);
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.band-label')).to.deep.equal(['<\u00a011', '65\u00a0+']);
      expect(texts(root, '.legend text.level-name')).to.deep.equal([
        'Debutant',
        'Intermediaire',
        'Avancé',
        'Confirmé',
        'Ne sait pas',
      ]);
      const tones = Array.from(root.querySelectorAll('.legend rect')).map((r) =>
        r.getAttribute('class')!.split(' ').at(-1),
      );
      expect(tones).to.deep.equal(['l1', 'l2', 'l3', 'l4', 'o1']);
      expect(texts(band(root, 1), 'text.seg-label')[0]).to.equal(pct('65,4'));
      expect(texts(root, 'tbody tr:first-child td')).to.deep.equal(
        ['78,5', '18,1', '0,9', '1,2', '1,4'].map(pct).concat('659'),
      );
      await expect(el).to.be.accessible();
    });

    it('bins one row per person by age (bands="0,18,65")', async () => {
      const el = await fixture<EpnSkillChart>(
        html`<epn-skill-chart src=${fixtureUrl('widgets/skill-people.csv')} age-column="age" bands="0,18,65"></epn-skill-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.band-label')).to.deep.equal(['0-17', '18-64', '65\u00a0+']);
      expect(texts(root, 'tbody tr:nth-child(3) td')).to.deep.equal(
        ['66,7', '0,0', '0,0', '33,3'].map(pct).concat('3'),
      );
    });

    it('says why a share is unknown in the table: « donnée confidentielle » for a secret count, « non disponible » for n.d.', async () => {
      const el = await fixture<EpnSkillChart>(html`<epn-skill-chart></epn-skill-chart>`);
      // Levels written out of rank (confirmé first): the markers follow the levels once ordered (débutant first).
      el.data = parseCsv('niveau;-11;65 +\nconfirmé;s;3\ndébutant;10;n.d.\nTotal;12;5');
      await settled(el);
      const root = shadow(el);
      expect(texts(root, '.legend text.level-name')).to.deep.equal(['débutant', 'confirmé']);
      const rows = Array.from(root.querySelectorAll('table tbody tr')).map((tr) =>
        Array.from(tr.children).map((c) => c.textContent!.trim()),
      );
      expect(rows.slice(0, 2)).to.deep.equal([
        ['moins de 11 ans', '83,3\u00a0%', 'donnée confidentielle', '12'],
        ['65 +', 'non disponible', '60,0\u00a0%', '5'],
      ]);
      await expect(el).to.be.accessible();
    });

    it('takes a CrossTab through the data property, which wins over src', async () => {
      const ct = readCrossTab(parseCsv('niveau;a;b\nconfirmé;1;3\ndébutant;3;1'));
      const el = await fixture<EpnSkillChart>(html`<epn-skill-chart src=${SEED} .data=${ct}></epn-skill-chart>`);
      await el.updateComplete;
      expect(texts(shadow(el), '.legend text.level-name')).to.deep.equal(['débutant', 'confirmé']);
      expect(texts(shadow(el), 'text.seg-label')).to.deep.equal(['75,0', '25,0', '25,0', '75,0'].map(pct));
      await aTimeout(300);
      expect(texts(shadow(el), 'text.band-label')).to.deep.equal(['a', 'b']);
    });

    it('reads a light-DOM table (the no-JavaScript fallback)', async () => {
      const el = await fixture<EpnSkillChart>(html`<epn-skill-chart><table>
        <tr><th>niveau</th><th>-11</th><th>11-17</th></tr>
        <tr><th>avancé</th><td>6</td><td>162</td></tr>
        <tr><th>débutant</th><td>517</td><td>481</td></tr></table></epn-skill-chart>`);
      await el.updateComplete;
      expect(texts(shadow(el), '.legend text.level-name')).to.deep.equal(['débutant', 'avancé']);
      expect(texts(shadow(el), 'tbody tr:first-child td')[0]).to.equal(pct('98,9'));
    });
  });

  describe('states', () => {
    it('error: a missing column lists the available ones', async () => {
      const el = await fixture<EpnSkillChart>(
        html`<epn-skill-chart src=${fixtureUrl('widgets/skill-long.csv')} age-column="tranche" value-column="nombre"></epn-skill-chart>`,
      );
      await settled(el);
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain(
        'La colonne « niveau » est introuvable',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('language, parts, safety, layout', () => {
    it('lang="en" speaks English (title, summary, table, toggle, figures)', async () => {
      const el = await fixture<EpnSkillChart>(html`<epn-skill-chart lang="en" src=${SEED}></epn-skill-chart>`);
      await settled(el);
      const root = shadow(el);
      expect(root.querySelector('.title')!.textContent).to.equal('Skill level by age band');
      expect(root.querySelector('[part="summary"]')!.textContent).to.equal(
        'Skill level stated by 7,708 people, by age band. The most frequent level is "débutant" (47.9% of the total); ' +
          'its largest share is in the under 11 band (79.5% of the band).',
      );
      expect(texts(root, 'thead th')).to.deep.equal([
        'Age band',
        'débutant',
        'intermédiaire',
        'avancé',
        'confirmé',
        'People',
      ]);
      expect(texts(root, 'text.seg-label')).to.include('65.4%');
      expect(root.querySelector('button.toggle')!.textContent!.trim()).to.equal('Show the data');
      await expect(el).to.be.accessible();
    });

    it('lang="en" with measure="share-of-total"', async () => {
      const el = await fixture<EpnSkillChart>(
        html`<epn-skill-chart lang="en" measure="share-of-total" src=${SEED}></epn-skill-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(texts(band(root, 0), 'text.seg-label')[0]).to.equal('6.7%');
      expect(root.querySelector('[part="summary"]')!.textContent).to.contain(
        'it weighs most in the 56-65 band (10.1% of the total).',
      );
    });

    it('renders markup in level names as text: no new element, no handler, the sentinel never set', async () => {
      const el = await fixture<EpnSkillChart>(html`<epn-skill-chart src=${fixtureUrl('widgets/skill-attack.csv')}
        heading="<img src=x onerror=window.__pwned=1>" description="\${window.__pwned=1}"></epn-skill-chart>`);
      await settled(el);
      await aTimeout(50);
      const root = shadow(el);
      expect(pwned()).to.equal(undefined);
      expect(root.querySelector('img, script, foreignObject')).to.equal(null);
      expect(root.querySelector('.title')!.textContent).to.equal('<img src=x onerror=window.__pwned=1>');
      expect(root.querySelector('.description')!.textContent).to.equal('${window.__pwned=1}');
      const names = Array.from(root.querySelectorAll('text.level-name')).map(
        (t) => t.querySelector('title')?.textContent ?? ownText(t),
      );
      expect(names).to.include('<img src=x onerror=window.__pwned=1>');
      expect(texts(root, 'thead th')).to.include(
        '</text><foreignObject><script>window.__pwned=1</script></foreignObject>',
      );
      expect(texts(root, 'thead th')).to.include("{{constructor.constructor('window.__pwned=1')()}}");
    });

    it('two widgets on one page keep their own data and measure', async () => {
      const a = await fixture<EpnSkillChart>(html`<epn-skill-chart src=${SEED}></epn-skill-chart>`);
      const b = document.createElement('epn-skill-chart');
      b.measure = 'share-of-total';
      b.src = SEED;
      document.body.append(b);
      await Promise.all([settled(a), settled(b)]);
      expect(texts(band(shadow(a), 0), 'text.seg-label')[0]).to.equal(pct('79,5'));
      expect(texts(band(shadow(b), 0), 'text.seg-label')[0]).to.equal(pct('6,7'));
      b.remove();
    });

    it('src changed while loading: the old response never renders', async () => {
      const el = await fixture<EpnSkillChart>(
        html`<epn-skill-chart src="/__epn__/slow/500/seed/niveau-usage-age.csv"></epn-skill-chart>`,
      );
      el.src = fixtureUrl('widgets/skill-attack.csv');
      await settled(el);
      expect(texts(shadow(el), 'text.band-label')).to.deep.equal(['<\u00a011', '11-17']);
      await aTimeout(700);
      expect(texts(shadow(el), 'text.band-label')).to.deep.equal(['<\u00a011', '11-17']);
    });

    it('lays out at 320 px wide with every text inside the SVG, labels inside their segment, and no NaN', async () => {
      const el = await fixture<EpnSkillChart>(html`<epn-skill-chart src=${SEED}></epn-skill-chart>`);
      await settled(el);
      await atWidth(el, 320);
      const svg = shadow(el).querySelector('svg')!;
      expect(Number(svg.getAttribute('width'))).to.equal(320);
      const box = svg.getBoundingClientRect();
      for (const t of Array.from(svg.querySelectorAll('text'))) {
        const r = t.getBoundingClientRect();
        expect(r.left, t.textContent!).to.be.at.least(box.left - 1);
        expect(r.right, t.textContent!).to.be.at.most(box.right + 1);
        expect(r.top, t.textContent!).to.be.at.least(box.top - 1);
        expect(r.bottom, t.textContent!).to.be.at.most(box.bottom + 1);
      }
      // Each value label fits inside a segment of its band.
      for (const g of Array.from(svg.querySelectorAll('g.band'))) {
        const segs = Array.from(g.querySelectorAll('rect.seg')).map((s) => s.getBoundingClientRect());
        for (const t of Array.from(g.querySelectorAll('text.seg-label'))) {
          const r = t.getBoundingClientRect();
          expect(
            segs.some((s) => r.left >= s.left - 0.5 && r.right <= s.right + 0.5),
            t.textContent!,
          ).to.equal(true);
        }
      }
      // Legend entries do not overlap.
      const legend = Array.from(svg.querySelectorAll('.legend text')).map((t) => t.getBoundingClientRect());
      legend.forEach((a, i) =>
        legend
          .slice(i + 1)
          .forEach((b) =>
            expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).to.equal(true),
          ),
      );
      assertFiniteSvg(shadow(el));
    });
  });

  describe('levels (pure)', () => {
    it('levelRank(label) recognises the four levels loosely, in French and English', () => {
      expect(
        [
          'Débutant',
          'debutants',
          'Niveau débutant',
          'Beginner',
          'intermédiaire',
          'Intermediate',
          'avancés',
          'Advanced',
          'Confirmé',
          'expert',
        ].map(levelRank),
      ).to.deep.equal([0, 0, 0, 0, 1, 1, 2, 2, 3, 3]);
      expect(levelRank('Ne sait pas')).to.equal(-1);
      expect(levelRank('')).to.equal(-1);
    });
    it('orderLevels(labels) puts known levels first by rank, the others after in their order, with greys', () => {
      expect(orderLevels(['Autre', 'confirmé', 'NSP', 'débutant'])).to.deep.equal({
        order: [3, 1, 0, 2],
        tones: ['l1', 'l2', 'o1', 'o2'],
      });
    });
    it('orderLevels(labels) keeps the file order and the palette when no level is known', () => {
      expect(orderLevels(['faible', 'bon', 'très bon'])).to.deep.equal({order: [0, 1, 2], tones: ['l1', 'l2', 'l3']});
      expect(orderLevels(['a', 'b', 'c', 'd', 'e', 'f']).tones).to.deep.equal(['l1', 'l2', 'l3', 'l4', 'o1', 'o2']);
    });
    it('skillData(input) is shares(ct, "column") by default and shares(ct, "total") for share-of-total', () => {
      const t = parseCsv('niveau,-11,65 +,Total\nconfirmé,8,13,21\ndébutant,517,678,1195\nTotal,525,691,1216');
      const d = skillData(t);
      expect(d.levels).to.deep.equal(['débutant', 'confirmé']);
      expect(d.values[0]![1]).to.be.closeTo(678 / 691, 1e-12);
      expect(d.bandValues).to.deep.equal([1, 1]);
      const s = skillData(t, {measure: 'share-of-total'});
      expect(s.values[0]![0]).to.be.closeTo(517 / 1216, 1e-12);
      expect(s.levelValues[1]).to.be.closeTo(21 / 1216, 1e-12);
    });
    it('skillData(input) records bands whose given total differs from the sum of the levels', () => {
      const d = skillData(parseCsv('niveau,a,b\ndébutant,1,2\nconfirmé,1,2\nTotal,2,5'));
      expect(d.mismatched).to.deep.equal(['b']);
    });
  });

  describe('layoutSkill(input, width) (pure)', () => {
    const format = (v: number | null) => (v === null ? '' : `${Math.round(v * 1000) / 10} %`);
    const input = {
      levels: ['débutant', 'intermédiaire', 'avancé'],
      bands: ['a', 'b'],
      values: [
        [0.5, 0.01],
        [0.49, 0.5],
        [0.01, 0.49],
      ],
      format,
      domainMax: 1,
    };
    it('stacks the levels left to right over the same width, with a 2 px gap between segments', () => {
      const l = layoutSkill(input, 400);
      for (const r of l.rows) {
        const [a, b, c] = r.segments;
        expect(a!.x).to.equal(l.plotX);
        expect(b!.x - (a!.x + a!.width)).to.be.closeTo(l.gap, 0.02);
        expect(c!.x - (b!.x + b!.width)).to.be.closeTo(l.gap, 0.02);
        expect(c!.x + c!.width).to.be.closeTo(l.plotX + l.plotWidth, 0.02);
      }
    });
    it('labels a segment only when its label fits inside it', () => {
      const l = layoutSkill(input, 400);
      expect(l.rows[0]!.segments.map((s) => s.label)).to.deep.equal(['50 %', '49 %', null]);
      for (const r of l.rows)
        for (const s of r.segments) if (s.label) expect(s.width).to.be.at.least(s.label.length * 6.6);
    });
    it('lays the legend out evenly: 18 px from each name to the next swatch, over lines at 240 px, on one line at 800 px', () => {
      const many = {...input, levels: ['débutant', 'intermédiaire', 'avancé', 'confirmé', 'ne sait pas']};
      const narrow = layoutSkill(many, 240).legend;
      expect(new Set(narrow.map((k) => k.y)).size).to.be.greaterThan(1);
      const wide = layoutSkill(many, 800).legend;
      expect(new Set(wide.map((k) => k.y)).size).to.equal(1);
      for (const k of narrow) expect(k.textX + Math.min(k.text.length, k.chars) * 6.6).to.be.at.most(240);
      // The same gap after every name, whatever its length (a grid of equal cells left wide gaps after short names).
      const gaps = wide.slice(1).map((k, i) => k.swatchX - (wide[i]!.textX + Array.from(wide[i]!.text).length * 6.6));
      for (const g of gaps) expect(g).to.be.closeTo(18, 0.02);
      // Each line starts at the left edge.
      for (const y of new Set(narrow.map((k) => k.y))) expect(narrow.find((k) => k.y === y)!.swatchX).to.equal(0);
    });
    it('with end labels, bars are as long as their total and the longest ends before the labels', () => {
      const l = layoutSkill(
        {
          ...input,
          values: [
            [0.2, 0.1],
            [0.2, 0.1],
            [0.1, 0.2],
          ],
          domainMax: undefined,
          endLabels: ['50 %', '40 %'],
        },
        400,
      );
      const end = (i: number) => {
        const s = l.rows[i]!.segments.at(-1)!;
        return s.x + s.width - l.plotX;
      };
      expect(end(0)).to.be.closeTo(l.plotWidth, 0.02);
      expect(end(1) / end(0)).to.be.closeTo(0.8, 0.01);
      expect(l.rows[0]!.endX + 4 * 6.6).to.be.at.most(400);
    });
    it('stays finite with no data, zeros, nulls, NaN and a tiny width', () => {
      const cases = [
        layoutSkill({levels: [], bands: [], values: [], format}, 0),
        layoutSkill({levels: ['a'], bands: ['x'], values: [[null]], format}, Number.NaN),
        layoutSkill(
          {
            levels: ['a', 'b'],
            bands: ['x', 'y'],
            values: [
              [0, 0],
              [Number.NaN, Infinity],
            ],
            format,
            domainMax: Number.NaN,
            endLabels: ['', ''],
          },
          Infinity,
        ),
      ];
      const check = (v: unknown, path: string): void => {
        if (typeof v === 'number') expect(Number.isFinite(v), path).to.equal(true);
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) check(x, `${path}.${k}`);
      };
      cases.forEach((l, i) => check(l, `case ${i}`));
    });
  });

  describe('palette (WCAG contrast of the defaults)', () => {
    for (const mode of ['light', 'dark'] as const) {
      const p = SKILL_PALETTE[mode];
      const tones = ['l1', 'l2', 'l3', 'l4', 'o1', 'o2'] as const;
      it(`${mode}: every fill ≥ 3:1 on the background, every label ≥ 4.5:1 on its fill, text ≥ 4.5:1`, () => {
        expect(contrast(p.text, p.background)).to.be.at.least(4.5);
        for (const k of tones) {
          expect(contrast(p.fills[k], p.background), `${k} on the background`).to.be.at.least(3);
          expect(contrast(p.labels[k], p.fills[k]), `label on ${k}`).to.be.at.least(4.5);
        }
      });
      it(`${mode}: the levels go one way in luminance (a sequential palette: lighter to darker, or dim to bright in dark mode)`, () => {
        const l = (['l1', 'l2', 'l3', 'l4'] as const).map((k) => luminance(p.fills[k]));
        const away = l.map((x) => Math.abs(x - luminance(p.background)));
        for (let i = 1; i < 4; i++) expect(away[i]!, `step ${i}`).to.be.greaterThan(away[i - 1]!);
      });
      it(`${mode}: the styles use the palette (computed fills and label colours)`, async () => {
        const el =
          await fixture<EpnSkillChart>(html`<epn-skill-chart theme=${mode} src=${fixtureUrl('widgets/skill-long.csv')}
          rows-column="niveau declare" age-column="tranche" value-column="nombre"></epn-skill-chart>`);
        await settled(el);
        const root = shadow(el);
        for (const k of ['l1', 'l2', 'l3', 'l4', 'o1'] as const) {
          expect(hexOf(getComputedStyle(root.querySelector(`rect.seg.${k}`)!).fill), k).to.equal(p.fills[k]);
        }
        for (const t of Array.from(root.querySelectorAll('text.seg-label'))) {
          const k = Array.from(t.classList)
            .find((c) => c.startsWith('on-'))!
            .slice(3) as (typeof tones)[number];
          expect(hexOf(getComputedStyle(t).fill), `label on ${k}`).to.equal(p.labels[k]);
        }
        expect(hexOf(getComputedStyle(el).backgroundColor)).to.equal(p.background);
      });
    }
    it('every colour is overridable through --epn-* custom properties', async () => {
      const el = await fixture<EpnSkillChart>(
        html`<epn-skill-chart style="--epn-skill-color-1: #123456; --epn-skill-label-1: #fedcba" src=${SEED}></epn-skill-chart>`,
      );
      await settled(el);
      expect(hexOf(getComputedStyle(shadow(el).querySelector('rect.seg.l1')!).fill)).to.equal('#123456');
      expect(hexOf(getComputedStyle(shadow(el).querySelector('text.on-l1')!).fill)).to.equal('#fedcba');
    });
  });
});

describe('<epn-skill-chart> golden SVG', () => {
  it('seed table, default measure, 800 px', async () => {
    const el = await fixture<EpnSkillChart>(html`<epn-skill-chart src=${SEED}></epn-skill-chart>`);
    await settled(el);
    await atWidth(el, 800);
    await expectGolden('skill-chart-seed-800', shadow(el).querySelector('svg')!);
  });

  it('seed table, share-of-total, 320 px', async () => {
    const el = await fixture<EpnSkillChart>(
      html`<epn-skill-chart src=${SEED} measure="share-of-total"></epn-skill-chart>`,
    );
    await settled(el);
    await atWidth(el, 320);
    await expectGolden('skill-chart-seed-share-of-total-320', shadow(el).querySelector('svg')!);
  });
});
