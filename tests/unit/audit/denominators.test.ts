// Check "denominators" (src/audit/check-denominators.ts) and the denominator inference of src/audit/count-rows.ts.
import { describe, expect, it } from 'vitest';
import { checkRowDenominators } from '../../../src/audit/check-denominators.ts';
import { countRow, countRows } from '../../../src/audit/count-rows.ts';
import { byId, clonePublished, published } from './shared.ts';

const row = (file: 'table1' | 'table2' | 'table3', id: string) => {
  const r = countRows(published).find((x) => x.file === file && x.row.id === id);
  if (!r) throw new Error(`no row ${file}/${id}`);
  return r;
};
const chosen = (r: ReturnType<typeof row>) => r.columns.map((c) => r.denominators[c.id].chosen);

describe("denominators inferred for '+' rows", () => {
  it('Table 2 diabetes "9 (16.1)+ 8 (17.8)+ 1 (9.1)+": 56 = 45 + 11 patients with data', () => {
    const r = row('table2', 'diabetes');
    expect(chosen(r)).toEqual([56, 45, 11]);
    expect(r.additive).toBe(true);
    expect(byId('t2-diabetes-sums').verdict).toBe('consistent');
  });
  it('Table 3 symptomatic: 48 = 21 + 10 + 17, each the only number fitting its percentage', () => {
    const r = row('table3', 'symptomatic');
    expect(chosen(r)).toEqual([48, 21, 10, 17]);
    expect(r.columns.map((c) => r.denominators[c.id].candidates)).toEqual([[48], [21], [10], [17]]);
  });
  it('Table 1 ECOG: the three levels fit 78 patients with data, their sum', () => {
    expect(chosen(row('table1', 'ecog'))).toEqual([78]);
  });
  it('Table 1 COPD "3 (3.8)+": 78, 79 and 80 all fit; the largest is used and the ambiguity reported', () => {
    const r = row('table1', 'copd');
    expect(r.denominators.total.candidates).toEqual([78, 79, 80]);
    expect(byId('t1-copd-sums').explanation).toContain('78–80');
  });
});

describe('rows that do not add up', () => {
  it('Table 1 insurance: levels 71, percentages 100.2, no single denominator fits', () => {
    // 100.2 = 4.2 + 31.0 + 65.0: 65.0 is 64.79 rounded to a whole percent, so the sum is explained.
    const f = byId('t1-insurance-sums');
    expect(f.verdict).toBe('consistent');
    expect(f.recomputed.denominators).toEqual([71]);
    expect(byId('t1-insurance-private-total-pct').explainedBy).toContain('whole-percent');
  });
  it('Table 1 ASA: no denominator reproduces 10.0, 84.0 and 6.0; the level sum 81 is used', () => {
    const r = row('table1', 'asa');
    expect(r.denominators.total.basis).toBe('inferred'); // 81, the level sum: whole percents explain every level
    expect(chosen(r)).toEqual([81]);
  });
  it('Table 3 insurance: the percentages imply 48 and 10 patients, the printed levels hold 47 and 9', () => {
    const r = row('table3', 'insurance');
    expect(chosen(r)).toEqual([48, 22, 10, 16]);
    expect(r.columns.map((c) => r.denominators[c.id].levelSum)).toEqual([47, 22, 9, 16]);
    const f = byId('t3-insurance-sums');
    expect(f.verdict).toBe('inconsistent');
    expect(f.consequence).toBe('presentation');
    expect(f.explanation).toMatch(/imply 10 patients with data, but the printed levels hold only 9/);
  });
  it('Table 2 Symptomatic has no + mark but its percentages fit 53, 44 and 9 patients', () => {
    const f = byId('t2-symptomatic-sums');
    expect(f.verdict).toBe('note');
    expect(f.explanation).toContain('a notation point');
    expect(f.recomputed.denominators).toEqual([53, 44, 9]);
  });
  it('a total that is not the sum of its groups is a major inconsistency', () => {
    const p = clonePublished();
    const i = p.table2.rows.findIndex((r) => r.id === 'synchronous');
    const r = p.table2.rows[i];
    if (r.kind !== 'binary') throw new Error('binary');
    r.cells.total = { ...r.cells.total, printed: '48 (84.2)', count: 48, percent: 84.2 };
    const f = checkRowDenominators(countRow('table2', p.table2, i));
    expect(f.verdict).toBe('inconsistent');
    expect(f.consequence).not.toBeNull();
    expect(f.explanation).toContain('39 + 8 = 47');
  });
});
