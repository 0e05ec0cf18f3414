/**
 * Properties of the Cox model (fast-check, fixed seeds): recoding the groups only reparametrises
 * the model, so the fit must follow exactly. A binary covariate recoded 1 − x flips the sign of
 * β (HR → 1/HR) with the same SE and p; for a 3-level factor, changing the reference level from A
 * to B gives β_C|B = β_C|A − β_B|A, with Var = V_CC + V_BB − 2 V_BC; the global tests never change.
 *
 * Refinement: only fits that converged cleanly are compared (no `problems`: an infinite or
 * redundant coefficient, e.g. a group with no events, has no finite estimate to compare).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coxph, type CoxFit } from '../../../src/stats/cox.ts';
import { coxModel } from '../../../src/stats/cox-model.ts';
import { groupedArb, near, runs } from './arbitraries.ts';

const clean = (fit: CoxFit) => fit.converged && fit.problems.length === 0 && fit.terms.every((t) => t.coef !== null && t.se !== null);
const TOL = 1e-6;

function sameTests(a: CoxFit, b: CoxFit): void {
  // The likelihood-ratio statistic 2(ℓ(β̂) − ℓ(0)) loses digits to cancellation when it is tiny, and
  // the fits stop at |1 − ℓ_old/ℓ_new| ≤ 1e-9: compare the statistics on the scale of ℓ itself.
  const floor = 1e-6 * Math.max(1, Math.abs(a.loglik[0]));
  for (const key of ['wald', 'likelihoodRatio', 'score'] as const) {
    expect(a[key].df).toBe(b[key].df);
    expect(near(a[key].statistic, b[key].statistic, TOL, floor), `${key}: ${a[key].statistic} vs ${b[key].statistic}`).toBe(true);
  }
  expect(near(a.loglik[1], b.loglik[1], 1e-9, 1e-9)).toBe(true);
}

describe('Cox: properties over random data', () => {
  it('binary covariate: x → 1 − x gives −β, the same SE and the same p (Efron and Breslow)', () => {
    fc.assert(
      fc.property(groupedArb(2, 30, 2), fc.constantFrom<'efron' | 'breslow'>('efron', 'breslow'), (d, ties) => {
        const x = d.group.map((g) => [g]);
        const flipped = d.group.map((g) => [1 - g]);
        const a = coxph(d.time, d.event, x, ['x'], { ties });
        const b = coxph(d.time, d.event, flipped, ['x'], { ties });
        fc.pre(clean(a) && clean(b));
        const [ta] = a.terms;
        const [tb] = b.terms;
        expect(near(tb.coef, -(ta.coef as number), TOL, 1e-8), `coef ${ta.coef} vs ${tb.coef}`).toBe(true);
        expect(near(tb.se, ta.se, TOL, 1e-8)).toBe(true);
        expect(near(tb.p, ta.p, TOL, 1e-10)).toBe(true);
        expect(near(tb.hr, 1 / (ta.hr as number), TOL)).toBe(true);
        // The CI of 1/HR is the reciprocal of the CI of HR, ends swapped.
        expect(near(tb.lower, 1 / (ta.upper as number), TOL)).toBe(true);
        expect(near(tb.upper, 1 / (ta.lower as number), TOL)).toBe(true);
        sameTests(a, b);
        expect(ta.p as number).toBeGreaterThanOrEqual(0);
        expect(ta.p as number).toBeLessThanOrEqual(1);
      }),
      runs(20240301, 200),
    );
  });

  it('3-level factor: changing the reference level re-expresses the same fit', () => {
    fc.assert(
      fc.property(groupedArb(3, 30, 2), (d) => {
        const labels = d.group.map((g) => ['A', 'B', 'C'][g]);
        const refA = coxModel({ time: d.time, event: d.event, covariates: { g: labels } }, { reference: { g: 'A' } });
        const refB = coxModel({ time: d.time, event: d.event, covariates: { g: labels } }, { reference: { g: 'B' } });
        fc.pre(clean(refA) && clean(refB));
        const term = (fit: typeof refA, level: string) => fit.terms.findIndex((t) => t.level === level);
        const [bA, cA] = [term(refA, 'B'), term(refA, 'C')];
        const [aB, cB] = [term(refB, 'A'), term(refB, 'C')];
        const coefA = refA.terms.map((t) => t.coef as number);
        const V = refA.variance as number[][];
        // β_A|B = −β_B|A, SE unchanged.
        expect(near(refB.terms[aB].coef, -coefA[bA], TOL, 1e-8)).toBe(true);
        expect(near(refB.terms[aB].se, refA.terms[bA].se, TOL, 1e-8)).toBe(true);
        // β_C|B = β_C|A − β_B|A, Var = V_CC + V_BB − 2 V_BC.
        expect(near(refB.terms[cB].coef, coefA[cA] - coefA[bA], TOL, 1e-8), `${refB.terms[cB].coef} vs ${coefA[cA] - coefA[bA]}`).toBe(true);
        const se = Math.sqrt(V[cA][cA] + V[bA][bA] - 2 * V[bA][cA]);
        expect(near(refB.terms[cB].se, se, TOL, 1e-8), `${refB.terms[cB].se} vs ${se}`).toBe(true);
        sameTests(refA, refB);
      }),
      runs(20240302, 150),
    );
  });

  it('the row order does not matter', () => {
    fc.assert(
      fc.property(
        groupedArb(2, 30, 2).chain((d) => fc.tuple(fc.constant(d), fc.shuffledSubarray(d.time.map((_, i) => i), { minLength: d.time.length, maxLength: d.time.length }))),
        ([d, perm]) => {
          const a = coxph(d.time, d.event, d.group.map((g) => [g]), ['x']);
          const b = coxph(perm.map((i) => d.time[i]), perm.map((i) => d.event[i]), perm.map((i) => [d.group[i]]), ['x']);
          fc.pre(clean(a) && clean(b));
          expect(near(a.terms[0].coef, b.terms[0].coef, 1e-9, 1e-10)).toBe(true);
          expect(near(a.terms[0].se, b.terms[0].se, 1e-9, 1e-10)).toBe(true);
        },
      ),
      runs(20240303, 150),
    );
  });
});
