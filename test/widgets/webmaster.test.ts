// Issue 13 ("Webmaster-ready"): short age labels readable at 320 px, French typography, the share pyramid's axis
// following the data, exported SVG without Lit's markers, and the message when epn-export-svg.js was not copied.
import '@epn/widgets/define.js';
import {
  fullAgeLabel,
  shortAgeLabel,
  wrapLabel,
  type EpnAgeChart,
  type EpnEquipmentChart,
  type EpnSkillChart,
} from '@epn/widgets/testing.js';
import {parseCsv} from '@epn/stats';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {describe, it} from '../harness.js';
import {atWidth, fixtureUrl, settled, shadow} from './helpers.js';

const SEED = fixtureUrl('seed/inscrits-sexe-age.csv');
// INSEE-style bands, as a file would give them (given as data: every CSV under test/fixtures is a core fixture too).
const INSEE =
  'sexe;Moins de 15 ans;15 à 29 ans;30 à 44 ans;45 à 59 ans;60 à 74 ans;75 ans ou plus\n' +
  'Hommes;61204;52187;58301;66012;60190;30244\nFemmes;58432;50968;60217;68755;66841;47102\n';
const texts = (root: ParentNode, selector: string) =>
  Array.from(root.querySelectorAll(selector)).map((n) => n.textContent);

/** Whether the characters [from, from + length) of a text node lie on one line. */
function oneLine(node: Text, from: number, length: number): boolean {
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, from + length);
  return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size === 1;
}

describe('issue 13: webmaster-ready', () => {
  describe('shortAgeLabel(label), fullAgeLabel(label, lang), wrapLabel(text, max)', () => {
    it('shortens INSEE-style bands to 60-74, 75 +, < 15 (no-break spaces), and keeps other labels', () => {
      expect(
        [
          'Moins de 15 ans',
          '15 à 29 ans',
          'de 30 à 44 ans',
          '60 à 74 ans',
          '75 ans ou plus',
          '95 ans et plus',
          '80 ans et +',
        ].map(shortAgeLabel),
      ).to.deep.equal(['<\u00a015', '15-29', '30-44', '60-74', '75\u00a0+', '95\u00a0+', '80\u00a0+']);
      expect(
        ['-11', '- 11', '<15', '11-17', '00-04', '0 à 19 ans', '65 +', '75+', '40 ans', '15 to 29', 'under 15'].map(
          shortAgeLabel,
        ),
      ).to.deep.equal([
        '<\u00a011',
        '<\u00a011',
        '<\u00a015',
        '11-17',
        '0-4',
        '0-19',
        '65\u00a0+',
        '75\u00a0+',
        '40',
        '15-29',
        '<\u00a015',
      ]);
      expect(shortAgeLabel('Non communiqué')).to.equal('Non communiqué');
      expect(shortAgeLabel(' Seniors ')).to.equal('Seniors');
    });

    it('writes a band given with a sign in words: « moins de 11 ans », never "minus eleven"', () => {
      expect(fullAgeLabel('-11', 'fr')).to.equal('moins de 11 ans');
      expect(fullAgeLabel('- 11', 'fr')).to.equal('moins de 11 ans');
      expect(fullAgeLabel('<15', 'en')).to.equal('under 15');
      for (const kept of ['11-17', '65 +', 'Moins de 15 ans', '0-10', 'Hommes'])
        expect(fullAgeLabel(kept, 'fr')).to.equal(kept);
    });

    it('wraps onto two lines at spaces or hyphens, with an ellipsis only for a word longer than two lines', () => {
      expect(wrapLabel('60-74', 5)).to.deep.equal(['60-74']);
      expect(wrapLabel('Non communiqué', 8)).to.deep.equal(['Non', 'communiqué'.slice(0, 7) + '…']);
      expect(wrapLabel('Jeunes actifs', 7)).to.deep.equal(['Jeunes', 'actifs']);
      expect(wrapLabel('Anticonstitutionnel', 6)).to.deep.equal(['Antic…']);
    });
  });

  describe('the charts at 320 px', () => {
    it('<epn-age-chart>: INSEE bands shown as < 15 … 75 +, whole, inside the centre column; full labels in the table', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart></epn-age-chart>`);
      el.data = parseCsv(INSEE);
      await settled(el);
      await atWidth(el, 320);
      const root = shadow(el);
      expect(texts(root, 'text.band-label')).to.deep.equal([
        '<\u00a015',
        '15-29',
        '30-44',
        '45-59',
        '60-74',
        '75\u00a0+',
      ]);
      const men = Array.from(root.querySelectorAll<SVGRectElement>('rect.bar.men'));
      const women = Array.from(root.querySelectorAll<SVGRectElement>('rect.bar.women'));
      Array.from(root.querySelectorAll<SVGTextElement>('text.band-label')).forEach((label, i) => {
        expect(label.textContent, 'no ellipsis').not.to.contain('…');
        const box = label.getBBox();
        const left = Number(men[i]!.getAttribute('x')) + Number(men[i]!.getAttribute('width'));
        const right = Number(women[i]!.getAttribute('x'));
        expect(box.x, `${label.textContent} starts after the men's bar`).to.be.at.least(left);
        expect(box.x + box.width, `${label.textContent} ends before the women's bar`).to.be.at.most(right);
      });
      expect(Array.from(root.querySelectorAll('tbody th')).map((th) => th.textContent)).to.deep.equal([
        'Moins de 15 ans',
        '15 à 29 ans',
        '30 à 44 ans',
        '45 à 59 ans',
        '60 à 74 ans',
        '75 ans ou plus',
        'Total',
      ]);
    });

    it("the seed's -11 reads « < 11 » on the axes of the three charts, « moins de 11 ans » in their tables", async () => {
      const charts = [
        await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED}></epn-age-chart>`),
        await fixture<EpnEquipmentChart>(
          html`<epn-equipment-chart src=${fixtureUrl('seed/equipement-age.csv')}></epn-equipment-chart>`,
        ),
        await fixture<EpnSkillChart>(
          html`<epn-skill-chart src=${fixtureUrl('seed/niveau-usage-age.csv')}></epn-skill-chart>`,
        ),
      ];
      for (const el of charts) {
        await settled(el);
        await atWidth(el, 320);
        const root = shadow(el);
        const labels = texts(root, 'text.band-label');
        expect(labels, el.tagName).to.include('<\u00a011');
        expect(labels.join(' '), el.tagName).not.to.match(/-11|…/);
        expect(root.querySelector('tbody th')!.textContent, el.tagName).to.equal('moins de 11 ans');
      }
      // The equipment chart's sentence names the band in words too.
      expect(shadow(charts[1]!).querySelector('.summary')!.textContent).to.contain('dans la tranche moins de 11 ans');
    });

    it('French typography: no line starts with « : » or « » », none ends with « « », and 11-17 never splits, at every phone width', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED}></epn-age-chart>`);
      await settled(el);
      const summary = () => shadow(el).querySelector('.summary')!;
      // The sentence's own strings have a no-break space before « : » (copied and read as written).
      expect(summary().textContent).to.contain('17\u202f254 personnes\u00a0: 8\u202f264 hommes');
      expect(summary().textContent).not.to.match(/ [:;!?»]|« /);
      expect(Array.from(summary().querySelectorAll('.nw')).map((s) => s.textContent)).to.deep.equal(['11-17']);
      expect(getComputedStyle(summary().querySelector('.nw')!).whiteSpace).to.equal('nowrap');
      for (let w = 240; w <= 420; w += 6) {
        await atWidth(el, w);
        const walker = document.createTreeWalker(summary(), NodeFilter.SHOW_TEXT);
        let checked = 0;
        while (walker.nextNode()) {
          const node = walker.currentNode as Text;
          for (const group of ['personnes\u00a0:', '11-17']) {
            const at = node.data.indexOf(group);
            if (at < 0) continue;
            expect(oneLine(node, at, group.length), `${w}px: « ${group} » on one line`).to.equal(true);
            checked++;
          }
        }
        expect(checked, `${w}px`).to.equal(2);
      }
      // Text with plain spaces (the core's French messages, a file's labels): each group is kept whole, in a span.
      const bad = await fixture<EpnAgeChart>(
        html`<epn-age-chart src=${fixtureUrl('seed/niveau-usage-age.csv')}></epn-age-chart>`,
      );
      await settled(bad);
      const alert = shadow(bad).querySelector('[role="alert"]')!;
      const spans = Array.from(alert.querySelectorAll('.nw')).map((s) => s.textContent);
      expect(spans).to.include.members(['attendue :', '« Hommes »', '« Femmes »', 'trouvées :']);
      for (let w = 240; w <= 420; w += 12) {
        await atWidth(bad, w);
        for (const span of Array.from(alert.querySelectorAll('.nw'))) {
          const node = Array.from(span.childNodes).find((n) => n.nodeType === Node.TEXT_NODE) as Text;
          expect(oneLine(node, 0, node.data.length), `${w}px: « ${node.data} » on one line`).to.equal(true);
        }
      }
    });
  });

  describe("the skill chart's legend", () => {
    it('has about the same gap between each name, as drawn, and the next swatch (no wide gaps after short names)', async () => {
      const el = await fixture<EpnSkillChart>(
        html`<epn-skill-chart src=${fixtureUrl('seed/niveau-usage-age.csv')}></epn-skill-chart>`,
      );
      await settled(el);
      await atWidth(el, 800);
      const root = shadow(el);
      const names = Array.from(root.querySelectorAll<SVGTextElement>('.legend text.level-name'));
      const swatches = Array.from(root.querySelectorAll<SVGRectElement>('.legend rect.swatch'));
      expect(names.map((n) => n.textContent)).to.deep.equal(['débutant', 'intermédiaire', 'avancé', 'confirmé']);
      // The layout estimates text widths (6,6 px a character, the same on every machine): gaps within a few pixels
      // of 18, where equal cells left 51 px after « débutant ».
      const gaps = names.slice(0, -1).map((n, i) => swatches[i + 1]!.getBBox().x - (n.getBBox().x + n.getBBox().width));
      for (const g of gaps) expect(g).to.be.within(8, 30);
      expect(Math.max(...gaps) - Math.min(...gaps)).to.be.below(14);
    });
  });

  describe("the share pyramid's axis", () => {
    it('runs to the data (10,2 %), not to a round 20 %, at 375 px', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart measure="share" src=${SEED}></epn-age-chart>`);
      await settled(el);
      await atWidth(el, 375);
      const root = shadow(el);
      const ticks = [...new Set(texts(root, 'text.tick'))];
      expect(ticks).to.deep.equal(['0\u00a0%', '5\u00a0%', '10\u00a0%']);
      // The longest bar (men 11-17, 10,2 %) reaches the end of its side: past the 10 % tick.
      const men = Array.from(root.querySelectorAll<SVGRectElement>('rect.bar.men')).map((r) =>
        Number(r.getAttribute('x')),
      );
      const tickXs = Array.from(root.querySelectorAll<SVGTextElement>('text.tick')).map((t) =>
        Number(t.getAttribute('x')),
      );
      expect(Math.min(...men)).to.be.below(Math.min(...tickXs));
      expect(Math.min(...men), 'the longest bar fills its side').to.be.at.most(Math.min(...tickXs) + 1 + 0.02 * 375);
    });
  });

  describe('exported SVG', () => {
    it('holds no Lit markers (<!--?lit$…-->) nor any comment', async () => {
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart export src=${SEED}></epn-age-chart>`);
      await settled(el);
      const files: Blob[] = [];
      (el as unknown as {download: (b: Blob) => void}).download = (b) => files.push(b);
      await el.exportAs('svg');
      expect(files).to.have.length(1);
      const text = await files[0]!.text();
      expect(text).to.contain('<rect');
      expect(text).not.to.contain('<!--');
      expect(text).not.to.contain('lit$');
    });

    it('when epn-export-svg.js was not copied beside epn-widgets.js, the message names it and where it was looked for', async () => {
      const frame = document.createElement('iframe');
      frame.style.width = '640px';
      frame.src = '/__epn__/lonely/page.html';
      document.body.append(frame);
      await new Promise((r) => frame.addEventListener('load', r, {once: true}));
      const el = frame.contentDocument!.querySelector('epn-age-chart') as unknown as EpnAgeChart & {status: string};
      await waitUntil(() => el.status === 'ready', 'chart not drawn', {timeout: 10000});
      (el as unknown as {download: () => void}).download = () => undefined;
      await el.exportAs('svg');
      await el.updateComplete;
      const message = el.shadowRoot!.querySelector('.export [role="status"]')!.textContent!;
      expect(message).to.contain("L'export a échoué");
      expect(message).to.contain('fichier epn-export-svg.js introuvable');
      expect(message).to.contain(`à l'adresse ${location.origin}/__epn__/lonely/epn-export-svg.js`);
      expect(message).to.contain('Copiez-le à côté de epn-widgets.js');
      frame.remove();
    });

    it("a French page's charts load neither the English texts (epn-en.js) nor, before the menu opens, the exports", async () => {
      const frame = document.createElement('iframe');
      frame.style.width = '640px';
      frame.src = '/__epn__/lonely/page.html';
      document.body.append(frame);
      await new Promise((r) => frame.addEventListener('load', r, {once: true}));
      const el = frame.contentDocument!.querySelector('epn-age-chart') as unknown as EpnAgeChart & {status: string};
      await waitUntil(() => el.status === 'ready', 'chart not drawn', {timeout: 10000});
      const loaded = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name);
      expect(
        loaded.some((u) => u.endsWith('/epn-widgets.js')),
        'epn-widgets.js loaded',
      ).to.equal(true);
      expect(loaded.filter((u) => /\/epn-(en|export-svg)\.js$/.test(u))).to.deep.equal([]);
      frame.remove();
    });

    it('an English page loads epn-en.js once, and its charts and cards speak English, styled', async () => {
      const frame = document.createElement('iframe');
      frame.style.width = '640px';
      frame.src = '/test/fixtures/all-in-one/english.html';
      document.body.append(frame);
      await new Promise((r) => frame.addEventListener('load', r, {once: true}));
      const chart = frame.contentDocument!.querySelector('epn-skill-chart') as unknown as EpnAgeChart & {
        status: string;
      };
      const card = frame.contentDocument!.querySelector('epn-budget-card') as unknown as EpnAgeChart & {status: string};
      await waitUntil(() => chart.status === 'ready' && card.status === 'ready', 'not drawn', {timeout: 10000});
      await chart.updateComplete;
      await card.updateComplete;
      expect(chart.shadowRoot!.querySelector('.toggle')!.textContent!.trim()).to.equal('Show the data');
      expect(chart.shadowRoot!.querySelector('.title')!.textContent!.trim()).to.equal('Skill level by age band');
      // The card's styles came with epn-cards.js: added to its shadow root after the base's.
      expect(card.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(1);
      const loaded = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name);
      expect(loaded.filter((u) => u.endsWith('/epn-en.js'))).to.have.length(1);
      frame.remove();
    });

    it('when epn-en.js was not copied beside epn-widgets.js, an English chart names it', async () => {
      const frame = document.createElement('iframe');
      frame.style.width = '640px';
      frame.src = '/__epn__/lonely/english.html';
      document.body.append(frame);
      await new Promise((r) => frame.addEventListener('load', r, {once: true}));
      const el = frame.contentDocument!.querySelector('epn-skill-chart') as unknown as EpnAgeChart & {status: string};
      await waitUntil(() => el.status === 'error', 'no error shown', {timeout: 10000});
      await el.updateComplete;
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!.textContent!;
      expect(alert).to.match(/^File not found \(error 404\) at ".*\/__epn__\/lonely\/epn-en\.js"/);
      frame.remove();
    });

    it("when epn-large-files.js was not copied beside epn-widgets.js, an individual-level file's chart names it", async () => {
      const frame = document.createElement('iframe');
      frame.style.width = '640px';
      frame.src = '/__epn__/lonely/page.html';
      document.body.append(frame);
      await new Promise((r) => frame.addEventListener('load', r, {once: true}));
      const el = frame.contentDocument!.querySelector('#individual') as unknown as EpnAgeChart & {status: string};
      await waitUntil(() => el.status === 'error', 'no error shown', {timeout: 10000});
      await el.updateComplete;
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!.textContent!;
      expect(alert).to.match(
        /^Fichier introuvable \(erreur 404\) à l'adresse « .*\/__epn__\/lonely\/epn-large-files\.js »/,
      );
      frame.remove();
    });
  });
});
