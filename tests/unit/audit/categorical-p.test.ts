// Check "categorical-p" (src/audit/check-categorical-p.ts): which test a printed P matches.
import { describe, expect, it } from 'vitest';
import { checkCategoricalP, matchingTests, testTable } from '../../../src/audit/check-categorical-p.ts';
import { contingencyTables } from '../../../src/audit/contingency.ts';
import { byId, clonePublished } from './shared.ts';

describe('printed P values of Tables 2 and 3', () => {
  it('Table 2 ASA "0.017*" matches Fisher (0.0167), as its asterisk says', () => {
    const f = byId('t2-asa-p-pvalue');
    expect(f.verdict).toBe('consistent');
    expect(f.recomputed.fisher).toBeCloseTo(0.0167, 4);
    expect(f.recomputed.tables?.[0].counts).toEqual([[2, 3], [42, 7], [1, 2]]);
  });
  it('Table 2 location "0.852*" matches χ² (0.8524) although marked Fisher (0.921)', () => {
    const f = byId('t2-primary-location-p-pvalue');
    expect(f.verdict).toBe('consistent-other-test');
    expect(f.recomputed.tables?.[0].matches).toEqual(['chisq']);
    expect(f.recomputed.fisher).toBeCloseTo(0.921, 3);
  });
  it('Table 3 location "0.383*" also matches χ², not Fisher', () => {
    expect(byId('t3-primary-location-p-pvalue').verdict).toBe('consistent-other-test');
  });
  it('Table 3 insurance "0.142" (no asterisk) matches Fisher on the printed levels only', () => {
    const f = byId('t3-insurance-p-pvalue');
    expect(f.verdict).toBe('consistent-other-test');
    expect(f.recomputed.tables?.map((t) => t.variant)).toEqual(['main', 'with-unlisted']);
    expect(f.recomputed.tables?.[1].counts.at(-1)).toEqual([0, 1, 0]);
    expect(f.explanation).toContain('Government and Private');
  });
  it('Table 2 race "0.623*" and primary grade "0.637*" match the one-sided Fisher P', () => {
    for (const id of ['t2-race-p-pvalue', 't2-primary-grade-p-pvalue']) {
      const f = byId(id);
      expect(f.verdict).toBe('consistent-other-test');
      expect(f.recomputed.tables?.[0].matches).toEqual(['fisherOneSided']);
      expect(f.recomputed.fisher).toBeCloseTo(1, 10);
    }
  });
  it('Table 2 Symptomatic "0.199" matches χ² only with the 44 and 9 patients its percentages imply', () => {
    const f = byId('t2-symptomatic-p-pvalue');
    expect(f.verdict).toBe('consistent');
    expect(f.recomputed.tables?.[0].counts).toEqual([[37, 9], [7, 0]]);
    expect(f.recomputed.tables?.[1].matches).toEqual([]);
  });
  it('Table 2 hypertension "0.039*" uses the inferred 45 and 11 patients with data and matches Fisher', () => {
    const f = byId('t2-hypertension-p-pvalue');
    expect(f.verdict).toBe('consistent');
    expect(f.recomputed.tables?.[0].counts).toEqual([[20, 1], [25, 10]]);
    expect(f.explanation).toContain('45 and 11');
  });
  it('Table 2 functional "0.148" matches no test (the audit reports it within the identical-rows finding)', () => {
    const p = clonePublished();
    const f = checkCategoricalP(p, contingencyTables(p)).findings.find((x) => x.id === 't2-functional-p-pvalue')!;
    expect(f.verdict).toBe('inconsistent');
    expect(f.consequence).not.toBeNull();
  });
  it('Table 3 diabetes printed N/A: recomputed Fisher 0.0175 and χ² 0.0111, both below 0.05', () => {
    const f = byId('t3-diabetes-p-pvalue');
    expect(f.verdict).toBe('recomputed');
    expect(f.recomputed.fisher).toBeLessThan(0.05);
    expect(f.recomputed.chisq).toBeLessThan(0.05);
    expect(f.explanation).toContain('below 0.05');
  });
  it('every other N/A of Table 3 is recomputed and not below 0.05', () => {
    for (const id of ['race', 'asa', 'ecog', 'copd', 'symptomatic']) {
      const f = byId(`t3-${id}-p-pvalue`);
      expect(f.verdict).toBe('recomputed');
      expect(f.recomputed.fisher).toBeGreaterThanOrEqual(0.05);
    }
  });
  it('a row whose levels exceed one column N and fall short in another gets no "not listed" row with a negative count', () => {
    const p = clonePublished();
    const asa = p.table2.rows.find((x) => x.id === 'asa')!;
    if (asa.kind !== 'categorical') throw new Error('ASA should be categorical');
    (asa.levels[0].cells.no as { count: number }).count = 4; // no-calcification levels now hold 47 of 45
    (asa.levels[1].cells.yes as { count: number }).count = 5; // calcified levels now hold 10 of 12
    const tables = contingencyTables(p).filter((t) => t.id.startsWith('t2-asa'));
    expect(tables.map((t) => t.variant)).not.toContain('with-unlisted');
    for (const t of tables) for (const row of t.counts) for (const c of row) expect(c).toBeGreaterThanOrEqual(0);
    expect(() => checkCategoricalP(p, contingencyTables(p))).not.toThrow();
  });
  it('every binary and categorical row of Tables 2 and 3 gets a P finding', () => {
    const p = clonePublished();
    const rows = [...p.table2.rows, ...p.table3.rows].filter((r) => r.kind !== 'continuous').length;
    expect(checkCategoricalP(p, contingencyTables(p)).findings).toHaveLength(rows);
  });
});

describe('matchingTests: rounding-aware', () => {
  const ps = testTable([[12, 5], [32, 5], [1, 2]]); // Table 2 ECOG, Fisher 0.0487
  it('"0.049" matches Fisher; "0.048" does not', () => {
    expect(matchingTests(ps, { printed: '0.049*', value: 0.049, marks: ['*'], relation: '=' })).toContain('fisher');
    expect(matchingTests(ps, { printed: '0.048*', value: 0.048, marks: ['*'], relation: '=' })).not.toContain('fisher');
  });
  it('"0.05" (two decimals) matches both Fisher 0.0487 and χ² 0.0568 within 0.045–0.055? only Fisher', () => {
    expect(matchingTests(ps, { printed: '0.05', value: 0.05, marks: [], relation: '=' })).toEqual(['fisher']);
  });
  it('a P printed with the footnote mark but matching χ² only is "consistent-other-test"', () => {
    const p = clonePublished();
    const r = p.table2.rows.find((x) => x.id === 'ecog')!;
    r.p = { printed: '0.057*', value: 0.057, marks: ['*'], relation: '=' };
    const f = checkCategoricalP(p, contingencyTables(p)).findings.find((x) => x.id === 't2-ecog-p-pvalue')!;
    expect(f.verdict).toBe('consistent-other-test');
    expect(f.explanation).toContain("rather than Fisher's exact test that the legend names");
    expect(f.explainedBy).toEqual(['other-test']);
  });
});
