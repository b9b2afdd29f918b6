// RELIABILITY.md: "no SVG attribute ever holds NaN or Infinity". The geometry of every chart is a pure function of
// its figures and a width: fast-check feeds each layout any figures (null, 0, negative, huge, NaN, Infinity), any
// labels and any width, 1 000 runs each, and every number of the layout must be finite. fast-check prints the seed and
// the shrunk counterexample on a failure.
import {layoutEquipment, layoutPyramid, layoutSkill} from '@epn/widgets/testing.js';
import fc from 'fast-check';
import {expect} from '@open-wc/testing';
import {describe, it} from '../harness.js';

const RUNS = {numRuns: 1000};
const value = fc.oneof(
  fc.constant(null),
  fc.constant(0),
  fc.double({noNaN: false}),
  fc.double({min: 0, max: 1, noNaN: true}),
  fc.integer({min: 0, max: 10_000_000}),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE),
);
const label = fc.oneof(fc.string({maxLength: 40}), fc.constantFrom('', '65 +', 'x'.repeat(500), 'שלום עולם', '👩‍💻👨‍💻'));
const width = fc.oneof(
  fc.double({noNaN: false}),
  fc.integer({min: -100, max: 4000}),
  fc.constantFrom(0, 320, 640, Infinity, Number.NaN),
);
const format = (v: number | null) => (v === null ? 'non disponible' : String(v));

/** Every number anywhere in `x` (objects, arrays), with its path. */
function numbers(x: unknown, path = 'layout', out: Array<[string, number]> = []): Array<[string, number]> {
  if (typeof x === 'number') out.push([path, x]);
  else if (Array.isArray(x)) x.forEach((v, i) => numbers(v, `${path}[${i}]`, out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) numbers(v, `${path}.${k}`, out);
  return out;
}
/** Numbers that are data (figures carried through, e.g. `value`), not geometry: they may be anything given. */
const DATA = /\.value$/;
function assertFinite(layout: unknown): void {
  for (const [path, n] of numbers(layout)) {
    if (DATA.test(path)) continue;
    if (!Number.isFinite(n)) expect.fail(`${path} = ${n}`);
  }
}

describe('layouts: every coordinate is finite, whatever the figures and the width (1 000 runs each)', () => {
  it('layoutPyramid', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(label, value, value), {maxLength: 30}), width, (rows, w) => {
        assertFinite(
          layoutPyramid(
            {bands: rows.map((r) => r[0]), men: rows.map((r) => r[1]), women: rows.map((r) => r[2]), format},
            w,
          ),
        );
      }),
      RUNS,
    );
  });

  it('layoutEquipment', () => {
    fc.assert(
      fc.property(
        fc.array(label, {minLength: 0, maxLength: 8}),
        fc.array(label, {minLength: 0, maxLength: 10}),
        fc.array(fc.array(value, {maxLength: 10}), {maxLength: 8}),
        fc.option(value, {nil: undefined}),
        fc.boolean(),
        width,
        (items, bands, grid, domainMax, track, w) => {
          const values = items.map((_, i) => bands.map((__, j) => grid[i]?.[j] ?? null));
          assertFinite(layoutEquipment({items, bands, values, format, domainMax: domainMax ?? undefined, track}, w));
        },
      ),
      RUNS,
    );
  });

  it('layoutSkill', () => {
    fc.assert(
      fc.property(
        fc.array(label, {minLength: 0, maxLength: 6}),
        fc.array(label, {minLength: 0, maxLength: 10}),
        fc.array(fc.array(value, {maxLength: 10}), {maxLength: 6}),
        fc.option(value, {nil: undefined}),
        fc.boolean(),
        width,
        (levels, bands, grid, domainMax, withEnd, w) => {
          const values = levels.map((_, i) => bands.map((__, j) => grid[i]?.[j] ?? null));
          const endLabels = withEnd ? bands.map((b) => `${b} %`) : null;
          assertFinite(layoutSkill({levels, bands, values, format, domainMax: domainMax ?? undefined, endLabels}, w));
        },
      ),
      RUNS,
    );
  });
});
