// One load per source: widgets of a page with the same `src` share one fetch and one parse; refreshes that fall
// together reload once for all of them. Fetches are counted from the page's resource timing entries.
import '@epn/widgets/define.js';
import type {EpnElement} from '@epn/widgets';
import {expect, fixture, html} from '@open-wc/testing';
import {describe, it} from '../harness.js';
import {settled, shadow} from './helpers.js';

type Widget = EpnElement<unknown> & {reload(): Promise<void>; table: unknown; status: string};
/** The fetches the page made for a key (resource timing), whatever the browser's cache or the server did. */
const hits = async (key: string): Promise<number> => {
  await new Promise((r) => setTimeout(r, 50));
  return performance
    .getEntriesByType('resource')
    .filter((e) => e.name.includes(`/${key}/`) || e.name.endsWith(`?${key}`)).length;
};
const url = (key: string, file: string) => `/__epn__/count/${key}/${file}`;
let n = 0;
const unique = (name: string) => `${name}-${Date.now()}-${n++}`;

describe('one load per source', () => {
  it('three age charts on the same src fetch it once, and all draw', async () => {
    const key = unique('three');
    const src = url(key, 'seed/inscrits-sexe-age.csv');
    const page = await fixture<HTMLDivElement>(html`<div>
      <epn-age-chart src=${src}></epn-age-chart>
      <epn-age-chart src=${src} measure="share"></epn-age-chart>
      <epn-age-chart src=${'.' + src.replace('/__epn__', '/../__epn__')}></epn-age-chart>
    </div>`);
    const widgets = Array.from(page.querySelectorAll<Widget>('epn-age-chart'));
    for (const w of widgets) await settled(w);
    for (const w of widgets) {
      expect((w as Widget).status).to.equal('ready');
      expect(shadow(w).querySelectorAll('rect.bar.men')).to.have.length(8);
    }
    // The third spells the same URL differently: it is the same file, made absolute before comparing.
    expect(await hits(key)).to.equal(1);
    // One parse: they hold the very same table.
    expect(widgets[1]!.table).to.equal(widgets[0]!.table);
    expect(widgets[2]!.table).to.equal(widgets[0]!.table);
  });

  it('reading the same file another way (delimiter, encoding) is another load', async () => {
    const key = unique('other-way');
    const src = url(key, 'seed/inscrits-sexe-age.csv');
    const page = await fixture<HTMLDivElement>(html`<div>
      <epn-age-chart src=${src}></epn-age-chart>
      <epn-age-chart src=${src} delimiter=","></epn-age-chart>
    </div>`);
    const widgets = Array.from(page.querySelectorAll<Widget>('epn-age-chart'));
    for (const w of widgets) await settled(w);
    expect(widgets.map((w) => w.status)).to.deep.equal(['ready', 'ready']);
    expect(await hits(key)).to.equal(2);
  });

  it('refreshes falling together reload once for all, without reusing the first load', async () => {
    const key = unique('refresh');
    const src = url(key, 'seed/inscrits-sexe-age.csv');
    const page = await fixture<HTMLDivElement>(html`<div>
      <epn-age-chart src=${src}></epn-age-chart>
      <epn-age-chart src=${src}></epn-age-chart>
    </div>`);
    const [a, b] = Array.from(page.querySelectorAll<Widget>('epn-age-chart'));
    await settled(a!);
    await settled(b!);
    expect(await hits(key)).to.equal(1);
    // A refresh must reach the server: it does not reuse the first load, but two refreshes together share one.
    await Promise.all([a!.reload(), b!.reload()]);
    expect(await hits(key)).to.equal(2);
    expect(a!.status).to.equal('ready');
    expect(b!.table).to.equal(a!.table);
  });

  it('a widget removed while others wait does not cancel their shared load', async () => {
    const key = unique('leave');
    const src = `/__epn__/slow/300/seed/inscrits-sexe-age.csv?${key}`;
    const page = await fixture<HTMLDivElement>(html`<div>
      <epn-age-chart src=${src}></epn-age-chart>
      <epn-age-chart src=${src}></epn-age-chart>
    </div>`);
    const [a, b] = Array.from(page.querySelectorAll<Widget>('epn-age-chart'));
    a!.remove();
    await settled(b!);
    expect(b!.status).to.equal('ready');
    expect(shadow(b!).querySelectorAll('rect.bar.women')).to.have.length(8);
  });

  it('a failed shared load gives each widget the error, and a later load tries again', async () => {
    const key = unique('fail');
    const src = url(key, 'seed/absent.csv');
    const page = await fixture<HTMLDivElement>(html`<div>
      <epn-age-chart src=${src}></epn-age-chart>
      <epn-age-chart src=${src}></epn-age-chart>
    </div>`);
    const widgets = Array.from(page.querySelectorAll<Widget>('epn-age-chart'));
    for (const w of widgets) await settled(w);
    for (const w of widgets) {
      expect((w as Widget).status).to.equal('error');
      expect(shadow(w).querySelector('[role="alert"]')?.textContent).to.contain('404');
    }
    expect(await hits(key)).to.equal(1);
    await fixture(html`<epn-age-chart src=${src}></epn-age-chart>`).then((el) => settled(el as Widget));
    expect(await hits(key)).to.equal(2);
  });
});
