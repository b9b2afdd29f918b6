// The cases every widget passes, whatever it draws (issue 14, move 4; Shoelace's runFormControlBaseTests is the
// model): the epn-load event, the loading, error, empty and stale states, English, the parts every widget has, and an
// axe audit in each state. A widget's own test file calls runWidgetBaseTests with its fixtures and keeps only what is
// its own: its figures, its layout, its own errors.
import {aTimeout, expect, oneEvent, waitUntil} from '@open-wc/testing';
import {describe, it} from '../harness.js';
import {fixtureUrl, settled, shadow} from './helpers.js';

/** What the shared cases need to know of a widget. */
export interface WidgetBaseFixtures {
  /** A file the widget draws (a path under test/fixtures/; the test server also serves it slowly, and flaky). */
  file: string;
  /** What the core reads of `file`: its delimiter and its first columns (checked on `epn-load`'s detail). */
  read: {delimiter: string; columns: string[]};
  /** Attributes the widget needs besides `src` (the reach chart's population file…). */
  attributes?: Record<string, string>;
  /** The empty state: a file whose figures are all zero or unavailable, or the `data` that has none. */
  empty: string | (() => unknown);
  /** Attributes of the empty case, over `attributes` (a key figures' ratio naming keys the empty file lacks…). */
  emptyAttributes?: Record<string, string>;
  /** The figures drawn, read from the shadow root (the bars counted, the tiles' values…). */
  figures: (root: ShadowRoot) => unknown;
  /** What `figures` reads once `file` is drawn: the same after a failed refresh (stale figures). */
  expected: unknown;
  /** The widget's own parts once drawn, beside those every widget has (figure, title, summary, toggle, table). */
  parts: string[];
}

type Widget = HTMLElement & {status: string; updateComplete: Promise<boolean>; reload(): Promise<void>; data: unknown};

/** The parts every widget exposes once its figures are drawn. */
const SHARED_PARTS = ['figure', 'title', 'summary', 'toggle', 'table'];

let n = 0;
/** A key of its own: for the test server's flaky endpoint (each key answers once, then fails), and a query that no other widget's load shares. */
const unique = (tag: string) => `${tag}-${Date.now()}-${n++}`;

/** Whether nothing of the figures is on screen: no chart, no figures' tiles, no data table. */
const nothingDrawn = (root: ShadowRoot) =>
  root.querySelector('[part~="chart"], [part~="figures"], [part~="table"]') === null;

/**
 * Runs the cases every widget passes, for `tag` (`epn-age-chart`…) with its `fixtures`. The elements are made with
 * `document.createElement` and removed at the end of each case.
 */
export function runWidgetBaseTests(tag: string, fixtures: WidgetBaseFixtures): void {
  const make = (
    src: string | null,
    extra: Record<string, string> = {},
    parent: HTMLElement = document.body,
  ): Widget => {
    const el = document.createElement(tag) as Widget;
    for (const [name, value] of Object.entries({...fixtures.attributes, ...extra})) el.setAttribute(name, value);
    if (src !== null) el.setAttribute('src', src);
    parent.append(el);
    return el;
  };

  describe(`<${tag}>: what every widget does (runWidgetBaseTests)`, () => {
    it('fires epn-load once, bubbling and composed, with the table and its meta', async () => {
      const el = document.createElement(tag) as Widget;
      let loads = 0;
      el.addEventListener('epn-load', () => loads++);
      const loaded = oneEvent(el, 'epn-load');
      for (const [name, value] of Object.entries(fixtures.attributes ?? {})) el.setAttribute(name, value);
      el.setAttribute('src', fixtureUrl(fixtures.file));
      document.body.append(el);
      try {
        const event = await loaded;
        expect(event.bubbles && event.composed).to.equal(true);
        expect(event.detail.meta.delimiter).to.equal(fixtures.read.delimiter);
        expect(event.detail.table.columns.slice(0, fixtures.read.columns.length)).to.deep.equal(fixtures.read.columns);
        expect(event.detail.meta).to.equal(event.detail.table.meta);
        await aTimeout(50);
        expect(loads).to.equal(1);
      } finally {
        el.remove();
      }
    });

    it('loading: aria-busy and a progress bar, « Chargement », nothing drawn, accessible; then the figures', async () => {
      const el = make(`/__epn__/slow/600/${fixtures.file}?${unique(tag)}`);
      try {
        await el.updateComplete;
        const root = shadow(el);
        expect(el.status).to.equal('loading');
        expect(root.querySelector('figure')!.getAttribute('aria-busy')).to.equal('true');
        expect(root.querySelector('progress')).to.exist;
        expect(root.querySelector('[role="status"]')!.textContent).to.contain('Chargement');
        expect(nothingDrawn(root), 'nothing drawn while loading').to.equal(true);
        await expect(el).to.be.accessible();
        await settled(el as never);
        expect(el.status).to.equal('ready');
        expect(root.querySelector('figure')!.getAttribute('aria-busy')).to.equal('false');
        expect(root.querySelector('progress') === null, 'no progress bar any more').to.equal(true);
        expect(fixtures.figures(root)).to.deep.equal(fixtures.expected);
      } finally {
        el.remove();
      }
    });

    it('error: a 404 is role="alert" with the core\'s French message, epn-error once (not stale), nothing drawn, accessible', async () => {
      const el = document.createElement(tag) as Widget;
      let errors = 0;
      el.addEventListener('epn-error', () => errors++);
      const failed = oneEvent(el, 'epn-error');
      for (const [name, value] of Object.entries(fixtures.attributes ?? {})) el.setAttribute(name, value);
      el.setAttribute('src', fixtureUrl('nope/missing.csv'));
      document.body.append(el);
      try {
        const event = await failed;
        await el.updateComplete;
        expect(event.detail.code).to.equal('HTTP_STATUS');
        expect(event.detail.stale).to.equal(false);
        expect(event.detail.message).to.contain('Fichier introuvable (erreur 404)');
        expect(el.status).to.equal('error');
        expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('Fichier introuvable (erreur 404)');
        expect(nothingDrawn(shadow(el)), 'nothing drawn').to.equal(true);
        await aTimeout(100);
        expect(errors).to.equal(1);
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });

    it('empty: figures that are all zero or unavailable say there is nothing to show, nothing drawn, accessible', async () => {
      const {empty} = fixtures;
      const el = make(typeof empty === 'string' ? fixtureUrl(empty) : null, fixtures.emptyAttributes);
      try {
        if (typeof empty !== 'string') el.data = empty();
        await settled(el as never);
        expect(el.status).to.equal('empty');
        const notes = Array.from(shadow(el).querySelectorAll('[part~="note"]')).map((p) => p.textContent);
        expect(notes).to.include('Aucune donnée à afficher.');
        expect(shadow(el).querySelector('[part~="chart"], [part~="figures"]') === null, 'nothing drawn').to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });

    it('stale: a refresh that fails keeps the figures, marked stale, and fires epn-error with stale: true; accessible', async () => {
      const el = make(`/__epn__/flaky/${unique(tag)}/${fixtures.file}`);
      try {
        await settled(el as never);
        expect(fixtures.figures(shadow(el))).to.deep.equal(fixtures.expected);
        const failed = oneEvent(el, 'epn-error');
        void el.reload();
        const event = await failed;
        await el.updateComplete;
        expect(event.detail.stale).to.equal(true);
        expect(el.status).to.equal('ready');
        expect(fixtures.figures(shadow(el))).to.deep.equal(fixtures.expected);
        expect(shadow(el).querySelector('.stale')!.textContent).to.contain('Données non actualisées');
        expect(shadow(el).querySelector('[role="alert"]') === null, 'no alert: the figures stay').to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });

    it('lang="en" speaks English: the toggle, the loading and error messages; accessible', async () => {
      const loading = make(`/__epn__/slow/600/${fixtures.file}?${unique(tag)}`, {lang: 'en'});
      const missing = make(fixtureUrl('nope/missing.csv'), {lang: 'en'});
      try {
        // The English texts arrive first (a chunk loaded by English widgets only): the widget then says it loads.
        await waitUntil(() => loading.shadowRoot?.querySelector('[role="status"]'), 'the loading message', {
          timeout: 3000,
        });
        expect(shadow(loading).querySelector('[role="status"]')!.textContent).to.contain('Loading data');
        await settled(loading as never);
        expect(loading.status).to.equal('ready');
        expect(shadow(loading).querySelector('button.toggle')!.textContent!.trim()).to.equal('Show the data');
        await expect(loading).to.be.accessible();
        await settled(missing as never);
        expect(shadow(missing).querySelector('[role="alert"]')!.textContent).to.contain('File not found (error 404)');
        await expect(missing).to.be.accessible();
      } finally {
        loading.remove();
        missing.remove();
      }
    });

    it('inherits lang="en" from the page', async () => {
      const wrapper = document.createElement('div');
      wrapper.lang = 'en';
      document.body.append(wrapper);
      const el = make(fixtureUrl(fixtures.file), {}, wrapper);
      try {
        await settled(el as never);
        expect(shadow(el).querySelector('button.toggle')!.textContent!.trim()).to.equal('Show the data');
      } finally {
        wrapper.remove();
      }
    });

    it(`exposes the parts ${[...SHARED_PARTS, ...fixtures.parts].join(', ')}`, async () => {
      const el = make(fixtureUrl(fixtures.file));
      try {
        await settled(el as never);
        for (const part of [...SHARED_PARTS, ...fixtures.parts]) {
          expect(shadow(el).querySelector(`[part~="${part}"]`), part).to.exist;
        }
      } finally {
        el.remove();
      }
    });
  });
}
