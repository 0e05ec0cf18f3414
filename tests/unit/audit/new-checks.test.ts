// The checks added for issue 13: pooled median within its groups, identical count rows, Methods
// against Results, and the choice of test (src/audit/check-pooled-median.ts, check-identical-rows.ts,
// check-inclusion.ts, check-test-choice.ts). Synthetic cases follow R's median(); the paper's own cases
// are read from data/published.
import { describe, expect, it } from 'vitest';
import { expectedCounts } from '../../../src/audit/check-test-choice.ts';
import { judgePooledMedian } from '../../../src/audit/check-pooled-median.ts';
import { audit, byId } from './shared.ts';

describe('pooled median within its groups', () => {
  it('Table 3 primary Ki-67: pooled 3% against group medians 2.5, 2.5 and 2% is outside', () => {
    const f = byId('t3-primary-ki67-total-pooled-median');
    expect(f.verdict).toBe('inconsistent');
    expect(f.consequence).toBe('number');
    expect(f.explanation).toContain('2.5, 2.5 and 2');
    expect(f.explanation).toContain('so 3 stands for 3.0');
  });
  it('R: x <- c(1, 2, 2, 3, 9); y <- c(2, 4, 5, 6); median(c(x, y)) = 3 lies within median(x) = 2 and median(y) = 4.5', () => {
    expect(judgePooledMedian('3', ['2', '4.5']).ok).toBe(true);
    expect(judgePooledMedian('5', ['2', '4.5']).ok).toBe(false);
  });
  it('the other pooled medians of Tables 2 and 3 lie within their groups', () => {
    const others = audit.findings.filter((f) => f.check === 'pooled-median' && f.id !== 't3-primary-ki67-total-pooled-median');
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((f) => f.verdict === 'consistent')).toBe(true);
  });
});

describe('identical count rows with different percentages', () => {
  it('Table 2 Functional repeats Symptomatic\'s counts 46, 37 and 9, and its P 0.148 fits no test: one finding', () => {
    const f = byId('t2-functional-same-as-symptomatic');
    expect(f.verdict).toBe('inconsistent');
    expect(f.cells).toContain('t2-functional-p');
    expect(f.explanation).toContain('57, 45 and 12');
    expect(f.explanation).toContain('53, 44 and 9');
    expect(audit.findings.some((x) => x.id === 't2-functional-p-pvalue')).toBe(false);
  });
});

describe('Methods against Results', () => {
  it('"All patients underwent multi-phase CT" against 57 and 51 of 82 analysed', () => {
    const f = byId('c-methods-all-multiphase-inclusion');
    expect(f.verdict).toBe('inconsistent');
    expect(f.consequence).toBe('presentation');
    expect(f.explanation).toMatch(/57 of 82.*51 of 82/);
  });
});

describe('choice of test (a neutral note)', () => {
  it('R: chisq.test(matrix(c(37, 9, 7, 0), 2))$expected has a cell of 1.19, below 5', () => {
    const e = expectedCounts([[37, 9], [7, 0]]).flat();
    expect(Math.min(...e)).toBeCloseTo((7 * 9) / 53, 10);
  });
  it('Table 2 Symptomatic 0.199 is a χ² P with an expected count below 5: a note, not an inconsistency', () => {
    const f = byId('t2-symptomatic-p-test-choice');
    expect(f.verdict).toBe('note');
    expect(f.consequence).toBeNull();
    expect(f.explanation).toContain('as appropriate');
    expect(byId('t2-symptomatic-p-pvalue').verdict).toBe('consistent');
  });
});
