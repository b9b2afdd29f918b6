import type {DataTable} from './base.js';

// The exports' code, the chunk epn-export-svg.js beside the all-in-one file: the PNG and SVG pictures (here) and the
// CSV for Excel (export-csv.ts), loaded when the export menu first opens (or on a first `exportAs()`).
export {toCsv} from './export-csv.js';

const NS = 'http://www.w3.org/2000/svg';
const SHAPES = /^(rect|line|path|circle|ellipse|polyline|polygon|text|tspan)$/;

/** What the exported picture says around the chart. */
export interface Frame {
  title: string;
  /** "Source : Région Basse-Normandie, 2012", or empty. */
  source: string;
  /** "Exporté le 29 novembre 2026". */
  date: string;
  /** "\u00a0: " in French, ": " in English. */
  colon: string;
  /** The page's colours and font, computed on the widget. */
  color: string;
  background: string;
  font: string;
}

const el = (tag: string, attrs: Record<string, string | number>, text?: string): SVGElement => {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Copies the computed paint and font of the drawn chart onto its clone, so that the file looks the same alone. */
function resolveStyles(from: Element, to: Element): void {
  const tag = from.tagName.toLowerCase();
  if (SHAPES.test(tag)) {
    const s = getComputedStyle(from);
    to.setAttribute('fill', s.fill);
    to.setAttribute('stroke', s.stroke);
    to.setAttribute('stroke-width', s.strokeWidth);
    if (s.opacity !== '1') to.setAttribute('opacity', s.opacity);
    if (tag === 'text' || tag === 'tspan') {
      to.setAttribute('font-family', s.fontFamily);
      to.setAttribute('font-size', s.fontSize);
      to.setAttribute('font-weight', s.fontWeight);
    }
  }
  for (let i = 0; i < from.children.length; i++) resolveStyles(from.children[i]!, to.children[i]!);
}

/**
 * Drops anything that could run or load (scripts, foreign content, `on*` attributes, links) and the comments Lit
 * leaves in the page (`<!--?lit$…$-->` markers), which are no part of the picture.
 */
function sanitize(root: Element): void {
  const comments = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const found: Node[] = [];
  while (comments.nextNode()) found.push(comments.currentNode);
  for (const c of found) c.parentNode?.removeChild(c);
  for (const n of Array.from(root.querySelectorAll('script, foreignObject, a, image, use, style'))) n.remove();
  for (const n of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const a of Array.from(n.attributes))
      if (/^(on|aria-|role$|part$|href$|xlink:)/i.test(a.name)) n.removeAttribute(a.name);
  }
}

/**
 * A standalone SVG file of a widget: the title on top, the chart (styles resolved) or, for a card, the figures of
 * its first table as lines of text, then the source and the date.
 */
export function exportSvg(chart: SVGSVGElement | null, table: DataTable | undefined, f: Frame): string {
  const lines = chart
    ? []
    : (table?.rows ?? []).map((r) => `${r.header}${f.colon}${r.cells.filter(Boolean).join(' – ')}`);
  const width = chart ? Number(chart.getAttribute('width')) : Math.max(480, ...lines.map((l) => l.length * 8));
  const body = chart ? Number(chart.getAttribute('height')) : lines.length * 22;
  const top = 36;
  const foot = (f.source ? 2 : 1) * 18 + 12;
  const [w, h] = [width + 16, top + body + foot + 16];
  const root = el('svg', {
    xmlns: NS,
    width: w,
    height: h,
    viewBox: `0 0 ${w} ${h}`,
    'font-family': f.font,
    fill: f.color,
  });
  const frame = el('g', {transform: 'translate(8 8)'});
  root.append(el('title', {}, f.title), el('rect', {width: w, height: h, fill: f.background}), frame);
  frame.append(el('text', {x: 0, y: 22, 'font-size': 18, 'font-weight': 700}, f.title));
  const g = el('g', {transform: `translate(0 ${top})`});
  if (chart) {
    const clone = chart.cloneNode(true) as SVGSVGElement;
    resolveStyles(chart, clone);
    clone.querySelector('title')?.remove();
    g.append(...Array.from(clone.childNodes));
  } else {
    lines.forEach((line, i) => g.append(el('text', {x: 0, y: i * 22 + 16, 'font-size': 14}, line)));
  }
  frame.append(g);
  const footer = [f.source, f.date].filter(Boolean);
  footer.forEach((line, i) => frame.append(el('text', {x: 0, y: top + body + 18 * (i + 1), 'font-size': 12}, line)));
  sanitize(root);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
}

/**
 * The SVG drawn on a canvas at twice its size, as PNG. The picture is loaded from a `blob:` URL: a page with a
 * Content-Security-Policy must allow `img-src blob:` for it.
 */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], {type: 'image/svg+xml'}));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
