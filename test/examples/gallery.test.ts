// End to end: the pages served by `npm start` (examples/), loaded in an iframe of the test page from the test server
// (which serves the repository root, so /packages/widgets/dist/epn-widgets.js and /examples/data/ resolve as there).
import {expect, waitUntil} from '@open-wc/testing';
import {describe, it} from '../harness.js';

type Widget = HTMLElement & {status?: string; shadowRoot: ShadowRoot | null};

async function open(
  path: string,
): Promise<{doc: Document; win: Window & typeof globalThis; errors: string[]; frame: HTMLIFrameElement}> {
  const frame = document.createElement('iframe');
  frame.style.width = '900px';
  frame.style.height = '2000px';
  const errors: string[] = [];
  frame.src = path;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  const win = frame.contentWindow as Window & typeof globalThis;
  win.addEventListener('error', (e) => errors.push(String(e.message)));
  win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  return {doc: frame.contentDocument!, win, errors, frame};
}

const widgetsOf = (doc: Document) =>
  Array.from(
    doc.querySelectorAll<Widget>(
      'epn-age-chart, epn-equipment-chart, epn-skill-chart, epn-budget-card, epn-key-figures, epn-reach-chart',
    ),
  );

async function allReady(doc: Document): Promise<Widget[]> {
  const widgets = widgetsOf(doc);
  await waitUntil(
    () => widgets.every((w) => w.status === 'ready' || w.status === 'error' || w.status === 'empty'),
    'widgets did not settle',
    {timeout: 15000},
  );
  return widgets;
}

describe('examples/index.html (the gallery)', () => {
  it('draws every widget on the seed data, with no alert and no page error', async () => {
    const {doc, errors, frame} = await open('/examples/index.html');
    const widgets = await allReady(doc);
    const tags = new Set(widgets.map((w) => w.tagName.toLowerCase()));
    expect([...tags].sort()).to.deep.equal([
      'epn-age-chart',
      'epn-budget-card',
      'epn-equipment-chart',
      'epn-key-figures',
      'epn-reach-chart',
      'epn-skill-chart',
    ]);
    for (const w of widgets) {
      expect(w.status, w.tagName).to.equal('ready');
      expect(w.shadowRoot!.querySelector('[role="alert"]') === null, `${w.tagName} has no alert`).to.equal(true);
      expect(w.shadowRoot!.querySelector('[part~="summary"]')?.textContent?.trim(), `${w.tagName} summary`)
        .to.be.a('string')
        .and.not.equal('');
    }
    expect(errors).to.deep.equal([]);
    frame.remove();
  });

  it('puts under each demo a snippet that reproduces it', async () => {
    const {doc, frame} = await open('/examples/index.html');
    await allReady(doc);
    const demos = Array.from(doc.querySelectorAll('.demo'));
    expect(demos.length).to.be.at.least(5);
    for (const demo of demos) {
      const el = demo.querySelector<Widget>(
        'epn-age-chart, epn-equipment-chart, epn-skill-chart, epn-budget-card, epn-key-figures, epn-reach-chart',
      )!;
      const code = demo.querySelector('pre.snippet code')!.textContent!;
      expect(code.startsWith(`<${el.tagName.toLowerCase()}`), code).to.equal(true);
      for (const name of ['src', 'measure', 'heading']) {
        const value = el.getAttribute(name);
        if (value) expect(code).to.contain(`${name}="${value}"`);
      }
    }
    frame.remove();
  });
});

describe('examples/index.html on a phone', () => {
  it('has a copy button under every snippet, wraps the iframe code instead of overflowing, spaces stacked widgets, and a favicon', async () => {
    const {doc, win, frame} = await open('/examples/index.html');
    frame.style.width = '375px';
    await allReady(doc);
    const snippets = Array.from(doc.querySelectorAll<HTMLElement>('pre.snippet'));
    expect(snippets.length).to.be.at.least(11);
    for (const pre of snippets) {
      const button = pre.nextElementSibling?.querySelector('button.copy');
      expect(button?.textContent, 'a copy button under each snippet').to.equal('Copier le code');
      expect(pre.scrollWidth, 'no horizontal overflow at 375 px').to.be.at.most(pre.clientWidth + 1);
    }
    // Copying: to the clipboard, or (refused, as in a headless test) the code is selected and the status says how.
    const first = snippets[1]!;
    (first.nextElementSibling!.querySelector('button.copy') as HTMLButtonElement).click();
    const status = first.nextElementSibling!.querySelector('[role="status"]')!;
    await waitUntil(() => status.textContent !== '', 'no copy status');
    expect(status.textContent).to.match(/Code copié|le code est sélectionné/);
    if (/sélectionné/.test(status.textContent!)) expect(win.getSelection()!.toString()).to.equal(first.textContent);
    // Stacked widgets keep space between them (the page's style).
    const chart = doc.querySelector('epn-age-chart')!;
    expect(parseFloat(win.getComputedStyle(chart).marginBottom)).to.be.at.least(16);
    // A favicon that exists: no 404 in the console.
    const icon = doc.querySelector<HTMLLinkElement>('link[rel="icon"]')!;
    expect((await fetch(icon.href)).ok, icon.href).to.equal(true);
    frame.remove();
  });
});

describe('examples/webmaster.html (the all-in-one file alone)', () => {
  it('draws its three widgets', async () => {
    const {doc, errors, frame} = await open('/examples/webmaster.html');
    const widgets = await allReady(doc);
    expect(widgets.map((w) => w.status)).to.deep.equal(['ready', 'ready', 'ready']);
    expect(errors).to.deep.equal([]);
    frame.remove();
  });
});

describe("examples/tables.html (the core's reading of the seed)", () => {
  it("shows the three tables with the source's percentages", async () => {
    const {doc, frame} = await open('/examples/tables.html');
    await waitUntil(() => doc.querySelectorAll('table').length >= 4, 'tables not shown', {timeout: 10000});
    const text = doc.body.textContent!;
    expect(text).to.contain('4,6\u00a0%');
    expect(text).to.contain('85,4\u00a0%');
    expect(text).to.contain('65,4\u00a0%');
    expect(doc.querySelector('[role="alert"]') === null).to.equal(true);
    frame.remove();
  });

  it('adds a Total only over columns that are parts of one whole, and says when a file has no decimals', async () => {
    const {doc, frame} = await open('/examples/tables.html');
    await waitUntil(() => doc.querySelectorAll('table').length >= 4, 'tables not shown', {timeout: 10000});
    const tables = Array.from(doc.querySelectorAll('table'));
    const deps = tables.find((t) => t.caption?.textContent?.startsWith('Porteurs de projets'))!;
    const head = Array.from(deps.querySelectorAll('thead th')).map((th) => th.textContent);
    expect(head).to.deep.equal(['departement', 'projets', 'epn']);
    // Projects and EPN sites are never added up (27 + 36 = 63 for the Calvados, 181 in all).
    expect(deps.textContent).not.to.match(/\b63\b|\b181\b/);
    // The columns' totals and each department's share of them stay.
    expect(deps.querySelector('tr.total')!.textContent).to.contain('64').and.to.contain('117');
    const ages = tables.find((t) => t.caption?.textContent?.startsWith('Inscrits par sexe'))!;
    expect(Array.from(ages.querySelectorAll('thead th')).pop()!.textContent).to.equal('Total');
    const metas = Array.from(doc.querySelectorAll('p.meta')).map((p) => p.textContent!);
    expect(metas.find((m) => m.includes('11 lignes') || m.includes('10 lignes'))).to.contain('décimale « . »');
    expect(metas.filter((m) => m.includes('pas de décimales'))).to.have.length(4);
    expect(metas.join(' ')).not.to.contain('décimale « , »');
    frame.remove();
  });
});
