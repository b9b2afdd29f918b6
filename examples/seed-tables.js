// Reads the seed tables with @epn/stats and shows them as accessible HTML tables. Every node is built with the
// DOM API and text (never innerHTML), so no CSV label can become markup.
import {
  EpnDataError,
  formatEuro,
  formatNumber,
  formatPercent,
  loadCsv,
  ratio,
  readCrossTab,
  shares,
} from '/packages/stats/dist/epn-stats.min.js';

const main = document.getElementById('tables');

/** Creates an element with text and attributes. */
function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** « décimale « , » », or « pas de décimales » when no number of the file has any (the core then gives null). */
const decimals = (m, rows) =>
  m.decimal == null || !rows.some((r) => r.some((v) => typeof v === 'number' && !Number.isInteger(v)))
    ? 'pas de décimales'
    : `décimale « ${m.decimal} »`;

const describeMeta = ({meta: m, rows}) =>
  `Lu : encodage ${m.encoding ?? 'texte'}${m.bom ? ' (avec BOM)' : ''}, séparateur « ${m.delimiter === '\t' ? 'tabulation' : m.delimiter} », ` +
  `${decimals(m, rows)}, ${m.headerRows} ligne(s) d'en-tête, ${m.rowLines.length} lignes de données, ` +
  `${m.markers.filter((k) => k.kind !== 'empty').length} marqueur(s) de secret ou d'absence.`;

/**
 * A cross-tab as a table: counts, and under each the share the source printed. The Total column (and its shares) is
 * added only when the columns are parts of one whole (`parts`: age bands, levels); columns that measure different
 * things (projects and EPN sites) are never added up.
 */
function crossTable(ct, caption, basis, note, parts = true) {
  const table = el('table');
  table.append(el('caption', caption));
  const s = shares(ct, basis);
  const head = el('thead');
  const hr = el('tr');
  hr.append(el('th', ct.meta.rowTitle || '', {scope: 'col'}));
  for (const c of ct.columnLabels) hr.append(el('th', c, {scope: 'col'}));
  if (parts) hr.append(el('th', 'Total', {scope: 'col'}));
  head.append(hr);
  table.append(head);
  const body = el('tbody');
  const cell = (n, share) => {
    const td = el('td', formatNumber(n));
    if (share != null) td.append(el('span', formatPercent(share), {class: 'share'}));
    return td;
  };
  ct.rowLabels.forEach((label, i) => {
    const tr = el('tr');
    tr.append(el('th', label, {scope: 'row'}));
    ct.counts[i].forEach((n, j) => tr.append(cell(n, s[i][j])));
    if (parts) tr.append(cell(ct.rowTotals[i], ratio(ct.rowTotals[i], ct.total)));
    body.append(tr);
  });
  const tr = el('tr', null, {class: 'total'});
  tr.append(el('th', note ?? 'Total', {scope: 'row'}));
  ct.columnTotals.forEach((n) => tr.append(cell(n, basis === 'column' || !parts ? null : ratio(n, ct.total))));
  if (parts) tr.append(cell(ct.total, null));
  body.append(tr);
  table.append(body);
  const wrap = el('div', null, {class: 'table-wrap'});
  wrap.append(table);
  return wrap;
}

function section(title, ...children) {
  const s = el('section');
  s.append(el('h2', title), ...children);
  main.append(s);
}

function issuesList(issues) {
  if (!issues.length) return el('p', 'Aucune anomalie relevée.', {class: 'issues'});
  const ul = el('ul', null, {class: 'issues', 'aria-label': 'Anomalies relevées'});
  for (const i of issues.slice(0, 4)) ul.append(el('li', i.message));
  if (issues.length > 4) ul.append(el('li', `… et ${issues.length - 4} autre(s).`));
  return ul;
}

async function run() {
  const [sexe, equip, niveau, chiffres, deps] = await Promise.all(
    ['inscrits-sexe-age', 'equipement-age', 'niveau-usage-age', 'chiffres-cles', 'epn-departements'].map((f) =>
      loadCsv(`data/${f}.csv`),
    ),
  );
  main.replaceChildren();

  const key = (k) => chiffres.rows.find((r) => r[0] === k)?.[1] ?? null;
  const figures = el('ul', null, {class: 'figures'});
  const figure = (value, label) => {
    const li = el('li');
    li.append(el('strong', value), document.createTextNode(label));
    figures.append(li);
  };
  const budget = 16 * key('inscrits_annuels');
  figure(formatNumber(key('visites_annuelles')), 'visites par an');
  figure(formatNumber(key('inscrits_annuels')), 'inscrits par an');
  figure(formatNumber(ratio(key('visites_annuelles'), key('inscrits_annuels')), {digits: 1}), 'visites par inscrit');
  figure(formatNumber(key('epn')), `EPN portés par ${formatNumber(key('porteurs_de_projets'))} structures`);
  figure(formatNumber(key('animateurs')), `animateurs (${formatNumber(key('equivalents_temps_plein'))} ETP)`);
  figure(formatEuro(key('budget_appels_a_projets'), {compact: true}), 'engagés sur deux appels à projets');
  figure(
    formatEuro(ratio(budget, 1_478_000)),
    `par habitant et par an (budget annuel estimé ${formatEuro(budget, {compact: true})})`,
  );
  section('Chiffres clés', figures, el('p', describeMeta(chiffres), {class: 'meta'}));

  const ctSexe = readCrossTab(sexe);
  section(
    'Inscrits par sexe et par âge',
    crossTable(
      ctSexe,
      `Inscrits par sexe et tranche d'âge (part du total, ${formatNumber(ctSexe.total)} inscrits)`,
      'total',
    ),
    el('p', describeMeta(sexe), {class: 'meta'}),
    issuesList(ctSexe.meta.issues),
  );

  const ctEquip = readCrossTab(equip);
  section(
    'Équipement personnel par âge',
    crossTable(
      ctEquip,
      "Part des répondants de chaque tranche d'âge qui déclarent l'équipement",
      'column',
      'Répondants distincts',
    ),
    el('p', describeMeta(equip), {class: 'meta'}),
    issuesList(ctEquip.meta.issues),
  );

  const ctNiveau = readCrossTab(niveau);
  section(
    "Niveau d'usage par âge",
    crossTable(ctNiveau, "Répartition des niveaux dans chaque tranche d'âge", 'column'),
    el('p', describeMeta(niveau), {class: 'meta'}),
    issuesList(ctNiveau.meta.issues),
  );

  const ctDeps = readCrossTab(deps);
  section(
    'Porteurs de projets et EPN par département',
    crossTable(
      ctDeps,
      'Porteurs de projets et EPN par département (part de chaque département)',
      'column',
      undefined,
      false,
    ),
    el('p', describeMeta(deps), {class: 'meta'}),
  );
}

run().catch((e) => {
  main.replaceChildren(
    el('p', e instanceof EpnDataError ? e.message : `Erreur inattendue : ${e}`, {class: 'error', role: 'alert'}),
  );
});
