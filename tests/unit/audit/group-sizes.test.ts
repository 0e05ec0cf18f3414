// Check "group-sizes" (src/audit/check-group-sizes.ts).
import { describe, expect, it } from 'vitest';
import { checkGroupSizes } from '../../../src/audit/check-group-sizes.ts';
import { countRows } from '../../../src/audit/count-rows.ts';
import { byId, clonePublished } from './shared.ts';

describe('group sizes', () => {
  it('45 + 12 = 57 and 23 + 10 + 18 = 51', () => {
    expect(byId('t2-n-total-sizes').verdict).toBe('consistent');
    expect(byId('t3-n-total-sizes').recomputed.groupSum).toBe(51);
  });
  it("Table 1's calcification and enhancement rows are the group sizes of Tables 2 and 3", () => {
    expect(byId('t1-calcifications-total-groups').verdict).toBe('consistent');
    expect(byId('t1-enhancement-mixed-total-groups').recomputed.groupN).toBe(18);
  });
  it('a group N that does not add up is flagged', () => {
    const p = clonePublished();
    p.table3.columns[2] = { ...p.table3.columns[2], n: { printed: '11', value: 11, marks: [], relation: '=' } };
    const f = checkGroupSizes(p, countRows(p)).find((x) => x.id === 't3-n-total-sizes')!;
    expect(f.verdict).toBe('inconsistent');
    expect(f.explanation).toContain('23 + 11 + 18 = 52');
  });
});
