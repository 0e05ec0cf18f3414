import { describe, expect, it } from 'vitest';
import { logRank } from '../../../src/stats/log-rank.ts';
import { pairwiseLogRank } from '../../../src/stats/pairwise-log-rank.ts';
import { expectAllClose, expectClose } from '../helpers.ts';
import { dataset, expectInputError, loadFixture } from './survival-fixtures.ts';
import type { Num } from './survival-fixtures.ts';

interface PairEntry {
  a: string;
  b: string;
  n: number[];
  observed: number[];
  expected: number[];
  chisq: number;
  df: number;
  pvalue: Num;
  p: Num;
  pHolm: Num;
  pBonferroni: Num;
}
interface PairwiseEntry {
  dataset: string;
  call: string;
  groups: string[];
  comparisons: PairEntry[];
}

const tests = loadFixture<{ tests: PairwiseEntry[] }>('pairwise').tests;

describe('pairwiseLogRank against R survdiff on each pair + p.adjust (tests/fixtures/survival-pairwise.json)', () => {
  it('covers the 3- to 5-group data sets', () => {
    expect(tests.map((t) => t.groups.length).sort()).toContain(5);
    expect(tests.length).toBeGreaterThanOrEqual(8);
  });
  for (const entry of tests) {
    it(`${entry.dataset}: ${entry.call}`, () => {
      const d = dataset(entry.dataset);
      const result = pairwiseLogRank(d.time, d.status, d.group, { levels: entry.groups });
      expect(result.groups).toEqual(entry.groups);
      expect(result.comparisons.length).toBe(entry.comparisons.length);
      result.comparisons.forEach((row, i) => {
        const r = entry.comparisons[i];
        const label = `${r.a} vs ${r.b}`;
        expect([row.a, row.b]).toEqual([r.a, r.b]);
        expect(row.n).toEqual(r.n);
        expect(row.observed).toEqual(r.observed);
        expectAllClose(row.expected, r.expected, 1e-6, `${label} expected`);
        expect(row.df).toBe(r.df);
        if (r.chisq === 0) expect(row.chisq).toBe(0);
        else expectClose(row.chisq, r.chisq, 1e-6, `${label} chisq`);
        expectClose(row.p, r.p, 1e-6, `${label} p`);
        expectClose(row.pHolm, r.pHolm, 1e-6, `${label} Holm`);
        expectClose(row.pBonferroni, r.pBonferroni, 1e-6, `${label} Bonferroni`);
      });
    });
  }
});

describe('pairwiseLogRank: hand-built and errors', () => {
  it('each pair is the 2-group log-rank test on that pair only', () => {
    const d = dataset('veteran_celltype');
    const result = pairwiseLogRank(d.time, d.status, d.group, { levels: d.levels });
    const first = result.comparisons[0];
    const keep = d.group.map((g) => g === first.a || g === first.b);
    const direct = logRank(d.time.filter((_, i) => keep[i]), d.status.filter((_, i) => keep[i]), d.group.filter((_, i) => keep[i]), { levels: [first.a, first.b] });
    expect(first.chisq).toBe(direct.chisq);
    expect(first.p).toBe(direct.p);
  });
  it('input errors', () => {
    expectInputError(() => pairwiseLogRank([1, 2], [1, 1], ['A', 'A']), 'pairwise log-rank tests need at least 2 groups, but the data have only 1 group');
    expectInputError(() => pairwiseLogRank([1, 2], [1, 1], ['A', 3.5 as unknown as string, 'B']), 'group has 3 values but time has 2');
  });
});
