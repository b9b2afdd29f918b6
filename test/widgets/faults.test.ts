// Network faults over a real local server (RELIABILITY.md, "Network and lifecycle cases"), with no stub of `fetch`:
// the test server's /__epn__/ endpoints and a second origin (test/fault-server.mjs) answer badly on purpose, and the
// widgets load through the browser's own fetch. The `src`-driven fault matrix runs over the five widgets (and over the
// cards' second file); what takes long (a 20 s idle timeout, a 50 Mo body, a trickled body) runs for
// `<epn-age-chart>`; the core's own limits (`timeout`, `idleTimeout`, `maxBytes`, which the widgets do not expose)
// are checked through `loadCsv` over the same server.
//
// For each error: the right `EpnDataError` code on the event, a French message in `role="alert"`, `epn-error` once,
// no `epn-load`, nothing drawn (no SVG, no bars, no figures, no table), no unhandled rejection.
import '@epn/widgets/define.js';
import {EpnDataError, loadCsv, type Progress} from '@epn/stats';
import type {EpnElement, EpnErrorDetail, EpnLoadDetail} from '@epn/widgets';
import {waitUntil} from '@open-wc/testing';
import {after, describe, expect, it} from '../harness.js';
import {aTimeout} from './helpers.js';

type Widget = EpnElement<unknown> & {
  status: string;
  progress: number | null;
  acceptProgress(fraction: number | null): void;
};

interface Origins {
  /** The second origin (no CORS on /nocors/, CORS on /cors/). */
  second: string;
  /** An address where nothing listens (connection refused, as when offline). */
  closed: string;
}
let origins: Origins | null = null;
async function getOrigins(): Promise<Origins> {
  origins ??= (await (await fetch('/__epn__/origins')).json()) as Origins;
  expect(origins.second, 'second origin running').to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
  return origins;
}

interface ServerLog {
  requests: number;
  aborted: number;
  completed: number;
  written: number;
}
const serverLog = async (key: string): Promise<ServerLog> =>
  (await fetch(`/__epn__/log/${key}`, {cache: 'no-store'})).json() as Promise<ServerLog>;
let keys = 0;
const newKey = (what: string): string => `${what}-${++keys}-${Date.now().toString(36)}`;
const until = (predicate: () => boolean | Promise<boolean>, message: string, timeout = 8000) =>
  waitUntil(predicate, message, {timeout, interval: 10});
/** Waits until the server's log of `key` satisfies `predicate`; fails with the last log seen. */
async function onServer(
  key: string,
  predicate: (log: ServerLog) => boolean,
  message: string,
  timeout = 8000,
): Promise<ServerLog> {
  const end = performance.now() + timeout;
  for (;;) {
    const log = await serverLog(key);
    if (predicate(log)) return log;
    if (performance.now() > end)
      throw new Error(`${message}: not seen by the server (its log: ${JSON.stringify(log)})`);
    await aTimeout(20);
  }
}

// ---- the widgets -----------------------------------------------------------------------------------------------------
interface WidgetCase {
  tag: string;
  /** A file it draws. */
  file: string;
  /** Another file it draws, with other figures (CSV text, stored on the server by the test). */
  other?: string;
  /** Other attributes it needs. */
  attrs?: Record<string, string>;
  /** Another measure it draws (a setting whose change redraws the same data). */
  measure?: string;
  /** A file it cannot draw (as if its publisher changed its columns), with attributes that make it so, and the error. */
  changed?: {csv: string; attrs?: Record<string, string>; code: string; says: string};
}
const WIDGETS: WidgetCase[] = [
  {
    tag: 'epn-age-chart',
    file: 'seed/inscrits-sexe-age.csv',
    measure: 'share',
    other: 'sexe;0-19;20 +\nHommes;1;2\nFemmes;3;4\n',
    changed: {csv: 'a;b\nx;y\n', code: 'NOT_NUMERIC', says: 'devrait contenir des nombres'},
  },
  {
    tag: 'epn-equipment-chart',
    file: 'seed/equipement-age.csv',
    measure: 'distribution',
    other: 'equipement;-11;11-17;Total\nOrdinateur;3;4;7\nTotal;5;6;11\n',
    changed: {csv: 'a;b\nx;y\n', code: 'NOT_NUMERIC', says: 'devrait contenir des nombres'},
  },
  {
    tag: 'epn-skill-chart',
    file: 'seed/niveau-usage-age.csv',
    measure: 'share-of-total',
    other: 'niveau;-11;11-17\ndébutant;3;4\nexpert;1;2\n',
    changed: {csv: 'a;b\nx;y\n', code: 'NOT_NUMERIC', says: 'devrait contenir des nombres'},
  },
  {
    tag: 'epn-budget-card',
    file: 'widgets/budget-seed.csv',
    other: 'indicateur;valeur\nbudget;2000\npopulation;1000\n',
    changed: {csv: 'a;b\nx;y\n', code: 'MISSING_COLUMN', says: 'La colonne « budget » est introuvable'},
  },
  {
    tag: 'epn-key-figures',
    file: 'seed/chiffres-cles.csv',
    other: 'indicateur;valeur;unite\nvisites;100;visites\n',
    changed: {
      csv: 'indicateur;valeur\nvisites;100\n',
      attrs: {ratios: 'visites_annuelles/inscrits_annuels:visites par inscrit'},
      code: 'BAD_OPTION',
      says: "n'est pas dans le fichier",
    },
  },
];
/** Stores a CSV text on the server; returns its address. */
async function stored(csv: string): Promise<string> {
  const key = newKey('stored');
  await fetch(`/__epn__/put/${key}`, {method: 'POST', body: csv});
  return `/__epn__/got/${key}`;
}
/** The cards' second file, loaded beside `src`. */
const SECOND_FILES: Array<WidgetCase & {attr: string; src: string; changedCode: string}> = [
  {
    tag: 'epn-budget-card',
    attr: 'population-src',
    file: 'widgets/budget-population-age.csv',
    src: 'widgets/budget-seed.csv',
    attrs: {territory: 'Calvados,Manche,Orne', ages: '5-74'},
    changedCode: 'NOT_NUMERIC',
  },
  {
    tag: 'epn-key-figures',
    attr: 'breakdown-src',
    file: 'seed/epn-departements.csv',
    src: 'seed/chiffres-cles.csv',
    attrs: {'breakdown-column': 'epn'},
    changedCode: 'MISSING_COLUMN',
  },
];
/** A fixture served as it is, through the fault server (its request logged under `key`). */
const file = (path: string, key?: string): string => `/__epn__/file/${path}${key ? `?key=${key}` : ''}`;

// ---- mounting and watching --------------------------------------------------------------------------------------------
interface Mounted {
  el: Widget;
  /** The shadow root (Lit makes it when the element is first connected). */
  readonly root: ShadowRoot;
  loads: Array<CustomEvent<EpnLoadDetail>>;
  errors: Array<CustomEvent<EpnErrorDetail>>;
  /** Unhandled promise rejections and uncaught errors of the page while the widget lived. */
  unhandled: string[];
  container: HTMLElement;
}
const mounted: Array<{m: Mounted; stop: () => void}> = [];

/** Creates the widget with its attributes, listening to its events and to the page's unhandled rejections, and adds it. */
function mount(tag: string, attrs: Record<string, string>, connect = true): Mounted {
  const el = document.createElement(tag) as Widget;
  const m: Mounted = {
    el,
    loads: [],
    errors: [],
    unhandled: [],
    container: document.createElement('div'),
    get root() {
      return el.shadowRoot!;
    },
  };
  el.addEventListener('epn-load', (e) => m.loads.push(e as CustomEvent<EpnLoadDetail>));
  el.addEventListener('epn-error', (e) => m.errors.push(e as CustomEvent<EpnErrorDetail>));
  const rejection = (e: PromiseRejectionEvent) => m.unhandled.push(`unhandled rejection: ${String(e.reason)}`);
  const error = (e: ErrorEvent) => m.unhandled.push(`uncaught error: ${e.message}`);
  window.addEventListener('unhandledrejection', rejection);
  window.addEventListener('error', error);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  m.container.style.width = '640px';
  m.container.append(el);
  if (connect) document.body.append(m.container);
  mounted.push({
    m,
    stop: () => (
      window.removeEventListener('unhandledrejection', rejection),
      window.removeEventListener('error', error)
    ),
  });
  return m;
}

(globalThis as unknown as {afterEach: (fn: () => void) => void}).afterEach(() => {
  for (const {m, stop} of mounted.splice(0)) {
    stop();
    m.el.remove();
    m.container.remove();
  }
});

/** What is drawn in the shadow root (nothing may be, on an error). */
const drawn = (root: ShadowRoot): string[] =>
  ['svg', 'rect', 'table', 'dl', '.tile', '[part="bars"]', '[part="summary"]'].filter(
    (s) => root.querySelector(s) !== null,
  );
/** Every figure shown: the text of the data tables. */
const figures = (root: ShadowRoot): string =>
  Array.from(root.querySelectorAll('table'))
    .map((t) => t.textContent ?? '')
    .join('\n');

/** Waits for the first `epn-load` or `epn-error`, then lets any late event arrive. */
async function settle(m: Mounted, timeout = 10000): Promise<void> {
  await until(
    () => m.loads.length + m.errors.length > 0,
    `neither epn-load nor epn-error (status ${m.el.status})`,
    timeout,
  );
  await aTimeout(150);
  await m.el.updateComplete;
}

/** The error contract: code, French message in role="alert", epn-error once, no epn-load, nothing drawn, nothing unhandled. */
async function expectFailure(m: Mounted, code: string, says: string[], timeout = 10000): Promise<EpnErrorDetail> {
  await settle(m, timeout);
  expect(m.errors.length, 'epn-error exactly once').to.equal(1);
  expect(m.loads.length, 'no epn-load').to.equal(0);
  const detail = m.errors[0]!.detail;
  expect(detail.code, detail.message).to.equal(code);
  expect(detail.stale).to.equal(false);
  for (const s of says) expect(detail.message).to.contain(s);
  const alert = m.root.querySelector('[role="alert"]');
  expect(alert === null, 'an element with role="alert"').to.equal(false);
  expect(alert!.textContent).to.equal(detail.message);
  expect(m.el.status).to.equal('error');
  expect(m.root.querySelector('figure')!.getAttribute('aria-busy')).to.equal('false');
  expect(m.root.querySelector('progress') === null, 'no progress bar left').to.equal(true);
  expect(drawn(m.root), 'nothing drawn').to.deep.equal([]);
  expect(m.unhandled).to.deep.equal([]);
  return detail;
}

/** The success contract: one epn-load, no epn-error, figures drawn, nothing unhandled. */
async function expectLoaded(m: Mounted, timeout = 10000): Promise<void> {
  await settle(m, timeout);
  expect(
    m.errors.map((e) => e.detail.message),
    'no epn-error',
  ).to.deep.equal([]);
  expect(m.loads.length, 'epn-load exactly once').to.equal(1);
  expect(m.el.status).to.equal('ready');
  expect(drawn(m.root)).to.include('table');
  expect(m.unhandled).to.deep.equal([]);
}

/** The figures of a file loaded the plain way (the reference the faulty deliveries are compared with). */
const reference = new Map<string, string>();
async function figuresOf(w: WidgetCase, attrs: Record<string, string> = {src: file(w.file)}): Promise<string> {
  const key = `${w.tag} ${JSON.stringify(attrs)}`;
  if (!reference.has(key)) {
    const m = mount(w.tag, {...w.attrs, ...attrs});
    await expectLoaded(m);
    reference.set(key, figures(m.root));
    m.el.remove();
  }
  return reference.get(key)!;
}

// ---- the src-driven fault matrix ---------------------------------------------------------------------------------------
interface Fault {
  name: string;
  /** The address to load (`w`: the widget's good file). */
  src: (o: Origins, key: string, w: {file: string}) => string | Promise<string>;
  code: string;
  /** Fragments of the French message. */
  says: string[];
  /** What the server must have seen afterwards. */
  server?: (log: ServerLog) => boolean;
  serverSays?: string;
}
const MiB = 1048576;
const FAULTS: Fault[] = [
  {
    name: 'HTTP 404',
    src: () => '/__epn__/status/404',
    code: 'HTTP_STATUS',
    says: ['Fichier introuvable (erreur 404)', "Vérifiez l'adresse"],
  },
  {
    name: 'HTTP 500',
    src: () => '/__epn__/status/500',
    code: 'HTTP_STATUS',
    says: ['erreur 500', 'Réessayez plus tard'],
  },
  {
    name: 'HTTP 503',
    src: () => '/__epn__/status/503',
    code: 'HTTP_STATUS',
    says: ['erreur 503', 'Réessayez plus tard'],
  },
  {name: 'HTTP 403', src: () => '/__epn__/status/403', code: 'HTTP_STATUS', says: ['erreur 403', "droits d'accès"]},
  {name: 'redirect loop', src: () => '/__epn__/loop', code: 'NETWORK', says: ["n'a pas pu être téléchargé"]},
  {
    name: 'cross-origin file without CORS headers (the server answered 200, the browser withholds it)',
    src: (o, key, w) => `${o.second}/nocors/${w.file}?key=${key}`,
    code: 'NETWORK',
    says: ["n'a pas pu être téléchargé", 'Access-Control-Allow-Origin'],
    server: (l) => l.requests === 1,
    serverSays: 'the request reached the second origin, once (never retried in no-cors mode)',
  },
  {
    name: 'same-origin address redirected to another origin without CORS',
    src: (o, key, w) => `/__epn__/redirect?to=${encodeURIComponent(`${o.second}/nocors/${w.file}?key=${key}`)}`,
    code: 'NETWORK',
    says: ['Access-Control-Allow-Origin'],
  },
  {
    name: 'connection refused (offline server)',
    src: (o) => `${o.closed}/inscrits.csv`,
    code: 'NETWORK',
    says: ['connexion interrompue'],
  },
  {
    name: 'body cut short: Content-Length larger than the body, then the connection dropped',
    src: (_, key, w) => `/__epn__/cut/${w.file}?key=${key}`,
    code: 'TRUNCATED',
    says: ['arrivé incomplet', "rien n'est affiché"],
  },
  {
    name: 'chunked body cut short (no Content-Length)',
    src: (_, key, w) => `/__epn__/cut/${w.file}?chunked=1&key=${key}`,
    code: 'TRUNCATED',
    says: ['arrivé incomplet'],
  },
  {
    name: 'over the size limit (50 Mo), announced by Content-Length (256 Mo): refused before reading',
    src: (_, key) => `/__epn__/big/${256 * MiB}?key=${key}`,
    code: 'TOO_LARGE',
    says: ['dépasse la taille autorisée (50 Mo)'],
    server: (l) => l.aborted === 1 && l.written < 50 * MiB,
    serverSays: 'the connection was dropped before the limit was even sent',
  },
  {
    name: 'javascript: URL',
    src: () => 'javascript:window.__pwned=1',
    code: 'BAD_URL',
    says: ["n'est pas acceptée", 'http://'],
  },
  {
    name: 'JaVaScRiPt: URL with spaces and a tab',
    src: () => ' JaVa\tScRiPt:window.__pwned=1',
    code: 'BAD_URL',
    says: ["n'est pas acceptée"],
  },
  {name: 'file: URL', src: () => 'file:///etc/passwd', code: 'BAD_URL', says: ["n'est pas acceptée"]},
  {
    name: 'data: URL (fetch would read it)',
    src: () => 'data:text/csv,sexe;a;b%0AHommes;1;2%0AFemmes;3;4',
    code: 'BAD_URL',
    says: ["n'est pas acceptée"],
  },
  {
    name: 'blob: URL (fetch would read it)',
    code: 'BAD_URL',
    says: ["n'est pas acceptée"],
    src: async (_, __, w) =>
      URL.createObjectURL(new Blob([await (await fetch(file(w.file))).arrayBuffer()], {type: 'text/csv'})),
  },
];

let faultCases = 0;
describe('network faults over a real server: the src-driven matrix (every fault × every widget)', () => {
  for (const w of WIDGETS) {
    describe(`<${w.tag}>`, () => {
      for (const f of FAULTS) {
        faultCases++;
        it(`${f.name} → ${f.code}`, async () => {
          const o = await getOrigins();
          const key = newKey('fault');
          const m = mount(w.tag, {...w.attrs, src: await f.src(o, key, w)});
          await expectFailure(m, f.code, f.says);
          expect((window as unknown as {__pwned?: unknown}).__pwned, 'window.__pwned').to.equal(undefined);
          if (f.server) await onServer(key, f.server, f.serverSays!);
        });
      }
    });
  }
  const secondFaults = FAULTS.filter((x) =>
    /HTTP 404|HTTP 500|without CORS headers|Content-Length larger|^javascript/.test(x.name),
  );
  for (const w of SECOND_FILES) {
    describe(`<${w.tag}>, the second file (${w.attr})`, () => {
      for (const f of secondFaults) {
        faultCases++;
        it(`${f.name} → ${f.code}, no partial figures`, async () => {
          const o = await getOrigins();
          const key = newKey('fault2');
          const m = mount(w.tag, {...w.attrs, src: file(w.src), [w.attr]: await f.src(o, key, w)});
          await expectFailure(m, f.code, f.says);
          if (f.server) await onServer(key, f.server, f.serverSays!);
        });
      }
    });
  }
  after(() =>
    console.log(
      `faults: ${faultCases} src-driven cases (${FAULTS.length} faults × ${WIDGETS.length} widgets + ${secondFaults.length} × ${SECOND_FILES.length} second files)`,
    ),
  );
});

describe('network controls: the same deliveries, when nothing is wrong, load', () => {
  for (const w of WIDGETS) {
    it(`<${w.tag}>: a cross-origin file with Access-Control-Allow-Origin loads, with the same figures`, async () => {
      const o = await getOrigins();
      const m = mount(w.tag, {...w.attrs, src: `${o.second}/cors/${w.file}`});
      await expectLoaded(m);
      expect(figures(m.root)).to.equal(await figuresOf(w));
    });

    it(`<${w.tag}>: a gzip body with its compressed Content-Length gives the same figures`, async () => {
      const m = mount(w.tag, {...w.attrs, src: `/__epn__/gzip/${w.file}`});
      await expectLoaded(m);
      expect(figures(m.root)).to.equal(await figuresOf(w));
    });
  }

  it('<epn-age-chart>: a cross-origin 404 with CORS headers is HTTP_STATUS (the status is visible), not NETWORK', async () => {
    const o = await getOrigins();
    const m = mount('epn-age-chart', {src: `${o.second}/cors/nope/absent.csv`});
    await expectFailure(m, 'HTTP_STATUS', ['Fichier introuvable (erreur 404)']);
  });
});

// ---- lifecycle over the real server ----------------------------------------------------------------------------------
describe('lifecycle over a real server (every widget)', () => {
  for (const w of WIDGETS) {
    describe(`<${w.tag}>`, () => {
      it("src changed while loading: the first request is aborted, only the second file's figures, one epn-load", async () => {
        const k1 = newKey('first');
        const second = await stored(w.other!);
        const [expected, old] = [await figuresOf(w, {src: second}), await figuresOf(w)];
        expect(expected, 'the two files have different figures').to.not.equal(old);
        const m = mount(w.tag, {...w.attrs, src: `/__epn__/wait/400/${w.file}?key=${k1}`});
        await onServer(k1, (l) => l.requests === 1, 'the first request started');
        m.el.setAttribute('src', second);
        await expectLoaded(m);
        expect(m.loads[0]!.detail.meta!.url).to.contain(second);
        await onServer(k1, (l) => l.aborted === 1 && l.completed === 0, 'the first request was aborted');
        await aTimeout(500);
        expect(m.loads.length, 'the old response never arrives').to.equal(1);
        expect(m.errors.length).to.equal(0);
        expect(figures(m.root)).to.equal(expected);
      });

      it('removed while waiting for the response: the request is aborted, no event, no error', async () => {
        const key = newKey('removed');
        const m = mount(w.tag, {...w.attrs, src: `/__epn__/hang?key=${key}`});
        await onServer(key, (l) => l.requests === 1, 'the request started');
        m.container.remove();
        await onServer(key, (l) => l.aborted === 1, 'the request was aborted');
        await aTimeout(200);
        expect([m.loads.length, m.errors.length], '[epn-load, epn-error]').to.deep.equal([0, 0]);
        expect(m.unhandled).to.deep.equal([]);
      });

      it('removed while the body streams: the download is aborted, no event, no error', async () => {
        const key = newKey('removed-body');
        const m = mount(w.tag, {...w.attrs, src: `/__epn__/trickle/16/50/${w.file}?key=${key}`});
        await onServer(key, (l) => l.written > 0, 'the body started');
        m.container.remove();
        await onServer(key, (l) => l.aborted === 1 && l.completed === 0, 'the download was aborted');
        await aTimeout(200);
        expect([m.loads.length, m.errors.length], '[epn-load, epn-error]').to.deep.equal([0, 0]);
        expect(m.unhandled).to.deep.equal([]);
      });

      it('moved to another place of the page while loading: the same request completes and renders', async () => {
        const key = newKey('moved');
        const m = mount(w.tag, {...w.attrs, src: `/__epn__/wait/300/${w.file}?key=${key}`});
        await onServer(key, (l) => l.requests === 1, 'the request started');
        const elsewhere = document.createElement('section');
        document.body.prepend(elsewhere);
        try {
          elsewhere.append(m.el);
          await expectLoaded(m);
          const log = await onServer(key, (l) => l.completed === 1, 'the request completed');
          expect(log).to.include({requests: 1, aborted: 0});
          expect(figures(m.root)).to.equal(await figuresOf(w));
        } finally {
          elsewhere.remove();
        }
      });

      it('removed, then put back later: the first load is aborted, a new one renders, one epn-load', async () => {
        const key = newKey('back');
        const m = mount(w.tag, {...w.attrs, src: `/__epn__/wait/300/${w.file}?key=${key}`});
        await onServer(key, (l) => l.requests === 1, 'the request started');
        m.container.remove();
        await aTimeout(50);
        document.body.append(m.container);
        await expectLoaded(m);
        const log = await onServer(key, (l) => l.completed === 1, 'the second request completed');
        expect(log).to.include({requests: 2, aborted: 1});
      });

      const refreshFaults: Array<{name: string; mode: () => Promise<string>; code: string; says: string}> = [
        {name: 'HTTP 503', mode: async () => '503', code: 'HTTP_STATUS', says: 'erreur 503'},
        {name: 'HTTP 404', mode: async () => '404', code: 'HTTP_STATUS', says: 'erreur 404'},
        {name: 'body cut short', mode: async () => 'cut', code: 'TRUNCATED', says: 'arrivé incomplet'},
        {
          name: 'an HTML page instead of the file',
          mode: () => storedMode('<!doctype html><html><body><h1>Erreur</h1></body></html>'),
          code: 'NOT_CSV',
          says: 'page web (HTML)',
        },
        {
          name: 'a file it cannot draw (its columns changed)',
          mode: () => storedMode(w.changed!.csv),
          code: w.changed!.code,
          says: w.changed!.says,
        },
      ];
      for (const f of refreshFaults) {
        it(`a refresh that fails (${f.name}) keeps the figures, marked stale, with a notice; the next good refresh clears it`, async () => {
          const key = newKey('refresh');
          const m = mount(w.tag, {...w.attrs, ...w.changed!.attrs, src: `/__epn__/switch/${key}/${w.file}`});
          await expectLoaded(m);
          await failedRefresh(m, key, await f.mode(), f.code, f.says);
        });
      }

      if (w.measure) {
        it(`after a failed refresh, changing a setting (measure="${w.measure}") redraws the same old data, still marked stale`, async () => {
          const key = newKey('stale-setting');
          const m = mount(w.tag, {...w.attrs, src: `/__epn__/switch/${key}/${w.file}`});
          await expectLoaded(m);
          await fetch(`/__epn__/set/${key}/503`);
          await m.el.reload();
          await until(() => m.errors.length === 1, 'epn-error after the failed refresh');
          await m.el.updateComplete;
          const before = figures(m.root);
          m.el.setAttribute('measure', w.measure!);
          await m.el.updateComplete;
          expect(figures(m.root), 'redrawn').to.not.equal(before);
          expect(m.root.querySelector('.stale') === null, 'still marked stale').to.equal(false);
          expect(m.root.querySelector('.stale')!.textContent).to.contain('erreur 503');
          expect([m.loads.length, m.errors.length]).to.deep.equal([1, 1]);
        });
      }

      it('src removed while its file loads: the load is aborted, the widget is no longer busy, no event', async () => {
        const key = newKey('src-removed');
        const m = mount(w.tag, {...w.attrs, src: `/__epn__/hang?key=${key}`});
        await onServer(key, (l) => l.requests === 1, 'the request started');
        await m.el.updateComplete;
        expect(m.root.querySelector('figure')!.getAttribute('aria-busy')).to.equal('true');
        m.el.removeAttribute('src');
        await onServer(key, (l) => l.aborted === 1, 'the request was aborted');
        await aTimeout(150);
        await m.el.updateComplete;
        expect(m.root.querySelector('figure')!.getAttribute('aria-busy'), 'aria-busy').to.equal('false');
        expect(m.root.querySelector('progress') === null, 'no progress bar').to.equal(true);
        expect([m.loads.length, m.errors.length], '[epn-load, epn-error]').to.deep.equal([0, 0]);
        expect(m.unhandled).to.deep.equal([]);
      });
    });
  }

  for (const w of SECOND_FILES) {
    describe(`<${w.tag}>, the second file (${w.attr})`, () => {
      for (const f of [
        {name: 'HTTP 503', mode: async () => '503', code: 'HTTP_STATUS', says: 'erreur 503'},
        {
          name: 'a file it cannot draw (its columns changed)',
          mode: () => storedMode('a;b\nx;y\n'),
          code: w.changedCode,
          says: 'La colonne',
        },
      ]) {
        it(`a refresh whose second file fails (${f.name}) while src refreshes well keeps the figures, marked stale, whatever arrives first`, async () => {
          const [k1, k2] = [newKey('src-ok'), newKey('second-fails')];
          // src answers after the second file has failed: its good refresh must not clear the second file's mark.
          const m = mount(w.tag, {
            ...w.attrs,
            src: `/__epn__/switch/${k1}/${w.src}`,
            [w.attr]: `/__epn__/switch/${k2}/${w.file}`,
          });
          await expectLoaded(m);
          const before = figures(m.root);
          await fetch(`/__epn__/set/${k1}/wait-300`);
          await fetch(`/__epn__/set/${k2}/${await f.mode()}`);
          await m.el.reload();
          await aTimeout(150);
          await m.el.updateComplete;
          expect(m.errors.map((e) => [e.detail.code, e.detail.stale])).to.deep.equal([[f.code, true]]);
          expect(figures(m.root)).to.equal(before);
          expect(m.root.querySelector('.stale') === null, 'marked stale').to.equal(false);
          expect(m.root.querySelector('.stale')!.textContent).to.contain(f.says);
          expect(m.unhandled).to.deep.equal([]);
        });

        it(`a refresh of the second file that fails (${f.name}) keeps the figures, marked stale; the next good refresh clears it`, async () => {
          const key = newKey('refresh2');
          const m = mount(w.tag, {...w.attrs, src: file(w.src), [w.attr]: `/__epn__/switch/${key}/${w.file}`});
          await expectLoaded(m);
          await failedRefresh(m, key, await f.mode(), f.code, f.says);
        });
      }
    });
  }
});

/** Stores a body on the server; returns the `switch` mode that serves it. */
async function storedMode(body: string): Promise<string> {
  const key = newKey('body');
  await fetch(`/__epn__/put/${key}`, {method: 'POST', body});
  return `stored-${key}`;
}

/**
 * Switches the server to `mode` for `key`, reloads, and checks the failed-refresh contract: epn-error once with
 * `stale: true`, the same figures on screen, a `role="status"` notice with the message, no alert; then a good refresh
 * clears the notice.
 */
async function failedRefresh(m: Mounted, key: string, mode: string, code: string, says: string): Promise<void> {
  const before = figures(m.root);
  const loads = m.loads.length;
  await fetch(`/__epn__/set/${key}/${mode}`);
  await m.el.reload();
  await until(() => m.errors.length > 0, 'epn-error after the failed refresh');
  await aTimeout(150);
  await m.el.updateComplete;
  expect(m.errors.length, 'epn-error once').to.equal(1);
  expect(m.errors[0]!.detail).to.include({code, stale: true});
  expect(m.errors[0]!.detail.message).to.contain(says);
  expect(m.el.status, 'figures still on screen').to.equal('ready');
  expect(figures(m.root), 'the same figures').to.equal(before);
  const notice = m.root.querySelector('.stale');
  expect(notice === null, 'a stale notice').to.equal(false);
  expect(notice!.getAttribute('role')).to.equal('status');
  expect(notice!.textContent).to.contain('Données non actualisées');
  expect(notice!.textContent).to.contain(m.errors[0]!.detail.message);
  expect(m.root.querySelector('[role="alert"]') === null, 'no alert: the figures are still good').to.equal(true);
  await fetch(`/__epn__/set/${key}/ok`);
  await m.el.reload();
  await m.el.updateComplete;
  await until(() => m.root.querySelector('.stale') === null, 'the notice is gone after a good refresh');
  expect(m.loads.length, 'a good refresh of src fires epn-load').to.be.at.least(loads);
  expect(m.errors.length, 'no new epn-error').to.equal(1);
  expect(figures(m.root)).to.equal(before);
  expect(m.unhandled).to.deep.equal([]);
}

// ---- the slow and heavy cases, for <epn-age-chart> ---------------------------------------------------------------------
/** The figures of `gen/people-<n>.csv` (the fault server's generator): row i is H for even i, F for odd, aged 7i mod 100. */
function people(n: number, bounds: number[]): Array<[number, number]> {
  const counts = bounds.map(() => [0, 0] as [number, number]);
  for (let i = 0; i < n; i++) {
    const age = (7 * i) % 100;
    const band = bounds.filter((b) => b <= age).length - 1;
    counts[band]![i % 2]++;
  }
  return counts;
}
const fmt = (n: number): string => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, '\u202f');

/** Mocha's `it`, returning the test so that its timeout can be raised. */
const slowIt = it as unknown as (name: string, fn: () => Promise<void>) => {timeout(ms: number): void};

describe('<epn-age-chart>: slow, compressed, huge and stalled bodies over a real server', () => {
  it('a slow body shows its progress (aria-busy, a <progress> that grows, never past 1) and the page stays responsive', async () => {
    const n = 4000;
    const m = mount('epn-age-chart', {
      src: '/__epn__/trickle/1024/40/gen/people-4000.csv',
      'age-column': 'age',
      bands: '0,18,65',
    });
    const seen: number[] = [];
    let busy = false;
    let ticks = 0;
    let last = performance.now();
    let longest = 0;
    // A timer of the page keeps firing during the download, and a poll reads the progress bar as a user would see it.
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
      const bar = m.root?.querySelector('progress');
      if (m.root?.querySelector('figure')?.getAttribute('aria-busy') === 'true') busy = true;
      if (bar && bar.hasAttribute('max')) seen.push(bar.value / bar.max);
    }, 20);
    try {
      await expectLoaded(m, 15000);
    } finally {
      clearInterval(timer);
    }
    expect(busy, 'aria-busy="true" while loading').to.equal(true);
    const distinct = [...new Set(seen)];
    expect(distinct.length, `progress values seen: ${distinct.join(', ')}`).to.be.at.least(3);
    expect(
      seen.every((v, i) => v >= 0 && v <= 1 && (i === 0 || v >= seen[i - 1]!)),
      `never decreasing, within [0, 1]: ${distinct.join(', ')}`,
    ).to.equal(true);
    expect(ticks, 'the page timer kept firing').to.be.at.least(20);
    expect(longest, 'longest pause of the page timer, in ms').to.be.below(1000);
    expect(m.root.querySelector('figure')!.getAttribute('aria-busy')).to.equal('false');
    expect(m.root.querySelector('progress') === null).to.equal(true);
    const counts = people(n, [0, 18, 65]);
    const total = counts.reduce((s, [h, f]) => s + h + f, 0);
    expect(total).to.equal(n);
    expect(Array.from(m.root.querySelectorAll('tbody tr:last-child td')).map((td) => td.textContent)).to.deep.equal([
      fmt(counts.reduce((s, c) => s + c[0], 0)),
      fmt(counts.reduce((s, c) => s + c[1], 0)),
      fmt(n),
    ]);
  });

  it('a gzip body (Content-Length counts compressed bytes): figures right, progress never past 1', async () => {
    const n = 20000;
    const url = '/__epn__/gzip/gen/people-20000.csv?chunk=2048&ms=10';
    // The premise: the server really sends gzip with a compressed Content-Length much smaller than the text.
    const probe = await fetch(url);
    const text = await probe.text();
    expect(probe.headers.get('content-encoding')).to.equal('gzip');
    expect(Number(probe.headers.get('content-length')) * 3, 'compressed length × 3 < text length').to.be.below(
      text.length,
    );
    const m = mount('epn-age-chart', {src: url, 'age-column': 'age', bands: '0,18,65'}, false);
    const fractions: Array<number | null> = [];
    const original = m.el.acceptProgress.bind(m.el);
    m.el.acceptProgress = (fraction) => {
      fractions.push(fraction);
      original(fraction);
    };
    let shown = 0;
    const poll = setInterval(() => {
      const bar = m.root?.querySelector('progress');
      if (bar && bar.hasAttribute('max')) shown = Math.max(shown, bar.value / bar.max);
    }, 10);
    document.body.append(m.container);
    try {
      await expectLoaded(m, 15000);
    } finally {
      clearInterval(poll);
    }
    expect(fractions.length, 'progress reported').to.be.at.least(2);
    expect(
      fractions.filter((f) => f !== null && (f < 0 || f > 1)),
      'fractions outside [0, 1]',
    ).to.deep.equal([]);
    expect(shown).to.be.at.most(1);
    const counts = people(n, [0, 18, 65]);
    const rows = Array.from(m.root.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent),
    );
    expect(rows.slice(0, 3)).to.deep.equal(counts.map(([h, f]) => [fmt(h), fmt(f), fmt(h + f)]));
    expect(rows[3]![2]).to.equal(fmt(n));
  });

  slowIt(
    'over the size limit without Content-Length: stopped while streaming, once past 50 Mo (TOO_LARGE)',
    async () => {
      const key = newKey('big-stream');
      // 256 Mo offered: the browser reads a little past 50 Mo (its buffers), then drops the connection.
      const m = mount('epn-age-chart', {src: `/__epn__/big-chunked/${256 * MiB}?key=${key}`});
      await expectFailure(m, 'TOO_LARGE', ['dépasse la taille autorisée (50 Mo)'], 40000);
      const log = await onServer(key, (l) => l.aborted === 1, 'the download was aborted');
      expect(log.written, 'bytes sent before the stop')
        .to.be.above(50 * MiB)
        .and.below(200 * MiB);
    },
  ).timeout(60000);

  slowIt('a body that stalls: TIMEOUT after the 20 s between chunks, the download aborted', async () => {
    const key = newKey('stall');
    const m = mount('epn-age-chart', {src: `/__epn__/stall/100/seed/inscrits-sexe-age.csv?key=${key}`});
    await aTimeout(1000);
    expect(m.el.status, 'still loading after 1 s').to.equal('loading');
    await expectFailure(m, 'TIMEOUT', ['a pris trop de temps (plus de 20 s)'], 30000);
    await onServer(key, (l) => l.aborted === 1, 'the download was aborted');
  }).timeout(40000);
});

// ---- the core's limits over the same server ------------------------------------------------------------------------------
describe('loadCsv over a real server: the limits the widgets do not expose (timeout, idleTimeout, maxBytes)', () => {
  const failure = async (p: Promise<unknown>): Promise<EpnDataError> => {
    try {
      await p;
    } catch (e) {
      expect(e).to.be.instanceOf(EpnDataError);
      return e as EpnDataError;
    }
    throw new Error('expected a rejection');
  };

  it('timeout: a response that never comes rejects with TIMEOUT on time, and the request is aborted', async () => {
    const key = newKey('core-hang');
    const t0 = performance.now();
    const e = await failure(loadCsv(`/__epn__/hang?key=${key}`, {timeout: 300}));
    expect(e.code).to.equal('TIMEOUT');
    expect(e.message).to.contain('plus de 300 ms');
    expect(performance.now() - t0).to.be.within(250, 3000);
    await onServer(key, (l) => l.aborted === 1, 'the request was aborted');
  });

  it('timeout: a body that keeps trickling past the total limit rejects with TIMEOUT', async () => {
    const key = newKey('core-trickle');
    const e = await failure(
      loadCsv(`/__epn__/trickle/8/100/seed/inscrits-sexe-age.csv?key=${key}`, {timeout: 500, idleTimeout: 10000}),
    );
    expect(e.code).to.equal('TIMEOUT');
    await onServer(key, (l) => l.aborted === 1, 'the download was aborted');
  });

  it('idleTimeout: a body that stalls rejects with TIMEOUT, and the download is aborted', async () => {
    const key = newKey('core-stall');
    const e = await failure(loadCsv(`/__epn__/stall/50/seed/inscrits-sexe-age.csv?key=${key}`, {idleTimeout: 300}));
    expect(e.code).to.equal('TIMEOUT');
    await onServer(key, (l) => l.aborted === 1, 'the download was aborted');
  });

  it('maxBytes: a Content-Length over the limit is refused before reading (no progress reported)', async () => {
    const key = newKey('core-big');
    const progress: Progress[] = [];
    const e = await failure(
      loadCsv(`/__epn__/big/${256 * MiB}?key=${key}`, {maxBytes: 1000, onProgress: (p) => progress.push(p)}),
    );
    expect(e.code).to.equal('TOO_LARGE');
    expect(e.message).to.contain('(1000 octets)');
    expect(progress).to.deep.equal([]);
    const log = await onServer(key, (l) => l.aborted === 1, 'the download was aborted');
    expect(log.written).to.be.below(50 * MiB);
  });

  it('maxBytes: an unannounced body is stopped as soon as it passes the limit', async () => {
    const key = newKey('core-big-stream');
    const progress: Progress[] = [];
    const e = await failure(
      loadCsv(`/__epn__/big-chunked/${8 * MiB}?key=${key}`, {maxBytes: 100000, onProgress: (p) => progress.push(p)}),
    );
    expect(e.code).to.equal('TOO_LARGE');
    expect(Math.max(...progress.map((p) => p.loaded))).to.be.at.most(100000);
    expect(
      progress.every((p) => p.fraction === null),
      'size unknown: fraction null',
    ).to.equal(true);
    await onServer(key, (l) => l.aborted === 1 || l.completed === 1, 'the response ended');
  });

  it('progress against Content-Length: never decreasing, within [0, 1], ending at 1', async () => {
    const progress: Progress[] = [];
    const table = await loadCsv('/__epn__/trickle/128/5/gen/people-1000.csv', {onProgress: (p) => progress.push(p)});
    expect(table.rows).to.have.length(1000);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions.length).to.be.at.least(5);
    expect(fractions.every((f, i) => f !== null && f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]!))).to.equal(
      true,
    );
    expect(fractions.at(-1)).to.equal(1);
    expect(progress.at(-2)!.total).to.equal(table.meta.bytes);
  });

  it('progress of a gzip body: the compressed Content-Length is not used, fraction null until the end, then 1', async () => {
    const progress: Progress[] = [];
    const table = await loadCsv('/__epn__/gzip/gen/people-20000.csv?chunk=2048&ms=5', {
      onProgress: (p) => progress.push(p),
    });
    expect(table.rows).to.have.length(20000);
    expect(progress.slice(0, -1).every((p) => p.fraction === null && p.total === null)).to.equal(true);
    expect(progress.at(-1)).to.deep.include({fraction: 1, loaded: table.meta.bytes});
  });

  it('signal: an abort while the body streams rejects with ABORTED and drops the download', async () => {
    const key = newKey('core-abort');
    const controller = new AbortController();
    const p = loadCsv(`/__epn__/trickle/16/50/seed/inscrits-sexe-age.csv?key=${key}`, {signal: controller.signal});
    await onServer(key, (l) => l.written > 0, 'the body started');
    controller.abort();
    const e = await failure(p);
    expect(e.code).to.equal('ABORTED');
    await onServer(key, (l) => l.aborted === 1, 'the download was aborted');
  });
});
