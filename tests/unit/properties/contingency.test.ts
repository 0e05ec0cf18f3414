/**
 * Properties of Fisher's exact test and Pearson's χ² (fast-check, fixed seeds): p-values are
 * probabilities; a table whose rows are identical (the table equals its expected counts) has
 * Fisher p = 1; neither test depends on the orientation of the table or the order of its rows
 * and columns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../../src/stats/chi-square.ts';
import { fisherExact } from '../../../src/stats/fisher-exact.ts';
import { near, permutationArb, permute, runs, tableArb, transpose } from './arbitraries.ts';

/** A table with two to three rows and columns, and a permutation of each. */
const shuffledTableArb = tableArb(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }), 7, 36).chain((t) =>
  fc.tuple(fc.constant(t), permutationArb(t.length), permutationArb(t[0].length)),
);

describe("Fisher's exact test and χ²: properties over random tables", () => {
  it('Fisher p is in [0, 1] and invariant to transposing and to permuting rows and columns', () => {
    fc.assert(
      fc.property(shuffledTableArb, ([t, rowPerm, colPerm]) => {
        const p = fisherExact(t).p;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        const shuffled = permute(t, rowPerm).map((row) => permute(row, colPerm));
        expect(near(fisherExact(transpose(t)).p, p, 1e-9, 1e-15), 'transposed').toBe(true);
        expect(near(fisherExact(shuffled).p, p, 1e-9, 1e-15), 'permuted').toBe(true);
      }),
      runs(20240401, 250),
    );
  });

  it('Fisher p = 1 for a perfectly balanced table: identical rows (observed = expected)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 4 }).filter((row) => row.some((v) => v > 0)),
        fc.boolean(),
        (r, row, transposed) => {
          const t = Array.from({ length: r }, () => [...row]);
          const p = fisherExact(transposed ? transpose(t) : t).p;
          expect(p).toBeLessThanOrEqual(1);
          expect(p).toBeGreaterThan(1 - 1e-9);
        },
      ),
      runs(20240402, 200),
    );
  });

  it('2 × 2 with equal margins and cells ([[a, a], [a, a]]) has Fisher p = 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), (a) => {
        const p = fisherExact([[a, a], [a, a]]).p;
        expect(p).toBeGreaterThan(1 - 1e-9);
        expect(p).toBeLessThanOrEqual(1);
      }),
      runs(20240403, 15),
    );
  });

  it('χ²: statistic ≥ 0, p in [0, 1] (or both null), invariant to transposing and permuting', () => {
    fc.assert(
      fc.property(shuffledTableArb, fc.boolean(), ([t, rowPerm, colPerm], correct) => {
        const res = chiSquareTest(t, { correct });
        const shuffled = permute(t, rowPerm).map((row) => permute(row, colPerm));
        for (const other of [chiSquareTest(transpose(t), { correct }), chiSquareTest(shuffled, { correct })]) {
          expect(near(other.statistic, res.statistic, 1e-9, 1e-12)).toBe(true);
          expect(near(other.p, res.p, 1e-9, 1e-15)).toBe(true);
        }
        expect((res.statistic === null) === (res.p === null)).toBe(true);
        if (res.statistic !== null) {
          expect(res.statistic).toBeGreaterThanOrEqual(0);
          expect(res.p as number).toBeGreaterThanOrEqual(0);
          expect(res.p as number).toBeLessThanOrEqual(1);
        }
        // Identical rows: no association at all.
        const flat = [t[0], t[0]];
        if (t[0].every((v) => v > 0)) expect(chiSquareTest(flat, { correct: false }).statistic).toBeCloseTo(0, 12);
      }),
      runs(20240404, 250),
    );
  });
});
