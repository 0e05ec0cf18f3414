// Check "cox-duplicate-ci" (src/audit/check-cox-duplicates.ts): Table S1 rows sharing a CI.
import { describe, expect, it } from 'vitest';
import { checkCoxDuplicates } from '../../../src/audit/check-cox-duplicates.ts';
import { byId, clonePublished } from './shared.ts';

describe('duplicated CIs', () => {
  it('Right hepatectomy and Other share (0.15, 1.89) with different HRs', () => {
    const f = byId('s1-operation-right-hepatectomy-est-duplicate-ci');
    expect(f.verdict).toBe('inconsistent');
    expect(f.cells).toEqual(['s1-operation-right-hepatectomy-est', 's1-operation-other-est', 's1-operation-right-hepatectomy-p', 's1-operation-other-p']);
    expect(f.explanation).not.toMatch(/cop(y|ied)/);
    expect(f.explanation).toContain('would give P 0.384, not 0.404');
    expect(f.recomputed.hazardRatios).toEqual([0.57, 0.54]);
  });
  it('no finding when every CI is distinct', () => {
    const p = clonePublished();
    const row = p.tableS1.rows.find((r) => r.id === 'operation')!;
    if (row.kind !== 'categorical') throw new Error('categorical');
    row.levels[1].estimate = { printed: '0.57 (0.17, 1.91)', hr: 0.57, lower: 0.17, upper: 1.91 };
    expect(checkCoxDuplicates(p)).toEqual([]);
  });
});
