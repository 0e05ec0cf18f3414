import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fisherExact } from '../../../src/stats/fisher-exact.ts';
import { logFactorial } from '../../../src/stats/special.ts';
import { expectClose, expectInputError } from '../helpers.ts';

// Fixtures: tests/oracle/tables.R (R 4.2 fisher.test).
interface TableCase {
  name: string;
  table: number[][];
  source?: string;
  paperP?: number;
  fisher: { call: string; p: number; oddsRatio?: number | 'Inf' | null; lower?: number | 'Inf' | null; upper?: number | 'Inf' | null; warnings: string[] };
}

function load(name: string): TableCase[] {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')).cases;
}
const reference = load('tables-reference');
const paper = load('tables-paper');
const synthetic = load('tables-synthetic');


/** R's Inf is null here (JSON has no infinity). */
const orValue = (v: number | 'Inf' | null | undefined) => (v === 'Inf' ? null : v ?? null);

function expectMatchesR(c: TableCase): void {
  const res = fisherExact(c.table);
  expect(res.rows).toBe(c.table.length);
  expect(res.cols).toBe(c.table[0].length);
  expectClose(res.p, c.fisher.p, 1e-6, 'p');
  if (c.fisher.oddsRatio === undefined) {
    expect(res.oddsRatio).toBeUndefined();
    return;
  }
  const o = res.oddsRatio;
  if (o === null || o === undefined) throw new Error('expected an odds ratio');
  expectClose(o.estimate, orValue(c.fisher.oddsRatio), 1e-6, 'odds ratio');
  expectClose(o.lower, orValue(c.fisher.lower), 1e-6, 'lower');
  expectClose(o.upper, orValue(c.fisher.upper), 1e-6, 'upper');
}

describe('fisherExact: REFERENCES.md and edge cases (tests/oracle/tables.R)', () => {
  for (const c of reference) {
    if (c.name.startsWith('2x2 zero row')) continue; // see below
    it(`${c.name}: ${c.fisher.call}`, () => expectMatchesR(c));
  }
});

describe("fisherExact: the paper's Tables 2 and 3 (tests/oracle/tables.R)", () => {
  for (const c of paper) it(`${c.name}: ${c.fisher.call}`, () => expectMatchesR(c));
});

describe('fisherExact: seeded random tables 2 × 2 to 5 × 3 (tests/oracle/tables.R)', () => {
  for (const c of synthetic) it(`${c.name}: ${c.fisher.call}`, () => expectMatchesR(c));
});

describe('fisherExact: REFERENCES.md values', () => {
  it('fisher.test(matrix(c(10, 2, 15, 12, 3, 9), 3, byrow = TRUE)) p = 0.01870335368', () =>
    expectClose(fisherExact([[10, 2], [15, 12], [3, 9]]).p, 0.01870335368, 1e-9));
  it('fisher.test(matrix(c(2, 8, 5, 5, 9, 1), 3, byrow = TRUE)) p = 0.008664089008', () =>
    expectClose(fisherExact([[2, 8], [5, 5], [9, 1]]).p, 0.008664089008, 1e-9));
  it('fisher.test(matrix(c(3, 1, 1, 3, 2, 2), 3, byrow = TRUE)) p = 0.7662337662', () =>
    expectClose(fisherExact([[3, 1], [1, 3], [2, 2]]).p, 0.7662337662, 1e-9));
  it('fisher.test(TeaTasting) p = 0.4857142857, odds ratio 6.408309 (0.2117329–621.9337)', () => {
    const res = fisherExact([[3, 1], [1, 3]]);
    expectClose(res.p, 0.4857142857, 1e-9);
    expectClose(res.oddsRatio?.estimate, 6.408309, 1e-6);
    expectClose(res.oddsRatio?.lower, 0.2117329, 1e-6);
    expectClose(res.oddsRatio?.upper, 621.9337, 1e-6);
  });
});

describe('fisherExact: behaviour at the edges', () => {
  it('symmetric table: tables tied in probability with the observed one all count (R: relative tolerance 1e-7)', () => {
    // [[1,2],[2,1]] and [[2,1],[1,2]] have the same probability: p = 1
    expectClose(fisherExact([[1, 2], [2, 1]]).p, 1, 1e-12);
  });

  it('empty rows and columns change nothing (as in R)', () => {
    const p = fisherExact([[3, 1, 2], [4, 5, 2]]).p;
    expectClose(fisherExact([[3, 1, 2], [0, 0, 0], [4, 5, 2]]).p, p, 1e-12);
    expectClose(fisherExact([[3, 0, 1, 2], [4, 0, 5, 2]]).p, p, 1e-12);
  });

  it('margins that allow a single table give p = 1', () => {
    expect(fisherExact([[3, 0, 2], [0, 0, 0]]).p).toBe(1);
  });

  it('2 × 2 with a zero row: p = 1 and no odds ratio (R prints 0 with CI 0–Inf)', () => {
    const c = reference.find((x) => x.name.startsWith('2x2 zero row')) as TableCase;
    const res = fisherExact(c.table);
    expectClose(res.p, c.fisher.p, 1e-12);
    expect(c.fisher.oddsRatio).toBe(0);
    expect(res.oddsRatio).toBeNull();
  });

  it('infinite odds ratio and upper limit are null, zero estimate and lower limit are 0', () => {
    expect(fisherExact([[5, 0], [0, 5]]).oddsRatio).toMatchObject({ estimate: null, upper: null });
    expect(fisherExact([[0, 4], [6, 2]]).oddsRatio).toMatchObject({ estimate: 0, lower: 0 });
    expect(JSON.parse(JSON.stringify(fisherExact([[5, 0], [0, 5]])))).toEqual(fisherExact([[5, 0], [0, 5]]));
  });

  it('confLevel sets the interval of the odds ratio', () => {
    const res = fisherExact([[3, 1], [1, 3]], { confLevel: 0.9 });
    expect(res.oddsRatio?.confLevel).toBe(0.9);
    expect(res.oddsRatio?.lower as number).toBeGreaterThan(0.2117329);
  });

  it('agrees with brute-force enumeration on random small tables (up to 4 × 4)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((r) =>
          fc.integer({ min: 2, max: 4 }).chain((c) => fc.array(fc.array(fc.integer({ min: 0, max: r * c > 9 ? 2 : 4 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
        ),
        (table) => {
          if (table.flat().every((v) => v === 0)) return;
          expectClose(fisherExact(table).p, bruteForce(table), 1e-9);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });
});

describe('fisherExact: validation errors (one line)', () => {
  it('fewer than 2 rows', () => expectInputError(() => fisherExact([[1, 2]]), 'invalid table: need at least 2 rows and 2 columns'));
  it('fewer than 2 columns', () => expectInputError(() => fisherExact([[1], [2]]), 'invalid table: need at least 2 rows and 2 columns'));
  it('not an array', () => expectInputError(() => fisherExact(5 as unknown as number[][]), 'invalid table: need at least 2 rows and 2 columns'));
  it('ragged rows', () => expectInputError(() => fisherExact([[1, 2], [3]]), 'invalid table: row 2 has 1 columns but row 1 has 2'));
  it('negative count', () => expectInputError(() => fisherExact([[1, 2], [3, -1]]), 'invalid count at row 2, column 2: -1 (expected a whole number ≥ 0)'));
  it('fractional count', () => expectInputError(() => fisherExact([[1, 2.5], [3, 1]]), 'invalid count at row 1, column 2: 2.5 (expected a whole number ≥ 0)'));
  it('NaN count', () => expectInputError(() => fisherExact([[1, 2], [NaN, 1]]), 'invalid count at row 2, column 1: NaN (expected a whole number ≥ 0)'));
  it('all zero (R: FEXACT error 3)', () => expectInputError(() => fisherExact([[0, 0], [0, 0]]), 'invalid table: every count is 0'));
  it('invalid confLevel', () => expectInputError(() => fisherExact([[1, 2], [3, 1]], { confLevel: 1 }), 'invalid confLevel: 1 (expected a number between 0 and 1)'));
});

/** Sum of P(T) ≤ P(obs)(1 + 1e-7) over every table with the observed margins, by plain recursion. */
function bruteForce(table: number[][]): number {
  const r = table.length;
  const c = table[0].length;
  const rows = table.map((row) => row.reduce((a, b) => a + b, 0));
  const cols = table[0].map((_, j) => table.reduce((a, row) => a + row[j], 0));
  const n = rows.reduce((a, b) => a + b, 0);
  let logK = -logFactorial(n);
  for (const v of [...rows, ...cols]) logK += logFactorial(v);
  const logP = (t: number[][]) => logK - t.flat().reduce((a, v) => a + logFactorial(v), 0);
  const pObs = Math.exp(logP(table));
  let p = 0;
  const cell = Array.from({ length: r }, () => new Array<number>(c).fill(0));
  const rowLeft = [...rows];
  const colLeft = [...cols];
  const visit = (k: number): void => {
    if (k === r * c) {
      if (rowLeft.every((v) => v === 0) && colLeft.every((v) => v === 0)) {
        const pt = Math.exp(logP(cell));
        if (pt <= pObs * (1 + 1e-7)) p += pt;
      }
      return;
    }
    const i = Math.floor(k / c);
    const j = k % c;
    // the last cell of a row or column is determined by its margin
    const from = i === r - 1 ? colLeft[j] : j === c - 1 ? rowLeft[i] : 0;
    const to = Math.min(rowLeft[i], colLeft[j]);
    for (let v = from; v <= to; v++) {
      cell[i][j] = v;
      rowLeft[i] -= v;
      colLeft[j] -= v;
      visit(k + 1);
      rowLeft[i] += v;
      colLeft[j] += v;
    }
    cell[i][j] = 0;
  };
  visit(0);
  return Math.min(1, p);
}
