import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../../src/stats/kaplan-meier.ts';
import type { ConfType } from '../../../src/stats/kaplan-meier.ts';
import { findQuantiles, survivalQuantile, survivalQuartiles } from '../../../src/stats/survival-quantile.ts';
import { expectAllClose } from '../helpers.ts';
import { curveData, expectInputError, loadFixture } from './survival-fixtures.ts';
import type { Num } from './survival-fixtures.ts';

interface QuantileEntry {
  call: string;
  probs: number[];
  est: Num[];
  lower: Num[];
  upper: Num[];
}
interface KmEntry {
  dataset: string;
  curve: string;
  quantile: Record<ConfType, QuantileEntry>;
}

const fits = loadFixture<{ fits: KmEntry[] }>('km').fits;
const CONF_TYPES: ConfType[] = ['log', 'log-log', 'plain'];

describe('survivalQuartiles against R quantile.survfit (tests/fixtures/survival-km.json)', () => {
  for (const entry of fits) {
    const { time, status } = curveData(entry.dataset, entry.curve);
    for (const confType of CONF_TYPES) {
      const q = entry.quantile[confType];
      it(`${entry.dataset} [${entry.curve}]: ${q.call}`, () => {
        const fit = kaplanMeier(time, status, { confType });
        const { q25, median, q75 } = survivalQuartiles(fit);
        const got = [q25, median, q75];
        expect(got.map((x) => x.p)).toEqual(q.probs);
        expectAllClose(got.map((x) => x.est), q.est, 1e-6, 'quantile');
        expectAllClose(got.map((x) => x.lower), q.lower, 1e-6, 'lower');
        expectAllClose(got.map((x) => x.upper), q.upper, 1e-6, 'upper');
      });
    }
  }
});

describe('survivalQuantile: R tolerance and midpoint rules, hand-built', () => {
  it('S = 0.75, 0.5, 0.25, 0: p = 0.4 is the first time S ≤ 0.6; p = 0.5 the midpoint of [2, 3) (R: 2, 2.5; lower 1, upper NA)', () => {
    const fit = kaplanMeier([1, 2, 3, 4], [1, 1, 1, 1]);
    expect(survivalQuantile(fit, 0.5)).toEqual({ p: 0.5, est: 2.5, lower: 1, upper: null });
    expect(survivalQuantile(fit, 0.4)).toEqual({ p: 0.4, est: 2, lower: 1, upper: null });
  });

  it('S exactly 0.5 on [5, 8): median = (5 + 8)/2 = 6.5 (R: quantile(fit, 0.5))', () => {
    const fit = kaplanMeier([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 1, 1, 1, 0, 0, 1, 0, 1]);
    expect(survivalQuantile(fit, 0.5).est).toBe(6.5);
  });

  it('S ends at exactly 0.5: median = (first time at 0.5 + last time)/2', () => {
    const fit = kaplanMeier([1, 2, 3, 4, 5, 6], [1, 1, 1, 0, 0, 0]);
    expect(survivalQuantile(fit, 0.5).est).toBe(4.5);
  });

  it('not reached gives null (R: median NA, lower 1, upper NA); p = 0 gives the start time 0', () => {
    const fit = kaplanMeier([1, 2, 3, 4], [1, 0, 0, 0]);
    expect(survivalQuantile(fit, 0.5)).toEqual({ p: 0.5, est: null, lower: 1, upper: null });
    expect(survivalQuantile(fit, 0).est).toBe(0);
  });

  it('findQuantiles is R findq: approx(constant, f = 1) on y ± tol, duplicated y dropped', () => {
    // x = c(0, 1, 2, 3), y = c(0, .5, .5, .8): flat at .5 from 1 to 2 -> (1 + 3)/2 = 2 for p = .5
    expect(findQuantiles([0, 1, 2, 3], [0, 0.5, 0.5, 0.8], [0.5])).toEqual([2]);
    expect(findQuantiles([0, 1, 2, 3], [0, 0.5, 0.5, 0.8], [0.6])).toEqual([3]);
    expect(findQuantiles([0, 1, 2, 3], [0, 0.2, 0.3, 0.4], [0.5])).toEqual([null]);
    // missing values (NA) are dropped from the interpolation
    expect(findQuantiles([0, 1, 2, 3], [0, null, 0.6, null], [0.5])).toEqual([2]);
  });

  it('rejects a probability outside [0, 1]', () => {
    const fit = kaplanMeier([1, 2], [1, 1]);
    expectInputError(() => survivalQuantile(fit, 1.5), 'invalid probability: 1.5 (must be between 0 and 1)');
    expectInputError(() => survivalQuantile(fit, Number.NaN), 'invalid probability: NaN (must be between 0 and 1)');
  });
});

describe('survivalQuartiles: published numbers (REFERENCES.md)', () => {
  it('lung ~ sex: medians 270 (212–310) and 426 (348–550)', () => {
    const male = curveData('lung', '1');
    const female = curveData('lung', '2');
    const m = survivalQuartiles(kaplanMeier(male.time, male.status)).median;
    const f = survivalQuartiles(kaplanMeier(female.time, female.status)).median;
    expect([m.est, m.lower, m.upper]).toEqual([270, 212, 310]);
    expect([f.est, f.lower, f.upper]).toEqual([426, 348, 550]);
  });
});
