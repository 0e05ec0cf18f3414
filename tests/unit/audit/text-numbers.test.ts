// Check "text-number" (src/audit/check-text-numbers.ts): numbers of the prose against the tables.
import { describe, expect, it } from 'vitest';
import { byId } from './shared.ts';

describe('numbers of the prose against the tables', () => {
  it('abstract "N=48, 59.5%": 48 of 82 is 58.54%, Table 1 prints 58.5 (major)', () => {
    const f = byId('x-abs-female-text');
    expect(f.verdict).toBe('inconsistent');
    expect(f.consequence).not.toBeNull();
    expect(f.recomputed.percent).toBeCloseTo((100 * 48) / 82, 10);
    expect(f.explanation).toContain('58.5');
    expect(f.explanation).toContain('an evident typo');
    expect(f.consequence).toBe('number');
    expect(f.related).toEqual(['t1-gender-female-total']);
  });
  it('calcified share: abstract 21% and Results 21.1% agree with 12 of 57; Discussion 21.0% is a truncation', () => {
    expect(byId('x-abs-calc-text').verdict).toBe('consistent');
    expect(byId('x-res-calc-text').verdict).toBe('consistent');
    const f = byId('x-disc-calc-text');
    expect(f.verdict).toBe('consistent');
    expect(f.explainedBy).toEqual(['truncation']);
  });
  it('"70 (85.3%)" prior somatostatin analogues: 85.37%, truncated', () => {
    const f = byId('x-res-prior-ssa-text');
    expect(f.verdict).toBe('consistent');
    expect(f.explainedBy).toEqual(['truncation']);
  });
  it('"(N=14, 17.1)": the numbers agree but the % sign is missing', () => {
    const f = byId('x-res-segmentectomy-text');
    expect(f.verdict).toBe('note');
    expect(f.consequence).toBeNull();
    expect(f.explanation).toContain('% sign, a notation point');
  });
  it('Discussion 54.8%: hyper- plus mixed-enhancing, 10 + 18 = 28 of 51, is 54.90%', () => {
    const f = byId('x-disc-hypervascular-text');
    expect(f.verdict).toBe('consistent');
    expect(f.recomputed.percent).toBeCloseTo((100 * 28) / 51, 10);
    // 10/51 = 19.608 and 18/51 = 35.294, each truncated: 19.6 + 35.2 = 54.8.
    expect(f.explanation).toContain('each truncated (19.6 + 35.2)');
  });
  it('Discussion 35.2% mixed enhancement: 18 of 51 is 35.29%, truncated', () => {
    expect(byId('x-disc-mixed-current-text').recomputed.mechanisms).toEqual(['truncation']);
  });
  it('Cox numbers in the Results equal Table S1', () => {
    expect(byId('x-res-cox-bmi-text').verdict).toBe('consistent');
    expect(byId('x-res-cox-ki67-text').verdict).toBe('consistent');
  });
});
