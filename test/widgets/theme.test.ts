// Issue 13, point 1: light by default, whatever the OS says; dark when the element or the page says so.
import '@epn/widgets/define.js';
import type {EpnAgeChart, EpnBudgetCard} from '@epn/widgets';
import {darkTheme} from '@epn/widgets/testing.js';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import {after, describe, it} from '../harness.js';
import {fixtureUrl, settled, shadow} from './helpers.js';

const SEED = fixtureUrl('seed/inscrits-sexe-age.csv');
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(22, 22, 22)';
const background = (el: Element) => getComputedStyle(el).backgroundColor;
const root = document.documentElement;

/** Resets what a test set on <html> and the emulated OS preference. */
async function reset(): Promise<void> {
  for (const a of ['data-fr-theme', 'data-fr-scheme', 'style']) root.removeAttribute(a);
  document.querySelector('meta[name="color-scheme"]')?.remove();
  await emulateMedia({colorScheme: 'light'});
}

describe('theme', () => {
  after(reset);

  describe('darkTheme(theme, page, osDark)', () => {
    it('is light when neither the element nor the page says anything, even with the OS in dark mode', () => {
      expect(darkTheme(null, {}, true)).to.equal(false);
      expect(darkTheme(null, {colorScheme: 'normal'}, true)).to.equal(false);
      expect(darkTheme('', {colorScheme: 'light'}, true)).to.equal(false);
    });
    it('follows the OS only with theme="auto" (or a page that follows it)', () => {
      expect(darkTheme('auto', {}, true)).to.equal(true);
      expect(darkTheme('auto', {}, false)).to.equal(false);
      expect(darkTheme(null, {frScheme: 'system'}, true)).to.equal(true);
      expect(darkTheme(null, {frScheme: 'system'}, false)).to.equal(false);
      expect(darkTheme(null, {colorScheme: 'light dark'}, true)).to.equal(true);
      expect(darkTheme(null, {colorScheme: 'light dark'}, false)).to.equal(false);
    });
    it('is dark on a page that says it is dark: DSFR data-fr-theme, data-fr-scheme, a dark root color-scheme', () => {
      expect(darkTheme(null, {frTheme: 'dark'}, false)).to.equal(true);
      expect(darkTheme(null, {frScheme: 'dark'}, false)).to.equal(true);
      expect(darkTheme(null, {colorScheme: 'dark'}, false)).to.equal(true);
      expect(darkTheme(null, {colorScheme: 'only dark'}, false)).to.equal(true);
      // The DSFR's resolved theme wins over its choice (it resolves « system »).
      expect(darkTheme(null, {frTheme: 'light', frScheme: 'system'}, true)).to.equal(false);
    });
    it("the element's theme wins over the page", () => {
      expect(darkTheme('light', {frTheme: 'dark', colorScheme: 'dark'}, true)).to.equal(false);
      expect(darkTheme('dark', {frTheme: 'light'}, false)).to.equal(true);
      expect(darkTheme('auto', {frTheme: 'dark'}, false)).to.equal(false);
      // An unknown value is no choice: the page decides.
      expect(darkTheme('sombre', {frTheme: 'dark'}, false)).to.equal(true);
    });
  });

  describe('drawn', () => {
    it('OS in dark mode, a page that says nothing: every widget stays light', async () => {
      await reset();
      await emulateMedia({colorScheme: 'dark'});
      const chart = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED}></epn-age-chart>`);
      await settled(chart);
      expect(background(chart)).to.equal(WHITE);
      expect(getComputedStyle(shadow(chart).querySelector('rect.bar.men')!).fill).to.equal('rgb(0, 0, 145)');
      const card = await fixture<EpnBudgetCard>(
        html`<epn-budget-card budget="1050000" population="1480000" registered="65691"></epn-budget-card>`,
      );
      await card.updateComplete;
      expect(background(card)).to.equal(WHITE);
      expect(card.getAttribute('data-epn-theme')).to.equal('light');
    });

    it('theme="auto" follows the OS, and its changes', async () => {
      await reset();
      await emulateMedia({colorScheme: 'dark'});
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart theme="auto" src=${SEED}></epn-age-chart>`);
      await settled(el);
      expect(background(el)).to.equal(DARK);
      await emulateMedia({colorScheme: 'light'});
      await waitUntil(() => background(el) === WHITE, 'the colours did not follow', {timeout: 3000});
      expect(background(el)).to.equal(WHITE);
    });

    it('follows the page: DSFR data-fr-scheme / data-fr-theme on <html>, as they change', async () => {
      await reset();
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED}></epn-age-chart>`);
      await settled(el);
      expect(background(el)).to.equal(WHITE);
      root.setAttribute('data-fr-scheme', 'dark');
      await waitUntil(() => background(el) === DARK, 'the colours did not follow', {timeout: 3000});
      expect(background(el)).to.equal(DARK);
      root.setAttribute('data-fr-theme', 'light');
      await waitUntil(() => background(el) === WHITE, 'the resolved theme wins', {timeout: 3000});
      expect(background(el)).to.equal(WHITE);
      root.setAttribute('data-fr-theme', 'dark');
      await waitUntil(() => background(el) === DARK, 'the colours did not follow', {timeout: 3000});
      expect(background(el)).to.equal(DARK);
      el.theme = 'light';
      await el.updateComplete;
      expect(background(el), 'theme="light" wins').to.equal(WHITE);
    });

    it('follows a dark root color-scheme (style or <meta name="color-scheme">)', async () => {
      await reset();
      root.style.colorScheme = 'dark';
      const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED}></epn-age-chart>`);
      await settled(el);
      expect(background(el)).to.equal(DARK);
      root.style.colorScheme = 'light dark';
      await waitUntil(() => background(el) === WHITE, 'light dark, OS light', {timeout: 3000});
      expect(background(el)).to.equal(WHITE);
      await emulateMedia({colorScheme: 'dark'});
      await waitUntil(() => background(el) === DARK, 'light dark, OS dark', {timeout: 3000});
      expect(background(el)).to.equal(DARK);
      await reset();
      const meta = document.createElement('meta');
      meta.name = 'color-scheme';
      meta.content = 'dark';
      document.head.append(meta);
      const other = await fixture<EpnAgeChart>(html`<epn-age-chart src=${SEED}></epn-age-chart>`);
      await settled(other);
      expect(background(other)).to.equal(DARK);
      await expect(other).to.be.accessible();
    });
  });
});
