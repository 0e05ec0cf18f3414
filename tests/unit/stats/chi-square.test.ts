import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../../src/stats/chi-square.ts';
import { expectClose, expectInputError } from '../helpers.ts';

// Fixtures: tests/oracle/tables.R (R 4.2 chisq.test).
interface ChiCase {
  call: string;
  correct: boolean;
  statistic: number | null;
  df: number;
  p: number | null;
  expected: number[][];
  method: string;
  warned: boolean;
}
interface TableCase {
  name: string;
  table: number[][];
  chisq: ChiCase[];
}

function load(name: string): TableCase[] {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')).cases;
}
const all = [...load('tables-reference'), ...load('tables-paper'), ...load('tables-synthetic')];


describe('chiSquareTest: against R (tests/oracle/tables.R)', () => {
  for (const c of all) {
    for (const r of c.chisq) {
      it(`${c.name}: ${r.call}`, () => {
        const res = chiSquareTest(c.table, { correct: r.correct });
        expectClose(res.statistic, r.statistic, 1e-6, 'statistic');
        expectClose(res.p, r.p, 1e-6, 'p');
        expect(res.df).toBe(r.df);
        expect(res.lowExpected, 'R warned "Chi-squared approximation may be incorrect"').toBe(r.warned);
        expect(res.corrected).toBe(r.method.includes('Yates'));
        res.expected.forEach((row, i) => row.forEach((e, j) => expectClose(e, r.expected[i][j], 1e-9, `E[${i}][${j}]`)));
      });
    }
  }
});

describe('chiSquareTest: known answers', () => {
  it('REFERENCES: chisq.test(matrix(c(10, 2, 15, 12, 3, 9), 3, byrow = TRUE)) X² 8.2558, p 0.0161165', () => {
    const res = chiSquareTest([[10, 2], [15, 12], [3, 9]]);
    expectClose(res.statistic, 8.2558, 1e-5);
    expectClose(res.p, 0.0161165, 1e-6);
    expect(res.df).toBe(2);
    expect(res.corrected).toBe(false); // Yates only for 2 × 2
  });

  it('hand-computed 2 × 2 with and without Yates: [[10, 20], [30, 40]]', () => {
    // E = [[12, 18], [28, 42]], |x − E| = 2: X² = Σ 4/E; Yates: Σ 1.5²/E
    const sumInv = 1 / 12 + 1 / 18 + 1 / 28 + 1 / 42;
    expectClose(chiSquareTest([[10, 20], [30, 40]], { correct: false }).statistic, 4 * sumInv, 1e-12);
    expectClose(chiSquareTest([[10, 20], [30, 40]]).statistic, 2.25 * sumInv, 1e-12);
  });

  it("Yates' correction is min(0.5, |x − E|) as in R: small deviations give X² = 0 and p = 1", () => {
    // [[2, 2], [2, 3]]: |x − E| = 2/9 < 0.5
    const res = chiSquareTest([[2, 2], [2, 3]]);
    expect(res.corrected).toBe(true);
    expect(res.statistic).toBe(0);
    expect(res.p).toBe(1);
  });

  it('no correction when x = E exactly (R: "Pearson\'s Chi-squared test" without Yates)', () => {
    const res = chiSquareTest([[5, 5], [5, 5]]);
    expect(res.corrected).toBe(false);
    expect(res.statistic).toBe(0);
  });

  it('an empty row: statistic and p are null (R: NaN), lowExpected true', () => {
    const res = chiSquareTest([[3, 1, 2], [0, 0, 0], [4, 5, 2]]);
    expect(res.statistic).toBeNull();
    expect(res.p).toBeNull();
    expect(res.lowExpected).toBe(true);
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });
});

describe('chiSquareTest: validation errors (one line)', () => {
  it('too small', () => expectInputError(() => chiSquareTest([[1, 2]]), 'invalid table: need at least 2 rows and 2 columns'));
  it('ragged', () => expectInputError(() => chiSquareTest([[1, 2], [1, 2, 3]]), 'invalid table: row 2 has 3 columns but row 1 has 2'));
  it('negative', () => expectInputError(() => chiSquareTest([[1, -2], [1, 2]]), 'invalid count at row 1, column 2: -2 (expected a whole number ≥ 0)'));
  it('all zero (R: "at least one entry of \'x\' must be positive")', () =>
    expectInputError(() => chiSquareTest([[0, 0], [0, 0]]), 'invalid table: every count is 0'));
});
