import { describe, expect, it } from 'vitest';
import { logRank, quadraticFormGeneralizedInverse } from '../../../src/stats/log-rank.ts';
import { expectAllClose, expectClose } from '../helpers.ts';
import { dataset, expectInputError, loadFixture } from './survival-fixtures.ts';
import type { Num } from './survival-fixtures.ts';

interface LogRankEntry {
  dataset: string;
  call: string;
  groups: string[];
  n: number[];
  observed: number[];
  expected: number[];
  variance: number[][];
  chisq: number;
  df: number;
  p: Num;
}

const tests = loadFixture<{ tests: LogRankEntry[] }>('logrank').tests;

/** Variance entries that are zero in exact arithmetic come out as ±1e-16 in R and here. */
function expectVarianceClose(actual: readonly (readonly number[])[], expected: number[][]): void {
  const scale = Math.max(...expected.flat().map(Math.abs));
  expect(actual.length).toBe(expected.length);
  expected.forEach((row, g) =>
    row.forEach((v, h) => {
      if (Math.abs(v) < 1e-12 * scale) expect(Math.abs(actual[g][h])).toBeLessThan(1e-10 * Math.max(scale, 1));
      else expectClose(actual[g][h], v, 1e-6, `var[${g}][${h}]`);
    }),
  );
}

describe('logRank against R survdiff (tests/fixtures/survival-logrank.json)', () => {
  for (const entry of tests) {
    it(`${entry.dataset}: ${entry.call}`, () => {
      const d = dataset(entry.dataset);
      const result = logRank(d.time, d.status, d.group, { levels: entry.groups });
      expect(result.groups).toEqual(entry.groups);
      expect(result.n).toEqual(entry.n);
      expect(result.observed).toEqual(entry.observed);
      expectAllClose(result.expected, entry.expected, 1e-6, 'expected');
      expectVarianceClose(result.variance, entry.variance);
      expect(result.df).toBe(entry.df);
      if (entry.chisq === 0) expect(result.chisq).toBe(0);
      else expectClose(result.chisq, entry.chisq, 1e-6, 'chisq');
      // R reports pchisq(0, 0) = 1 or NaN when df < 1; we report no p-value.
      if (entry.df >= 1) expectClose(result.p, entry.p, 1e-6, 'p');
      else expect(result.p).toBeNull();
    });
  }
});

describe('logRank: published numbers (REFERENCES.md)', () => {
  it('aml ~ x: χ² 3.396388699, p 0.06533932', () => {
    const d = dataset('aml');
    const r = logRank(d.time, d.status, d.group);
    expect(r.groups).toEqual(['Maintained', 'Nonmaintained']);
    expectClose(r.chisq, 3.396388699, 1e-9);
    expectClose(r.p, 0.06533932, 1e-6);
  });
  it('lung ~ sex: χ² 10.32674195, p 0.00131116', () => {
    const d = dataset('lung');
    const r = logRank(d.time, d.status, d.group);
    expectClose(r.chisq, 10.32674195, 1e-9);
    expectClose(r.p, 0.00131116, 1e-5);
  });
  it('veteran ~ celltype: χ² 25.40370035, df 3, p 1.271246e-5', () => {
    const d = dataset('veteran_celltype');
    const r = logRank(d.time, d.status, d.group);
    expectClose(r.chisq, 25.40370035, 1e-9);
    expect(r.df).toBe(3);
    expectClose(r.p, 1.271246e-5, 1e-6);
  });
});

describe('logRank: hand-built', () => {
  it('two groups, by hand: one event time with 2 deaths among 4 at risk', () => {
    // t = 1: A has 2 at risk, 2 deaths; B has 2 at risk, 0 deaths. E_A = 2·2/4 = 1, V = 2·2/3·(1/2)(1/2) = 1/3
    const r = logRank([1, 1, 2, 2], [1, 1, 0, 0], ['A', 'A', 'B', 'B']);
    expect(r.observed).toEqual([2, 0]);
    expectAllClose(r.expected, [1, 1], 1e-12);
    expectClose(r.variance[0][0], 1 / 3, 1e-12);
    expectClose(r.chisq, 3, 1e-12);
  });

  it('a singular variance (everyone at risk dies at each event time) gives χ² 0 via the generalized inverse', () => {
    const r = logRank([5, 5, 5, 5], [1, 1, 1, 1], ['A', 'A', 'B', 'B']);
    expect(r.variance).toEqual([[0, 0], [0, 0]]);
    expect(r.chisq).toBe(0);
    expect(r.df).toBe(1);
    expect(r.p).toBe(1);
  });

  it('generalized inverse equals the ordinary inverse for a regular matrix', () => {
    const v = [[2, -1], [-1, 2]];
    const u = [1, 2];
    // v⁻¹ = [[2, 1], [1, 2]]/3; uᵀ v⁻¹ u = (2 + 4 + 8)/3
    expectClose(quadraticFormGeneralizedInverse(u, v), 14 / 3, 1e-12);
  });

  it('groups sort numbers numerically and strings by code point; levels set the order', () => {
    const time = [1, 2, 3, 4, 5, 6];
    const event: (0 | 1)[] = [1, 1, 1, 1, 1, 1];
    expect(logRank(time, event, [10, 9, 10, 9, 2, 2]).groups).toEqual(['2', '9', '10']);
    expect(logRank(time, event, ['b', 'B', 'b', 'B', 'a', 'a']).groups).toEqual(['B', 'a', 'b']);
    const r = logRank(time, event, ['b', 'B', 'b', 'B', 'a', 'a'], { levels: ['b', 'a', 'B'] });
    expect(r.groups).toEqual(['b', 'a', 'B']);
    const s = logRank(time, event, ['b', 'B', 'b', 'B', 'a', 'a']);
    expectClose(r.chisq, s.chisq, 1e-12);
  });

  it('all censored: no test (df −1, p null), as survdiff (chisq 0)', () => {
    const r = logRank([1, 2, 3], [0, 0, 0], ['A', 'B', 'B']);
    expect([r.chisq, r.df, r.p]).toEqual([0, -1, null]);
  });
});

describe('logRank: input errors', () => {
  it('fewer than 2 groups', () => {
    expectInputError(() => logRank([1, 2], [1, 1], ['A', 'A']), 'the log-rank test needs at least 2 groups, but the data have only 1 group');
  });
  it('invalid group labels', () => {
    expectInputError(() => logRank([1, 2], [1, 1], ['A', '']), 'invalid group at row 2: ""');
    expectInputError(() => logRank([1, 2], [1, 1], ['A', null as unknown as string]), 'invalid group at row 2: null');
    expectInputError(() => logRank([1, 2], [1, 1], ['A', Number.NaN]), 'invalid group at row 2: NaN');
  });
  it('a label that is not among the levels; duplicated levels', () => {
    expectInputError(() => logRank([1, 2, 3], [1, 1, 0], ['A', 'B', 'C'], { levels: ['A', 'B'] }), 'invalid group at row 3: "C" is not one of the levels');
    expectInputError(() => logRank([1, 2], [1, 1], ['A', 'B'], { levels: ['A', 'B', 'A'] }), 'levels lists "A" twice');
  });
  it('length mismatch, bad time, bad event, empty', () => {
    expectInputError(() => logRank([1, 2], [1, 1], ['A']), 'group has 1 values but time has 2');
    expectInputError(() => logRank([1, -2], [1, 1], ['A', 'B']), 'invalid time at row 2: -2');
    expectInputError(() => logRank([1, 2], [1, 0.5 as unknown as 1], ['A', 'B']), 'invalid event at row 2: 0.5 (expected 0 or 1)');
    expectInputError(() => logRank([], [], []), 'no observations: time is empty');
  });
});
