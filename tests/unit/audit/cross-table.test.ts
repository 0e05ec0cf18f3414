// Check "cross-table" (src/audit/check-cross-table.ts): subgroup counts against the whole cohort.
import { describe, expect, it } from 'vitest';
import { checkCrossTable } from '../../../src/audit/check-cross-table.ts';
import { countRows } from '../../../src/audit/count-rows.ts';
import { audit, byId, clonePublished } from './shared.ts';

describe('subgroups against the whole cohort', () => {
  it('Table 3 bisegmentectomy 21 > 15 and other 5 < 7: one finding, with the pooling alternative and its conflict with Table 2', () => {
    const f = byId('t3-operation-bisegmentectomy-total-cohort');
    expect(f.verdict).toBe('inconsistent');
    expect(f.consequence).toBe('number');
    expect(f.cells).toEqual(['t3-operation-bisegmentectomy-total', 't3-operation-other-total']);
    expect(f.explanation).toContain('exceeds the 15');
    expect(f.explanation).toContain('below the 7');
    expect(f.explanation).toContain("With Table 1's Anatomic segmentectomy (14) under Bisegmentectomy, every count of the row fits");
    expect(f.explanation).toContain('Table 2 does not fit that grouping (its Other 25');
    expect(audit.findings.some((x) => x.id === 't3-operation-other-total-cohort')).toBe(false);
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
    expect(f.explanation).toContain('exceeds the 66');
  });
});
