// Generates the component reference (docs/api/components.md, French and English headings) from
// packages/widgets/custom-elements.json, which the manifest analyzer builds from each element's doc block. Never
// edit the output by hand: change the doc block, then `npm run docs`.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../packages/widgets/custom-elements.json', import.meta.url), 'utf8'));
const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
const table = (head, rows) => (rows.length ? [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''] : ['—', '']);

const out = [
  '# Référence des composants · Component reference',
  '',
  '> Généré par `npm run docs` depuis `packages/widgets/custom-elements.json`. Generated from the custom elements manifest: do not edit.',
  '',
];
const elements = manifest.modules
  .flatMap((m) => (m.declarations ?? []).map((d) => ({...d, path: m.path})))
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));
for (const el of elements) {
  out.push(`## \`<${el.tagName}>\``, '', el.summary ?? '', '', el.description ?? '', '', `Classe / class: \`${el.name}\` (${el.path})`, '');
  out.push('### Attributs · Attributes', '');
  out.push(...table(['attribut', 'propriété', 'type', 'défaut', 'description'], (el.attributes ?? []).map((a) => [`\`${a.name}\``, a.fieldName ? `\`${a.fieldName}\`` : '', a.type?.text ?? '', a.default ?? '', a.description ?? ''])));
  const props = (el.members ?? []).filter((m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static);
  out.push('### Propriétés · Properties', '');
  out.push(...table(['propriété', 'type', 'description'], props.map((p) => [`\`${p.name}\``, p.type?.text ?? '', p.description ?? ''])));
  const methods = (el.members ?? []).filter((m) => m.kind === 'method' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !/^(accept|render|connected|disconnected|attributeChanged|willUpdate|updated|firstUpdated)/.test(m.name));
  out.push('### Méthodes · Methods', '');
  out.push(...table(['méthode', 'description'], methods.map((m) => [`\`${m.name}()\``, m.description ?? ''])));
  out.push('### Événements · Events', '');
  out.push(...table(['événement', 'description'], (el.events ?? []).map((e) => [`\`${e.name}\``, e.description ?? ''])));
  out.push('### Parties (`::part`) · Parts', '');
  out.push(...table(['partie', 'description'], (el.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description ?? ''])));
  out.push('### Propriétés CSS · CSS custom properties', '');
  out.push(...table(['propriété', 'défaut', 'description'], (el.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.default ?? '', p.description ?? ''])));
}
mkdirSync(new URL('api/', import.meta.url), {recursive: true});
writeFileSync(new URL('api/components.md', import.meta.url), out.join('\n') + '\n');
console.log(`docs/api/components.md: ${elements.length} elements`);
