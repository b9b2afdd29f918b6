import '@epn/widgets/define.js';
import {parseCsv, type EpnDataError} from '@epn/stats';
import {
  breakdownOf,
  CARD_PALETTE,
  EpnKeyFigures,
  formatFigure,
  formatRatio,
  keyFigures,
  keyFiguresSummary,
  labelOf,
  parseKeyList,
  parseLabels,
  parseRatios,
} from '@epn/widgets/testing.js';
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {describe, it, fixture as bytes, thrown} from '../harness.js';
import {aTimeout, fixtureUrl, settled, shadow, contrast, assertNothingClipped} from './helpers.js';
import {runWidgetBaseTests} from './widget-base-tests.js';

const SEED = fixtureUrl('seed/chiffres-cles.csv');
const DEPTS = fixtureUrl('seed/epn-departements.csv');
const RATIO = 'visites_annuelles/inscrits_annuels:visites par inscrit';
const NB = '\u00a0';
const NN = '\u202f';
const texts = (root: ParentNode, selector: string) =>
  Array.from(root.querySelectorAll(selector)).map((n) => n.textContent?.trim().replace(/[ \t\r\n]+/g, ' ') ?? '');
/** Label → value of every tile. */
const tiles = (el: Element) =>
  Object.fromEntries(
    Array.from(shadow(el).querySelectorAll('.tile')).map((d) => [
      d.querySelector('dt')!.textContent!.trim(),
      d.querySelector('.value')!.textContent!.trim(),
    ]),
  );
const table = async (path: string) => parseCsv(await bytes(path));

runWidgetBaseTests('epn-key-figures', {
  file: 'seed/chiffres-cles.csv',
  read: {delimiter: ',', columns: ['indicateur', 'valeur', 'unite']},
  attributes: {ratios: RATIO},
  empty: 'widgets/key-empty.csv',
  emptyAttributes: {ratios: ''},
  figures: (root) =>
    Object.fromEntries(
      Array.from(root.querySelectorAll('.tile')).map((d) => [
        d.querySelector('dt')!.textContent!.trim(),
        d.querySelector('.value')!.textContent!.trim(),
      ]),
    )['visites par inscrit'],
  expected: '11,3',
  parts: ['figures', 'item', 'ratio', 'label', 'value'],
});

describe('<epn-key-figures> after a bad setting', () => {
  it('correcting ratios redraws the figures from the same file', async () => {
    const el = await fixture<HTMLElement & {ratios: string | null; updateComplete: Promise<boolean>}>(
      html`<epn-key-figures src=${SEED} ratios="nope/inscrits_annuels"></epn-key-figures>`,
    );
    await settled(el as never);
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('nope');
    el.ratios = RATIO;
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]') === null, 'alert gone').to.equal(true);
    expect(tiles(el)['visites par inscrit']).to.equal('11,3');
  });
});

describe('<epn-key-figures> years', () => {
  it('writes a year as a year (2024), while counts keep their French groups', async () => {
    const el = await fixture<HTMLElement & {data: unknown}>(html`<epn-key-figures></epn-key-figures>`);
    el.data = parseCsv(new TextEncoder().encode('indicateur;valeur\nAnnée;2024\ninscrits;65691\n'));
    await settled(el as never);
    const t = tiles(el);
    expect(t['Année']).to.equal('2024');
    expect(Object.values(t)).to.include(`65${NN}691`);
  });
});

describe('<epn-key-figures>', () => {
  describe('figures (pure functions)', () => {
    it('parseRatios(text) reads numerator/denominator:label; several separated by ";"; the label is optional', () => {
      expect(parseRatios(RATIO)).to.deep.equal([
        {numerator: 'visites_annuelles', denominator: 'inscrits_annuels', label: 'visites par inscrit'},
      ]);
      expect(parseRatios(' a / b ; c/d: per d, roughly ')).to.deep.equal([
        {numerator: 'a', denominator: 'b', label: null},
        {numerator: 'c', denominator: 'd', label: 'per d, roughly'},
      ]);
      expect(parseRatios('')).to.deep.equal([]);
    });

    it('parseRatios(text) refuses a malformed ratio with a French BAD_OPTION that gives the syntax and an example', () => {
      const e = thrown(() => parseRatios('visites par inscrit')) as EpnDataError;
      expect(e.code).to.equal('BAD_OPTION');
      expect(e.message).to.equal(
        'Réglage non compris : ratios="visites par inscrit" : « visites par inscrit » n\'est pas compris ; ' +
          "chaque ratio s'écrit numérateur/dénominateur:libellé, séparés par des points-virgules (par exemple « visites_annuelles/inscrits_annuels:visites par inscrit »).",
      );
      expect(e.localizedMessage('en')).to.contain('each ratio is written numerator/denominator:label');
      expect((thrown(() => parseRatios('a/:x')) as EpnDataError).code).to.equal('BAD_OPTION');
    });

    it('parseKeyList and parseLabels read the keys and labels attributes; a label without ":" is refused', () => {
      expect(parseKeyList('epn, visites_annuelles;animateurs')).to.deep.equal([
        'epn',
        'visites_annuelles',
        'animateurs',
      ]);
      const labels = parseLabels('epn: Lieux labellisés ; Visites_Annuelles:Passages');
      expect([labels.get('epn'), labels.get('visites annuelles')]).to.deep.equal(['Lieux labellisés', 'Passages']);
      expect((thrown(() => parseLabels('epn Lieux')) as EpnDataError).code).to.equal('BAD_OPTION');
    });

    it('keyFigures(seed) keeps every line, units and euros; 745 000 / 65 691 → 11,3 visites par inscrit', async () => {
      const m = keyFigures(await table('seed/chiffres-cles.csv'), {ratios: RATIO});
      expect(m.figures.map((f) => f.key)).to.have.length(10);
      const ratio = m.ratios[0]!;
      expect(ratio.value).to.be.closeTo(11.341, 0.001);
      expect(formatRatio(ratio, 'fr')).to.equal('11,3');
      expect(formatRatio(ratio, 'en')).to.equal('11.3');
      expect(formatRatio(ratio, 'fr', 2)).to.equal('11,34');
      const byKey = new Map(m.figures.map((f) => [f.key, f]));
      expect(formatFigure(byKey.get('budget_appels_a_projets')!, 'fr')).to.equal(`5,1${NB}M€`);
      expect(formatFigure(byKey.get('budget_centre_de_ressources_4_ans')!, 'fr')).to.equal(`800${NB}k€`);
      expect(formatFigure(byKey.get('budget_appels_a_projets')!, 'en')).to.equal('€5.1M');
      expect(formatFigure(byKey.get('visites_annuelles')!, 'fr')).to.equal(`745${NN}000`);
      expect(formatFigure(byKey.get('equivalents_temps_plein')!, 'fr')).to.equal('95,57');
    });

    it('keyFigures: a ratio over a zero or missing denominator is null; an amount over a count is in euros', () => {
      const t = parseCsv(
        'indicateur,valeur,unite\nbudget,800000,EUR\nlieux,0,lieux\nanimateurs,nd,personnes\nepn,40,lieux',
      );
      const m = keyFigures(t, {ratios: 'budget/lieux; budget/animateurs; budget/epn:par lieu'});
      expect(m.ratios.map((r) => r.value)).to.deep.equal([null, null, 20000]);
      expect(m.ratios[2]!.euro).to.equal(true);
      expect(formatRatio(m.ratios[2]!, 'fr')).to.equal(`20${NN}000${NB}€`);
    });

    it("keyFigures: keys selects and orders; an unknown key in keys or ratios is a BAD_OPTION listing the file's keys", async () => {
      const t = await table('seed/chiffres-cles.csv');
      expect(keyFigures(t, {keys: 'epn, Visites annuelles'}).figures.map((f) => f.key)).to.deep.equal([
        'epn',
        'visites_annuelles',
      ]);
      const e = thrown(() => keyFigures(t, {ratios: 'visites/inscrits_annuels'})) as EpnDataError;
      expect(e.code).to.equal('BAD_OPTION');
      expect(e.message).to.contain(
        "ratios : l'indicateur « visites » n'est pas dans le fichier (indicateurs : « visites_annuelles », « inscrits_annuels »",
      );
      expect((thrown(() => keyFigures(t, {keys: 'epn, salles'})) as EpnDataError).message).to.contain(
        "keys : l'indicateur « salles »",
      );
    });

    it('labelOf(key, lang) gives French and English labels for known keys, the key as written otherwise', () => {
      expect(labelOf('visites_annuelles', 'fr')).to.equal('Visites par an');
      expect(labelOf('Visites annuelles', 'en')).to.equal('Visits a year');
      expect(labelOf('epn', 'fr')).to.equal('Espaces publics numériques (EPN)');
      expect(labelOf('salles_informatiques', 'fr')).to.equal('salles_informatiques');
      expect(labelOf('__proto__', 'fr')).to.equal('__proto__');
    });

    it('breakdownOf(table, column) gives one bar per row, lengths relative to the largest, shares of the total', async () => {
      const b = breakdownOf(await table('seed/epn-departements.csv'), 'epn');
      expect(b.items.map((i) => [i.label, i.value])).to.deep.equal([
        ['Calvados', 36],
        ['Manche', 61],
        ['Orne', 20],
      ]);
      expect(b.total).to.equal(117);
      expect(b.top).to.equal(1);
      expect(b.items.map((i) => Math.round(i.length * 1000) / 1000)).to.deep.equal([0.59, 1, 0.328]);
      expect(b.items[1]!.share).to.be.closeTo(0.5214, 0.0001);
      expect(breakdownOf(await table('seed/epn-departements.csv')).column).to.equal('projets');
    });

    it("breakdownOf: a secret cell is null with a bar of 0, the file's Total row is the total; an unknown column is MISSING_COLUMN", async () => {
      const b = breakdownOf(await table('widgets/key-departements-total.csv'), 'epn');
      expect(b.items.map((i) => i.value)).to.deep.equal([36, 61, null]);
      expect(b.items[2]!.length).to.equal(0);
      expect(b.total).to.equal(117);
      const e = thrown(() => breakdownOf(parseCsv('departement,epn\nOrne,2'), 'lieux')) as EpnDataError;
      expect(e.code).to.equal('MISSING_COLUMN');
      expect(e.message).to.contain('« lieux »');
      const zero = breakdownOf(parseCsv('d,n\na,0\nb,0'));
      expect(zero.items.map((i) => i.length)).to.deep.equal([0, 0]);
    });

    it('keyFiguresSummary(model, lang): the count, the ratios and the largest part of the breakdown', async () => {
      const m = keyFigures(await table('seed/chiffres-cles.csv'), {
        ratios: RATIO,
        breakdownTable: await table('seed/epn-departements.csv'),
        breakdownColumn: 'epn',
      });
      expect(keyFiguresSummary(m, 'fr')).to.equal(
        '10 chiffres clés ; 11,3 visites par inscrit. Espaces publics numériques (EPN) par département : Manche en tête avec 61 sur 117 (52,1\u00a0%).',
      );
      expect(keyFiguresSummary(m, 'en')).to.equal(
        '10 key figures; 11.3 visites par inscrit. Public digital spaces (EPN) by département: Manche first with 61 of 117 (52.1%).',
      );
    });
  });

  describe('the element', () => {
    it("shows the seed's figures with French labels and units, euros compact, the ratio 11,3 and the breakdown as a list of bars", async () => {
      const el = await fixture<EpnKeyFigures>(
        html`<epn-key-figures src=${SEED} ratios=${RATIO} breakdown-src=${DEPTS} breakdown-column="epn"></epn-key-figures>`,
      );
      await settled(el);
      const root = shadow(el);
      const t = tiles(el);
      // A unit the label already says is not repeated (« Visites par an », « Équivalents temps plein »): issue 13.
      expect(t['Visites par an']).to.equal(`745${NN}000`);
      expect(t['Inscrits par an']).to.equal(`65${NN}691 personnes`);
      expect(t['Animateurs']).to.equal('152 personnes');
      expect(t['Équivalents temps plein']).to.equal('95,57');
      expect(t['Espaces publics numériques (EPN)']).to.equal('117 lieux');
      expect(t['Budget des appels à projets']).to.equal(`5,1${NB}M€`);
      expect(t['Budget du centre de ressources (4 ans)']).to.equal(`800${NB}k€`);
      expect(t['visites par inscrit']).to.equal('11,3');
      expect(texts(root, '.tile.ratio .detail')).to.deep.equal([`745${NN}000 / 65${NN}691`]);
      const list = root.querySelector('ul[part="bars"]')!;
      expect(list.getAttribute('aria-labelledby')).to.equal('breakdown-title');
      expect(root.querySelector('#breakdown-title')!.textContent).to.equal(
        'Espaces publics numériques (EPN) par département',
      );
      const items = Array.from(list.querySelectorAll('li'));
      expect(items.map((li) => li.textContent!.trim().replace(/[ \t\r\n]+/g, ' '))).to.deep.equal([
        'Calvados : 36 (30,8\u00a0%)',
        'Manche : 61 (52,1\u00a0%)',
        'Orne : 20 (17,1\u00a0%)',
      ]);
      for (const svg of Array.from(list.querySelectorAll('svg')))
        expect(svg.getAttribute('aria-hidden')).to.equal('true');
      expect(Array.from(list.querySelectorAll('rect.bar-fill')).map((r) => r.getAttribute('width'))).to.deep.equal([
        '59%',
        '100%',
        '32.8%',
      ]);
      expect(root.querySelector('.bars-total')!.textContent).to.equal('Total\u00a0: 117');
      expect(root.querySelector('[part="summary"]')!.textContent).to.equal(
        '10 chiffres clés ; 11,3 visites par inscrit. Espaces publics numériques (EPN) par département : Manche en tête avec 61 sur 117 (52,1\u00a0%).',
      );
      await expect(el).to.be.accessible();
    });

    it('holds the figures and the breakdown in real tables with captions and scopes', async () => {
      const el = await fixture<EpnKeyFigures>(
        html`<epn-key-figures src=${SEED} ratios=${RATIO} breakdown-src=${DEPTS} breakdown-column="epn"></epn-key-figures>`,
      );
      await settled(el);
      const [figures, parts] = Array.from(shadow(el).querySelectorAll('table'));
      expect(figures!.querySelector('caption')!.textContent).to.equal('Données : Chiffres clés');
      expect(figures!.querySelectorAll('th[scope="row"]')).to.have.length(11);
      expect(texts(figures!, 'tbody tr:last-child td')).to.deep.equal([`11,3 (745${NN}000 / 65${NN}691)`]);
      expect(texts(parts!, 'thead th')).to.deep.equal([
        'Département',
        'Espaces publics numériques (EPN)',
        'Part du total',
      ]);
      expect(texts(parts!, 'tbody tr:last-child td')).to.deep.equal(['117', '100,0\u00a0%']);
      shadow(el).querySelector<HTMLButtonElement>('button.toggle')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('keys, labels and digits choose what is shown and how', async () => {
      const el =
        await fixture<EpnKeyFigures>(html`<epn-key-figures src=${SEED} keys="epn, animateurs" labels="epn:Lieux labellisés"
        ratios="visites_annuelles/epn:visites par lieu" digits="0"></epn-key-figures>`);
      await settled(el);
      expect(tiles(el)).to.deep.equal({
        'Lieux labellisés': '117',
        Animateurs: '152 personnes',
        'visites par lieu': `6${NN}368`,
      });
    });

    it('a breakdown alone (no src) is an input; a secret cell is "non disponible" in the list, with no bar', async () => {
      const el = await fixture<EpnKeyFigures>(
        html`<epn-key-figures breakdown-src=${fixtureUrl('widgets/key-departements-total.csv')} breakdown-column="epn"></epn-key-figures>`,
      );
      await settled(el);
      const items = texts(shadow(el), 'ul[part="bars"] li');
      expect(items).to.deep.equal([
        'Calvados : 36 (30,8\u00a0%)',
        'Manche : 61 (52,1\u00a0%)',
        'Orne : non disponible',
      ]);
      expect(shadow(el).querySelector('.tile') === null).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('loading (slow src and breakdown): aria-busy and a progress bar, accessible; epn-load once when both are there', async () => {
      const el = document.createElement('epn-key-figures');
      let loads = 0;
      el.addEventListener('epn-load', () => loads++);
      el.src = '/__epn__/slow/300/seed/chiffres-cles.csv';
      el.setAttribute('breakdown-src', '/__epn__/slow/2000/seed/epn-departements.csv');
      document.body.append(el);
      await el.updateComplete;
      const root = shadow(el);
      expect(root.querySelector('figure')!.getAttribute('aria-busy')).to.equal('true');
      expect(root.querySelector('progress')).to.exist;
      await expect(el).to.be.accessible();
      await aTimeout(600);
      expect(root.querySelectorAll('.tile').length, 'the figures wait for the breakdown').to.equal(0);
      expect(root.querySelector('figure')!.getAttribute('aria-busy')).to.equal('true');
      await settled(el);
      expect(root.querySelectorAll('ul[part="bars"] li')).to.have.length(3);
      await aTimeout(50);
      expect(loads).to.equal(1);
      el.remove();
    });

    it('error (404 on src, then on breakdown-src): role="alert", epn-error, accessible', async () => {
      for (const [src, breakdown] of [
        [fixtureUrl('nope/cles.csv'), DEPTS],
        [SEED, fixtureUrl('nope/departements.csv')],
      ]) {
        const el = document.createElement('epn-key-figures');
        const failed = oneEvent(el, 'epn-error');
        el.src = src!;
        el.setAttribute('breakdown-src', breakdown!);
        document.body.append(el);
        const event = await failed;
        await aTimeout(100);
        await el.updateComplete;
        expect(event.detail.code).to.equal('HTTP_STATUS');
        expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('Fichier introuvable (erreur 404)');
        expect(shadow(el).querySelector('.tile') === null).to.equal(true);
        await expect(el).to.be.accessible();
        el.remove();
      }
    });

    it('error (a missing key): a ratio naming a key the file does not have says so, in French', async () => {
      const el = await fixture<EpnKeyFigures>(
        html`<epn-key-figures src=${SEED} ratios="visites_annuelles/usagers:visites par usager"></epn-key-figures>`,
      );
      await settled(el);
      const alert = shadow(el).querySelector('[role="alert"]')!.textContent!;
      expect(alert).to.contain("Réglage non compris : ratios : l'indicateur « usagers » n'est pas dans le fichier");
      await expect(el).to.be.accessible();
    });

    it('error (bad syntax, unknown breakdown column): BAD_OPTION and MISSING_COLUMN messages', async () => {
      const el = await fixture<EpnKeyFigures>(
        html`<epn-key-figures src=${SEED} ratios="visites, inscrits"></epn-key-figures>`,
      );
      await settled(el);
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain(
        "chaque ratio s'écrit numérateur/dénominateur:libellé",
      );
      el.removeAttribute('ratios');
      el.setAttribute('breakdown-src', DEPTS);
      el.setAttribute('breakdown-column', 'lieux');
      await aTimeout(300);
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain(
        'La colonne « lieux » est introuvable',
      );
    });
  });

  describe('parts, events, language, layout', () => {
    it('exposes the parts figure, title, figures, item, ratio, label, value, summary, breakdown, bars, bar, toggle and table', async () => {
      const el = await fixture<EpnKeyFigures>(
        html`<epn-key-figures src=${SEED} ratios=${RATIO} breakdown-src=${DEPTS}></epn-key-figures>`,
      );
      await settled(el);
      for (const part of [
        'figure',
        'title',
        'figures',
        'item',
        'ratio',
        'label',
        'value',
        'summary',
        'breakdown',
        'bars',
        'bar',
        'toggle',
        'table',
      ]) {
        expect(shadow(el).querySelector(`[part~="${part}"]`), part).to.exist;
      }
    });

    it('lang="en" speaks English: labels, units, euros, summary, breakdown title and toggle', async () => {
      const el =
        await fixture<EpnKeyFigures>(html`<epn-key-figures lang="en" src=${SEED} ratios="visites_annuelles/inscrits_annuels:visits per registered user"
        breakdown-src=${DEPTS} breakdown-column="epn"></epn-key-figures>`);
      await settled(el);
      const root = shadow(el);
      const t = tiles(el);
      expect(t['Visits a year']).to.equal('745,000 visits');
      expect(t['Full-time equivalents'], 'the label says it: no FTE after it').to.equal('95.57');
      expect(t['Calls for projects budget']).to.equal('€5.1M');
      expect(t['Resource centre budget (4 years)']).to.equal('€800k');
      expect(t['visits per registered user']).to.equal('11.3');
      expect(root.querySelector('.title')!.textContent).to.equal('Key figures');
      expect(root.querySelector('#breakdown-title')!.textContent).to.equal(
        'Public digital spaces (EPN) by département',
      );
      expect(root.querySelector('[part="summary"]')!.textContent).to.equal(
        '10 key figures; 11.3 visits per registered user. Public digital spaces (EPN) by département: Manche first with 61 of 117 (52.1%).',
      );
      expect(root.querySelector('button.toggle')!.textContent!.trim()).to.equal('Show the data');
      expect(texts(root, 'ul[part="bars"] li')[0]).to.equal('Calvados: 36 (30.8%)');
      expect(root.querySelector('.bars-total')!.textContent).to.equal('Total: 117');
    });

    it('at 320 px wide nothing is clipped, in French and English', async () => {
      for (const lang of ['fr', 'en']) {
        const wrapper =
          await fixture<HTMLDivElement>(html`<div style="width: 320px"><epn-key-figures lang=${lang} src=${SEED} ratios=${RATIO}
          breakdown-src=${DEPTS} breakdown-column="epn" source="Région Basse-Normandie, 2012"></epn-key-figures></div>`);
        const el = wrapper.querySelector('epn-key-figures')!;
        await settled(el);
        await aTimeout(50);
        await el.updateComplete;
        expect(el.getBoundingClientRect().width).to.equal(320);
        assertNothingClipped(el);
      }
    });

    it('bars and text keep their contrast, light and dark; dark theme is accessible', async () => {
      for (const theme of ['light', 'dark'] as const) {
        const p = CARD_PALETTE[theme];
        expect(contrast(p.bar, p.background), `${theme} bar`).to.be.at.least(3);
        expect(contrast(p.bar, p.track), `${theme} bar on track`).to.be.at.least(3);
        for (const fg of ['text', 'muted', 'figure'] as const)
          expect(contrast(p[fg], p.card), `${theme} ${fg} on card`).to.be.at.least(4.5);
      }
      const el = await fixture<EpnKeyFigures>(
        html`<epn-key-figures theme="dark" src=${SEED} breakdown-src=${DEPTS}></epn-key-figures>`,
      );
      await settled(el);
      expect(getComputedStyle(shadow(el).querySelector('rect.bar-fill')!).fill).to.equal('rgb(133, 133, 246)');
      await expect(el).to.be.accessible();
    });
  });

  describe('safety', () => {
    it('renders markup in keys, units, breakdown labels and every text attribute as text; the sentinel is never set', async () => {
      const payload = '<img src=x onerror=window.__pwned=1>';
      const el = await fixture<EpnKeyFigures>(html`<epn-key-figures src=${fixtureUrl('widgets/key-attack.csv')}
        breakdown-src=${fixtureUrl('widgets/key-attack-breakdown.csv')} heading=${payload} description="<script>window.__pwned=1</script>"
        breakdown-heading="&quot;><svg onload=window.__pwned=1>" source="{{constructor.constructor('window.__pwned=1')()}}" source-href="javascript:window.__pwned=1"
        labels="visites:<b onmouseover=window.__pwned=1>x</b>" ratios="visites/${payload}:\${window.__pwned=1}"></epn-key-figures>`);
      await settled(el);
      const root = shadow(el);
      await aTimeout(50);
      expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
      expect(root.querySelector('img, script, b, foreignObject, a') === null).to.equal(true);
      expect(root.querySelectorAll('svg:not([part="bar"])')).to.have.length(0);
      const t = tiles(el);
      expect(t[payload]).to.equal('12 <script>window.__pwned=1</script>');
      expect(t['<b onmouseover=window.__pwned=1>x</b>']).to.equal('100 visites');
      expect(t['${window.__pwned=1}']).to.equal('8,3');
      expect(root.querySelector('.title')!.textContent).to.equal(payload);
      expect(root.querySelector('#breakdown-title')!.textContent).to.equal('"><svg onload=window.__pwned=1>');
      expect(texts(root, '.bar-label')[0]).to.equal(
        '</text><foreignObject><img src=x onerror=window.__pwned=1></foreignObject>',
      );
      expect(root.querySelector('.source')!.textContent).to.contain('{{constructor.constructor');
    });
  });
});
