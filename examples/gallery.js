// Puts under each demo the snippet that reproduces it: the element's own markup, read from the page (so the
// snippet can never drift from what is shown), written as text.
for (const demo of document.querySelectorAll('.demo')) {
  const el = demo.querySelector('[src], epn-budget-card');
  if (!el) continue;
  const attrs = Array.from(el.attributes)
    .filter((a) => a.name !== 'theme' && !a.name.startsWith('data-'))
    .map((a) => `\n  ${a.name}="${a.value.replace(/"/g, '&quot;')}"`)
    .join('');
  const tag = el.tagName.toLowerCase();
  const pre = document.createElement('pre');
  pre.className = 'snippet';
  const code = document.createElement('code');
  code.textContent = `<${tag}${attrs}>\n</${tag}>`;
  pre.append(code);
  const label = document.createElement('p');
  label.className = 'snippet-label';
  label.textContent = 'Code à copier :';
  demo.append(label, pre);
}
