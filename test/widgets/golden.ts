// Golden SVG snapshots (after Observable Plot's): the chart is serialised to a normalised, reviewable SVG file
// (one element per line, numbers rounded to 0.1, fill colours resolved from the styles so the file opens in a
// browser as drawn) and compared with test/golden/<name>.svg. On a mismatch, <name>-changed.svg is written beside
// it to open and compare; a missing golden is written and the test fails once, so that a new golden is reviewed
// before it is committed.
import {readFile, removeFile, writeFile} from '@web/test-runner-commands';
import {expect} from '@open-wc/testing';

// Paths are relative to the running test file: build/test/widgets/*.test.js.
const dir = '../../../test/golden';

const round = (v: string) => v.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A normalised, standalone SVG text of a chart. */
export function serialiseSvg(svg: SVGSVGElement): string {
  const lines: string[] = [];
  const walk = (node: Element, depth: number) => {
    const tag = node.tagName.toLowerCase();
    const attrs = Array.from(node.attributes).map((a) => [a.name, round(a.value)] as [string, string]);
    if (tag === 'rect' || tag === 'text' || tag === 'line' || tag === 'path') {
      const style = getComputedStyle(node);
      if (tag === 'line') attrs.push(['stroke', style.stroke]);
      else attrs.push(['fill', style.fill]);
      if (tag === 'text') attrs.push(['font-size', style.fontSize], ['font-weight', style.fontWeight]);
    }
    attrs.sort(([a], [b]) => a.localeCompare(b));
    const open = `${'  '.repeat(depth)}<${tag}${attrs.map(([k, v]) => ` ${k}="${escape(v)}"`).join('')}`;
    const text = Array.from(node.childNodes)
      .filter((c) => c.nodeType === Node.TEXT_NODE)
      .map((c) => c.textContent ?? '')
      .join('')
      .trim();
    if (!node.children.length) {
      lines.push(text ? `${open}>${escape(text)}</${tag}>` : `${open}/>`);
      return;
    }
    lines.push(`${open}>${text ? escape(text) : ''}`);
    for (const child of Array.from(node.children)) walk(child, depth + 1);
    lines.push(`${'  '.repeat(depth)}</${tag}>`);
  };
  walk(svg, 0);
  return lines.join('\n') + '\n';
}

/** Compares the chart with its golden file (see above). */
export async function expectGolden(name: string, svg: SVGSVGElement): Promise<void> {
  const actual = serialiseSvg(svg);
  const path = `${dir}/${name}.svg`;
  const changed = `${dir}/${name}-changed.svg`;
  // The file plugin answers `undefined` for a missing file, which the runner reports as an unknown command.
  const expected = await readFile({path}).catch(() => undefined);
  if (expected === undefined) {
    await writeFile({path, content: actual});
    expect.fail(`golden ${name}.svg did not exist: written, review it and commit it`);
  }
  if (expected !== actual) {
    await writeFile({path: changed, content: actual});
    const a = expected!.split('\n');
    const b = actual.split('\n');
    const at = a.findIndex((line, i) => line !== b[i]);
    expect.fail(
      `${name}.svg differs (first at line ${at + 1}):\n- ${a[at]}\n+ ${b[at]}\nsee test/golden/${name}-changed.svg`,
    );
  }
  if ((await readFile({path: changed}).catch(() => undefined)) !== undefined) await removeFile({path: changed});
}
