// Code loaded on first use (the chunks beside the all-in-one file: epn-cards.js, epn-population.js): the element
// waits for it, and says in French which file is missing when it cannot be loaded (only epn-widgets.js was copied).
import {EpnElement, lazy, type Chart, type DataTable, type Lazy} from '@epn/widgets/testing.js';
import type {Table} from '@epn/stats';
import {expect, fixture, fixtureSync, html} from '@open-wc/testing';
import {svg} from 'lit';
import {describe, it} from '../harness.js';
import {settled, shadow} from './helpers.js';

const missing = '/test/fixtures/nope/epn-cards.js';

/** A minimal widget whose code is `code`. */
class LazyWidget extends EpnElement<Table> {
  static code: Lazy<unknown> | null = null;
  protected override lazyCode(): Lazy<unknown> | null {
    return LazyWidget.code;
  }
  protected buildModel(input: Table): Table {
    return input;
  }
  protected isEmpty(): boolean {
    return false;
  }
  protected defaultTitle(): string {
    return 'Titre';
  }
  protected renderChart(): Chart {
    return {height: 10, content: svg``};
  }
  protected summarize(): string {
    return 'Résumé.';
  }
  protected tabulate(): DataTable {
    return {caption: 'Tableau', head: ['a', 'b'], rows: []};
  }
}
customElements.define('epn-lazy-test', LazyWidget);

describe('code loaded on first use (lazy)', () => {
  it('loads once; the module is there after wait()', async () => {
    let loads = 0;
    const code = lazy(async () => {
      loads++;
      return {answer: 42};
    }, 'epn-test.js');
    const pending = code.wait();
    expect(pending).to.be.an.instanceOf(Promise);
    expect(code.wait()).to.equal(pending);
    await pending;
    expect(code.wait()).to.equal(null);
    expect(code.m.answer).to.equal(42);
    expect(code.error).to.equal(null);
    expect(loads).to.equal(1);
  });

  it('a chunk that cannot be loaded is an HTTP_STATUS error naming the file, in French', async () => {
    const url = missing;
    const code = lazy(() => import(url), 'epn-cards.js');
    await code.wait();
    expect(code.wait()).to.equal(null);
    expect(code.error?.code).to.equal('HTTP_STATUS');
    expect(code.error?.message).to.match(/^Fichier introuvable \(erreur 404\) à l'adresse « .*epn-cards\.js »/);
  });

  it('an element waits for its code before drawing, and shows which file is missing when it cannot come', async () => {
    let release!: () => void;
    LazyWidget.code = lazy(() => new Promise<unknown>((r) => (release = () => r({}))), 'epn-ok.js');
    // fixtureSync: fixture() would wait for the first update, which waits for the code.
    const el = fixtureSync<LazyWidget>(
      html`<epn-lazy-test><table><tr><th>a</th><th>b</th></tr><tr><td>x</td><td>1</td></tr></table></epn-lazy-test>`,
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(shadow(el).querySelector('figure'), 'nothing drawn before the code').to.equal(null);
    release();
    await settled(el);
    expect((el as unknown as {status: string}).status).to.equal('ready');
    expect(shadow(el).querySelector('.summary')?.textContent).to.equal('Résumé.');

    const url = missing;
    LazyWidget.code = lazy(() => import(url), 'epn-cards.js');
    const failed = await fixture<LazyWidget>(
      html`<epn-lazy-test><table><tr><th>a</th><th>b</th></tr><tr><td>x</td><td>1</td></tr></table></epn-lazy-test>`,
    );
    await settled(failed);
    const alert = shadow(failed).querySelector('[role="alert"]');
    expect(alert?.textContent).to.match(/Fichier introuvable \(erreur 404\) à l'adresse « .*epn-cards\.js »/);
  });
});
