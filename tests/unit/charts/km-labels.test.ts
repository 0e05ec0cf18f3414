import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dodge } from '../../../src/charts/km-labels.ts';

const EPS = 1e-9;

describe('dodge (label collision avoidance)', () => {
  it('dodge(ys) leaves labels that do not collide where they are', () => {
    expect(dodge([10, 50, 100], 16, 0, 200)).toEqual([10, 50, 100]);
  });
  it('dodge([100, 100, 100], 16) spreads equal positions one gap apart, in input order', () => {
    const ys = dodge([100, 100, 100], 16, 0, 300);
    expect(ys[1] - ys[0]).toBeCloseTo(16, 9);
    expect(ys[2] - ys[1]).toBeCloseTo(16, 9);
  });
  it('dodge keeps labels inside [lo, hi], pushing a crowd at the bottom upwards', () => {
    const ys = dodge([195, 198, 200], 16, 0, 200);
    expect(Math.max(...ys)).toBeLessThanOrEqual(200);
    expect(ys).toEqual([168, 184, 200]);
  });
  it('dodge spreads labels evenly when they cannot fit', () => {
    expect(dodge([5, 5, 5], 16, 0, 20)).toEqual([0, 10, 20]);
  });
  it('dodge returns the input order for unsorted input', () => {
    const ys = dodge([120, 10, 118], 16, 0, 300);
    expect(ys[1]).toBe(10);
    expect(ys[0]).toBeGreaterThanOrEqual(ys[2] + 16 - EPS);
  });
  it('dodge(ys, gap, lo, hi): order kept, gaps ≥ gap, inside bounds (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 1, maxLength: 8 }), (input) => {
        const gap = 16;
        const out = dodge(input, gap, 0, 400);
        const order = input.map((_, i) => i).sort((a, b) => input[a] - input[b] || a - b);
        for (let k = 1; k < order.length; k++) {
          expect(out[order[k]] - out[order[k - 1]]).toBeGreaterThanOrEqual(gap - EPS);
        }
        for (const y of out) {
          expect(y).toBeGreaterThanOrEqual(-EPS);
          expect(y).toBeLessThanOrEqual(400 + EPS);
        }
      }),
    );
  });
});
