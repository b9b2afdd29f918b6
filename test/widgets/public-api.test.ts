// Issue 14, move 6: the public API says what it means. `@epn/widgets` exports the element classes (and the bases a new
// widget extends) and readOptionsOf; its types are the events' and options'. The pure pieces and the test hooks
// (resetWorker, lazy) are in `@epn/widgets/testing.js`; the all-in-one file exports what the package does, and the two
// pieces the builder page reads through it.
import * as api from '@epn/widgets';
import * as testing from '@epn/widgets/testing.js';
import {expect} from '@open-wc/testing';
import {describe, it} from '../harness.js';

const PUBLIC = [
  'EpnAgeChart',
  'EpnBudgetCard',
  'EpnCard',
  'EpnElement',
  'EpnEquipmentChart',
  'EpnKeyFigures',
  'EpnReachChart',
  'EpnSkillChart',
  'readOptionsOf',
];

describe('public API (issue 14, move 6)', () => {
  it('@epn/widgets exports the element classes and readOptionsOf, and no test hook', () => {
    expect(Object.keys(api).sort()).to.deep.equal(PUBLIC);
    for (const name of PUBLIC.filter((n) => n.startsWith('Epn')))
      expect((api as Record<string, unknown>)[name], name).to.be.a('function');
    expect(api).to.not.have.property('resetWorker');
    expect(api).to.not.have.property('lazy');
  });

  it('@epn/widgets/testing.js holds the test hooks and the pure pieces, and the same classes', () => {
    expect(testing.resetWorker).to.be.a('function');
    expect(testing.lazy).to.be.a('function');
    expect(testing.layoutPyramid).to.be.a('function');
    expect(testing.toCsv).to.be.a('function');
    for (const name of PUBLIC)
      expect((testing as Record<string, unknown>)[name], name).to.equal((api as Record<string, unknown>)[name]);
  });

  it('the all-in-one file exports what the package does, and levelRank and BUDGET_KEYS for the builder page', async () => {
    const all = (await import(new URL('/packages/widgets/dist/epn-widgets.js', location.href).href)) as Record<
      string,
      unknown
    >;
    // Its other exports are what its chunks import from it, named by the bundler with one or two letters.
    expect(
      Object.keys(all)
        .filter((k) => k.length > 2)
        .sort(),
    ).to.deep.equal([...PUBLIC, 'BUDGET_KEYS', 'levelRank'].sort());
    expect(all.levelRank).to.be.a('function');
    expect(all.BUDGET_KEYS).to.have.property('budget');
    // Every tag registered by it.
    for (const tag of ['age-chart', 'equipment-chart', 'skill-chart', 'budget-card', 'key-figures', 'reach-chart']) {
      expect(customElements.get(`epn-${tag}`), tag).to.be.a('function');
    }
  });
});
