// Helpers for widget tests in headless Chromium.
import {aTimeout, expect, waitUntil} from '@open-wc/testing';
import type {EpnElement} from '@epn/widgets';

/** The URL of a fixture on the test server. */
export const fixtureUrl = (path: string): string => `/test/fixtures/${path}`;

/** Waits until the element has left the loading state (ready, empty or error). */
export async function settled(el: EpnElement<unknown>, timeout = 8000): Promise<void> {
  await waitUntil(() => {
    const s = (el as unknown as {status: string}).status;
    return s === 'ready' || s === 'empty' || s === 'error';
  }, 'the widget did not settle', {timeout});
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
    lines.push(`${'  '.repeat(depth)}<${node.tagName.toLowerCase()}${attrs.length ? ' ' + attrs.join(' ') : ''}>${text ? ' ' + text : ''}`);
    for (const child of Array.from(node.children)) walk(child, depth + 1);
  };
  walk(svg, 0);
  return lines.join('\n') + '\n';
}

export {aTimeout};
