/*
 * embed.js — optional script for the HOST page: fits each EPN iframe (embed.html) to the height of its content.
 *
 * Usage (on the page that shows the iframe; the script is optional, without it the iframe keeps its height):
 *
 *   <iframe src="https://votre-site.fr/epn/embed.html?widget=age-chart&amp;src=data/inscrits-sexe-age.csv"
 *     title="Inscrits par sexe et par âge" style="width:100%;border:0" height="480" loading="lazy"></iframe>
 *   <script src="https://votre-site.fr/epn/embed.js" defer></script>
 *
 * embed.html posts {type: 'epn-embed-size', height} to its parent. This script accepts such a message only when it
 * comes from one of this page's iframes (event.source) whose src is an embed.html, with event.origin equal to that
 * iframe's origin, and when height is a finite number within [0, 20000]. Nothing else is read from the message.
 * Loading it twice is harmless (one listener). Iframes inside shadow roots are not looked for.
 */
(() => {
  const KEY = Symbol.for('epn-embed-resize');
  if (window[KEY]) return;
  Object.defineProperty(window, KEY, {value: true});

  const MAX_HEIGHT = 20000;

  /** The iframe of this page whose window sent the message and that shows an embed.html of that origin, or null. */
  function frameOf(event) {
    if (!event.source) return null;
    for (const iframe of document.querySelectorAll('iframe')) {
      if (iframe.contentWindow !== event.source) continue;
      let url;
      try {
        url = new URL(iframe.src, document.baseURI);
      } catch {
        return null;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      if (!/\/embed\.html$/.test(url.pathname)) return null;
      return url.origin === event.origin ? iframe : null;
    }
    return null;
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (data === null || typeof data !== 'object' || data.type !== 'epn-embed-size') return;
    const height = data.height;
    if (typeof height !== 'number' || !Number.isFinite(height) || height < 0 || height > MAX_HEIGHT) return;
    const iframe = frameOf(event);
    if (!iframe) return;
    const px = `${Math.ceil(height)}px`;
    if (iframe.style.height !== px) iframe.style.height = px;
  });
})();
