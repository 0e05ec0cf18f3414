import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexTimes, sortOrder } from '../../../src/stats/tied-times.ts';

describe('sortOrder: radix sort of non-negative doubles', () => {
  it('equals a stable comparator sort (property, fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 20 })), { maxLength: 300 }), (values) => {
        const expected = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
        expect(Array.from(sortOrder(values))).toEqual(expected);
      }),
    );
  });
  it('puts −0 with 0 and keeps the row order of ties', () => {
    expect(Array.from(sortOrder([3, -0, 0, 1e-300, 3, 0]))).toEqual([1, 2, 5, 3, 0, 4]);
  });
});

describe('indexTimes: R aeqSurv', () => {
  it('merges gaps ≤ √ε absolutely or relative to mean|t|, into the first time of the run', () => {
    // Distinct times 1, 1 + 1e-9, 2, 2 + 1e-7: mean ≈ 1.5, so 1e-7/1.5 > √ε: 2 and 2 + 1e-7 stay apart.
    const { times, index } = indexTimes([2 + 1e-7, 1 + 1e-9, 2, 1]);
    expect(Array.from(times)).toEqual([1, 2, 2 + 1e-7]);
    expect(Array.from(index)).toEqual([2, 0, 1, 0]);
    // With a large time in the data the mean grows and the same gap becomes a tie.
    const big = indexTimes([2 + 1e-7, 2, 1e9]);
    expect(Array.from(big.times)).toEqual([2, 1e9]);
  });
  it('chains: each time is compared with its predecessor, not with the first of the run', () => {
    const { times } = indexTimes([1, 1 + 1e-8, 1 + 2e-8, 1 + 3e-8]);
    expect(Array.from(times)).toEqual([1]);
  });
  it('empty input', () => {
    expect(indexTimes([])).toEqual({ times: new Float64Array(0), index: new Int32Array(0) });
  });
});
