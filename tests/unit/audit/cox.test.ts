// Check "cox" (src/audit/check-cox.ts): hazard ratio, 95% CI and P of Table S1.
import { describe, expect, it } from 'vitest';
import { coxConsistency } from '../../../src/audit/check-cox.ts';
import { audit, byId } from './shared.ts';

const pv = (printed: string) => ({ printed, value: Number(printed), marks: [] as [], relation: '=' as const });

describe('HR, CI and P of Table S1 (Altman & Bland)', () => {
  it('BMI 0.86 (0.76, 0.96), P 0.009: SE 0.0596, P 0.011 at the printed values, 0.009 reachable within rounding', () => {
    const f = byId('s1-bmi-est-cox');
    expect(f.verdict).toBe('consistent');
    expect(f.recomputed.se).toBeCloseTo((Math.log(0.96) - Math.log(0.76)) / (2 * 1.959964), 6);
    const [lo, hi] = f.recomputed.pRange as [number, number];
    expect(lo).toBeLessThanOrEqual(0.0095);
    expect(hi).toBeGreaterThanOrEqual(0.0085);
  });
  it('Right hepatectomy 0.57 (0.15, 1.89): the CI is centred on 0.53, not 0.57; one finding with the shared CI', () => {
    const c = coxConsistency({ printed: '0.57 (0.15, 1.89)', hr: 0.57, lower: 0.15, upper: 1.89 }, pv('0.404'));
    expect(c.centred).toBe(false);
    expect(c.centre).toBeCloseTo(Math.sqrt(0.15 * 1.89), 10);
    expect(audit.findings.some((f) => f.id === 's1-operation-right-hepatectomy-est-cox')).toBe(false);
    expect(audit.findings.filter((f) => f.cells.includes('s1-operation-right-hepatectomy-est') && f.verdict === 'inconsistent')).toHaveLength(1);
  });
  it('Other 0.54 (0.15, 1.89), P 0.332 fits within rounding', () => {
    expect(byId('s1-operation-other-est-cox').verdict).toBe('consistent');
  });
  it('Size of largest metastasis 0.99 (0.89, 1.11), P 0.937: out of reach by rounding (0.779–0.932), explained by a truncated HR', () => {
    const f = byId('s1-liver-size-est-cox');
    expect((f.recomputed.pRange as number[])[1]).toBeLessThan(0.9365);
    expect(f.verdict).toBe('consistent');
    expect(f.explainedBy).toEqual(['hr-truncation']);
    // R: se <- (log(1.11) - log(0.89)) / (2 * qnorm(0.975)); exp(-qnorm(1 - 0.937 / 2) * se) = 0.99557
    expect(f.explanation).toContain('0.9956');
  });
  it('a P on the other side of 0.05 is a major inconsistency', () => {
    const c = coxConsistency({ printed: '2.62 (0.99, 6.97)', hr: 2.62, lower: 0.99, upper: 6.97 }, pv('0.030'));
    expect(c.pFits).toBe(false);
    expect(c.centred).toBe(true);
  });
});
