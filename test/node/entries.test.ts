// The core's entries (issue 14's size): the root `@epn/stats` exports the whole API (DESIGN.md's contract), and its
// three parts, `@epn/stats/core`, `/population` and `/stream`, split it without a gap or an overlap. Each part is also
// one minified file for pages without a bundler; the two others import what they share from the core's file, so that
// a page using several holds one copy of the code (one EpnDataError class).
import * as root from '@epn/stats';
import * as core from '@epn/stats/core';
import * as population from '@epn/stats/population';
import * as stream from '@epn/stats/stream';
import {describe, expect, it} from '../harness.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const dist = new URL('../../../packages/stats/dist/', import.meta.url);
const min = async (file: string): Promise<any> => import(new URL(file, dist).href);
const names = (m: object) => Object.keys(m).sort();

describe('the core entries', () => {
  it('the root exports exactly the names of its three parts, each part its own', () => {
    const parts = [names(core), names(population), names(stream)];
    expect(parts.flat().sort()).to.deep.equal(names(root));
    expect(new Set(parts.flat()).size).to.equal(names(root).length);
    expect(population).to.have.keys(
      'BAND_SCHEMES',
      'OPEN_BAND_END',
      'bandScheme',
      'commonScheme',
      'rangeLabel',
      'schemeOfLabels',
      'harmonise',
      'overlapFraction',
      'ageAxis',
      'reach',
      'readPopulation',
    );
    expect(names(stream)).to.deep.equal(['aggregateCsv']);
    for (const name of names(root))
      expect((root as any)[name], name).to.equal(
        (core as any)[name] ?? (population as any)[name] ?? (stream as any)[name],
      );
  });

  it("the minified files export each part's names (the core's also exports, under short names, what the others import)", async () => {
    const [coreMin, populationMin, streamMin] = await Promise.all(
      ['epn-stats.min.js', 'epn-stats-population.min.js', 'epn-stats-stream.min.js'].map(min),
    );
    expect(names(populationMin)).to.deep.equal(names(population));
    expect(names(streamMin)).to.deep.equal(names(stream));
    const publicNames = names(coreMin).filter((n) => n.length > 2);
    expect(publicNames).to.deep.equal(names(core));
    expect(
      names(coreMin)
        .filter((n) => n.length <= 2)
        .every((n) => !(n in root)),
    ).to.equal(true);
  });

  it('a page using the three minified files holds one copy of the core: their errors are its EpnDataError', async () => {
    const [coreMin, populationMin, streamMin] = await Promise.all(
      ['epn-stats.min.js', 'epn-stats-population.min.js', 'epn-stats-stream.min.js'].map(min),
    );
    const ct = coreMin.readCrossTab(coreMin.parseCsv('sexe;0-14;15-29;30-44\nHommes;10;20;30\nFemmes;11;21;31'));
    const broad = populationMin.harmonise(ct, [0, 15]);
    expect(broad.columnLabels).to.deep.equal(['0-14', '15 +']);
    expect(broad.counts).to.deep.equal([
      [10, 50],
      [11, 52],
    ]);
    const empty = (async function* () {})();
    const error = await streamMin.aggregateCsv(empty, {rows: 'sexe', columns: 'age'}).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(coreMin.EpnDataError);
    expect(error.code).to.equal('EMPTY');
    expect(error.message).to.equal(new coreMin.EpnDataError('EMPTY').message);
    expect(() => populationMin.bandScheme('nope')).to.throw(coreMin.EpnDataError);
  });

  it("the widgets' worker file is built without the error texts (its errors reach the page as codes), the core's file with them", async () => {
    const fs = await import('node:' + 'fs');
    const read = (path: string): string =>
      fs.readFileSync(new URL(path, new URL('../../../', import.meta.url)), 'utf8');
    const worker = read('packages/widgets/dist/epn-worker.js');
    const coreFile = read('packages/stats/dist/epn-stats.min.js');
    for (const text of ['Access-Control-Allow-Origin', 'Réglage non compris', 'Setting not understood']) {
      expect(coreFile, text).to.contain(text);
      expect(worker, text).not.to.contain(text);
    }
    // What the page needs to write the message is still there: the details, French and English.
    expect(worker).to.contain('une archive ZIP ou un classeur Excel');
    expect(worker).to.contain('a ZIP archive or an Excel');
  });
});
