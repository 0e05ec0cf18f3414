// Check "text-vs-text" (src/audit/check-text-vs-text.ts): one quantity, two values in the prose.
import { describe, expect, it } from 'vitest';
import { byId } from './shared.ts';

describe('two sentences, two rows with the same label', () => {
  it('median Ki-67: abstract 5% (liver metastasis row) vs Results 3% (primary tumour row)', () => {
    const f = byId('x-abs-ki67-vs-res-ki67');
    expect(f.verdict).toBe('inconsistent');
    expect(f.cells).toEqual(['x-abs-ki67', 'x-res-ki67']);
    expect(f.related).toEqual(['t1-liver-ki67-total', 't1-primary-ki67-total']);
  });
});
