/**
 * Properties of the log-rank tests (fast-check, fixed seeds): the statistic does not depend on
 * what the groups are called, in which order the levels are listed, or in which order the rows
 * come; p-values are probabilities; Holm- and Bonferroni-adjusted p-values are never below the raw ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logRank } from '../../../src/stats/log-rank.ts';
import { pairwiseLogRank } from '../../../src/stats/pairwise-log-rank.ts';
import { adjustPValues } from '../../../src/stats/p-adjust.ts';
import { groupedArb, labelsArb, near, permutationArb, permute, runs } from './arbitraries.ts';

/** Data with k groups, a row permutation and k new labels. */
const relabelArb = fc
  .integer({ min: 2, max: 4 })
  .chain((k) => groupedArb(k).chain((d) => fc.tuple(fc.constant(k), fc.constant(d), permutationArb(d.time.length), labelsArb(k), permutationArb(k))));

describe('log-rank: properties over random data', () => {
  it('χ², df and p are invariant to renaming the groups, reordering the levels and permuting the rows', () => {
    fc.assert(
      fc.property(relabelArb, ([k, d, rowPerm, labels, levelPerm]) => {
        const base = logRank(d.time, d.event, d.group);
        const renamed = d.group.map((g) => labels[g]);
        const levels = permute(labels, levelPerm);
        const other = logRank(permute(d.time, rowPerm), permute(d.event, rowPerm), permute(renamed, rowPerm), { levels });
        expect(other.df).toBe(base.df);
        expect(near(other.chisq, base.chisq, 1e-8, 1e-10), `χ² ${other.chisq} vs ${base.chisq}`).toBe(true);
        expect(near(other.p, base.p, 1e-7, 1e-12), `p ${other.p} vs ${base.p}`).toBe(true);
        // Observed and expected events follow their group, whatever it is called.
        for (let g = 0; g < k; g++) {
          const j = other.groups.indexOf(labels[g]);
          expect(other.observed[j]).toBe(base.observed[g]);
          expect(near(other.expected[j], base.expected[g], 1e-9, 1e-12)).toBe(true);
        }
        expect(base.chisq).toBeGreaterThanOrEqual(-1e-12);
        if (base.p !== null) {
          expect(base.p).toBeGreaterThanOrEqual(0);
          expect(base.p).toBeLessThanOrEqual(1);
        }
        // O − E sums to zero over the groups.
        const sum = base.observed.reduce((a, o, g) => a + o - base.expected[g], 0);
        expect(Math.abs(sum)).toBeLessThan(1e-9 * Math.max(1, d.time.length));
      }),
      runs(20240201, 200),
    );
  });

  it('pairwise: raw p ≤ Holm ≤ Bonferroni ≤ 1, every pair once, each pair equal to the 2-group test on its patients', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 4 }).chain((k) => groupedArb(k, 24)),
        (d) => {
          const res = pairwiseLogRank(d.time, d.event, d.group);
          const k = res.groups.length;
          expect(res.comparisons.length).toBe((k * (k - 1)) / 2);
          for (const c of res.comparisons) {
            if (c.p === null) {
              expect(c.pHolm).toBeNull();
              expect(c.pBonferroni).toBeNull();
              continue;
            }
            expect(c.p).toBeGreaterThanOrEqual(0);
            expect(c.pHolm as number).toBeGreaterThanOrEqual(c.p);
            expect(c.pBonferroni as number).toBeGreaterThanOrEqual(c.pHolm as number);
            expect(c.pBonferroni as number).toBeLessThanOrEqual(1);
            const keep = d.group.map((g, i) => (String(g) === c.a || String(g) === c.b ? i : -1)).filter((i) => i >= 0);
            const two = logRank(keep.map((i) => d.time[i]), keep.map((i) => d.event[i]), keep.map((i) => d.group[i]));
            expect(near(two.chisq, c.chisq, 1e-12, 1e-14)).toBe(true);
          }
        },
      ),
      runs(20240202, 150),
    );
  });

  it('Holm: adjusted p-values keep the order of the raw ones and never fall below them', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), (p) => {
        const holm = adjustPValues(p, 'holm');
        const bonf = adjustPValues(p, 'bonferroni');
        p.forEach((v, i) => {
          expect(holm[i]).toBeGreaterThanOrEqual(v);
          expect(bonf[i]).toBeGreaterThanOrEqual(holm[i]);
          expect(bonf[i]).toBeLessThanOrEqual(1);
          p.forEach((w, j) => {
            if (v < w) expect(holm[i]).toBeLessThanOrEqual(holm[j]);
          });
        });
      }),
      runs(20240203, 300),
    );
  });
});
