import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rubinPool } from '../../../src/stats/rubin.ts';
import type { RubinPooled } from '../../../src/stats/rubin.ts';
import { expectClose, expectInputError } from '../helpers.ts';

// Fixture: tests/oracle/rubin.R (mice::pool's formulas written out in R; `call` is the R call).
interface RubinCase {
  name: string;
  call: string;
  input: { estimates: number[]; variances: number[]; dfComplete: number | null; confLevel: number };
  pooled: Record<keyof RubinPooled, number>;
}
const fixture: { cases: RubinCase[] } = JSON.parse(readFileSync(new URL('../../fixtures/rubin.json', import.meta.url), 'utf8'));

const FIELDS = ['estimate', 'within', 'between', 'total', 'se', 'riv', 'lambda', 'fmi', 'df', 'dfRubin', 'statistic', 'p'] as const;

describe('rubinPool (tests/oracle/rubin.R)', () => {
  it('the fixture holds the edge cases it is meant to', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(15);
    expect(fixture.cases.some((c) => c.pooled.between === 0)).toBe(true);
    expect(fixture.cases.some((c) => c.input.dfComplete !== null)).toBe(true);
  });
  for (const c of fixture.cases) {
    it(`${c.name}: ${c.call}`, () => {
      const { estimates, variances, dfComplete, confLevel } = c.input;
      const r = rubinPool({ estimates, variances, dfComplete: dfComplete ?? undefined, confLevel });
      expect(r.m).toBe(c.pooled.m);
      expect(r.confLevel).toBe(c.pooled.confLevel);
      // R writes 15 significant digits; 1e-9 leaves room for the last one and for summing in another order.
      for (const f of FIELDS) expectClose(r[f], c.pooled[f], 1e-9, f);
      // The t quantile at a fraction of one degree of freedom (a deliberately extreme case) is
      // computed by a different algorithm in stdlib than in R: 1e-7 there.
      const rel = c.pooled.df < 1 ? 1e-7 : 1e-9;
      expectClose(r.lower, c.pooled.lower, rel, 'lower');
      expectClose(r.upper, c.pooled.upper, rel, 'upper');
    });
  }
});

describe('rubinPool by hand', () => {
  it('identical estimates: B = 0, T = W and an interval on (m − 1)·10⁸ df, i.e. the normal one', () => {
    const r = rubinPool({ estimates: [0.5, 0.5, 0.5, 0.5], variances: [0.04, 0.04, 0.04, 0.04] });
    expect(r.between).toBe(0);
    expect(r.total).toBeCloseTo(0.04, 15);
    expect(r.df).toBeCloseTo(3e8, 0);
    expectClose(r.upper - r.estimate, 1.959963984540054 * 0.2, 1e-8, 'half-width');
  });
  it('a finite complete-data df caps the df below it (Barnard–Rubin)', () => {
    const r = rubinPool({ estimates: [0.5, 0.5, 0.5], variances: [0.04, 0.04, 0.04], dfComplete: 10 });
    expect(r.df).toBeLessThan(10);
    expect(r.dfRubin).toBeGreaterThan(1e8);
  });
  it('more disagreement between data sets widens the interval', () => {
    const narrow = rubinPool({ estimates: [0.4, 0.5, 0.6], variances: [0.04, 0.04, 0.04] });
    const wide = rubinPool({ estimates: [0.1, 0.5, 0.9], variances: [0.04, 0.04, 0.04] });
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower);
  });
});

describe('rubinPool refuses what it cannot pool', () => {
  it('m = 1', () => {
    expectInputError(() => rubinPool({ estimates: [0.3], variances: [0.1] }), "Rubin's rules need at least 2 data sets to estimate the between variance (got 1)");
  });
  it('m = 0', () => {
    expectInputError(() => rubinPool({ estimates: [], variances: [] }), "Rubin's rules need at least 2 data sets to estimate the between variance (got 0)");
  });
  it('different lengths', () => {
    expectInputError(() => rubinPool({ estimates: [0.3, 0.2], variances: [0.1] }), 'estimates and variances differ in length (2 and 1)');
  });
  it('a non-finite estimate', () => {
    expectInputError(() => rubinPool({ estimates: [0.3, Number.NaN], variances: [0.1, 0.1] }), 'invalid estimates at row 2: NaN (expected a finite number)');
  });
  it('a zero or negative variance', () => {
    expectInputError(() => rubinPool({ estimates: [0.3, 0.2], variances: [0.1, 0] }), 'invalid variances at row 2: 0 (expected a finite number > 0)');
    expectInputError(() => rubinPool({ estimates: [0.3, 0.2], variances: [-1, 0.1] }), 'invalid variances at row 1: -1 (expected a finite number > 0)');
  });
  it('a complete-data df ≤ 0 and a confidence level outside (0, 1)', () => {
    expectInputError(() => rubinPool({ estimates: [0.3, 0.2], variances: [0.1, 0.1], dfComplete: 0 }), 'invalid dfComplete: 0 (expected a number > 0 or Infinity)');
    expectInputError(() => rubinPool({ estimates: [0.3, 0.2], variances: [0.1, 0.1], confLevel: 1 }), 'invalid confLevel: 1 (expected a number between 0 and 1)');
  });
});
