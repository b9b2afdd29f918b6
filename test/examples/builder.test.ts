// The snippet builder (examples/builder.html) end to end, in an iframe of the test page (same origin): a CSV in,
// what the core detected shown in French, a suggested widget drawn live, and a working snippet out.
import {expect, waitUntil} from '@open-wc/testing';
import {cp1252, describe, it} from '../harness.js';

const PAGE = '/examples/builder.html';
const TIMEOUT = 10000;

interface Builder {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
}

/** Loads the builder in a fresh iframe and waits until its module is ready (the widget <select> is filled). */
async function openBuilder(query = ''): Promise<Builder> {
  document.querySelectorAll('iframe.builder').forEach((f) => f.remove());
  const frame = document.createElement('iframe');
  frame.className = 'builder';
  frame.style.width = '1000px';
  frame.style.height = '1200px';
  frame.src = PAGE + query;
  document.body.append(frame);
  try {
    await waitUntil(
      () => {
        const doc = frame.contentDocument;
        return !!doc && doc.readyState === 'complete' && !!doc.getElementById('widget')?.querySelector('option');
      },
      'the builder page did not start',
      {timeout: TIMEOUT},
    );
  } catch (e) {
    throw new Error(
      `${(e as Error).message}: ${frame.contentDocument?.getElementById('errors')?.textContent ?? 'no page'}`,
      {cause: e},
    );
  }
  return {frame, win: frame.contentWindow as Window & typeof globalThis, doc: frame.contentDocument!};
}

const text = (b: Builder, id: string) => b.doc.getElementById(id)?.textContent ?? '';

/** Types an address and submits, then waits for the detection or an alert. */
async function readUrl(b: Builder, url: string): Promise<void> {
  (b.doc.getElementById('csv-url') as HTMLInputElement).value = url;
  (b.doc.getElementById('url-form') as HTMLFormElement).requestSubmit();
  await waitUntil(
    () => !b.doc.getElementById('detected-section')!.hidden || text(b, 'errors') !== '',
    `no detection or error for ${url}`,
    {timeout: TIMEOUT},
  );
}

/** The preview's widget, once it has drawn its SVG. */
async function drawnPreview(b: Builder, tag: string): Promise<Element> {
  await waitUntil(
    () => !!b.doc.querySelector(`#preview ${tag}`)?.shadowRoot?.querySelector('svg'),
    `the preview did not draw <${tag}>`,
    {timeout: TIMEOUT},
  );
  return b.doc.querySelector(`#preview ${tag}`)!;
}

describe('builder page', () => {
  it('reads a CSV address with loadCsv, shows the detection in French, suggests the age chart and gives the snippet', async () => {
    const b = await openBuilder();
    await readUrl(b, '/examples/data/inscrits-sexe-age.csv');
    expect(text(b, 'errors')).to.equal('');
    const detected = text(b, 'detected');
    expect(detected).to.contain('utf-8');
    expect(detected).to.contain(', (virgule)');
    expect(detected).to.contain("Lignes d'en-tête");
    expect(detected).to.contain('Hommes');
    // Every column listed with its type.
    const rows = b.doc.querySelectorAll('#detected tbody tr');
    expect(rows).to.have.length(10);
    expect(rows[0]!.textContent).to.contain('texte');
    expect(rows[1]!.textContent).to.contain('nombre');
    // The live region says what was read; the age chart is suggested and chosen.
    expect(text(b, 'status')).to.contain('encodage utf-8');
    expect(text(b, 'status')).to.contain('Pyramide des âges');
    expect((b.doc.getElementById('widget') as HTMLSelectElement).value).to.equal('age-chart');
    expect(text(b, 'suggestion')).to.contain('hommes et les femmes');

    // The live preview is an <epn-age-chart> fed by `src`, drawn with an SVG in its shadow root.
    const preview = await drawnPreview(b, 'epn-age-chart');
    expect(preview.getAttribute('src')).to.match(/\/examples\/data\/inscrits-sexe-age\.csv$/);

    // The code points at the webmaster's site (the gallery's placeholders), never at this test server: the script,
    // the embed page, and the file, read here from localhost, which no visitor can reach (the notice says so).
    const snippet = text(b, 'snippet');
    expect(snippet).to.contain('<epn-age-chart');
    expect(snippet).to.contain('<script type="module" src="https://votre-site.fr/js/epn-widgets.js"></script>');
    expect(snippet).to.contain('src="https://votre-site.fr/donnees/inscrits-sexe-age.csv"');
    const iframe = text(b, 'iframe-code');
    expect(iframe).to.contain(
      '<iframe src="https://votre-site.fr/epn/embed.html?widget=age-chart&amp;src=' +
        encodeURIComponent('https://votre-site.fr/donnees/inscrits-sexe-age.csv') +
        '"',
    );
    for (const code of [snippet, iframe]) {
      expect(code).not.to.contain(location.host);
      expect(code).not.to.contain('/packages/widgets/dist/');
    }
    const notice = b.doc.getElementById('local-notice')!;
    expect(notice.hidden).to.equal(false);
    expect(notice.textContent).to.contain('serveur de test');
    expect(notice.textContent).to.contain('https://votre-site.fr/donnees/inscrits-sexe-age.csv');
  });

  it("writes the code for a published file with its own address, the webmaster's site for the script and embed page", async () => {
    const {codeFor} = (await import(new URL('/examples/builder.js', location.href).href)) as {
      codeFor: (
        widget: string,
        attributes: Array<[string, string | true]>,
        data: {address: string; local: boolean},
      ) => {src: string; unpublished: boolean; snippet: string; iframe: string};
    };
    const address = 'https://www.data.gouv.fr/fr/datasets/r/inscrits.csv';
    const code = codeFor(
      'age-chart',
      [
        ['measure', 'share'],
        ['export', true],
        ['heading', 'Inscrits & « 2012 »'],
      ],
      {address, local: false},
    );
    expect(code.unpublished).to.equal(false);
    expect(code.src).to.equal(address);
    expect(code.snippet).to.equal(
      '<script type="module" src="https://votre-site.fr/js/epn-widgets.js"></script>\n\n' +
        `<epn-age-chart\n  src="${address}"\n  measure="share"\n  export\n  heading="Inscrits &amp; « 2012 »">\n</epn-age-chart>`,
    );
    expect(code.iframe).to.equal(
      `<iframe src="https://votre-site.fr/epn/embed.html?widget=age-chart&amp;src=${encodeURIComponent(address)}` +
        `&amp;measure=share&amp;export=&amp;heading=${encodeURIComponent('Inscrits & « 2012 »')}"\n` +
        '  title="Inscrits &amp; « 2012 »" style="width:100%;border:0" height="480" loading="lazy"></iframe>',
    );
    // An address on this computer and a local file are placeholders to replace once the file is published.
    for (const data of [
      {address: 'http://127.0.0.1:8000/data/a%20b.csv', local: false},
      {address: 'a b.csv', local: true},
    ]) {
      const c = codeFor('key-figures', [], data);
      expect(c.unpublished, data.address).to.equal(true);
      expect(c.src).to.equal('https://votre-site.fr/donnees/a%20b.csv');
    }
  });

  it("builds the options form from the element's attributes, with the columns as <select>s, and follows it", async () => {
    const b = await openBuilder();
    await readUrl(b, '/examples/data/inscrits-sexe-age.csv');
    const form = b.doc.getElementById('options-form') as HTMLFormElement;
    // One control per attribute the element observes (but src, given by the file), each with a label.
    const observed = (b.win.customElements.get('epn-age-chart') as unknown as {observedAttributes: string[]})
      .observedAttributes;
    const controls = Array.from(form.querySelectorAll<HTMLInputElement>('#options input, #options select')).map(
      (c) => c.name,
    );
    expect(controls.sort()).to.deep.equal(observed.filter((n) => n !== 'src').sort());
    for (const control of Array.from(form.querySelectorAll('input, select'))) {
      expect(form.querySelector(`label[for="${control.id}"]`), `label of ${(control as HTMLInputElement).name}`).to
        .exist;
    }
    const sex = form.elements.namedItem('sex-column') as HTMLSelectElement;
    expect(Array.from(sex.options).map((o) => o.value)).to.include.members(['', 'sexe', '-11', 'Total']);
    const measure = form.elements.namedItem('measure') as HTMLSelectElement;
    measure.value = 'share';
    measure.dispatchEvent(new Event('input', {bubbles: true}));
    const heading = form.elements.namedItem('heading') as HTMLInputElement;
    heading.value = 'Inscrits « 2012 » & "tous"';
    heading.dispatchEvent(new Event('input', {bubbles: true}));
    await waitUntil(() => text(b, 'snippet').includes('measure="share"'), 'the snippet did not follow the form', {
      timeout: TIMEOUT,
    });
    expect(text(b, 'snippet')).to.contain('heading="Inscrits « 2012 » &amp; &quot;tous&quot;"');
    expect(text(b, 'iframe-code')).to.contain(`heading=${encodeURIComponent('Inscrits « 2012 » & "tous"')}`);
    const preview = await drawnPreview(b, 'epn-age-chart');
    expect(preview.getAttribute('measure')).to.equal('share');

    // `export` is a boolean attribute: a checkbox, written bare in the code and empty in the iframe's query.
    const exportBox = form.elements.namedItem('export') as HTMLInputElement;
    expect(exportBox.type).to.equal('checkbox');
    expect(text(b, 'snippet')).not.to.match(/\bexport\b/);
    expect(
      b.doc.getElementById(exportBox.getAttribute('aria-describedby')!)!.textContent!.match(/Attribut/g),
    ).to.have.length(1);
    exportBox.click();
    await waitUntil(
      () => /\n {2}export[\n>]/.test(text(b, 'snippet')),
      'the snippet did not follow the export checkbox',
      {timeout: TIMEOUT},
    );
    expect(text(b, 'iframe-code')).to.match(/&amp;export=(&amp;|")/);
    await waitUntil(
      () => b.doc.querySelector('#preview epn-age-chart')?.hasAttribute('export'),
      'the preview has no export attribute',
      {timeout: TIMEOUT},
    );
    expect(b.doc.querySelector('#preview epn-age-chart')!.getAttribute('export')).to.equal('');

    // Another widget: its own attributes.
    const select = b.doc.getElementById('widget') as HTMLSelectElement;
    select.value = 'key-figures';
    select.dispatchEvent(new Event('change', {bubbles: true}));
    expect(form.elements.namedItem('keys')).to.exist;
    expect(form.elements.namedItem('sex-column')).to.equal(null);
    expect(text(b, 'snippet')).to.contain('<epn-key-figures');
  });

  it('mirrors custom-elements.json: every attribute offered exists on its element', async () => {
    const manifest = await (await fetch('/packages/widgets/custom-elements.json')).json();
    const {WIDGETS} = (await import(new URL('/examples/builder.js', location.href).href)) as {
      WIDGETS: Record<string, {attributes: string[]}>;
    };
    const declared = new Map<string, string[]>();
    for (const mod of manifest.modules) {
      for (const d of mod.declarations ?? []) {
        if (d.tagName)
          declared.set(
            d.tagName,
            (d.attributes ?? []).map((a: {name: string}) => a.name),
          );
      }
    }
    for (const [widget, {attributes}] of Object.entries(WIDGETS)) {
      const names = declared.get(`epn-${widget}`);
      expect(names, `epn-${widget} in the manifest`).to.exist;
      expect(names, `epn-${widget}: every attribute offered is declared`).to.include.members(attributes);
    }
  });

  it('reads a local windows-1252 file with `;` as bytes from the file input, and says it must be published', async () => {
    const b = await openBuilder();
    // Built here: the test server serves fixtures as UTF-8 text, which would re-encode a windows-1252 file.
    const bytes = cp1252(
      "Équipement des inscrits selon l'âge (2012)\r\nequipement;-11;11-17;18-25;Total\r\n" +
        'Foyer équipé informatique;236;901;s;1426\r\nFoyer connecté à Internet;208;802;nd;1237,5\r\n' +
        'Téléphone portable;71;661;347;1079\r\nTotal;262;1055;467;1784\r\nSource : Région Basse-Normandie, 2012\r\n',
    );
    const dt = new b.win.DataTransfer();
    dt.items.add(new b.win.File([bytes as Uint8Array<ArrayBuffer>], 'equipement-cp1252.csv', {type: 'text/csv'}));
    const input = b.doc.getElementById('csv-file') as HTMLInputElement;
    input.files = dt.files;
    input.dispatchEvent(new Event('change', {bubbles: true}));
    await waitUntil(
      () => !b.doc.getElementById('detected-section')!.hidden || text(b, 'errors') !== '',
      'no detection for the local file',
      {timeout: TIMEOUT},
    );
    expect(text(b, 'errors')).to.equal('');
    const detected = text(b, 'detected');
    expect(detected).to.contain('windows-1252');
    expect(detected).to.contain('; (point-virgule)');
    expect(detected).to.contain('Foyer équipé informatique');
    // The title and the source line are skipped and said; the markers are listed with their position.
    expect(detected).to.contain('ligne 1 (titre avant le tableau)');
    // French typography: no-break spaces before « : » and inside « » (a phone never starts a line with « : »).
    expect(detected).to.contain('ligne 3, colonne «\u00a018-25\u00a0»\u00a0: «\u00a0s\u00a0» (secret statistique)');
    expect(detected).to.contain('«\u00a0nd\u00a0» (non disponible)');
    expect((b.doc.getElementById('widget') as HTMLSelectElement).value).to.equal('equipment-chart');
    // The preview is fed through `data` (no src), and the code says the file must be published.
    const preview = await drawnPreview(b, 'epn-equipment-chart');
    expect(preview.hasAttribute('src')).to.equal(false);
    expect((preview as unknown as {data: unknown}).data).to.exist;
    const notice = b.doc.getElementById('local-notice')!;
    expect(notice.hidden).to.equal(false);
    expect(notice.textContent).to.contain('publier');
    expect(text(b, 'snippet')).to.contain('src="https://votre-site.fr/donnees/equipement-cp1252.csv"');
    expect(text(b, 'snippet')).to.contain(
      '<script type="module" src="https://votre-site.fr/js/epn-widgets.js"></script>',
    );
    expect(text(b, 'iframe-code')).to.contain(
      '<iframe src="https://votre-site.fr/epn/embed.html?widget=equipment-chart&amp;',
    );
  });

  it("prefills « Titre » and « Source » from the file's title line and « Source : … » footer, into the code", async () => {
    const b = await openBuilder();
    const bytes = cp1252(
      "Équipement des inscrits selon l'âge (2012);;;\r\nequipement;-11;11-17;Total\r\n" +
        'Foyer équipé informatique;236;901;1137\r\nTotal;262;1055;1317\r\nSource : Région Basse-Normandie, 2012;;;\r\n',
    );
    const dt = new b.win.DataTransfer();
    dt.items.add(new b.win.File([bytes as Uint8Array<ArrayBuffer>], 'equipement.csv', {type: 'text/csv'}));
    const input = b.doc.getElementById('csv-file') as HTMLInputElement;
    input.files = dt.files;
    input.dispatchEvent(new Event('change', {bubbles: true}));
    await waitUntil(() => !b.doc.getElementById('detected-section')!.hidden, 'no detection', {timeout: TIMEOUT});
    const value = (name: string) => (b.doc.getElementById(`opt-${name}`) as HTMLInputElement).value;
    expect(value('heading')).to.equal("Équipement des inscrits selon l'âge (2012)");
    expect(value('source')).to.equal('Région Basse-Normandie, 2012');
    expect(text(b, 'snippet')).to.contain('heading="Équipement des inscrits selon l\'âge (2012)"');
    expect(text(b, 'snippet')).to.contain('source="Région Basse-Normandie, 2012"');
    expect(text(b, 'iframe-code')).to.contain(
      `heading=${encodeURIComponent("Équipement des inscrits selon l'âge (2012)")}`,
    );
    // The preview draws them too.
    const preview = await drawnPreview(b, 'epn-equipment-chart');
    expect(preview.getAttribute('heading')).to.equal("Équipement des inscrits selon l'âge (2012)");
    expect(preview.getAttribute('source')).to.equal('Région Basse-Normandie, 2012');
    // Another widget chosen: prefilled again.
    const select = b.doc.getElementById('widget') as HTMLSelectElement;
    select.value = 'key-figures';
    select.dispatchEvent(new Event('change', {bubbles: true}));
    expect(value('heading')).to.equal("Équipement des inscrits selon l'âge (2012)");
    // Whole numbers only: no decimal separator to report.
    expect(text(b, 'detected')).to.contain('Séparateur décimalpas de décimales');
  });

  it('says « pas de décimales » for a comma-separated file of whole numbers, and names the separator otherwise', async () => {
    const {decimalName, prefillFrom} = (await import(new URL('/examples/builder.js', location.href).href)) as {
      decimalName: (t: unknown) => string;
      prefillFrom: (m: unknown) => {heading: string; source: string};
    };
    const rows = [['Hommes', 793, 1762]];
    expect(decimalName({rows, meta: {decimal: ','}}), "today's core: its default").to.equal('pas de décimales');
    expect(decimalName({rows, meta: {decimal: null}}), 'the core saying null').to.equal('pas de décimales');
    expect(decimalName({rows: [['a', 95.57]], meta: {decimal: '.'}})).to.equal('. (point)');
    expect(decimalName({rows: [['a', 1.5]], meta: {decimal: ','}})).to.equal(', (virgule)');
    expect(
      prefillFrom({
        titles: ['Inscrits des EPN du Calvados', 'Année 2023'],
        notes: ['Champ : EPN', 'Sources : Insee, RP 2020'],
      }),
    ).to.deep.equal({heading: 'Inscrits des EPN du Calvados – Année 2023', source: 'Insee, RP 2020'});
    expect(prefillFrom({titles: [], notes: []})).to.deep.equal({heading: '', source: ''});
    const b = await openBuilder();
    await readUrl(b, '/examples/data/inscrits-sexe-age.csv');
    expect(text(b, 'detected')).to.contain('Séparateur décimalpas de décimales');
  });

  it('shows what the reading set aside or doubted, lets the user force the decimal separator and the types, into the code', async () => {
    // The attributes read as the widgets read them (one reader, the widgets' readOptionsOf).
    const {readOptionsOf} = (await import(new URL('/packages/widgets/dist/epn-widgets.js', location.href).href)) as {
      readOptionsOf: (a: unknown) => unknown;
    };
    expect(
      readOptionsOf({
        delimiter: null,
        encoding: null,
        decimal: 'virgule',
        headerRows: null,
        types: 'pop_com: nombre; CODGEO: texte;',
      }),
    ).to.deep.equal({decimal: ',', types: {pop_com: 'number', CODGEO: 'text'}});
    expect(readOptionsOf({delimiter: null, encoding: null, decimal: ' ', headerRows: null, types: '  '})).to.deep.equal(
      {},
    );
    const b = await openBuilder();
    // Every figure is `d.ddd`: the reading guesses a decimal dot and says it is a guess.
    await readUrl(b, '/test/fixtures/widgets/pyramid-dotted-thousands.csv');
    expect(text(b, 'detected')).to.contain('Ce que la lecture a mis de côté ou dont elle doute');
    expect(text(b, 'detected')).to.contain('peut se lire');
    const decimal = b.doc.getElementById('opt-decimal') as HTMLSelectElement;
    expect(decimal, 'the decimal separator field').to.exist;
    decimal.value = ',';
    decimal.dispatchEvent(new Event('input', {bubbles: true}));
    const plain = () => text(b, 'detected').replace(/[\u00a0\u202f]/g, ' ');
    await waitUntil(() => plain().includes('Rien : aucune colonne'), 'read again with a decimal comma', {
      timeout: TIMEOUT,
    });
    expect(text(b, 'snippet')).to.contain('decimal=","');
    const types = b.doc.getElementById('opt-types') as HTMLInputElement;
    types.value = '40-59: texte';
    types.dispatchEvent(new Event('input', {bubbles: true}));
    await waitUntil(() => text(b, 'snippet').includes('types="40-59: texte"'), 'the types in the code', {
      timeout: TIMEOUT,
    });
    await waitUntil(() => plain().includes('La colonne « 40-59 » n'), 'the column left out, said', {timeout: TIMEOUT});
  });

  it('explains a 404 in French in an alert, never a blank page', async () => {
    const b = await openBuilder();
    await readUrl(b, '/examples/data/absent.csv');
    const alert = b.doc.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Fichier introuvable (erreur 404)');
    expect(alert.textContent).to.contain("n'a pas pu être lu");
    expect(b.doc.getElementById('detected-section')!.hidden).to.equal(true);
    expect(text(b, 'status')).to.contain('Lecture impossible');
    // A refused address too.
    await readUrl(b, 'javascript:alert(1)');
    expect(text(b, 'errors')).to.contain('http://');
  });

  it('shows an attack payload in a column name as text, never as markup', async () => {
    const b = await openBuilder('?src=' + encodeURIComponent('/test/fixtures/builder/attack.csv'));
    await waitUntil(
      () => !b.doc.getElementById('detected-section')!.hidden || text(b, 'errors') !== '',
      'no detection for the attack file',
      {timeout: TIMEOUT},
    );
    expect(text(b, 'detected')).to.contain('<img src=x onerror="parent.__epnPwned=1">');
    expect(text(b, 'detected')).to.contain('<b>gras</b>');
    const columns = b.doc.getElementById('widget') as HTMLSelectElement;
    expect(columns.value).to.equal('key-figures');
    await new Promise((r) => setTimeout(r, 300));
    expect(b.doc.querySelectorAll('main img, main b')).to.have.length(0);
    const preview = b.doc.querySelector('#preview > *');
    expect(preview?.shadowRoot?.querySelectorAll('img, b') ?? []).to.have.length(0);
    expect((window as unknown as {__epnPwned?: number}).__epnPwned).to.equal(undefined);
    expect(text(b, 'snippet')).to.contain('<epn-key-figures');
  });
});
