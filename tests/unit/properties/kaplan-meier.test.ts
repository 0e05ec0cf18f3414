/**
 * Properties of the Kaplan–Meier estimate, its quartiles, the risk table and RMST that hold for
 * every data set (fast-check, fixed seeds): the curve is a non-increasing step function in [0, 1]
 * whose pointwise interval brackets it; the counts add up; quartiles are ordered; RMST is an area
 * under a curve bounded by 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, type ConfType } from '../../../src/stats/kaplan-meier.ts';
import { riskTable, riskTableFromFit } from '../../../src/stats/risk-table.ts';
import { rmst } from '../../../src/stats/rmst.ts';
import { survivalQuartiles } from '../../../src/stats/survival-quantile.ts';
import { runs, survivalArb, timeArb } from './arbitraries.ts';

const CONF_TYPES: readonly ConfType[] = ['log', 'log-log', 'plain'];
const confArb = fc.record({
  confType: fc.constantFrom(...CONF_TYPES),
  confLevel: fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99),
});

describe('Kaplan–Meier: properties over random data', () => {
  it('S(t) is non-increasing, in [0, 1], and the CI brackets S wherever it is defined', () => {
    fc.assert(
      fc.property(survivalArb(), confArb, ({ time, event }, conf) => {
        const fit = kaplanMeier(time, event, conf);
        let previous = 1;
        fit.surv.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
          expect(s).toBeLessThanOrEqual(previous);
          previous = s;
          const lo = fit.lower[i];
          const hi = fit.upper[i];
          // The interval is computed on a transformed scale: allow rounding at the last bit.
          const eps = 1e-12;
          if (lo !== null) {
            expect(lo).toBeGreaterThanOrEqual(0);
            expect(lo).toBeLessThanOrEqual(s + eps);
          }
          if (hi !== null) {
            expect(hi).toBeLessThanOrEqual(1);
            expect(hi).toBeGreaterThanOrEqual(s - eps);
          }
          if (lo !== null && hi !== null) expect(lo).toBeLessThanOrEqual(hi);
          const se = fit.se[i];
          if (se !== null) expect(se).toBeGreaterThanOrEqual(0);
        });
        // S only drops at event times, and only there.
        fit.nEvent.forEach((d, i) => {
          const before = i === 0 ? 1 : fit.surv[i - 1];
          if (d === 0) expect(fit.surv[i]).toBe(before);
          else if (before > 0) expect(fit.surv[i]).toBeLessThan(before);
        });
      }),
      runs(20240101, 300),
    );
  });

  it('times are strictly increasing and the at-risk counts go down by events + censored at each time', () => {
    fc.assert(
      fc.property(survivalArb(), ({ time, event }) => {
        const fit = kaplanMeier(time, event);
        expect(fit.nRisk[0]).toBe(time.length);
        for (let i = 1; i < fit.time.length; i++) {
          expect(fit.time[i]).toBeGreaterThan(fit.time[i - 1]);
          expect(fit.nRisk[i]).toBe(fit.nRisk[i - 1] - fit.nEvent[i - 1] - fit.nCensor[i - 1]);
        }
        const last = fit.time.length - 1;
        expect(fit.nRisk[last] - fit.nEvent[last] - fit.nCensor[last]).toBe(0);
        expect(fit.nEvent.reduce((a, b) => a + b, 0)).toBe(event.filter((e) => e === 1).length);
        expect(fit.nCensor.reduce((a, b) => a + b, 0)).toBe(event.filter((e) => e === 0).length);
      }),
      runs(20240102, 300),
    );
  });

  it('risk table: at risk(t) + events before t + censored before t = n, from the data and from the fit alike', () => {
    fc.assert(
      fc.property(survivalArb(), fc.uniqueArray(timeArb, { minLength: 1, maxLength: 6 }), ({ time, event }, ticks) => {
        const times = [...ticks].sort((a, b) => a - b);
        const table = riskTable(time, event, times);
        const fit = kaplanMeier(time, event);
        const fromFit = riskTableFromFit(fit, times);
        times.forEach((t, i) => {
          expect(table.atRisk[i] + table.events[i] + table.censored[i]).toBe(time.length);
          expect(table.atRisk[i]).toBe(time.filter((x) => x >= t).length);
          expect(table.events[i]).toBe(time.filter((x, j) => x < t && event[j] === 1).length);
          if (i > 0) {
            expect(table.atRisk[i]).toBeLessThanOrEqual(table.atRisk[i - 1]);
            expect(table.events[i]).toBeGreaterThanOrEqual(table.events[i - 1]);
            expect(table.censored[i]).toBeGreaterThanOrEqual(table.censored[i - 1]);
          }
        });
        // Refinement: the fit merges times within √ε of each other (R's timefix), the raw-data table
        // does not (documented in risk-table.ts), so the two agree exactly only when nothing was merged
        // (e.g. 0 and 5e-324 are one time in the fit, two in the table).
        if (fit.time.length === new Set(time).size) expect(fromFit).toEqual(table);
      }),
      runs(20240103, 300),
    );
  });

  it('quartiles are ordered (q25 ≤ median ≤ q75 when reached) and each estimate lies in its CI', () => {
    fc.assert(
      fc.property(survivalArb(), confArb, ({ time, event }, conf) => {
        const q = survivalQuartiles(kaplanMeier(time, event, conf));
        const est = [q.q25.est, q.median.est, q.q75.est];
        for (let i = 1; i < 3; i++) {
          if (est[i] !== null) {
            // A later quartile can only be reached if the earlier one was.
            expect(est[i - 1]).not.toBeNull();
            expect(est[i - 1] as number).toBeLessThanOrEqual(est[i] as number);
          }
        }
        for (const x of [q.q25, q.median, q.q75]) {
          if (x.est === null) continue;
          if (x.lower !== null) expect(x.lower).toBeLessThanOrEqual(x.est);
          if (x.upper !== null) expect(x.upper).toBeGreaterThanOrEqual(x.est);
        }
      }),
      runs(20240104, 300),
    );
  });

  it('RMST(τ) lies in [τ·S(τ), τ], and grows with τ', () => {
    fc.assert(
      fc.property(survivalArb(), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), ({ time, event }, a, b) => {
        const max = Math.max(...time);
        fc.pre(max > 0);
        const [t1, t2] = [Math.min(a, b) * max, Math.max(a, b) * max];
        fc.pre(t1 > 0); // τ must be positive (0.01 × 5e-324 underflows to 0)
        const r1 = rmst(time, event, t1);
        const r2 = rmst(time, event, t2);
        const fit = kaplanMeier(time, event);
        const sAt = (t: number) => {
          let s = 1;
          fit.time.forEach((x, i) => {
            if (x <= t) s = fit.surv[i];
          });
          return s;
        };
        const tol = 1e-9 * max;
        for (const [r, tau] of [[r1, t1], [r2, t2]] as const) {
          expect(r.est).toBeLessThanOrEqual(tau + tol);
          expect(r.est).toBeGreaterThanOrEqual(tau * sAt(tau) - tol);
          expect(r.se).toBeGreaterThanOrEqual(0);
        }
        expect(r2.est).toBeGreaterThanOrEqual(r1.est - tol);
        // The area added between τ₁ and τ₂ is at most τ₂ − τ₁.
        expect(r2.est - r1.est).toBeLessThanOrEqual(t2 - t1 + tol);
      }),
      runs(20240105, 300),
    );
  });
});
