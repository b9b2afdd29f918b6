// formatNumber, formatPercent, formatEuro: exact strings (U+202F between thousands, U+00A0 before % and €). The same
// compiled file runs in Node and in Chromium, so these exact strings also prove both engines agree.
import {formatEuro, formatNumber, formatPercent} from '@epn/stats';
import {describe, expect, it} from '../harness.js';

describe('formatNumber', () => {
  it('formatNumber(value) groups thousands with U+202F, the French way (as ICU fr-FR)', () => {
    expect(formatNumber(17254)).to.equal('17\u202f254');
    expect(formatNumber(1234567)).to.equal('1\u202f234\u202f567');
    expect(formatNumber(10000)).to.equal('10\u202f000');
  });

  it('formatNumber(value) groups four-digit numbers too (1 234, 8 264), and leaves three digits alone', () => {
    expect(formatNumber(1234)).to.equal('1\u202f234');
    expect(formatNumber(8264)).to.equal('8\u202f264');
    expect(formatNumber(-1000)).to.equal('-1\u202f000');
    expect(formatNumber(999)).to.equal('999');
  });

  it('formatNumber(value) writes a decimal comma and up to two fraction digits, trailing zeros dropped', () => {
    expect(formatNumber(95.57)).to.equal('95,57');
    expect(formatNumber(11.5)).to.equal('11,5');
    expect(formatNumber(2.0)).to.equal('2');
    expect(formatNumber(1 / 3)).to.equal('0,33');
    expect(formatNumber(12345.678)).to.equal('12\u202f345,68');
  });

  it("formatNumber(value, {locale: 'en'}) groups with commas from four digits and writes a decimal point", () => {
    expect(formatNumber(17254, {locale: 'en'})).to.equal('17,254');
    expect(formatNumber(1234, {locale: 'en'})).to.equal('1,234');
    expect(formatNumber(95.57, {locale: 'en'})).to.equal('95.57');
    expect(formatNumber(-1234567.891, {locale: 'en'})).to.equal('-1,234,567.89');
  });

  it('formatNumber(value, {locale}) reads en-GB and EN as English, fr-FR and any other locale as French', () => {
    expect(formatNumber(17254, {locale: 'en-GB'})).to.equal('17,254');
    expect(formatNumber(17254, {locale: 'EN'})).to.equal('17,254');
    expect(formatNumber(17254, {locale: 'fr-FR'})).to.equal('17\u202f254');
    expect(formatNumber(17254, {locale: 'de'})).to.equal('17\u202f254');
  });

  it('formatNumber(value, {digits}) writes exactly that many fraction digits', () => {
    expect(formatNumber(11.34, {digits: 1})).to.equal('11,3');
    expect(formatNumber(2, {digits: 2})).to.equal('2,00');
    expect(formatNumber(1234.5, {digits: 0})).to.equal('1\u202f235');
    expect(formatNumber(17254, {digits: 1, locale: 'en'})).to.equal('17,254.0');
  });

  it('formatNumber(value, {digits}) rounds digits to a whole number and clamps them to 0–10', () => {
    expect(formatNumber(3.7, {digits: -1})).to.equal('4');
    expect(formatNumber(3.14159, {digits: 2.6})).to.equal('3,142');
    expect(formatNumber(1 / 3, {digits: 50})).to.equal('0,3333333333');
    expect(formatNumber(3.14159, {digits: NaN})).to.equal('3');
  });

  it('formatNumber(value, {digits}) rounds halves away from zero, as a person expects, despite binary noise', () => {
    expect(formatNumber(1.005, {digits: 2})).to.equal('1,01');
    expect(formatNumber(1.45, {digits: 1})).to.equal('1,5');
    expect(formatNumber(2.675, {digits: 2})).to.equal('2,68');
    expect(formatNumber(4.35, {digits: 1})).to.equal('4,4');
    expect(formatNumber(0.125, {digits: 2})).to.equal('0,13');
    expect(formatNumber(2.5, {digits: 0})).to.equal('3');
    expect(formatNumber(-2.5, {digits: 0})).to.equal('-3');
    expect(formatNumber(1.005)).to.equal('1,01');
    expect(formatNumber(0.1 + 0.2)).to.equal('0,3');
  });

  it('formatNumber(value) carries a rounding into a new thousands group (99 999,5 → 100 000)', () => {
    expect(formatNumber(99999.5, {digits: 0})).to.equal('100\u202f000');
    expect(formatNumber(9999.995)).to.equal('10\u202f000');
    expect(formatNumber(9999.995, {locale: 'en'})).to.equal('10,000');
  });

  it('formatNumber(value) never writes -0: negative numbers that round to 0 are 0', () => {
    expect(formatNumber(-0)).to.equal('0');
    expect(formatNumber(-0.001)).to.equal('0');
    expect(formatNumber(-0.004, {digits: 2})).to.equal('0,00');
    expect(formatNumber(-1e-20, {locale: 'en'})).to.equal('0');
    expect(formatNumber(-0.4, {digits: 0})).to.equal('0');
  });

  it("formatNumber(value) is '' for null, undefined, NaN and ±Infinity, never 'NaN'", () => {
    expect([null, undefined, NaN, Infinity, -Infinity].map((v) => formatNumber(v))).to.deep.equal(['', '', '', '', '']);
  });

  it('formatNumber(value) writes huge and tiny numbers in plain digits, never with an exponent or as Infinity', () => {
    expect(formatNumber(1e21)).to.equal('1\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000');
    // eslint-disable-next-line no-loss-of-precision -- the literal past 2^53 is the point: it reads as ...568
    expect(formatNumber(12345678901234567, {locale: 'en'})).to.equal('12,345,678,901,234,568');
    const max = formatNumber(Number.MAX_VALUE, {locale: 'en'});
    expect(max.startsWith('179,769,313,486,231,570,000,')).to.equal(true);
    expect(max.replace(/,/g, '')).to.have.length(309);
    expect(formatNumber(5e-324)).to.equal('0');
    expect(formatNumber(1e-7, {digits: 10})).to.equal('0,0000001000');
  });

  it('formatNumber(value, {compact: true}) abbreviates from ten thousand: 12,3 k, 800 k, 5,1 M, 1,2 Md', () => {
    expect(formatNumber(12345, {compact: true})).to.equal('12,3\u00a0k');
    expect(formatNumber(800000, {compact: true})).to.equal('800\u00a0k');
    expect(formatNumber(5100000, {compact: true})).to.equal('5,1\u00a0M');
    expect(formatNumber(1.2e9, {compact: true})).to.equal('1,2\u00a0Md');
    expect(formatNumber(-5100000, {compact: true})).to.equal('-5,1\u00a0M');
  });

  it('formatNumber(value, {compact: true}) leaves numbers below ten thousand whole', () => {
    expect(formatNumber(999, {compact: true})).to.equal('999');
    expect(formatNumber(9999, {compact: true})).to.equal('9\u202f999');
  });

  it('formatNumber(value, {compact: true}) moves up a unit when rounding reaches 1000 (999 999 → 1 M, not 1000 k)', () => {
    expect(formatNumber(999999, {compact: true})).to.equal('1\u00a0M');
    expect(formatNumber(999950, {compact: true})).to.equal('1\u00a0M');
    expect(formatNumber(999949, {compact: true})).to.equal('999,9\u00a0k');
  });

  it("formatNumber(value, {compact: true, locale: 'en'}) writes 12.3k, 5.1M, 1.2B without a space", () => {
    expect(formatNumber(12345, {compact: true, locale: 'en'})).to.equal('12.3k');
    expect(formatNumber(5100000, {compact: true, locale: 'en'})).to.equal('5.1M');
    expect(formatNumber(1.2e9, {compact: true, locale: 'en'})).to.equal('1.2B');
  });

  it('formatNumber(value, {compact: true, digits}) writes exactly that many fraction digits', () => {
    expect(formatNumber(1.25e6, {compact: true, digits: 2})).to.equal('1,25\u00a0M');
    expect(formatNumber(5e6, {compact: true, digits: 1})).to.equal('5,0\u00a0M');
    expect(formatNumber(1.25e6, {compact: true})).to.equal('1,3\u00a0M');
  });
});

describe('formatPercent', () => {
  it('formatPercent(fraction) writes one fraction digit and U+00A0 before %', () => {
    expect(formatPercent(793 / 17254)).to.equal('4,6\u00a0%');
    expect(formatPercent(901 / 1055)).to.equal('85,4\u00a0%');
    expect(formatPercent(1)).to.equal('100,0\u00a0%');
    expect(formatPercent(0)).to.equal('0,0\u00a0%');
  });

  it("formatPercent(fraction, {locale: 'en'}) writes 85.4% without a space", () => {
    expect(formatPercent(0.854, {locale: 'en'})).to.equal('85.4%');
    expect(formatPercent(12.3456, {locale: 'en'})).to.equal('1,234.6%');
  });

  it('formatPercent(fraction, {digits}) writes exactly that many fraction digits', () => {
    expect(formatPercent(0.12345, {digits: 2})).to.equal('12,35\u00a0%');
    expect(formatPercent(0.5, {digits: 0})).to.equal('50\u00a0%');
  });

  it('formatPercent(fraction) rounds halves away from zero on the percentage, not on the fraction', () => {
    expect(formatPercent(0.0005)).to.equal('0,1\u00a0%');
    expect(formatPercent(0.00045)).to.equal('0,0\u00a0%');
    expect(formatPercent(0.145, {digits: 0})).to.equal('15\u00a0%');
    expect(formatPercent(0.0145, {digits: 1})).to.equal('1,5\u00a0%');
    expect(formatPercent(-0.0005)).to.equal('-0,1\u00a0%');
  });

  it('formatPercent(fraction) groups large percentages like numbers (12 345,0 %)', () => {
    expect(formatPercent(123.45)).to.equal('12\u202f345,0\u00a0%');
    expect(formatPercent(12.5)).to.equal('1\u202f250,0\u00a0%');
  });

  it("formatPercent(-0.00001) is '0,0 %', never '-0,0 %'", () => {
    expect(formatPercent(-0.00001)).to.equal('0,0\u00a0%');
    expect(formatPercent(-0)).to.equal('0,0\u00a0%');
    expect(formatPercent(-0.004, {digits: 0})).to.equal('0\u00a0%');
    expect(formatPercent(-0.00001, {locale: 'en'})).to.equal('0.0%');
  });

  it("formatPercent(fraction) is '' for null, undefined, NaN and ±Infinity", () => {
    expect([null, undefined, NaN, Infinity, -Infinity].map((v) => formatPercent(v))).to.deep.equal([
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  it("formatPercent(huge) never writes 'Infinity' or an exponent: the × 100 is exact", () => {
    const max = formatPercent(Number.MAX_VALUE, {locale: 'en', digits: 0});
    expect(max.startsWith('17,976,931,348,623,157,000,')).to.equal(true);
    expect(max.endsWith('%')).to.equal(true);
    expect(formatPercent(1e20, {digits: 0})).to.equal('10' + '\u202f000'.repeat(7) + '\u00a0%');
  });

  it('formatPercent(fraction, {compact: true}) ignores compact', () => {
    expect(formatPercent(1000, {compact: true})).to.equal('100\u202f000,0\u00a0%');
  });
});

describe('formatEuro', () => {
  it('formatEuro(value) writes two fraction digits below 10 € and U+00A0 before €', () => {
    expect(formatEuro(1050000 / 1478000)).to.equal('0,71\u00a0€');
    expect(formatEuro(1050000 / 1235000)).to.equal('0,85\u00a0€');
    expect(formatEuro(5)).to.equal('5,00\u00a0€');
  });

  it('formatEuro(value) writes no fraction digits from 10 € up, thousands grouped', () => {
    expect(formatEuro(15.98)).to.equal('16\u00a0€');
    expect(formatEuro(1234)).to.equal('1\u202f234\u00a0€');
    expect(formatEuro(12345)).to.equal('12\u202f345\u00a0€');
  });

  it('formatEuro(value) writes an amount that rounds to 10,00 € as 10 €', () => {
    expect(formatEuro(9.995)).to.equal('10\u00a0€');
    expect(formatEuro(9.999)).to.equal('10\u00a0€');
    expect(formatEuro(-9.999)).to.equal('-10\u00a0€');
    expect(formatEuro(9.994)).to.equal('9,99\u00a0€');
  });

  it('formatEuro(value, {digits}) writes exactly that many fraction digits', () => {
    expect(formatEuro(2, {digits: 1})).to.equal('2,0\u00a0€');
    expect(formatEuro(16.0428, {digits: 2})).to.equal('16,04\u00a0€');
    expect(formatEuro(0.714, {digits: 0})).to.equal('1\u00a0€');
  });

  it("formatEuro(value, {locale: 'en'}) puts € first: €0.71, €12,345, -€5.00", () => {
    expect(formatEuro(0.71, {locale: 'en'})).to.equal('€0.71');
    expect(formatEuro(12345, {locale: 'en'})).to.equal('€12,345');
    expect(formatEuro(-5, {locale: 'en'})).to.equal('-€5.00');
  });

  it('formatEuro(value, {compact: true}) writes 800 k€ and 5,1 M€ (€5.1M in English)', () => {
    expect(formatEuro(800000, {compact: true})).to.equal('800\u00a0k€');
    expect(formatEuro(5100000, {compact: true})).to.equal('5,1\u00a0M€');
    expect(formatEuro(1.05e6, {compact: true})).to.equal('1,1\u00a0M€');
    expect(formatEuro(5100000, {compact: true, locale: 'en'})).to.equal('€5.1M');
    expect(formatEuro(999, {compact: true})).to.equal('999\u00a0€');
  });

  it('formatEuro(value) never writes -0', () => {
    expect(formatEuro(-0.001)).to.equal('0,00\u00a0€');
    expect(formatEuro(-0.004, {locale: 'en'})).to.equal('€0.00');
    expect(formatEuro(-0)).to.equal('0,00\u00a0€');
  });

  it("formatEuro(value) is '' for null, undefined, NaN and ±Infinity", () => {
    expect([null, undefined, NaN, Infinity, -Infinity].map((v) => formatEuro(v))).to.deep.equal(['', '', '', '', '']);
  });

  it("formatEuro(huge) never writes 'Infinity' or an exponent", () => {
    expect(formatEuro(1e21)).to.equal('1\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000\u00a0€');
    expect(formatEuro(Number.MAX_VALUE)).to.match(/^179\u202f769[\d\u202f]+\u00a0€$/);
  });
});
