// Check "continuous" (src/audit/check-continuous.ts): median [IQR] rows cannot be recomputed.
import { describe, expect, it } from 'vitest';
import { checkContinuous } from '../../../src/audit/check-continuous.ts';
import { audit, byId, clonePublished, published } from './shared.ts';

describe('continuous rows', () => {
  it('every continuous row of Tables 1–3 gets one cannot-check finding', () => {
    const rows = (['table1', 'table2', 'table3'] as const).flatMap((f) => published[f].rows.filter((r) => r.kind === 'continuous'));
    const found = audit.findings.filter((f) => f.check === 'continuous');
    expect(found).toHaveLength(rows.length);
    expect(found.every((f) => f.verdict === 'cannot-check')).toBe(true);
    expect(byId('t3-liver-size-p-continuous').explanation).toContain('0.046');
  });
  it('a median outside its IQR is inconsistent', () => {
    const p = clonePublished();
    const r = p.table2.rows.find((x) => x.id === 'age')!;
    if (r.kind !== 'continuous') throw new Error('continuous');
    r.cells.no = { ...r.cells.no, printed: '65 [48–60]', median: 65 };
    expect(checkContinuous(p).find((f) => f.id === 't2-age-p-continuous')!.verdict).toBe('inconsistent');
  });
});
