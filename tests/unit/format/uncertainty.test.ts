import { describe, expect, it } from 'vitest';
import { formatCountRange, formatPRange, formatRange, hazardDisplay, roundLikePrinted } from '../../../src/format/uncertainty.ts';
import type { PooledHazardRatio } from '../../../src/analysis/uncertainty-schema.ts';

const pooled: PooledHazardRatio = {
  term: 'yes',
  reference: 'no',
  hr: 0.4418,
  lower: 0.1636,
  upper: 1.1933,
  p: 0.1071,
  df: 3.9e6,
  lambda: 0.007,
  members: 200,
  memberRange: { lower: 0.4191, upper: 0.463 },
  events: { lower: 36, upper: 43 },
  logrankP: { lower: 0.0933, upper: 0.0981 },
};
const computed = { hr: 0.45, lower: 0.17, upper: 1.19, p: 0.11 };

describe('ranges', () => {
  it('formatRange collapses ends that print the same', () => {
    expect(formatRange({ lower: 0.6633, upper: 1.4865 })).toBe('0.66–1.49');
    expect(formatRange({ lower: 0.4401, upper: 0.4404 })).toBe('0.44');
  });
  it('formatCountRange and formatPRange', () => {
    expect(formatCountRange({ lower: 39, upper: 45 })).toBe('39–45');
    expect(formatCountRange({ lower: 43, upper: 43 })).toBe('43');
    expect(formatPRange({ lower: 0.7698, upper: 0.7741 })).toBe('0.770–0.774');
    expect(formatPRange({ lower: 1e-5, upper: 3e-4 })).toBe('< 0.001');
  });
  it('roundLikePrinted keeps the paper’s decimals', () => {
    expect(roundLikePrinted(31.6, '32')).toBe('32');
    expect(roundLikePrinted(34.46, '34.5')).toBe('34.5');
    expect(roundLikePrinted(null, '34.5')).toBe('not reached');
  });
});

describe('hazardDisplay', () => {
  it('real data: the Cox estimate as computed, no note', () => {
    const h = hazardDisplay(computed, null);
    expect(h).toMatchObject({ text: '0.45 (0.17–1.19)', reconstructed: false, note: null, memberRange: null, pText: '0.110' });
  });
  it('reconstructed: the pooled estimate and interval, labelled, with the single reconstructions’ range', () => {
    const h = hazardDisplay(computed, { pooled, members: 200 });
    expect(h.text).toBe('0.44 (0.16–1.19)');
    expect(h.hr).toBe(pooled.hr);
    expect(h.reconstructed).toBe(true);
    expect(h.note).toBe('reconstructed: pooled over 200 reconstructions, whose own estimates range 0.42–0.46');
    expect(h.note).toBe(`reconstructed: ${h.noteDetail}`);
  });
  it('reconstructed but not estimable in any member', () => {
    const h = hazardDisplay(computed, { pooled: null, members: 200 });
    expect(h.text).toBe('not estimable');
    expect(h.note).toBe('reconstructed: not estimable in the 200 reconstructions');
  });
});
