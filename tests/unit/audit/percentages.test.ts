// Check "percentage" (src/audit/check-percentages.ts): each printed n (%) against count / denominator.
import { describe, expect, it } from 'vitest';
import { checkPercentages } from '../../../src/audit/check-percentages.ts';
import { countRow } from '../../../src/audit/count-rows.ts';
import { audit, byId, clonePublished } from './shared.ts';

describe('percentages of Tables 1–3 (Armstrong et al. 2020)', () => {
  it('Table 2 "28 (62.2)" of 45 is consistent', () => {
    const f = byId('t2-gender-female-no-pct');
    expect(f.verdict).toBe('consistent');
    expect(f.recomputed.percent).toBeCloseTo((100 * 28) / 45, 10);
    expect(f.recomputed.denominators).toEqual([45]);
  });
  it('Table 1 COPD "3 (3.8)+": 3 of 80 is exactly 3.75, consistent only because half-way counts both ways', () => {
    const f = byId('t1-copd-total-pct');
    expect(f.verdict).toBe('consistent');
    expect(f.recomputed.percent).toBe(3.75);
    expect(f.explanation).toContain('half-way');
  });
  it('Table 2 insurance "34 (64.1)+" of 53: the column adds up to 100.0 by the largest-remainder method, not truncation', () => {
    const f = byId('t2-insurance-private-total-pct');
    expect(f.verdict).toBe('consistent');
    expect(f.explainedBy).toEqual(['missing-data-denominator', 'largest-remainder']);
    expect(f.explanation).toContain('largest-remainder');
  });
  it('Table 2 insurance "28 (66.6)+" of 42: the column is adjusted to add up to 100.0 (2.4 + 31.0 + 66.6)', () => {
    const f = byId('t2-insurance-private-no-pct');
    expect(f.verdict).toBe('consistent');
    expect(f.recomputed.denominators).toEqual([42]);
    expect(f.explainedBy).toContain('adjusted-to-100');
  });
  it('Table 2 ASA "2 (4.5)" of 45 and "3 (5.2)" of 57: largest remainder (4.444 → 4.5 is neither truncation nor rounding twice)', () => {
    for (const id of ['t2-asa-ii-no-pct', 't2-asa-iv-total-pct']) {
      const f = byId(id);
      expect(f.verdict).toBe('consistent');
      expect(f.explainedBy).toEqual(['largest-remainder']);
    }
  });
  it('Table 1 ASA "8 (10.0)+" and "5 (6.0)+" of 81: whole percents printed with ".0"', () => {
    for (const id of ['t1-asa-ii-total-pct', 't1-asa-iv-total-pct']) {
      const f = byId(id);
      expect(f.verdict).toBe('consistent');
      expect(f.recomputed.denominators).toEqual([81]);
      expect(f.explainedBy).toContain('whole-percent');
    }
    expect(byId('t1-asa-iii-total-pct').verdict).toBe('consistent'); // 68/81 = 83.95 → 84.0
  });
  it('Table 2 female total "34 (60.0)": 34 of 57 is 59.65, a whole percent', () => {
    const f = byId('t2-gender-female-total-pct');
    expect(f.verdict).toBe('consistent');
    expect(f.explainedBy).toEqual(['whole-percent']);
  });
  it('Table 2 "20 (35.0)" of 57 (35.09) is a truncation', () => {
    expect(byId('t2-primary-location-pancreas-total-pct').explainedBy).toEqual(['truncation']);
  });
  it('Table 3 "9 (17.7)" of 51 and "1 (4.4)" of 23 are double roundings', () => {
    expect(byId('t3-diabetes-total-pct').explainedBy).toEqual(['double-rounding']);
    expect(byId('t3-copd-hypo-pct').explainedBy).toEqual(['double-rounding']);
  });
  it('no percentage of Tables 1–3 is inconsistent: every one is explained by rounding or a named mechanism', () => {
    expect(audit.findings.filter((f) => f.check === 'percentage' && f.verdict !== 'consistent').map((f) => f.id)).toEqual([]);
  });
  it('Table 2 Symptomatic (no +) is consistent with the denominators its percentages imply, 53/44/9', () => {
    expect(byId('t2-symptomatic-total-pct').recomputed.denominators).toEqual([53]);
    expect(byId('t2-symptomatic-no-pct').recomputed.denominators).toEqual([44]);
    expect(byId('t2-symptomatic-yes-pct').recomputed.denominators).toEqual([9]);
    expect(byId('t2-symptomatic-no-pct').verdict).toBe('consistent');
  });
});

describe('checkPercentages on an edited table', () => {
  it('a count whose percentage is off by several units is a major inconsistency', () => {
    const p = clonePublished();
    const row = p.table2.rows.find((r) => r.id === 'functional')!;
    if (row.kind !== 'binary') throw new Error('functional is binary');
    row.cells.no = { ...row.cells.no, printed: '37 (73.3)', percent: 73.3 };
    const idx = p.table2.rows.indexOf(row);
    const [f] = checkPercentages([countRow('table2', p.table2, idx)]).filter((x) => x.id === 't2-functional-no-pct');
    expect(f.verdict).toBe('inconsistent');
    expect(f.consequence).toBe('number');
    expect(f.recomputed.countsThatFit).toEqual([33]); // 33/45 = 73.33: the count, not the percentage, looks wrong
    expect(f.recomputed.unitsOff).toBe(89); // 82.2 vs 73.3
  });
});
