// Every widget renders under a strict Content-Security-Policy with Trusted Types (no unsafe-eval, no unsafe-inline,
// only Lit's `lit-html` policy), with no violation reported.
import {expect, waitUntil} from '@open-wc/testing';
import {describe, it} from '../harness.js';

type Widget = HTMLElement & {status?: string};

describe('strict Content-Security-Policy and Trusted Types', () => {
  it('every widget renders its figures with no violation', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.style.height = '1200px';
    frame.src = '/test/fixtures/csp/widgets.html';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
    const win = frame.contentWindow as Window & {__violations?: string[]};
    const widgets = Array.from(
      frame.contentDocument!.querySelectorAll<Widget>(
        'epn-age-chart, epn-equipment-chart, epn-skill-chart, epn-budget-card, epn-key-figures',
      ),
    );
    expect(widgets).to.have.length(5);
    await waitUntil(
      () => widgets.every((w) => w.status === 'ready' || w.status === 'error'),
      'widgets did not settle',
      {timeout: 15000},
    );
    expect(widgets.map((w) => `${w.tagName.toLowerCase()} ${w.status}`)).to.deep.equal([
      'epn-age-chart ready',
      'epn-equipment-chart ready',
      'epn-skill-chart ready',
      'epn-budget-card ready',
      'epn-key-figures ready',
    ]);
    // The export menu works under the policy too (it builds its SVG with the DOM, no markup strings).
    const age = widgets[0] as Widget & {
      exportAs(format: string): Promise<void>;
      download: (b: Blob, n: string) => void;
    };
    let exported: Blob | null = null;
    age.download = (blob) => (exported = blob);
    await age.exportAs('svg');
    expect(exported).to.not.equal(null);
    expect(win.__violations, 'the page recorded violations').to.be.an('array');
    expect(win.__violations).to.deep.equal([]);
    // The policy is really in force: a markup string into innerHTML is refused by Trusted Types in that page.
    const probe = frame.contentDocument!.createElement('div');
    let refused = false;
    try {
      probe.innerHTML = '<b>x</b>';
    } catch {
      refused = true;
    }
    expect(refused, 'Trusted Types enforced').to.equal(true);
    frame.remove();
  });
});
