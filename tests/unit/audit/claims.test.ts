// Check "claim" (src/audit/check-claims.ts): sentences that compare groups against the tables.
import { describe, expect, it } from 'vitest';
import { audit, byId } from './shared.ts';

describe('claims of "no difference"', () => {
  it('the abstract\'s "no differences" for calcification is contradicted by ASA 0.017*, ECOG 0.049*, hypertension 0.039*', () => {
    const f = byId('c-abs-calc-characteristics-claim');
    expect(f.verdict).toBe('inconsistent');
    expect(f.consequence).not.toBeNull();
    expect(f.consequence).toBe('conclusion');
    expect(f.related).toEqual(['t2-asa-p', 't2-ecog-p', 't2-hypertension-p', 'c-res-calc-some-differences']);
    expect(f.explanation).toContain('0.017*');
    // The paper's own Results report these differences; the finding says where.
    expect(f.explanation).toContain('The paper itself reports these differences in its Results: Tumor calcification (p. 3)');
  });
  it('"not significantly different (P>0.05)" for enhancement: size of largest metastasis P=0.046, and diabetes N/A recomputes to 0.0175', () => {
    // One problem (the rows' P values), three sentences: one finding listing all three places.
    const f = byId('c-abs-enh-characteristics-claim');
    expect(f.verdict).toBe('inconsistent');
    expect(f.cells).toEqual(['c-abs-enh-characteristics', 'c-res-enh-characteristics', 'c-res-enh-univariate']);
    expect(f.related).toEqual(['t3-diabetes-p', 't3-liver-size-p']);
    expect(audit.findings.filter((x) => x.verdict === 'inconsistent' && x.explanation.includes('0.046'))).toHaveLength(1);
    expect(f.explanation).toContain('0.046');
    expect(f.explanation).toContain('0.0175');
  });
  it('"were significantly associated … (P>0.05)": wording contradicts its threshold', () => {
    const f = byId('c-abs-enh-characteristics-claim');
    expect(f.explanation).toContain('also calls the rows significantly associated while giving P>0.05');
  });
  it('demographics of the calcification groups (age, gender, race, insurance) all P>0.05: consistent', () => {
    expect(byId('c-res-calc-demographics-claim').verdict).toBe('consistent');
  });
  it('log-rank P 0.772 and 0.095: "no difference" in RFS or OS is consistent', () => {
    expect(byId('c-abs-calc-survival-claim').verdict).toBe('consistent');
    expect(byId('c-res-enh-km-claim').verdict).toBe('consistent');
  });
});

describe('claims of a difference, a majority or a ranking', () => {
  it('"some differences in ASA, ECOG and comorbidities": supported by three rows, two comorbidities do not differ', () => {
    const f = byId('c-res-calc-some-differences-claim');
    expect(f.verdict).toBe('consistent');
    expect(f.explanation).toMatch(/Diabetes P=0\.671\*.*do not differ/);
  });
  it('univariate Cox: BMI 0.009 and differentiation 0.001 both below 0.05', () => {
    expect(byId('c-res-cox-significant-claim').verdict).toBe('consistent');
  });
  it('"the majority were female": 48 of 82', () => {
    const f = byId('c-abs-female-majority-claim');
    expect(f.verdict).toBe('consistent');
    expect(f.explanation).toContain('48');
  });
  it('"most common primary locations were pancreas and small bowel": the pooled "Other" (30) is larger, noted not flagged', () => {
    const f = byId('c-abs-primary-most-common-claim');
    expect(f.verdict).toBe('consistent');
    expect(f.explanation).toContain('Other');
  });
  it('enhancement ranking hypo 23 > mixed 18 > hyper 10 is in descending order', () => {
    expect(byId('c-res-enh-ranking-claim').explanation).toContain('descending order');
  });
  it('"similar to the overall cohort" cannot be checked', () => {
    expect(byId('c-res-calc-similar-claim').verdict).toBe('cannot-check');
  });
});
