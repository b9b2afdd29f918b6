// The module behind embed.html: reads the query string, checks it, and draws one widget or says in French what was
// refused. Nodes are built with the DOM API, values set with setAttribute and textContent only (never innerHTML).
// It also tells the parent page its height ({type: 'epn-embed-size', height}: a number, never data), for embed.js.
//
// The allow-lists below mirror the attributes in packages/widgets/custom-elements.json, less Lit's internal states
// (protected fields such as menuOpen, which the analyzer also lists): a browser test compares the two.

/** Attributes each widget really has, by the `widget` value of the query. */
export const WIDGETS = Object.freeze({
  'age-chart': [
    'src',
    'measure',
    'sex-column',
    'age-column',
    'value-column',
    'bands',
    'lang',
    'heading',
    'description',
    'source',
    'source-href',
    'delimiter',
    'encoding',
    'decimal',
    'header-rows',
    'types',
    'refresh',
    'digits',
    'theme',
    'export',
    'population-src',
    'population-area',
    'population-group',
  ],
  'equipment-chart': [
    'src',
    'measure',
    'rows-column',
    'age-column',
    'value-column',
    'bands',
    'lang',
    'heading',
    'description',
    'source',
    'source-href',
    'delimiter',
    'encoding',
    'decimal',
    'header-rows',
    'types',
    'refresh',
    'digits',
    'theme',
    'export',
  ],
  'skill-chart': [
    'src',
    'measure',
    'rows-column',
    'age-column',
    'value-column',
    'bands',
    'lang',
    'heading',
    'description',
    'source',
    'source-href',
    'delimiter',
    'encoding',
    'decimal',
    'header-rows',
    'types',
    'refresh',
    'digits',
    'theme',
    'export',
  ],
  'budget-card': [
    'src',
    'budget',
    'population',
    'registered',
    'year',
    'population-src',
    'territory',
    'ages',
    'age-match',
    'reach-ages',
    'population-group',
    'digits',
    'heading',
    'lang',
    'description',
    'source',
    'source-href',
    'delimiter',
    'encoding',
    'decimal',
    'header-rows',
    'types',
    'refresh',
    'theme',
    'export',
  ],
  'key-figures': [
    'src',
    'keys',
    'labels',
    'ratios',
    'digits',
    'breakdown-src',
    'breakdown-column',
    'breakdown-heading',
    'heading',
    'lang',
    'description',
    'source',
    'source-href',
    'delimiter',
    'encoding',
    'decimal',
    'header-rows',
    'types',
    'refresh',
    'theme',
    'export',
  ],
  'reach-chart': [
    'src',
    'population-src',
    'population-area',
    'population-group',
    'exclude',
    'scheme',
    'measure',
    'age-column',
    'sex-column',
    'value-column',
    'bands',
    'digits',
    'lang',
    'heading',
    'description',
    'source',
    'source-href',
    'delimiter',
    'encoding',
    'decimal',
    'header-rows',
    'types',
    'refresh',
    'theme',
    'export',
  ],
});

/** Attributes holding an address: only http(s) or relative (resolved against this page). */
export const URL_ATTRIBUTES = Object.freeze(['src', 'source-href', 'population-src', 'breakdown-src']);

/** Longest value accepted for one attribute (a heading or a URL, not a document). */
export const MAX_VALUE_LENGTH = 2000;

const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/** A value shown in a message: quoted, one line, cut if long. */
const shown = (value) => {
  const line = String(value).replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `« ${line.length > 60 ? `${line.slice(0, 59)}…` : line} »`;
};

/**
 * Checks a query string. Returns {ok: true, widget, tag, attributes: [[name, value]…], lang} or
 * {ok: false, problems: [French sentences]}. URL values come back resolved against `base`.
 * @param {string} search location.search
 * @param {string} base the page's address, to resolve relative URLs
 */
export function readQuery(search, base) {
  const params = new URLSearchParams(search);
  const problems = [];
  const widgets = Object.keys(WIDGETS);
  const names = params.getAll('widget');
  if (names.length !== 1 || !Object.hasOwn(WIDGETS, names[0])) {
    const what =
      names.length === 0
        ? 'Le paramètre « widget » manque.'
        : names.length > 1
          ? 'Le paramètre « widget » est donné plusieurs fois.'
          : `Le widget ${shown(names[0])} n'existe pas.`;
    return {ok: false, problems: [`${what} Widgets acceptés : ${widgets.join(', ')}.`]};
  }
  const widget = names[0];
  const allowed = WIDGETS[widget];
  const seen = new Set();
  const attributes = [];
  let lang = null;
  for (const [name, value] of params) {
    if (name === 'widget') continue;
    if (!allowed.includes(name)) {
      problems.push(
        `L'attribut ${shown(name)} n'existe pas pour ce widget (${widget}). ` +
          `Attributs acceptés : ${allowed.join(', ')}.`,
      );
      continue;
    }
    if (seen.has(name)) {
      problems.push(`L'attribut ${shown(name)} est donné plusieurs fois : gardez-en un seul.`);
      continue;
    }
    seen.add(name);
    if (value.length > MAX_VALUE_LENGTH) {
      problems.push(`La valeur de ${shown(name)} est trop longue (plus de ${MAX_VALUE_LENGTH} caractères).`);
      continue;
    }
    let final = value;
    if (URL_ATTRIBUTES.includes(name)) {
      let url;
      try {
        url = new URL(value.trim(), base);
      } catch {
        url = null;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || value.trim() === '') {
        problems.push(
          `L'adresse donnée pour ${shown(name)} (${shown(value)}) est refusée : seules les adresses ` +
            'http://, https:// ou relatives à cette page sont acceptées.',
        );
        continue;
      }
      final = url.href;
    }
    if (name === 'lang') {
      if (!LANG.test(value)) {
        problems.push(`La langue ${shown(value)} n'est pas un code de langue (exemples acceptés : fr, en).`);
        continue;
      }
      lang = value;
    }
    attributes.push([name, final]);
  }
  if (problems.length) return {ok: false, problems};
  return {ok: true, widget, tag: `epn-${widget}`, attributes, lang};
}

/** The refusal, as a visible alert: what was refused and what is allowed. */
function renderRefusal(problems) {
  renderAlert("Ce graphique ne peut pas être affiché : l'adresse de la page intégrée est refusée.", problems);
}

/** A visible alert: a lead sentence in bold, then one paragraph per detail. */
function renderAlert(leadText, problems) {
  const box = document.createElement('div');
  box.className = 'epn-embed-refused';
  box.setAttribute('role', 'alert');
  const lead = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = leadText;
  lead.append(strong);
  box.append(lead);
  for (const problem of problems) {
    const p = document.createElement('p');
    p.textContent = problem;
    box.append(p);
  }
  document.body.append(box);
}

/**
 * The address of the all-in-one file: the content of `<meta name="epn-widgets">` if the page has one, else
 * `epn-widgets.js` beside the page (where a webmaster copies it with embed.html), resolved against `base`.
 * @param {Document} doc
 * @param {string} base the page's address
 */
export function widgetsScript(doc, base) {
  const given = doc.querySelector('meta[name="epn-widgets"]')?.getAttribute('content')?.trim();
  return new URL(given || 'epn-widgets.js', base).href;
}

/** The French explanation shown instead of the widget when the all-in-one file cannot be loaded from `url`. */
export function missingScript(url) {
  const file = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'epn-widgets.js');
  return [
    `Ce graphique ne peut pas être affiché\u00a0: le fichier ${file} n'a pas pu être chargé.`,
    `Adresse cherchée\u00a0: ${url}`,
    'Copiez epn-widgets.js (avec tous les autres fichiers epn-*.js) dans le même dossier que embed.html, ou donnez ' +
      'son adresse dans embed.html (balise <meta name="epn-widgets" content="…">). Depuis un autre site, ajoutez aussi ' +
      'ce site à la règle script-src de la balise Content-Security-Policy de embed.html.',
  ];
}

/** Loads the all-in-one file; if it cannot be, the widget gives way to a French alert naming the file and its address. */
function loadWidgets(el) {
  const url = widgetsScript(document, location.href);
  import(url).catch(() => {
    el.remove();
    const [lead, ...rest] = missingScript(url);
    renderAlert(lead, rest);
  });
}

/** Draws the widget (or the refusal) and reports the page's height to the parent. */
function main() {
  const result = readQuery(location.search, location.href);
  if (!result.ok) {
    document.documentElement.lang = 'fr';
    renderRefusal(result.problems);
  } else {
    if (result.lang) document.documentElement.lang = result.lang;
    const el = document.createElement(result.tag);
    el.setAttribute('data-epn-widget', result.widget);
    for (const [name, value] of result.attributes) el.setAttribute(name, value);
    const heading = result.attributes.find(([name]) => name === 'heading');
    if (heading) document.title = heading[1];
    document.body.append(el);
    loadWidgets(el);
  }
  reportHeight();
}

/**
 * The origin of the page that frames this one, if the height may be posted to it: the browser's `ancestorOrigins`,
 * else the referrer's (`null` when neither is known: a referrer policy of `no-referrer`). A site whose files are read
 * with the visitor's cookies can list the pages allowed to frame it with resizing, on embed.html's root element:
 * `<html data-epn-embed data-parent-origins="https://www.mairie.fr https://cms.mairie.fr">`; another origin then
 * gets no height (it would tell whether a file drew or failed), and the iframe keeps its own height.
 */
export function parentOrigin(
  ancestor = location.ancestorOrigins?.[0],
  referrer = document.referrer,
  listed = document.documentElement.dataset.parentOrigins,
) {
  let origin = ancestor && ancestor !== 'null' ? ancestor : null;
  if (!origin && referrer) {
    try {
      origin = new URL(referrer).origin;
    } catch {
      origin = null;
    }
  }
  if (!origin || origin === 'null') return null;
  const allowed = listed?.split(/[\s,]+/).filter(Boolean);
  return !allowed || origin === location.origin || allowed.includes(origin) ? origin : null;
}

/**
 * Posts the body's height to the parent page whenever it changes, to the parent's origin only (never '*': a page of
 * another origin that framed this one after the parent navigated away must not learn whether a file drew or failed).
 */
function reportHeight() {
  const target = parentOrigin();
  if (window.parent === window || typeof ResizeObserver !== 'function' || !target) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({type: 'epn-embed-size', height}, target);
  };
  new ResizeObserver(post).observe(document.body);
  post();
}

if (document.documentElement.hasAttribute('data-epn-embed')) main();
