// The iframe embed (examples/embed.html + embed-page.js) and the host page's resizer (examples/embed.js), in
// headless Chromium. The test server serves the repository root: the page is /examples/embed.html.
/* eslint-disable @typescript-eslint/no-explicit-any */
import {expect, waitUntil} from '@open-wc/testing';
import {after, describe, it} from '../harness.js';

const PAGE = '/examples/embed.html';
const SEED = 'data/inscrits-sexe-age.csv';
const frames: HTMLIFrameElement[] = [];

/** An iframe of `src` added to the test page, once loaded (embed-page.js has run by then: modules run before load). */
async function frame(src: string, height = 480): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.title = 'Graphique EPN';
  iframe.style.cssText = 'width:640px;border:0;display:block';
  iframe.height = String(height);
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, {once: true}));
  iframe.src = src;
  document.body.append(iframe);
  frames.push(iframe);
  await loaded;
  return iframe;
}

const embed = (query: string, height?: number) => frame(`${PAGE}?${query}`, height);
const docOf = (iframe: HTMLIFrameElement): Document => iframe.contentDocument!;

/** The widget in the iframe once it has left the loading state. */
async function widgetIn(iframe: HTMLIFrameElement, tag: string): Promise<any> {
  const el: any = docOf(iframe).querySelector(tag);
  expect(el, tag).to.exist;
  await waitUntil(() => ['ready', 'empty', 'error'].includes(el.status), `${tag} did not settle`, {timeout: 10000});
  await el.updateComplete;
  return el;
}

/** The refusal shown by the iframe, asserting that no widget was drawn. */
function refusal(iframe: HTMLIFrameElement): string {
  const doc = docOf(iframe);
  const alert = doc.querySelector('[role="alert"]');
  expect(alert, 'refusal alert').to.exist;
  expect(doc.querySelector('[data-epn-widget]'), 'no widget').to.equal(null);
  for (const tag of ['epn-age-chart', 'epn-equipment-chart', 'epn-skill-chart', 'epn-budget-card', 'epn-key-figures']) {
    expect(doc.querySelector(tag), tag).to.equal(null);
  }
  expect(doc.documentElement.lang).to.equal('fr');
  return alert!.textContent ?? '';
}

// The test server injects its own <script> into served pages: only other elements count.
const bodyChildren = (doc: Document) => Array.from(doc.body.children).filter((n) => n.localName !== 'script');
const heightOf = (iframe: HTMLIFrameElement) => iframe.getBoundingClientRect().height;
const contentHeight = (iframe: HTMLIFrameElement) => Math.ceil(docOf(iframe).body.getBoundingClientRect().height);

after(() => {
  for (const f of frames) f.remove();
});

describe('examples/embed.html', () => {
  it('draws the widget named by the query with every attribute from the query, full width', async () => {
    const heading = 'Inscrits par sexe et par âge';
    const iframe = await embed(
      `widget=age-chart&src=${SEED}&measure=share&lang=en&heading=${encodeURIComponent(heading)}` +
        '&source-href=https://www.data.gouv.fr/&digits=1',
    );
    const el = await widgetIn(iframe, 'epn-age-chart');
    const doc = docOf(iframe);
    expect(bodyChildren(doc)).to.have.length(1);
    expect(el.getAttribute('src')).to.equal(new URL(`/examples/${SEED}`, location.href).href);
    expect(el.getAttribute('measure')).to.equal('share');
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.getAttribute('heading')).to.equal(heading);
    expect(el.getAttribute('source-href')).to.equal('https://www.data.gouv.fr/');
    expect(el.getAttribute('digits')).to.equal('1');
    expect(el.status).to.equal('ready');
    expect(doc.documentElement.lang).to.equal('en');
    expect(doc.title).to.equal(heading);
    // Full width, less the 4px kept on each side for focus outlines.
    expect(el.getBoundingClientRect().width).to.be.within(
      doc.documentElement.clientWidth - 8.5,
      doc.documentElement.clientWidth,
    );
    expect(el.shadowRoot.querySelectorAll('rect.bar.men')).to.have.length(8);
  });

  it('draws each of the five widgets from the seed data', async () => {
    const queries: Array<[string, string]> = [
      ['epn-equipment-chart', 'widget=equipment-chart&src=data/equipement-age.csv'],
      ['epn-skill-chart', 'widget=skill-chart&src=data/niveau-usage-age.csv'],
      ['epn-budget-card', 'widget=budget-card&budget=1050000&population=1480000&registered=65691'],
      [
        'epn-key-figures',
        'widget=key-figures&src=data/chiffres-cles.csv&breakdown-src=data/epn-departements.csv' +
          '&breakdown-column=epn&ratios=' +
          encodeURIComponent('visites_annuelles/inscrits_annuels:visites par inscrit'),
      ],
    ];
    for (const [tag, query] of queries) {
      const iframe = await embed(query);
      const el = await widgetIn(iframe, tag);
      expect(el.status, tag).to.equal('ready');
      expect(docOf(iframe).querySelector('.epn-embed-refused'), tag).to.equal(null);
      iframe.remove();
    }
  });

  it("loads epn-widgets.js from beside the page (as copied to a site), not from the repository's build folder", async () => {
    const iframe = await embed(`widget=age-chart&src=${SEED}`);
    await widgetIn(iframe, 'epn-age-chart');
    const loaded = (iframe.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
      (e) => e.name,
    );
    expect(loaded).to.include(new URL('/examples/epn-widgets.js', location.href).href);
    expect(loaded.some((u) => u.includes('/packages/widgets/dist/'))).to.equal(false);
  });

  it('says in French which file it looked for, and where, when epn-widgets.js is not beside it: never a blank iframe', async () => {
    const iframe = await frame(
      `/__epn__/bare/embed.html?widget=age-chart&src=${encodeURIComponent('/examples/' + SEED)}`,
    );
    const doc = docOf(iframe);
    await waitUntil(() => doc.querySelector('[role="alert"]'), 'no alert', {timeout: 10000});
    const alert = doc.querySelector('[role="alert"]')!.textContent!;
    expect(alert).to.contain("le fichier epn-widgets.js n'a pas pu être chargé");
    expect(alert).to.contain(`Adresse cherchée\u00a0: ${new URL('/__epn__/bare/epn-widgets.js', location.href).href}`);
    expect(alert).to.contain('dans le même dossier que embed.html');
    expect(doc.querySelector('epn-age-chart'), 'no empty widget left').to.equal(null);
    expect(contentHeight(iframe)).to.be.above(40);
    // The pure helpers: a <meta name="epn-widgets"> gives another address.
    const mod = await import('/examples/embed-page.js' as string);
    const page = document.implementation.createHTMLDocument('x');
    expect(mod.widgetsScript(page, 'https://ville.fr/epn/embed.html')).to.equal('https://ville.fr/epn/epn-widgets.js');
    const meta = page.createElement('meta');
    meta.name = 'epn-widgets';
    meta.content = '/js/epn-widgets.js';
    page.head.append(meta);
    expect(mod.widgetsScript(page, 'https://ville.fr/epn/embed.html')).to.equal('https://ville.fr/js/epn-widgets.js');
  });

  it('refuses an unknown or missing widget, naming the five allowed', async () => {
    for (const query of [
      'widget=pie-chart&src=data/x.csv',
      'src=data/x.csv',
      'widget=age-chart&widget=budget-card',
      'widget=__proto__',
      'widget=constructor',
    ]) {
      const text = refusal(await embed(query));
      expect(text, query).to.contain('age-chart, equipment-chart, skill-chart, budget-card, key-figures');
      if (query.startsWith('widget=pie')) expect(text).to.contain('« pie-chart »');
    }
  });

  it('refuses an attribute the widget does not have, naming it and the allowed ones', async () => {
    const text = refusal(await embed(`widget=age-chart&src=${SEED}&onclick=alert(1)`));
    expect(text).to.contain('« onclick »').and.to.contain('Attributs acceptés : src, measure');
    // budget-card has `budget`, age-chart does not.
    expect(refusal(await embed(`widget=age-chart&src=${SEED}&budget=12`))).to.contain('« budget »');
    expect(refusal(await embed(`widget=age-chart&src=${SEED}&style=color:red`))).to.contain('« style »');
    expect(refusal(await embed(`widget=age-chart&src=${SEED}&src=data/x.csv`))).to.contain('plusieurs fois');
  });

  it('refuses URLs that are not http(s) or relative', async () => {
    const bad = [
      ['src', 'javascript:alert(1)'],
      ['source-href', 'data:text/html,<script>alert(1)</script>'],
      ['src', 'file:///etc/passwd'],
      ['src', ' JavaScript:alert(1)'],
      ['src', 'java\tscript:alert(1)'],
      ['source-href', 'vbscript:msgbox(1)'],
    ];
    for (const [name, value] of bad) {
      const text = refusal(await embed(`widget=age-chart&${name}=${encodeURIComponent(value!)}`));
      expect(text, value).to.contain(`« ${name} »`).and.to.contain('http://, https:// ou relatives');
    }
    expect(
      refusal(await embed(`widget=budget-card&budget=1&population-src=${encodeURIComponent('data:text/csv,a')}`)),
    ).to.contain('« population-src »');
    expect(
      refusal(await embed(`widget=key-figures&src=data/chiffres-cles.csv&breakdown-src=javascript:void(0)`)),
    ).to.contain('« breakdown-src »');
    expect(refusal(await embed('widget=age-chart&src=data/x.csv&lang=' + encodeURIComponent('"><b>')))).to.contain(
      'code de langue',
    );
  });

  it('renders an attack payload in heading as text: no new element, sentinel never set', async () => {
    const win = window as any;
    win.__epnEmbedSentinel = 0;
    const payload =
      '<img src=x onerror="parent.__epnEmbedSentinel=1;window.__epnEmbedSentinel=1">' +
      '"><svg onload="parent.__epnEmbedSentinel=2"></svg><script>parent.__epnEmbedSentinel=3</script>${1+1}{{1+1}}';
    const iframe = await embed(
      `widget=age-chart&src=${SEED}&heading=${encodeURIComponent(payload)}` + `&source=${encodeURIComponent(payload)}`,
    );
    const el = await widgetIn(iframe, 'epn-age-chart');
    const doc = docOf(iframe);
    expect(el.getAttribute('heading')).to.equal(payload);
    expect(doc.title).to.equal(payload);
    expect(bodyChildren(doc)).to.have.length(1);
    expect(doc.querySelectorAll('img, svg, script:not([src])')).to.have.length(0);
    expect(el.shadowRoot.querySelectorAll('img, script, foreignObject, svg svg')).to.have.length(0);
    expect(el.shadowRoot.textContent).to.contain('<img src=x onerror=');
    await new Promise((r) => setTimeout(r, 200));
    expect(win.__epnEmbedSentinel).to.equal(0);
    expect((iframe.contentWindow as any).__epnEmbedSentinel).to.equal(undefined);
  });

  it('keeps an allow-list per widget equal to the attributes in custom-elements.json', async () => {
    const mod = await import('/examples/embed-page.js' as string);
    const manifest = await (await fetch('/packages/widgets/custom-elements.json')).json();
    const fromManifest: Record<string, string[]> = {};
    for (const m of manifest.modules) {
      for (const d of m.declarations ?? []) {
        if (!d.tagName) continue;
        // The analyzer also lists Lit's internal states (protected fields with `state: true`, e.g. menuOpen): no
        // attribute exists for them, so they are left out.
        const internal = new Set(
          (d.members ?? [])
            .filter((f: any) => f.privacy === 'protected' || f.privacy === 'private')
            .map((f: any) => f.name),
        );
        fromManifest[d.tagName.replace(/^epn-/, '')] = (d.attributes ?? [])
          .filter((a: any) => !(a.fieldName && internal.has(a.fieldName)))
          .map((a: any) => a.name)
          .sort();
      }
    }
    const fromEmbed = Object.fromEntries(
      Object.entries(mod.WIDGETS as Record<string, string[]>).map(([name, attrs]) => [name, [...attrs].sort()]),
    );
    expect(fromEmbed).to.deep.equal(fromManifest);
    expect(Object.keys(fromEmbed)).to.have.length(6);
    // Importing the module into a page without data-epn-embed draws nothing.
    expect(document.querySelector('.epn-embed-refused, [data-epn-widget]')).to.equal(null);
    // The pure check resolves relative URLs against the page given.
    const ok = mod.readQuery('?widget=age-chart&src=../d/a.csv', 'https://exemple.fr/epn/embed.html');
    expect(ok).to.deep.include({ok: true, tag: 'epn-age-chart'});
    expect(ok.attributes).to.deep.equal([['src', 'https://exemple.fr/d/a.csv']]);
  });
});

describe('examples/embed.js (host page resizer)', () => {
  const KEY = Symbol.for('epn-embed-resize');
  const loadScript = () =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/examples/embed.js';
      script.addEventListener('load', resolve, {once: true});
      script.addEventListener('error', reject, {once: true});
      document.head.append(script);
    });
  /** A synthetic message event, as if posted by `source` from `origin`. */
  const send = (data: unknown, source: MessageEventSource | null, origin = location.origin) =>
    window.dispatchEvent(new MessageEvent('message', {data, source, origin}));

  it('fits an embed.html iframe to its content height (loaded twice: one listener)', async () => {
    await loadScript();
    await loadScript();
    expect((window as any)[KEY]).to.equal(true);
    const iframe = await embed(`widget=age-chart&src=${SEED}&heading=Hauteur`, 100);
    expect(iframe.getAttribute('title'), 'the recommended snippet has a title').to.equal('Graphique EPN');
    await widgetIn(iframe, 'epn-age-chart');
    await waitUntil(
      () => heightOf(iframe) !== 100 && Math.abs(heightOf(iframe) - contentHeight(iframe)) <= 1,
      'the iframe was not resized to its content',
      {timeout: 10000},
    );
    expect(heightOf(iframe)).to.be.greaterThan(200);
    // A second copy of the script would set the same height again; check a message is handled (positive control).
    const fitted = heightOf(iframe);
    send({type: 'epn-embed-size', height: fitted + 37}, iframe.contentWindow);
    expect(heightOf(iframe)).to.equal(fitted + 37);
    send({type: 'epn-embed-size', height: fitted}, iframe.contentWindow);
    expect(heightOf(iframe)).to.equal(fitted);
  });

  it('ignores messages from a non-iframe source, a wrong origin, a non-embed iframe or with a bad height', async () => {
    await loadScript();
    const iframe = await embed('widget=budget-card&budget=1050000&population=1480000', 300);
    await widgetIn(iframe, 'epn-budget-card');
    await waitUntil(
      () => heightOf(iframe) !== 300 && Math.abs(heightOf(iframe) - contentHeight(iframe)) <= 1,
      'the iframe was not resized to its content',
      {timeout: 10000},
    );
    const fitted = heightOf(iframe);
    const other = await frame('/examples/tables.html', 150);
    const good = {type: 'epn-embed-size', height: 333};
    // A real message from this window (not an iframe), then a marker to know it was delivered.
    window.postMessage(good, '*');
    await new Promise<void>((resolve) => {
      const onMessage = (e: MessageEvent) => {
        if (e.data === 'epn-test-marker') {
          window.removeEventListener('message', onMessage);
          resolve();
        }
      };
      window.addEventListener('message', onMessage);
      window.postMessage('epn-test-marker', '*');
    });
    send(good, window);
    send(good, null);
    send(good, iframe.contentWindow, 'https://evil.example');
    send(good, iframe.contentWindow, 'null');
    send(good, other.contentWindow);
    for (const height of ['333', '333px', NaN, Infinity, -1, 20001, null, undefined, {valueOf: () => 333}, [333]]) {
      send({type: 'epn-embed-size', height}, iframe.contentWindow);
    }
    send({type: 'other', height: 333}, iframe.contentWindow);
    send('epn-embed-size', iframe.contentWindow);
    send(null, iframe.contentWindow);
    expect(heightOf(iframe)).to.equal(fitted);
    expect(heightOf(other)).to.equal(150);
    // The limits themselves are accepted.
    send({type: 'epn-embed-size', height: 20000}, iframe.contentWindow);
    expect(heightOf(iframe)).to.equal(20000);
    send({type: 'epn-embed-size', height: fitted}, iframe.contentWindow);
    expect(heightOf(iframe)).to.equal(fitted);
  });
});
