// The module behind builder.html: reads a CSV (an address with the core's loadCsv, or a local file's bytes with
// parseCsv), says in French what the core detected, suggests a widget, builds its options form from the element's
// attributes, shows it live and writes the code to copy. Nodes are built with the DOM API and textContent only
// (never innerHTML): a column name or a cell is always text.
//
// The attribute lists below mirror packages/widgets/custom-elements.json (a browser test compares the two).

/** The all-in-one file this page loads (from the build). */
const WIDGETS_SCRIPT = new URL('../packages/widgets/dist/epn-widgets.js', import.meta.url).href;
/** The core (loadCsv, parseCsv…) for a page without a bundler: the all-in-one file registers the widgets only. */
const STATS_SCRIPT = new URL('../packages/stats/dist/epn-stats.min.js', import.meta.url).href;
/**
 * The addresses written in the code to copy: the webmaster's own site, as in the gallery (gallery.js), never this
 * page's server (often the test server on this computer): epn-widgets.js in /js/, the embed page in /epn/.
 */
export const SITE = 'https://votre-site.fr';
export const SNIPPET_SCRIPT = `${SITE}/js/epn-widgets.js`;
export const EMBED_PAGE = `${SITE}/epn/embed.html`;
export const EMBED_SCRIPT = `${SITE}/epn/embed.js`;
/** The address shown in the code for a file that is not published yet, which the webmaster must replace. */
export const PLACEHOLDER_DIR = `${SITE}/donnees/`;

/** The widgets, their French names and the attributes offered in the form (in this order; `src` is set apart). */
export const WIDGETS = Object.freeze({
  'age-chart': {
    name: 'Pyramide des âges (inscrits par sexe et par âge)',
    attributes: [
      'measure',
      'heading',
      'description',
      'source',
      'source-href',
      'lang',
      'sex-column',
      'age-column',
      'value-column',
      'bands',
      'digits',
      'export',
      'theme',
      'delimiter',
      'encoding',
      'decimal',
      'header-rows',
      'types',
      'refresh',
    ],
  },
  'equipment-chart': {
    name: 'Équipement par âge',
    attributes: [
      'measure',
      'heading',
      'description',
      'source',
      'source-href',
      'lang',
      'rows-column',
      'age-column',
      'value-column',
      'bands',
      'digits',
      'export',
      'theme',
      'delimiter',
      'encoding',
      'decimal',
      'header-rows',
      'types',
      'refresh',
    ],
  },
  'skill-chart': {
    name: "Niveau d'usage par âge",
    attributes: [
      'measure',
      'heading',
      'description',
      'source',
      'source-href',
      'lang',
      'rows-column',
      'age-column',
      'value-column',
      'bands',
      'digits',
      'export',
      'theme',
      'delimiter',
      'encoding',
      'decimal',
      'header-rows',
      'types',
      'refresh',
    ],
  },
  'key-figures': {
    name: 'Chiffres clés',
    attributes: [
      'heading',
      'description',
      'source',
      'source-href',
      'lang',
      'keys',
      'labels',
      'ratios',
      'digits',
      'breakdown-src',
      'breakdown-column',
      'breakdown-heading',
      'export',
      'theme',
      'delimiter',
      'encoding',
      'decimal',
      'header-rows',
      'types',
      'refresh',
    ],
  },
  'budget-card': {
    name: 'Budget par habitant et par inscrit',
    attributes: [
      'heading',
      'description',
      'source',
      'source-href',
      'lang',
      'budget',
      'population',
      'registered',
      'year',
      'population-src',
      'territory',
      'ages',
      'age-match',
      'population-group',
      'digits',
      'export',
      'theme',
      'delimiter',
      'encoding',
      'decimal',
      'header-rows',
      'types',
      'refresh',
    ],
  },
});

/** The measures each widget knows (the first is its default). */
const MEASURES = {
  'age-chart': [
    ['count', 'Effectifs'],
    ['share', 'Part du total (%)'],
  ],
  'equipment-chart': [
    ['rate', "Taux d'équipement par tranche d'âge"],
    ['distribution', 'Répartition de chaque ligne (%)'],
  ],
  'skill-chart': [
    ['distribution', 'Répartition des niveaux dans chaque tranche'],
    ['share-of-total', 'Part du total (%)'],
  ],
};

/**
 * What each attribute is, in French: label, hint, and kind: text, url, number, column (a <select> of the file's
 * columns), choice (a <select> of fixed values; '' is the widget's default) or checkbox (a boolean attribute).
 */
const FIELDS = {
  measure: {label: 'Mesure affichée', kind: 'measure'},
  heading: {label: 'Titre', hint: 'Affiché au-dessus du graphique (un titre par défaut sinon).', kind: 'text'},
  description: {label: "Phrase d'introduction", hint: 'Une phrase sous le titre.', kind: 'text'},
  source: {label: 'Source', hint: 'Par exemple : Région Basse-Normandie, 2012.', kind: 'text'},
  'source-href': {label: 'Lien de la source', hint: 'Une adresse http:// ou https://.', kind: 'url'},
  lang: {
    label: 'Langue',
    kind: 'choice',
    choices: [
      ['', 'Celle de la page (français par défaut)'],
      ['fr', 'Français'],
      ['en', 'Anglais'],
    ],
  },
  'sex-column': {
    label: 'Colonne du sexe',
    hint: 'Pour un tableau « long » (une ligne par sexe et âge).',
    kind: 'column',
  },
  'age-column': {
    label: "Colonne de l'âge",
    hint: 'Pour un tableau « long » : tranches ou âges en années.',
    kind: 'column',
  },
  'value-column': {label: 'Colonne des effectifs', hint: 'Pour un tableau « long ».', kind: 'column'},
  'rows-column': {
    label: 'Colonne des lignes (équipement ou niveau)',
    hint: 'Pour un tableau « long ».',
    kind: 'column',
  },
  bands: {
    label: "Tranches d'âge",
    hint: 'Bornes basses pour des âges en années, séparées par des virgules : 0,18,65.',
    kind: 'text',
  },
  digits: {label: 'Chiffres après la virgule', kind: 'number', min: 0, max: 6},
  export: {
    label: 'Menu « Exporter »',
    hint: 'Images PNG et SVG, données CSV pour Excel, copie de la phrase.',
    kind: 'checkbox',
  },
  theme: {
    label: 'Couleurs',
    hint: 'Par défaut, claires, sauf si la page se dit sombre (thème DSFR, color-scheme).',
    kind: 'choice',
    choices: [
      ['', 'Celles de la page (clair ou sombre)'],
      ['light', 'Claires'],
      ['dark', 'Sombres'],
      ['auto', 'Celles du système du visiteur (clair ou sombre)'],
    ],
  },
  delimiter: {
    label: 'Forcer le séparateur',
    kind: 'choice',
    advanced: true,
    choices: [
      ['', 'Détection automatique'],
      [';', '; (point-virgule)'],
      [',', ', (virgule)'],
      ['tab', 'Tabulation'],
      ['|', '| (barre verticale)'],
    ],
  },
  encoding: {
    label: "Forcer l'encodage",
    kind: 'choice',
    advanced: true,
    choices: [
      ['', 'Détection automatique'],
      ['utf-8', 'utf-8'],
      ['windows-1252', 'windows-1252 (Excel sous Windows)'],
      ['utf-16le', 'utf-16le'],
    ],
  },
  decimal: {
    label: 'Forcer le séparateur décimal',
    hint: "Si « 1.234 » a été lu 1,234 au lieu de 1 234 (ou l'inverse).",
    kind: 'choice',
    advanced: true,
    choices: [
      ['', 'Détection automatique'],
      [',', ', (virgule : 12,5 ; 1.234 = mille deux cent trente-quatre)'],
      ['.', '. (point : 12.5 ; 1,234 = mille deux cent trente-quatre)'],
    ],
  },
  'header-rows': {
    label: "Forcer le nombre de lignes d'en-tête",
    kind: 'choice',
    advanced: true,
    choices: [
      ['', 'Détection automatique'],
      ['0', 'Aucune (la première ligne est déjà des données)'],
      ['1', 'Une'],
      ['2', 'Deux (en-tête fusionné)'],
    ],
  },
  types: {
    label: 'Forcer le type de colonnes',
    hint: 'nom: nombre ou nom: texte, séparés par des points-virgules (par exemple « pop_com: nombre; CODGEO: texte »).',
    kind: 'text',
    advanced: true,
  },
  refresh: {
    label: 'Recharger toutes les N secondes',
    hint: '30 au moins ; vide : jamais.',
    kind: 'number',
    min: 30,
    advanced: true,
  },
  keys: {
    label: 'Indicateurs à afficher',
    hint: "Leurs noms, dans l'ordre, séparés par des virgules (tous sinon).",
    kind: 'text',
  },
  labels: {label: 'Libellés', hint: 'nom:libellé séparés par des points-virgules.', kind: 'text'},
  ratios: {label: 'Ratios', hint: 'numérateur/dénominateur:libellé séparés par des points-virgules.', kind: 'text'},
  'breakdown-src': {
    label: 'Adresse du fichier de répartition',
    hint: 'Un second CSV (par exemple par département).',
    kind: 'url',
  },
  'breakdown-column': {
    label: 'Colonne de la répartition',
    hint: 'La colonne du fichier de répartition à dessiner.',
    kind: 'text',
  },
  'breakdown-heading': {label: 'Titre de la répartition', kind: 'text'},
  budget: {label: 'Budget annuel (euros)', hint: 'Sinon lu dans le fichier.', kind: 'text'},
  population: {label: 'Population (habitants)', hint: 'Sinon lue dans le fichier.', kind: 'text'},
  registered: {label: "Nombre d'inscrits", hint: 'Sinon lu dans le fichier.', kind: 'text'},
  year: {label: 'Année des chiffres', kind: 'text'},
  'population-src': {label: "Adresse d'un tableau de population par âge", kind: 'url', advanced: true},
  territory: {
    label: 'Territoire(s) du tableau de population',
    hint: 'Noms ou codes séparés par des virgules.',
    kind: 'text',
    advanced: true,
  },
  ages: {label: "Tranche d'âge de la population", hint: 'Par exemple 5-74.', kind: 'text', advanced: true},
  'age-match': {
    label: 'Tranches du tableau de population retenues',
    kind: 'choice',
    advanced: true,
    choices: [
      ['', 'Incluses dans la tranche (par défaut)'],
      ['inside', 'Incluses dans la tranche'],
      ['overlap', 'Qui chevauchent la tranche'],
    ],
  },
  'population-group': {
    label: 'Groupe de colonnes de population',
    hint: 'Pour un en-tête sur deux lignes (Ensemble par défaut).',
    kind: 'text',
    advanced: true,
  },
};

const DELIMITERS = {
  ',': ', (virgule)',
  ';': '; (point-virgule)',
  '\t': 'tabulation',
  '|': '| (barre verticale)',
  ' ': 'espace',
};
const DECIMALS = {',': ', (virgule)', '.': '. (point)'};
const ENCODINGS = {
  'utf-8': 'utf-8 (Unicode, le format recommandé)',
  'windows-1252': "windows-1252 (ancien format d'Excel sous Windows)",
  'utf-16le': 'utf-16le (Unicode 16 bits)',
  'utf-16be': 'utf-16be (Unicode 16 bits)',
};
const LINE_ENDINGS = {
  lf: 'Unix (LF)',
  crlf: 'Windows (CRLF)',
  cr: 'Mac ancien (CR)',
  mixed: 'mélangées',
  none: 'une seule ligne',
};
const MARKER_KINDS = {secret: 'secret statistique', unavailable: 'non disponible', empty: 'cellule vide'};
const SKIP_REASONS = {blank: 'ligne vide', title: 'titre avant le tableau', note: 'note ou source après le tableau'};
const MAX_LISTED = 30;

/**
 * French typography for the page's sentences: a no-break space before « : ; ! ? » and inside « », so that a phone
 * never starts a line with « : » nor ends one with « « ».
 */
export const french = (text) =>
  String(text)
    .replace(/ ([:;!?»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0');

/** Creates an element with text (with French typography) and attributes. */
function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text != null) node.textContent = french(text);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

const delimiterName = (d) => DELIMITERS[d] ?? `« ${d} »`;
const plural = (n, one, many) => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
const quoteAttr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A key for loose comparisons: no accents, lower case, separators as spaces. */
const loose = (s) =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\-.’'/\s\u00a0\u202f]+/g, ' ')
    .trim();

/**
 * Suggests a widget for a table: {widget, reason} (a French sentence), or {widget: null, reason}.
 * @param {{columns: string[], rows: Array<Array<string|number|null>>, meta: {types: string[]}}} table
 * @param {{sexOf?: Function, levelRank?: Function, BUDGET_KEYS?: Record<string, readonly string[]>}} core
 */
export function suggestWidget(table, core = {}) {
  const {columns, rows, meta} = table;
  const stringCols = columns.map((_, j) => j).filter((j) => meta.types[j] === 'string');
  const valuesOf = (j) => rows.map((r) => r[j]).filter((v) => typeof v === 'string' && v.trim() !== '');
  const isSex = (v) =>
    core.sexOf ? core.sexOf(v) !== null : /^(hommes?|femmes?|h|f|masculin|feminin)$/.test(loose(v));
  const isLevel = (v) =>
    core.levelRank ? core.levelRank(String(v)) >= 0 : /debutant|intermediaire|avance|confirme|expert/.test(loose(v));
  const equipmentLike =
    /equip|internet|ordinateur|informatique|telephone|smartphone|tablette|connect|appareil|box|imprimante/;
  const budgetKeys = new Set(core.BUDGET_KEYS?.budget ?? ['budget']);
  const names = columns.map(loose);

  // Sex: columns named Hommes / Femmes, a sex column, or rows labelled by sex.
  if (
    columns.filter(isSex).length >= 2 ||
    names.some((n) => /^(sexe|sex|genre|gender)\b/.test(n)) ||
    stringCols.some((j) => new Set(valuesOf(j).filter(isSex).map(loose)).size >= 2)
  ) {
    return {widget: 'age-chart', reason: 'le fichier distingue les hommes et les femmes'};
  }
  if (names.some((n) => /^(niveau|level)/.test(n)) || stringCols.some((j) => valuesOf(j).filter(isLevel).length >= 2)) {
    return {widget: 'skill-chart', reason: "le fichier contient des niveaux d'usage (débutant, intermédiaire…)"};
  }
  if (
    names.some((n) => /^(equipement|equipment)/.test(n)) ||
    stringCols.some((j) => valuesOf(j).filter((v) => equipmentLike.test(loose(v))).length >= 2)
  ) {
    return {widget: 'equipment-chart', reason: 'le fichier décrit des équipements (ordinateur, Internet…)'};
  }
  // Key/value files (indicateur, valeur[, unité]) or a one-row table.
  const keyValue = stringCols.length >= 1 && columns.length <= 3 && meta.types.includes('number');
  const keys = keyValue ? valuesOf(stringCols[0]).map(loose) : rows.length === 1 ? names : [];
  if (keys.some((k) => budgetKeys.has(k) || budgetKeys.has(k.replace(/ (eur|euros?)$/, '')))) {
    return {widget: 'budget-card', reason: 'le fichier donne un budget'};
  }
  if (keyValue || rows.length === 1) {
    return {widget: 'key-figures', reason: "le fichier est une liste d'indicateurs et de valeurs"};
  }
  return {widget: null, reason: 'aucun graphique ne correspond clairement à ce fichier'};
}

/**
 * What the file itself says of its title and source, to prefill « Titre » and « Source »: its title lines before the
 * table (joined by « – »), and a « Source : … » line after it.
 * @param {{titles?: string[], notes?: string[]}} meta the table's meta
 * @returns {{heading: string, source: string}}
 */
export function prefillFrom(meta) {
  const clean = (s) =>
    String(s)
      .replace(/[;,\t|]+\s*$/, '')
      .replace(/\s+/g, ' ')
      .trim();
  const heading = (meta.titles ?? []).map(clean).filter(Boolean).join(' – ');
  const note = (meta.notes ?? []).map(clean).find((n) => /^sources?\s*:/i.test(n));
  return {heading, source: note ? note.replace(/^sources?\s*:\s*/i, '') : ''};
}

/**
 * The decimal separator as the builder says it: « pas de décimales » when no number of the file has decimals (the
 * core gives `null` then, or, before it did, its default), else the separator's name.
 * @param {{rows: Array<Array<unknown>>, meta: {decimal: string | null}}} table
 */
export function decimalName(table) {
  const decimals = table.rows.some((r) => r.some((v) => typeof v === 'number' && !Number.isInteger(v)));
  return table.meta.decimal == null || !decimals
    ? 'pas de décimales'
    : (DECIMALS[table.meta.decimal] ?? table.meta.decimal);
}

/** The state of the page: where the data comes from, and what was read. */
const state = {
  /** 'url' or 'file' */
  origin: null,
  /** The resolved address (url) or the file name (file). */
  address: null,
  /** The bytes of a local file. */
  bytes: null,
  table: null,
  widget: null,
  generation: 0,
};

let core = null;
const $ = (id) => document.getElementById(id);

/** Shows a French error (role="alert"): a lead sentence and details. */
function showError(lead, ...details) {
  const box = $('errors');
  box.replaceChildren();
  const p = el('p');
  p.append(el('strong', lead));
  box.append(p);
  for (const d of details) if (d) box.append(el('p', d));
  // The alert is read out; the status line only says that nothing was read.
  $('status').textContent = french("Lecture impossible : voir l'explication ci-dessus.");
}

function clearError() {
  $('errors').replaceChildren();
}

/** An error thrown while reading, explained in French. */
function explain(error, what) {
  if (error && error.name === 'EpnDataError') {
    showError(`Le fichier ${what} n'a pas pu être lu.`, error.message, advice(error.code));
  } else {
    showError(`Le fichier ${what} n'a pas pu être lu.`, 'Erreur inattendue : ' + String(error?.message ?? error));
  }
}

function advice(code) {
  switch (code) {
    case 'NETWORK':
      return 'Si le fichier est sur un autre site, ce site doit autoriser sa lecture (en-tête CORS « Access-Control-Allow-Origin »). Sinon, téléchargez-le et choisissez-le comme fichier local.';
    case 'BAD_URL':
      return "Copiez l'adresse complète du fichier, qui commence par http:// ou https://.";
    case 'NOT_TEXT':
    case 'NOT_CSV':
      return 'Enregistrez le tableau au format « CSV » depuis votre tableur (Fichier > Enregistrer sous > CSV).';
    default:
      return '';
  }
}

/** Resets the sections below the data step. */
function hideResults() {
  for (const id of ['detected-section', 'widget-section', 'preview-section', 'code-section']) $(id).hidden = true;
  $('preview').replaceChildren();
}

/** Reads the address typed in the form with the core's loadCsv. */
async function readUrl(raw) {
  const generation = ++state.generation;
  clearError();
  hideResults();
  const value = raw.trim();
  if (!value) {
    showError("Donnez l'adresse d'un fichier CSV.", 'Par exemple : https://www.exemple.fr/donnees/inscrits.csv');
    return;
  }
  $('status').textContent = 'Lecture du fichier en cours…';
  let address;
  try {
    address = core.checkUrl(value, location.href);
    const table = await core.loadCsv(address, forcedOptions());
    if (generation !== state.generation) return;
    Object.assign(state, {origin: 'url', address, bytes: null, table});
  } catch (error) {
    if (generation !== state.generation) return;
    explain(error, `« ${value} »`);
    return;
  }
  shown(true);
}

/** Reads a local file's bytes with parseCsv. */
async function readFile(file) {
  const generation = ++state.generation;
  clearError();
  hideResults();
  if (!file) return;
  $('status').textContent = french(`Lecture de « ${file.name} »…`);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (generation !== state.generation) return;
    const table = core.parseCsv(bytes, forcedOptions());
    Object.assign(state, {origin: 'file', address: file.name, bytes, table});
  } catch (error) {
    if (generation !== state.generation) return;
    explain(error, `« ${file.name} »`);
    return;
  }
  shown(true);
}

/**
 * What the options form forces of the reading (delimiter, encoding, decimal separator, header rows, column types),
 * read as the widgets read the same attributes (readOptionsOf), so that the preview, the code and this reading agree.
 */
export function forcedOptions(form = $('options-form')) {
  const get = (name) => form?.elements.namedItem(name)?.value || null;
  const rows = get('header-rows');
  return core.readOptionsOf({
    delimiter: get('delimiter'),
    encoding: get('encoding'),
    decimal: get('decimal'),
    headerRows: rows === null ? null : Number(rows),
    types: get('types'),
  });
}

/** The options that change the reading: a change reads the file again. */
const READ_OPTIONS = ['delimiter', 'encoding', 'decimal', 'header-rows', 'types'];

/** Reads the same data again (the delimiter or the encoding was forced). */
async function reread() {
  const generation = ++state.generation;
  try {
    const table =
      state.origin === 'url'
        ? await core.loadCsv(state.address, forcedOptions())
        : core.parseCsv(state.bytes, forcedOptions());
    if (generation !== state.generation) return;
    state.table = table;
    clearError();
  } catch (error) {
    if (generation !== state.generation) return;
    explain(error, `« ${state.address} »`);
    return;
  }
  shown(false);
}

/** Shows what was read; on a new file, also suggests a widget and builds its form. */
function shown(fresh) {
  const table = state.table;
  renderDetection(table);
  $('detected-section').hidden = false;
  let suggestion = null;
  if (fresh) {
    suggestion = suggestWidget(table, core);
    const widget = suggestion.widget ?? 'age-chart';
    $('widget').value = widget;
    buildForm(widget);
    $('suggestion').textContent = french(
      suggestion.widget
        ? `Graphique suggéré : ${WIDGETS[widget].name}, car ${suggestion.reason}. Vous pouvez en choisir un autre.`
        : `Graphique suggéré : aucun, car ${suggestion.reason}. Choisissez celui qui convient.`,
    );
  } else {
    refreshColumnSelects();
  }
  $('widget-section').hidden = false;
  $('preview-section').hidden = false;
  $('code-section').hidden = false;
  update();
  const m = table.meta;
  const issues = m.issues.length ? `, ${plural(m.issues.length, 'anomalie', 'anomalies')}` : '';
  $('status').textContent = french(
    `Fichier lu : encodage ${m.encoding ?? 'texte'}, séparateur ${delimiterName(m.delimiter)}, ` +
      `${plural(table.columns.length, 'colonne', 'colonnes')}, ${plural(table.rows.length, 'ligne de données', 'lignes de données')}` +
      `${issues}.${suggestion ? ` ${suggestion.widget ? `Graphique suggéré : ${WIDGETS[suggestion.widget].name}.` : 'Aucun graphique suggéré.'}` : ''}`,
  );
}

/** A list of at most MAX_LISTED items, then "… et N autres". */
function list(items, toText) {
  const ul = el('ul');
  for (const item of items.slice(0, MAX_LISTED)) ul.append(el('li', toText(item)));
  if (items.length > MAX_LISTED) ul.append(el('li', `… et ${items.length - MAX_LISTED} autres.`));
  return ul;
}

/** What the core detected, in plain French. */
function renderDetection(table) {
  const m = table.meta;
  const box = $('detected');
  box.replaceChildren();
  const dl = el('dl', null, {class: 'detected'});
  const item = (term, value) => {
    dl.append(el('dt', term));
    const dd = el('dd');
    if (typeof value === 'string') dd.textContent = french(value);
    else dd.append(value);
    dl.append(dd);
  };
  item('Fichier', state.origin === 'url' ? state.address : `${state.address} (sur votre ordinateur)`);
  item('Encodage', m.encoding ? (ENCODINGS[m.encoding] ?? m.encoding) : 'texte déjà décodé');
  item('BOM (marque en tête du fichier)', m.bom ? 'oui' : 'non');
  item('Séparateur', delimiterName(m.delimiter));
  item('Séparateur décimal', decimalName(table));
  item('Fins de ligne', LINE_ENDINGS[m.lineEnding] ?? m.lineEnding);
  item(
    "Lignes d'en-tête",
    m.headerRows === 0
      ? 'aucune (colonnes nommées « Colonne 1 »…)'
      : `${m.headerRows}, à partir de la ligne ${m.headerLine}${m.headerRows === 2 ? ' (en-tête fusionné sur deux lignes)' : ''}`,
  );
  item('Nombre de lignes de données', table.rows.length.toLocaleString('fr-FR'));
  if (m.titles.length) item('Titre(s) avant le tableau', m.titles.join(' / '));
  if (m.notes.length) item('Notes après le tableau', m.notes.join(' / '));
  box.append(dl);

  // Columns and their types.
  const wrap = el('div', null, {class: 'table-wrap'});
  const t = el('table', null, {class: 'columns'});
  t.append(el('caption', `Colonnes (${table.columns.length})`));
  const head = el('tr');
  for (const h of ['N°', 'Nom', 'Type', 'Exemple']) head.append(el('th', h, {scope: 'col'}));
  const thead = el('thead');
  thead.append(head);
  t.append(thead);
  const body = el('tbody');
  table.columns.forEach((name, j) => {
    const tr = el('tr');
    tr.append(el('td', String(j + 1)));
    tr.append(el('th', name, {scope: 'row'}));
    const type = m.types[j] === 'number' ? (m.percentColumns.includes(j) ? 'nombre (en %)' : 'nombre') : 'texte';
    tr.append(el('td', type));
    const example = table.rows.map((r) => r[j]).find((v) => v !== null && v !== '');
    tr.append(
      el('td', example == null ? '' : typeof example === 'number' ? example.toLocaleString('fr-FR') : String(example)),
    );
    body.append(tr);
  });
  t.append(body);
  wrap.append(t);
  box.append(wrap);

  const columnName = (j) => table.columns[j] ?? `colonne ${j + 1}`;
  const markers = m.markers.filter((k) => k.kind !== 'empty');
  const empties = m.markers.length - markers.length;
  box.append(el('h3', 'Marqueurs de secret statistique ou de donnée non disponible'));
  if (markers.length) {
    box.append(
      list(
        markers,
        (k) =>
          `ligne ${k.line}, colonne « ${columnName(k.column)} » : « ${k.raw} » (${MARKER_KINDS[k.kind] ?? k.kind})`,
      ),
    );
  } else {
    box.append(el('p', 'Aucun.'));
  }
  if (empties)
    box.append(el('p', `Cellules vides dans des colonnes de nombres : ${empties} (elles ne comptent pas pour 0).`));

  box.append(el('h3', 'Lignes ignorées'));
  if (m.skipped.length) {
    box.append(
      list(
        m.skipped,
        (s) => `ligne ${s.line} (${SKIP_REASONS[s.reason] ?? s.reason})${s.text ? ` : « ${s.text} »` : ''}`,
      ),
    );
  } else {
    box.append(el('p', 'Aucune.'));
  }

  // What a chart drawn from this file would say about its reading: doubts, columns and rows set aside.
  let crossTab;
  try {
    crossTab = core.readCrossTab(table);
  } catch {
    crossTab = undefined;
  }
  const notes = core.readingNotes ? core.readingNotes(table, crossTab) : [];
  box.append(el('h3', 'Ce que la lecture a mis de côté ou dont elle doute'));
  if (notes.length) box.append(list(notes, (n) => n.fr));
  else box.append(el('p', 'Rien : aucune colonne ni ligne mise de côté, aucun doute.'));

  box.append(el('h3', 'Anomalies'));
  if (m.issues.length) {
    box.append(list(m.issues, (i) => i.message));
  } else {
    box.append(el('p', 'Aucune : chaque cellule a été lue.'));
  }
}

/** The options form of a widget, generated from its attributes. */
function buildForm(widget) {
  state.widget = widget;
  const previous = new Map();
  const form = $('options-form');
  for (const name of READ_OPTIONS) {
    const field = form.elements.namedItem(name);
    if (field?.value) previous.set(name, field.value);
  }
  const main = el('div', null, {class: 'options'});
  const advanced = el('fieldset');
  advanced.append(el('legend', 'Options avancées'));
  const advancedGrid = el('div', null, {class: 'options'});
  advanced.append(advancedGrid);
  for (const name of attributesOf(widget)) {
    const spec = FIELDS[name] ?? {label: name, hint: 'Voir la référence des composants.', kind: 'text', advanced: true};
    if (name === 'measure' && !MEASURES[widget]) continue;
    const field = fieldFor(widget, name, spec);
    if (previous.has(name)) field.querySelector('select, input').value = previous.get(name);
    (spec.advanced ? advancedGrid : main).append(field);
  }
  // What the file says of its title and source fills « Titre » and « Source » (the webmaster can change them).
  const found = prefillFrom(state.table?.meta ?? {});
  for (const [name, value] of [
    ['heading', found.heading],
    ['source', found.source],
  ]) {
    const input = main.querySelector(`[name="${name}"]`);
    if (input && value) input.value = value;
  }
  $('options').replaceChildren(main, advanced);
}

/**
 * The attributes of a widget offered in the form: those the element really observes (its class, once defined),
 * in the order of WIDGETS, then any other it observes (a new attribute gets a plain text field); never `src`.
 */
export function attributesOf(widget) {
  const preferred = WIDGETS[widget].attributes;
  const observed = customElements.get(`epn-${widget}`)?.observedAttributes;
  if (!Array.isArray(observed)) return preferred;
  const names = observed.filter((n) => n !== 'src' && /^[a-z][a-z0-9-]*$/.test(n));
  return [...preferred.filter((n) => names.includes(n)), ...names.filter((n) => !preferred.includes(n))];
}

/** One labelled control, named after the attribute. */
function fieldFor(widget, name, spec) {
  const id = `opt-${name}`;
  const box = el('div', null, {class: 'field'});
  box.append(el('label', spec.label, {for: id}));
  const hintId = `${id}-hint`;
  const hint = el('span', `${spec.hint ? `${spec.hint} ` : ''}Attribut « ${name} ».`, {class: 'hint', id: hintId});
  box.append(hint);
  let control;
  if (spec.kind === 'measure' || spec.kind === 'choice') {
    control = el('select');
    const choices =
      spec.kind === 'measure'
        ? [['', `Par défaut (${MEASURES[widget][0][1].toLowerCase()})`], ...MEASURES[widget]]
        : spec.choices;
    for (const [value, text] of choices) control.append(el('option', text, {value}));
  } else if (spec.kind === 'column') {
    control = el('select', null, {'data-columns': ''});
    fillColumns(control);
  } else if (spec.kind === 'checkbox') {
    control = el('input', null, {type: 'checkbox'});
  } else {
    control = el('input', null, {type: spec.kind === 'number' ? 'number' : spec.kind === 'url' ? 'url' : 'text'});
    if (spec.min != null) control.setAttribute('min', String(spec.min));
    if (spec.max != null) control.setAttribute('max', String(spec.max));
  }
  control.id = id;
  control.name = name;
  control.setAttribute('aria-describedby', hintId);
  box.append(control);
  return box;
}

/** The file's columns as the options of a column <select> (keeping the choice when the column still exists). */
function fillColumns(select) {
  const kept = select.value;
  select.replaceChildren(el('option', 'Détection automatique', {value: ''}));
  for (const name of state.table?.columns ?? []) select.append(el('option', name, {value: name}));
  select.value = (state.table?.columns ?? []).includes(kept) ? kept : '';
}

function refreshColumnSelects() {
  for (const select of $('options').querySelectorAll('select[data-columns]')) fillColumns(select);
}

/**
 * The attributes chosen in the form, in its order, without the empty ones: [name, value], value `true` for a
 * boolean attribute that is set (a ticked checkbox).
 */
function chosenAttributes() {
  const out = [];
  for (const control of $('options').querySelectorAll('input, select')) {
    if (control.type === 'checkbox') {
      if (control.checked) out.push([control.name, true]);
      continue;
    }
    const value = control.value.trim();
    if (value !== '') out.push([control.name, value]);
  }
  return out;
}

const isLoopback = (host) =>
  host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]';

/**
 * A file name from the last segment of an address, decoded: `%C3%A9` (UTF-8) and `%E9` (Latin-1, which
 * decodeURIComponent refuses with « URI malformed ») both give `é`; a stray `%` stays as written.
 * @param {string} segment
 */
export function fileName(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run.replace(/%([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
      }
    });
  }
}

/**
 * The code to copy for a widget: the script and the element, and the iframe of the embed page, with the addresses of
 * the webmaster's site (SITE). `address` is the CSV's: an http(s) address is kept, unless it is on this computer
 * (localhost, 127.x: a test server no visitor can reach); a local file's name, or such an address, becomes a
 * placeholder under PLACEHOLDER_DIR that the webmaster replaces once the file is published (`unpublished: true`).
 * @param {string} widget e.g. 'age-chart'
 * @param {Array<[string, string | true]>} attributes the attributes chosen (`true`: a boolean attribute)
 * @param {{address: string, local: boolean}} data the CSV: a file name (local) or an address
 * @returns {{src: string, unpublished: boolean, snippet: string, iframe: string}}
 */
export function codeFor(widget, attributes, {address, local}) {
  let unpublished = local;
  let name = address;
  if (!local) {
    const url = new URL(address);
    if (isLoopback(url.hostname)) {
      unpublished = true;
      name = fileName(url.pathname.split('/').pop() || 'fichier.csv');
    }
  }
  const src = unpublished ? PLACEHOLDER_DIR + encodeURIComponent(name) : address;
  const tag = `epn-${widget}`;
  const all = [['src', src], ...attributes];
  const attrs = all.map(([n, value]) => (value === true ? `\n  ${n}` : `\n  ${n}="${quoteAttr(value)}"`)).join('');
  const snippet = `<script type="module" src="${SNIPPET_SCRIPT}"></script>\n\n<${tag}${attrs}>\n</${tag}>`;
  const query = [['widget', widget], ...all]
    .map(([n, value]) => `${encodeURIComponent(n)}=${value === true ? '' : encodeURIComponent(value)}`)
    .join('&amp;');
  const title = attributes.find(([n]) => n === 'heading')?.[1] ?? WIDGETS[widget].name;
  const iframe =
    `<iframe src="${EMBED_PAGE}?${query}"\n  title="${quoteAttr(String(title))}"` +
    ' style="width:100%;border:0" height="480" loading="lazy"></iframe>';
  return {src, unpublished, snippet, iframe};
}

/** Redraws the preview and rewrites the code. */
function update() {
  const widget = state.widget;
  const tag = `epn-${widget}`;
  const attributes = chosenAttributes();
  // Preview: a new element each time (the `data` property for a local file, `src` for an address).
  const preview = el(tag);
  for (const [name, value] of attributes) {
    try {
      preview.setAttribute(name, value === true ? '' : value);
    } catch {
      // an attribute name is always one of ours; nothing to do
    }
  }
  if (state.origin === 'url') preview.setAttribute('src', state.address);
  else preview.data = state.table;
  $('preview').replaceChildren(preview);

  // The code.
  const local = state.origin === 'file';
  const code = codeFor(widget, attributes, {address: state.address, local});
  $('snippet').textContent = code.snippet;
  $('iframe-code').textContent = code.iframe;
  const notice = $('local-notice');
  notice.hidden = !code.unpublished;
  notice.replaceChildren();
  if (code.unpublished) {
    const where = local
      ? `Le fichier « ${state.address} » est sur votre ordinateur`
      : `L'adresse « ${state.address} » est celle d'un serveur de test sur votre ordinateur`;
    notice.append(
      el(
        'p',
        `${where} : l'aperçu le lit directement, ` +
          "mais un site ne peut pas le lire là. Le webmaster doit d'abord le publier sur le site (ou sur un portail de " +
          `données ouvertes), puis remplacer dans le code ci-dessous l'adresse « ${code.src} » par l'adresse du fichier publié.`,
      ),
    );
  }
}

/** Copies a code block's text, and says so. */
async function copy(id, what) {
  const text = $(id).textContent;
  try {
    await navigator.clipboard.writeText(text);
    $('copy-status').textContent = french(`${what} copié dans le presse-papiers.`);
  } catch {
    const range = document.createRange();
    range.selectNodeContents($(id));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    $('copy-status').textContent = french(
      `La copie automatique est refusée par le navigateur : le code est sélectionné, ` +
        'copiez-le avec Ctrl+C (ou Cmd+C).',
    );
  }
}

function start() {
  const select = $('widget');
  for (const [value, {name}] of Object.entries(WIDGETS)) select.append(el('option', name, {value}));

  $('url-form').addEventListener('submit', (event) => {
    event.preventDefault();
    readUrl($('csv-url').value);
  });
  const input = $('csv-file');
  input.addEventListener('change', () => readFile(input.files?.[0] ?? null));
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const file = event.dataTransfer?.files?.[0];
    if (file) readFile(file);
  });

  select.addEventListener('change', () => {
    if (!state.table) return;
    buildForm(select.value);
    update();
  });
  let timer = 0;
  $('options-form').addEventListener('input', (event) => {
    if (!state.table || event.target === select) return;
    clearTimeout(timer);
    // A reading option read again once typing pauses (a half-typed type would be refused at each key).
    timer = setTimeout(READ_OPTIONS.includes(event.target.name) ? reread : update, 300);
  });
  $('options-form').addEventListener('submit', (event) => event.preventDefault());
  $('copy-snippet').addEventListener('click', () => copy('snippet', "Le script et l'élément"));
  $('copy-iframe').addEventListener('click', () => copy('iframe-code', 'Le code iframe'));

  const prefill = new URLSearchParams(location.search).get('src');
  if (prefill) {
    $('csv-url').value = prefill;
    readUrl(prefill);
  }
}

if (document.getElementById('builder')) {
  addEventListener('unhandledrejection', (event) => {
    showError('Une erreur inattendue est survenue.', String(event.reason?.message ?? event.reason));
  });
  Promise.all([import(STATS_SCRIPT), import(WIDGETS_SCRIPT)]).then(
    ([stats, widgets]) => {
      core = {...stats, ...widgets};
      start();
    },
    (error) =>
      showError(
        "Les scripts des graphiques (epn-stats.min.js, epn-widgets.js) n'ont pas pu être chargés.",
        `Adresses : ${STATS_SCRIPT}, ${WIDGETS_SCRIPT}. Lancez « npm run build » puis rechargez la page.`,
        String(error?.message ?? error),
      ),
  );
}
