// Check "cross-table" (src/audit/check-cross-table.ts): subgroup counts against the whole cohort.
import { describe, expect, it } from 'vitest';
import { checkCrossTable } from '../../../src/audit/check-cross-table.ts';
import { countRows } from '../../../src/audit/count-rows.ts';
import { byId, clonePublished } from './shared.ts';

describe('subgroups against the whole cohort', () => {
  it('Table 3 bisegmentectomy 21 exceeds the 15 of the whole cohort (Table 1)', () => {
    const f = byId('t3-operation-bisegmentectomy-total-cohort');
    expect(f.verdict).toBe('inconsistent');
    expect(f.severity).toBe('major');
    expect(f.recomputed.cohortCount).toBe(15);
    expect(f.related).toEqual(['t1-operation-bisegmentectomy-total']);
  });
  it('Table 3 "Other" 5 is below the 38 − 31 = 7 that must be in Table 3 (segmentectomy 14 + other 24)', () => {
    const f = byId('t3-operation-other-total-cohort');
    expect(f.verdict).toBe('inconsistent');
    expect(f.recomputed.allowed).toEqual([7, 38]);
  });
  it('Table 2 "Other" 25 is within 13–38', () => {
    const f = byId('t2-operation-other-total-cohort');
    expect(f.verdict).toBe('consistent');
    expect(f.recomputed.allowed).toEqual([13, 38]);
  });
  it('a subgroup count larger than the cohort count is flagged on an edited table', () => {
    const p = clonePublished();
    const r = p.table2.rows.find((x) => x.id === 'synchronous')!;
    if (r.kind !== 'binary') throw new Error('binary');
    r.cells.total = { ...r.cells.total, printed: '67 (82.5)', count: 67 };
    const f = checkCrossTable(p, countRows(p)).find((x) => x.id === 't2-synchronous-total-cohort')!;
    expect(f.verdict).toBe('inconsistent');
    expect(f.explanation).toContain('more than the 66');
  });
});
