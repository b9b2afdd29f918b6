// Generates the component reference (docs/components.md, French and English headings, committed) from
// packages/widgets/custom-elements.json, which the manifest analyzer builds from each element's doc block, plus the
// parts and CSS custom properties every widget gets from its base class (listed below: the analyzer does not see
// them). Never edit the output by hand: change the doc block (or the lists below), then `npm run docs`.
// test/node/docs.test.ts regenerates it in memory and fails when the committed file differs, and checks the lists
// below against packages/widgets/src/internal/base.ts (part="…") and styles.ts (--epn-*).
import {readFileSync, writeFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';

/** Where the reference is written (committed, so that the guides' links work on a fresh clone). */
export const OUTPUT = new URL('components.md', import.meta.url);
/** The manifest it is generated from (built by `npm run build`). */
export const MANIFEST = new URL('../packages/widgets/custom-elements.json', import.meta.url);

/**
 * The parts the base class (packages/widgets/src/internal/base.ts) renders for every widget. `charts`: drawn by the
 * chart body only, which the cards (`EpnCard`) replace with their own figures.
 */
export const SHARED_PARTS = [
  {name: 'figure', description: 'The whole widget.'},
  {name: 'title', description: 'The title.'},
  {name: 'description', description: 'The sentence under the title (`description` attribute).'},
  {name: 'loading', description: 'The loading message and its progress bar.'},
  {name: 'error', description: 'The error message (`role="alert"`).'},
  {name: 'stale', description: 'The "data not refreshed" message shown over the last figures when a refresh fails.'},
  {name: 'chart', description: 'The SVG chart.', charts: true},
  {name: 'summary', description: 'The summary sentence.', charts: true},
  {name: 'note', description: 'A note under the figures (what is not drawn, and why).'},
  {name: 'toggle', description: 'The "Voir les données" button.'},
  {name: 'table', description: 'A data table.'},
  {name: 'source', description: 'The source line.'},
  {name: 'export', description: 'The export menu (`export` attribute).'},
  {name: 'export-button', description: 'The button that opens the export menu.'},
];

/**
 * The CSS custom properties the shared styles (packages/widgets/src/internal/styles.ts) read, with their light and
 * dark defaults as written there. `charts`: used by chart elements only; `only`: used by those elements only.
 */
export const SHARED_CSS_PROPERTIES = [
  {name: '--epn-text-color', default: '#161616', dark: '#eeeeee', description: 'Text colour.'},
  {
    name: '--epn-muted-color',
    default: '#3a3a3a',
    dark: '#cecece',
    description: 'Secondary text: description, source, notes, loading and stale messages.',
  },
  {name: '--epn-background', default: '#ffffff', dark: '#161616', description: 'Background colour.'},
  {
    name: '--epn-border-color',
    default: '#929292',
    dark: '#777777',
    description: 'Axis lines.',
    only: ['epn-age-chart', 'epn-equipment-chart'],
  },
  {
    name: '--epn-grid-color',
    default: '#dddddd',
    dark: '#3a3a3a',
    description: 'Grid lines and the rules of the data tables.',
  },
  {
    name: '--epn-accent-color',
    default: '#000091',
    dark: '#8585f6',
    description: 'Buttons ("Voir les données", export), links, focus outline, progress bar.',
  },
  {name: '--epn-error-color', default: '#ce0500', dark: '#ff5655', description: 'The rule beside an error message.'},
  {
    name: '--epn-color-men',
    default: '#000091',
    dark: '#8585f6',
    description: "Colour of the men's bars.",
    only: ['epn-age-chart'],
  },
  {
    name: '--epn-color-women',
    default: '#a558a0',
    dark: '#e18bd8',
    description: "Colour of the women's bars.",
    only: ['epn-age-chart'],
  },
  {
    name: '--epn-font-family',
    default: "Marianne, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
    description: 'Font.',
  },
  {name: '--epn-font-size', default: '1rem', description: 'Base font size (every text of the widget scales with it).'},
];

const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const table = (head, rows) =>
  rows.length
    ? [
        `| ${head.join(' | ')} |`,
        `|${head.map(() => '---').join('|')}|`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
        '',
      ]
    : ['—', ''];

/** Whether a declaration of the manifest extends the class `name` (through the manifest's declarations). */
function extendsClass(manifest, declaration, name) {
  const byName = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => [d.name, d]));
  for (let d = declaration, seen = 0; d?.superclass && seen < 20; seen++) {
    if (d.superclass.name === name) return true;
    d = byName.get(d.superclass.name);
  }
  return false;
}

/** An element's own entries, then the shared ones it does not list (its own descriptions win, shared defaults win). */
function merge(own, shared, applies) {
  const sharedByName = new Map(shared.filter(applies).map((s) => [s.name, s]));
  const out = own.map((o) =>
    sharedByName.has(o.name)
      ? {...sharedByName.get(o.name), description: o.description || sharedByName.get(o.name).description}
      : o,
  );
  for (const s of sharedByName.values()) if (!own.some((o) => o.name === s.name)) out.push(s);
  return out;
}

/** The reference, as Markdown, from a parsed custom-elements.json. */
export function render(manifest) {
  const out = [
    '# Référence des composants · Component reference',
    '',
    '> Généré par `npm run docs` depuis `packages/widgets/custom-elements.json` et les parties et propriétés CSS communes',
    '> (`docs/components.mjs`). Generated from the custom elements manifest and the shared parts and CSS properties:',
    '> do not edit.',
    '',
    'Chaque composant hérite du même cadre : les parties et propriétés CSS communes sont répétées dans chaque section.',
    'Every component shares one frame: the shared parts and CSS custom properties are repeated in each section.',
    '',
  ];
  const elements = manifest.modules
    .flatMap((m) => (m.declarations ?? []).map((d) => ({...d, path: m.path})))
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  for (const el of elements) {
    const card = extendsClass(manifest, el, 'EpnCard');
    const applies = (s) => (!s.charts || !card) && (!s.only || s.only.includes(el.tagName));
    out.push(
      `## \`<${el.tagName}>\``,
      '',
      el.summary ?? '',
      '',
      el.description ?? '',
      '',
      `Classe / class: \`${el.name}\` (${el.path})`,
      '',
    );
    out.push('### Attributs · Attributes', '');
    out.push(
      ...table(
        ['attribut', 'propriété', 'type', 'défaut', 'description'],
        (el.attributes ?? []).map((a) => [
          `\`${a.name}\``,
          a.fieldName ? `\`${a.fieldName}\`` : '',
          a.type?.text ?? '',
          a.default ?? '',
          a.description ?? '',
        ]),
      ),
    );
    const props = (el.members ?? []).filter(
      (m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static,
    );
    out.push('### Propriétés · Properties', '');
    out.push(
      ...table(
        ['propriété', 'type', 'description'],
        props.map((p) => [`\`${p.name}\``, p.type?.text ?? '', p.description ?? '']),
      ),
    );
    const methods = (el.members ?? []).filter(
      (m) =>
        m.kind === 'method' &&
        m.privacy !== 'private' &&
        m.privacy !== 'protected' &&
        !m.static &&
        !/^(accept|render|connected|disconnected|attributeChanged|willUpdate|updated|firstUpdated)/.test(m.name),
    );
    out.push('### Méthodes · Methods', '');
    out.push(
      ...table(
        ['méthode', 'description'],
        methods.map((m) => [`\`${m.name}()\``, m.description ?? '']),
      ),
    );
    out.push('### Événements · Events', '');
    out.push(
      ...table(
        ['événement', 'description'],
        (el.events ?? []).map((e) => [`\`${e.name}\``, e.description ?? '']),
      ),
    );
    out.push('### Parties (`::part`) · Parts', '');
    const parts = merge(el.cssParts ?? [], SHARED_PARTS, applies);
    out.push(
      ...table(
        ['partie', 'description'],
        parts.map((p) => [`\`${p.name}\``, p.description ?? '']),
      ),
    );
    out.push('### Propriétés CSS · CSS custom properties', '');
    const properties = merge(el.cssProperties ?? [], SHARED_CSS_PROPERTIES, applies);
    out.push(
      ...table(
        ['propriété', 'défaut', 'sombre · dark', 'description'],
        properties.map((p) => [`\`${p.name}\``, p.default ?? '', p.dark ?? '', p.description ?? '']),
      ),
    );
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  writeFileSync(OUTPUT, render(manifest));
  console.log(
    `docs/components.md: ${manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName).length} elements`,
  );
}
