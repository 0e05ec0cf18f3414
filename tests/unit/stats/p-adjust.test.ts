import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../../src/stats/p-adjust.ts';
import type { PAdjustMethod } from '../../../src/stats/p-adjust.ts';
import { expectAllClose } from '../helpers.ts';
import { expectInputError, loadFixture } from './survival-fixtures.ts';
import type { Num } from './survival-fixtures.ts';

interface Case {
  call: string;
  p: Num[];
  holm: Num[];
  bonferroni: Num[];
  none: Num[];
}

const cases = loadFixture<{ cases: Case[] }>('p-adjust').cases;

describe('adjustPValues against R p.adjust (tests/fixtures/survival-p-adjust.json)', () => {
  for (const c of cases) {
    for (const method of ['holm', 'bonferroni', 'none'] as PAdjustMethod[]) {
      it(`${c.call.replace('method', `"${method}"`)}`, () => {
        expectAllClose(adjustPValues(c.p, method), c[method], 1e-12, method);
      });
    }
  }
});

describe('adjustPValues: hand-built and errors', () => {
  it('holm: (m − r + 1)·p₍ᵣ₎ made monotone, capped at 1', () => {
    expect(adjustPValues([0.01, 0.04, 0.03], 'holm')).toEqual([0.03, 0.06, 0.06]);
    expect(adjustPValues([0.5, 0.6], 'bonferroni')).toEqual([1, 1]);
    expect(adjustPValues([], 'holm')).toEqual([]);
  });
  it('missing values stay missing and do not count', () => {
    expect(adjustPValues([0.01, null, 0.02], 'bonferroni')).toEqual([0.02, null, 0.04]);
  });
  it('input errors', () => {
    expectInputError(() => adjustPValues([0.1, 1.5], 'holm'), 'invalid p-value at row 2: 1.5 (must be between 0 and 1)');
    expectInputError(() => adjustPValues([Number.NaN], 'holm'), 'invalid p-value at row 1: NaN (must be between 0 and 1)');
    expectInputError(() => adjustPValues([0.1], 'BH' as PAdjustMethod), `invalid method: "BH" (expected 'holm', 'bonferroni', 'none')`);
  });
});
