// Individual-level files (one row per person: `age-column` without `value-column`) are counted as they stream, in
// the widgets' worker when the page can run one, else on the main thread; never held whole. The figures must be the
// very ones the whole table gives (the `data` property path, which reads the table on the main thread).
import '@epn/widgets/define.js';
import {parseCsv} from '@epn/stats';
import type {EpnElement} from '@epn/widgets';
import {expect, fixture, html} from '@open-wc/testing';
import {describe, it, fixture as bytes} from '../harness.js';
import {fixtureUrl, settled, shadow} from './helpers.js';
// resetWorker (internal): to fake a page that cannot start a worker.
import {resetWorker} from '@epn/widgets/testing.js';

type Widget = EpnElement<unknown> & {status: string; table: unknown; data: unknown};
const view = (el: Element) => {
  const root = shadow(el);
  const all = (s: string) => Array.from(root.querySelectorAll(s)).map((n) => n.textContent?.trim());
  return {
    summary: root.querySelector('[part="summary"]')?.textContent,
    cells: all('table td, table th'),
    bars: root.querySelectorAll('rect.bar, rect.segment, rect.seg').length,
  };
};

/** The same element twice: from `src` (streamed, counted) and from the whole table through `data`. */
async function both(tag: string, file: string, attrs: Record<string, string>): Promise<[Widget, Widget]> {
  const make = async () => {
    const el = (await fixture(html`<div></div>`)).appendChild(document.createElement(tag)) as Widget;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };
  const streamed = await make();
  const events: string[] = [];
  streamed.addEventListener('epn-load', () => events.push('load'));
  streamed.setAttribute('src', fixtureUrl(file));
  await settled(streamed);
  const whole = await make();
  whole.data = parseCsv(await bytes(file));
  await settled(whole);
  expect(events).to.deep.equal(['load']);
  return [streamed, whole];
}

describe('individual-level sources (one row per person)', () => {
  for (const [name, worker] of [
    ['in the worker', true],
    ['on the main thread (no worker)', false],
  ] as const) {
    describe(name, () => {
      const setup = () => resetWorker(worker ? undefined : null);

      it('age chart: same figures, sentence and table as the whole table gives', async () => {
        setup();
        const [streamed, whole] = await both('epn-age-chart', 'widgets/pyramid-people.csv', {
          'age-column': 'age',
          bands: '0,18,65',
        });
        expect(streamed.status).to.equal('ready');
        // Counted, not held: the element has no table of rows.
        expect(streamed.table).to.equal(null);
        expect(view(streamed)).to.deep.equal(view(whole));
        expect(view(streamed).cells).to.include('300');
        await expect(streamed).to.be.accessible();
      });

      it('skill chart and equipment chart: same figures as the whole table gives', async () => {
        setup();
        const [s1, w1] = await both('epn-skill-chart', 'widgets/skill-people.csv', {
          'age-column': 'age',
          bands: '0,18,65',
        });
        expect(view(s1)).to.deep.equal(view(w1));
        expect(view(s1).bars).to.be.greaterThan(0);
      });

      it('ages written as band labels on each row are counted as labels (no binning)', async () => {
        setup();
        const [streamed, whole] = await both('epn-age-chart', 'widgets/pyramid-people-bands.csv', {
          'age-column': 'age',
        });
        expect(streamed.status).to.equal('ready');
        expect(view(streamed)).to.deep.equal(view(whole));
        expect(
          Array.from(shadow(streamed).querySelectorAll('text.band-label')).map((t) => t.textContent),
        ).to.deep.equal(['<\u00a018', '18-25', '26-35']);
      });

      it('a 404 crosses back as the French HTTP_STATUS message, epn-error once', async () => {
        setup();
        const el = (await fixture(html`<epn-age-chart age-column="age"></epn-age-chart>`)) as Widget;
        const errors: string[] = [];
        el.addEventListener('epn-error', (e) => errors.push((e as CustomEvent<{code: string}>).detail.code));
        el.setAttribute('src', fixtureUrl('widgets/absent-people.csv'));
        await settled(el);
        expect(errors).to.deep.equal(['HTTP_STATUS']);
        expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('404');
        expect(shadow(el).querySelectorAll('rect.bar')).to.have.length(0);
      });

      it('changing src mid-load shows only the second file', async () => {
        setup();
        const el = (await fixture(html`<epn-age-chart age-column="age" bands="0,18,65"></epn-age-chart>`)) as Widget;
        const loads: number[] = [];
        el.addEventListener('epn-load', () => loads.push(1));
        el.setAttribute('src', '/__epn__/slow/600/widgets/pyramid-people.csv');
        await new Promise((r) => setTimeout(r, 50));
        el.setAttribute(
          'src',
          fixtureUrl('widgets/skill-people.csv').replace('skill-people', 'pyramid-people') + '?second',
        );
        await settled(el);
        await new Promise((r) => setTimeout(r, 800));
        expect(loads).to.have.length(1);
        expect(el.status).to.equal('ready');
      });
    });
  }

  it('reading it another way (bands) counts it again, without a stale drawing in between', async () => {
    resetWorker(undefined);
    const el = (await fixture(
      html`<epn-age-chart age-column="age" bands="0,18,65" src=${fixtureUrl('widgets/pyramid-people.csv')}></epn-age-chart>`,
    )) as Widget;
    await settled(el);
    expect(Array.from(shadow(el).querySelectorAll('text.band-label')).map((t) => t.textContent)).to.deep.equal([
      '0-17',
      '18-64',
      '65\u00a0+',
    ]);
    el.setAttribute('bands', '0,50');
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    await settled(el);
    expect(Array.from(shadow(el).querySelectorAll('text.band-label')).map((t) => t.textContent)).to.deep.equal([
      '0-49',
      '50\u00a0+',
    ]);
  });
});
