import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logRankSteps } from '../../../src/components/jc/log-rank-steps.ts';
import { logRank } from '../../../src/stats/log-rank.ts';
import { expectClose } from '../helpers.ts';

function expectSameAsCore(time: number[], event: (0 | 1)[], group: string[]) {
  const steps = logRankSteps(time, event, group, ['A', 'B']);
  const core = logRank(time, event, group, { levels: ['A', 'B'] });
  expectClose(steps.observed[0], core.observed[0], 1e-12, 'O_A');
  expectClose(steps.observed[1], core.observed[1], 1e-12, 'O_B');
  expectClose(steps.expected[0], core.expected[0], 1e-9, 'E_A');
  expectClose(steps.expected[1], core.expected[1], 1e-9, 'E_B');
  expectClose(steps.variance, core.variance[0][0], 1e-9, 'V');
  if (core.chisq > 1e-12) expectClose(steps.chisq, core.chisq, 1e-8, 'chisq');
  else expect(steps.chisq).toBeLessThan(1e-8);
  if (core.p === null) expect(steps.p).toBeNull();
  else expectClose(steps.p, core.p, 1e-6, 'p');
  // The rows add up to the totals.
  const sumE = steps.steps.reduce((s, r) => s + r.expected, 0);
  const sumV = steps.steps.reduce((s, r) => s + r.variance, 0);
  const sumO = steps.steps.reduce((s, r) => s + r.events[0], 0);
  expectClose(sumE, steps.expected[0], 1e-12, 'ΣE');
  expectClose(sumV, steps.variance, 1e-12, 'ΣV');
  expect(sumO).toBe(steps.observed[0]);
}

describe('logRankSteps', () => {
  it('aml ~ x: survdiff(Surv(time, status) ~ x, aml) χ² 3.396388699, p 0.06533932 (REFERENCES.md)', () => {
    // R's aml data set: Maintained (A) and Nonmaintained (B).
    const a = { time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], status: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] };
    const b = { time: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], status: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1] };
    const time = [...a.time, ...b.time];
    const event = [...a.status, ...b.status] as (0 | 1)[];
    const group = [...a.time.map(() => 'A'), ...b.time.map(() => 'B')];
    const steps = logRankSteps(time, event, group, ['A', 'B']);
    expectClose(steps.chisq, 3.396388699, 1e-8, 'chisq');
    expectClose(steps.p, 0.06533932, 1e-6, 'p');
    expectSameAsCore(time, event, group);
    // First event time: 5 months, 2 events in B, 11 + 12 at risk.
    expect(steps.steps[0]).toMatchObject({ time: 5, atRisk: [11, 12], events: [0, 2] });
    expectClose(steps.steps[0].expected, (2 * 11) / 23, 1e-12);
  });

  it('lists event times only, merges ties across groups into one row', () => {
    const s = logRankSteps([3, 3, 5, 7, 7], [1, 1, 0, 1, 0], ['A', 'B', 'A', 'B', 'A'], ['A', 'B']);
    expect(s.steps.map((r) => r.time)).toEqual([3, 7]);
    expect(s.steps[0].events).toEqual([1, 1]);
    expect(s.steps[1].atRisk).toEqual([1, 1]);
  });

  it('no test when no group has an event (p null), like logRank', () => {
    expectSameAsCore([1, 2, 10, 11], [1, 1, 0, 0], ['A', 'A', 'B', 'B']);
    const none = logRankSteps([1, 2, 3], [0, 0, 0], ['A', 'B', 'B'], ['A', 'B']);
    expect(none.steps).toEqual([]);
    expect(none.p).toBeNull();
    expect(logRank([1, 2, 3], [0, 0, 0], ['A', 'B', 'B'], { levels: ['A', 'B'] }).p).toBeNull();
  });

  it('totals equal logRank on random small classes (property)', () => {
    const patient = fc.record({
      time: fc.integer({ min: 0, max: 60 }),
      event: fc.constantFrom<0 | 1>(0, 1),
      group: fc.constantFrom('A', 'B'),
    });
    fc.assert(
      fc.property(fc.array(patient, { minLength: 2, maxLength: 16 }), (rows) => {
        fc.pre(rows.some((r) => r.group === 'A') && rows.some((r) => r.group === 'B'));
        expectSameAsCore(rows.map((r) => r.time), rows.map((r) => r.event), rows.map((r) => r.group));
      }),
      { numRuns: 500, seed: 20200201 },
    );
  });

  it('rejects anything but two groups', () => {
    expect(() => logRankSteps([1, 2, 3], [1, 1, 1], ['A', 'B', 'C'])).toThrow(/exactly 2 groups/);
  });
});
