// Helpers for widget tests in headless Chromium.
import {aTimeout, expect, waitUntil} from '@open-wc/testing';
import type {EpnElement} from '@epn/widgets';

/** The URL of a fixture on the test server. */
export const fixtureUrl = (path: string): string => `/test/fixtures/${path}`;

/** Waits until the element has left the loading state (ready, empty or error). */
export async function settled(el: EpnElement<unknown>, timeout = 8000): Promise<void> {
  await waitUntil(
    () => {
      const s = (el as unknown as {status: string}).status;
      return s === 'ready' || s === 'empty' || s === 'error';
    },
    'the widget did not settle',
    {timeout},
  );
  await el.updateComplete;
}

/** The shadow root, asserted present. */
export function shadow(el: Element): ShadowRoot {
  expect(el.shadowRoot, 'shadow root').to.exist;
  return el.shadowRoot!;
}

/** Every attribute value in the SVG: none may hold NaN or Infinity. */
export function assertFiniteSvg(root: ParentNode): void {
  for (const node of Array.from(root.querySelectorAll('svg, svg *'))) {
    for (const attr of Array.from(node.attributes)) {
      expect(attr.value, `${node.tagName} ${attr.name}`).not.to.match(/NaN|Infinity/);
    }
  }
}

/** A normalised, reviewable text of an SVG: tags, attributes (numbers rounded to 0.1) and text, one per line. */
export function normaliseSvg(svg: SVGSVGElement): string {
  const lines: string[] = [];
  const walk = (node: Element, depth: number) => {
    const attrs = Array.from(node.attributes)
      .filter((a) => !a.name.startsWith('aria-') || a.name === 'aria-labelledby')
      .map((a) => `${a.name}="${a.value.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`)
      .sort();
    const text = Array.from(node.childNodes)
      .filter((c) => c.nodeType === Node.TEXT_NODE)
      .map((c) => c.textContent?.trim())
      .filter(Boolean)
      .join(' ');
    lines.push(
      `${'  '.repeat(depth)}<${node.tagName.toLowerCase()}${attrs.length ? ' ' + attrs.join(' ') : ''}>${text ? ' ' + text : ''}`,
    );
    for (const child of Array.from(node.children)) walk(child, depth + 1);
  };
  walk(svg, 0);
  return lines.join('\n') + '\n';
}

/**
 * Renders the element at a width, as its ResizeObserver would: a test page running in a background tab  gets neither ResizeObserver callbacks nor animation frames, so the width controller is
 * driven directly (fixtures of a plain wrapper element would wait for an animation frame and hang).
 */
export async function atWidth(el: HTMLElement & {updateComplete: Promise<boolean>}, px: number): Promise<void> {
  el.style.width = `${px}px`;
  (el as unknown as {sizer: {width: number}}).sizer.width = px;
  (el as unknown as {requestUpdate: () => void}).requestUpdate();
  await el.updateComplete;
}

/** WCAG 2 relative luminance and contrast ratio of two `#rrggbb` colours. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** A computed colour (`rgb(r, g, b)`) as `#rrggbb`. */
export const hexOf = (rgb: string): string =>
  '#' +
  (rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('');

/** Every element and text of the shadow root lies within the host's box (nothing clipped or overflowing). */
export function assertNothingClipped(el: HTMLElement): void {
  const host = el.getBoundingClientRect();
  const root = shadow(el);
  for (const node of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
    if (node.closest('.visually-hidden')) continue;
    const r = node.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    const what = `${node.tagName.toLowerCase()}.${node.getAttribute('class') ?? ''} «${(node.textContent ?? '').trim().slice(0, 40)}»`;
    expect(r.left, what).to.be.at.least(host.left - 1);
    expect(r.right, what).to.be.at.most(host.right + 1);
    if (!(node instanceof SVGElement) && node.clientWidth > 0)
      expect(node.scrollWidth, `${what} scrolls`).to.be.at.most(node.clientWidth + 1);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent?.trim() || (n.parentElement && n.parentElement.closest('.visually-hidden'))) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of Array.from(range.getClientRects())) {
      expect(r.left, n.textContent).to.be.at.least(host.left - 1);
      expect(r.right, n.textContent).to.be.at.most(host.right + 1);
    }
  }
}

export {aTimeout};
