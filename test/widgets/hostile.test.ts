// Issue 12, "hostile inputs, second round": request storms, freezes, oversized or unclear messages, export quoting.
// Each case failed before its fix. Attack files are in test/fixtures/hostile/.
/* eslint-disable @typescript-eslint/no-explicit-any */
import '@epn/widgets/define.js';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {after, describe, it} from '../harness.js';
import {settled} from './helpers.js';

let n = 0;
const unique = (name: string) => `${name}-${Date.now()}-${n++}`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The requests a window made for URLs holding `key` (resource timing: aborted ones included). */
const requests = (win: Window, key: string): number => win.performance.getEntriesByType('resource').filter((e) => e.name.includes(key)).length;

const frames: HTMLIFrameElement[] = [];
after(() => {
  for (const f of frames) f.remove();
});

describe('issue 12: refresh periods', () => {
  it('refresh="2592000" (30 days, past the 2³¹ ms of a timer) does not fire a request storm: one request in the first second', async () => {
    const key = unique('storm');
    const el = await fixture<any>(html`<epn-age-chart refresh="2592000" src=${`/__epn__/count/${key}/seed/inscrits-sexe-age.csv`}></epn-age-chart>`);
    await settled(el);
    await pause(1000);
    expect(requests(window, key), 'requests in the first second').to.equal(1);
    expect(el.status).to.equal('ready');
  });

  it('embed.html?refresh=2592000 does not fire a request storm either', async () => {
    const key = unique('storm-embed');
    const iframe = document.createElement('iframe');
    iframe.style.cssText = 'width:640px;border:0';
    const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
    iframe.src = `/examples/embed.html?widget=age-chart&refresh=2592000&src=${encodeURIComponent(`/__epn__/count/${key}/seed/inscrits-sexe-age.csv`)}`;
    document.body.append(iframe);
    frames.push(iframe);
    await loaded;
    const el: any = iframe.contentDocument!.querySelector('epn-age-chart');
    await waitUntil(() => el.status === 'ready', 'the embedded chart did not draw', {timeout: 10000});
    await pause(1000);
    expect(requests(iframe.contentWindow!, key), 'requests in the first second').to.equal(1);
  });
});
