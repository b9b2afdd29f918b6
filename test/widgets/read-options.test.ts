// The attributes that override the reading's guesses (issue 11: "options a user can set when a guess is wrong"):
// decimal, header-rows and types reach the core's parseCsv; a value it does not understand is a French BAD_OPTION.
import '@epn/widgets/define.js';
import type {EpnAgeChart} from '@epn/widgets';
import {expect, fixture, html} from '@open-wc/testing';
import {describe, it} from '../harness.js';
import {fixtureUrl, settled, shadow} from './helpers.js';

// Every figure is `d.ddd`: a decimal dot or a dot grouping thousands; the reading guesses a decimal and says so.
const DOTTED = fixtureUrl('widgets/pyramid-dotted-thousands.csv');
const status = (el: Element) => (el as unknown as {status: string}).status;
const firstRow = (el: Element) =>
  Array.from(shadow(el).querySelectorAll('table tbody tr:first-child td')).map((c) => c.textContent!.trim());

describe('read options: decimal, header-rows, types', () => {
  it('without decimal, the guess (a decimal dot) is drawn; decimal="," reads the dots as thousands', async () => {
    const guessed = await fixture<EpnAgeChart>(html`<epn-age-chart src=${DOTTED}></epn-age-chart>`);
    await settled(guessed);
    expect(status(guessed)).to.equal('ready');
    expect(firstRow(guessed)[0]).to.equal('1,23'); // 1.234 people, shown with two digits
    const told = await fixture<EpnAgeChart>(html`<epn-age-chart src=${DOTTED} decimal=","></epn-age-chart>`);
    await settled(told);
    expect(firstRow(told)).to.deep.equal(['1\u202f234', '1\u202f111', '2\u202f345']);
    await expect(told).to.be.accessible();
  });

  it('decimal="virgule" is understood too, and changing it reads the file again', async () => {
    const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${DOTTED} decimal="point"></epn-age-chart>`);
    await settled(el);
    expect(firstRow(el)[0]).to.equal('1,23');
    el.setAttribute('decimal', 'virgule');
    await new Promise((r) => setTimeout(r, 50));
    await settled(el);
    expect(firstRow(el)[0]).to.equal('1\u202f234');
  });

  it('types makes a column text (its figures then left out of the chart), and a bad type is a French error naming it', async () => {
    const el = await fixture<EpnAgeChart>(
      html`<epn-age-chart src=${DOTTED} decimal="," types="40-59: texte"></epn-age-chart>`,
    );
    await settled(el);
    expect(
      Array.from(shadow(el).querySelectorAll('table tbody tr th'))
        .map((c) => c.textContent!.trim())
        .join('|'),
    ).to.not.contain('40');
    const bad = await fixture<EpnAgeChart>(html`<epn-age-chart src=${DOTTED} types="40-59: date"></epn-age-chart>`);
    await settled(bad);
    expect(status(bad)).to.equal('error');
    const alert = shadow(bad).querySelector('[role="alert"]')!.textContent!;
    expect(alert).to.contain('date');
    expect(alert).to.contain('40-59');
    await expect(bad).to.be.accessible();
  });

  it('header-rows out of range is a French error naming the value', async () => {
    const el = await fixture<EpnAgeChart>(html`<epn-age-chart src=${DOTTED} header-rows="3"></epn-age-chart>`);
    await settled(el);
    expect(status(el)).to.equal('error');
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('3');
  });
});

describe('what the reading set aside or doubted, under the chart (issue 11; issue 12, item 1)', () => {
  const notes = (el: Element) =>
    Array.from(shadow(el).querySelectorAll('.note')).map((n) => n.textContent!.replace(/[\u00a0\u202f]/g, ' '));

  it('a guessed decimal separator is said under the chart, in French and in English, and no longer once it is set', async () => {
    const fr = await fixture<EpnAgeChart>(html`<epn-age-chart src=${DOTTED}></epn-age-chart>`);
    await settled(fr);
    expect(
      notes(fr).some((n) => n.startsWith('Colonne « 0-19 » : « 1.234 » peut se lire')),
      notes(fr).join(' | '),
    ).to.equal(true);
    const en = await fixture<EpnAgeChart>(html`<epn-age-chart lang="en" src=${DOTTED}></epn-age-chart>`);
    await settled(en);
    expect(
      notes(en).some((n) => n.startsWith('Column "0-19": "1.234" could be read with or without decimals')),
      notes(en).join(' | '),
    ).to.equal(true);
    const told = await fixture<EpnAgeChart>(html`<epn-age-chart src=${DOTTED} decimal=","></epn-age-chart>`);
    await settled(told);
    expect(notes(told).filter((n) => n.includes('peut se lire'))).to.deep.equal([]);
    await expect(fr).to.be.accessible();
  });

  it('a column of figures spoiled by text and an aggregate row are said, never silently dropped', async () => {
    const el = await fixture<EpnAgeChart>(
      html`<epn-age-chart src=${DOTTED} decimal="," types="40-59: texte"></epn-age-chart>`,
    );
    await settled(el);
    expect(notes(el)).to.include(
      "La colonne « 40-59 » n'est pas lue comme des chiffres : ses cellules sont surtout du texte. Corrigez le fichier ou précisez le type de la colonne.",
    );
  });
});
