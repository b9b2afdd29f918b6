// Puts under each demo the snippet that reproduces it: the element's own markup, read from the page (so the
// snippet can never drift from what is shown), written as text; then the same widget as an iframe of embed.html,
// for sites whose CMS strips scripts and custom tags.
const EMBED_PAGE = 'https://votre-site.fr/epn/embed.html';
const EMBED_SCRIPT = 'https://votre-site.fr/epn/embed.js';
const attr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A labelled <pre><code> holding `text` (as text). */
function snippet(demo, labelText, text) {
  const label = document.createElement('p');
  label.className = 'snippet-label';
  label.textContent = labelText;
  const pre = document.createElement('pre');
  pre.className = 'snippet';
  const code = document.createElement('code');
  code.textContent = text;
  pre.append(code);
  demo.append(label, pre);
  return pre;
}

for (const demo of document.querySelectorAll('.demo')) {
  const el = demo.querySelector('[src], epn-budget-card');
  if (!el) continue;
  const shownAttrs = Array.from(el.attributes).filter((a) => a.name !== 'theme' && !a.name.startsWith('data-'));
  const attrs = shownAttrs.map((a) => `\n  ${a.name}="${a.value.replace(/"/g, '&quot;')}"`).join('');
  const tag = el.tagName.toLowerCase();
  snippet(demo, 'Code à copier :', `<${tag}${attrs}>\n</${tag}>`);

  // The iframe: the same attributes in the query string of embed.html (`&` written `&amp;` inside the HTML).
  const query = [['widget', tag.replace(/^epn-/, '')], ...shownAttrs.map((a) => [a.name, a.value])]
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&amp;');
  const title = el.getAttribute('heading') ?? demo.querySelector('h2')?.textContent?.trim() ?? 'Graphique EPN';
  const iframe =
    `<iframe src="${EMBED_PAGE}?${query}"\n  title="${attr(title)}"` +
    ' style="width:100%;border:0" height="480" loading="lazy"></iframe>';
  const pre = snippet(demo, "Code iframe (si votre site n'accepte pas les scripts) :", iframe);
  pre.classList.add('snippet-iframe');
  const note = document.createElement('p');
  note.className = 'meta';
  note.append('Facultatif, si votre site accepte un script : ');
  const code = document.createElement('code');
  code.textContent = `<script src="${EMBED_SCRIPT}" defer></script>`;
  note.append(code, " ajuste la hauteur de l'iframe à son contenu.");
  demo.append(note);
}

/** A « Copier » button under a snippet, with a status line saying it was copied (or how to copy it by hand). */
function addCopyButton(pre) {
  const row = document.createElement('p');
  row.className = 'copy-row';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.textContent = 'Copier le code';
  const status = document.createElement('span');
  status.className = 'meta';
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    const text = pre.textContent;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Code copié dans le presse-papiers.';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      status.textContent =
        'La copie automatique est refusée : le code est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).';
    }
  });
  row.append(button, ' ', status);
  pre.after(row);
}

for (const pre of document.querySelectorAll('pre.snippet')) addCopyButton(pre);
