import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../../src/stats/kaplan-meier.ts';
import type { ConfType } from '../../../src/stats/kaplan-meier.ts';
import { survivalAt } from '../../../src/stats/survival-at.ts';
import { expectAllClose } from '../helpers.ts';
import { curveData, expectInputError, loadFixture } from './survival-fixtures.ts';
import type { Num } from './survival-fixtures.ts';

interface SummaryEntry {
  dataset: string;
  curve: string;
  times: number[];
  byConfType: Record<ConfType, { call: string; time: number[]; surv: number[]; se: Num[]; lower: Num[]; upper: Num[]; nRisk: number[] }>;
}

const summaries = loadFixture<{ summaries: SummaryEntry[] }>('summary').summaries;

describe('survivalAt against R summary(fit, times, extend = TRUE) (tests/fixtures/survival-summary.json)', () => {
  for (const entry of summaries) {
    const { time, status } = curveData(entry.dataset, entry.curve);
    for (const confType of ['log', 'log-log', 'plain'] as ConfType[]) {
      const r = entry.byConfType[confType];
      it(`${entry.dataset} [${entry.curve}]: ${r.call}`, () => {
        const at = survivalAt(kaplanMeier(time, status, { confType }), entry.times);
        expectAllClose(at.map((x) => x.time), r.time, 1e-12, 'time');
        expectAllClose(at.map((x) => x.surv), r.surv, 1e-6, 'surv');
        expectAllClose(at.map((x) => x.se), r.se, 1e-6, 'std.err');
        expectAllClose(at.map((x) => x.lower), r.lower, 1e-6, 'lower');
        expectAllClose(at.map((x) => x.upper), r.upper, 1e-6, 'upper');
        expect(at.map((x) => x.nRisk)).toEqual(r.nRisk);
      });
    }
  }
});

describe('survivalAt: published numbers and edge cases', () => {
  it('lung ~ sex: n.risk at 0/200/400 = 138/78/31 and 90/66/26 (summary(fit, times = c(0, 200, 400)))', () => {
    const male = curveData('lung', '1');
    const female = curveData('lung', '2');
    expect(survivalAt(kaplanMeier(male.time, male.status), [0, 200, 400]).map((x) => x.nRisk)).toEqual([138, 78, 31]);
    expect(survivalAt(kaplanMeier(female.time, female.status), [0, 200, 400]).map((x) => x.nRisk)).toEqual([90, 66, 26]);
  });

  it('before the first time: S 1, SE 0, limits 1 (even log-log); after the last: last values, nRisk 0', () => {
    const fit = kaplanMeier([2, 3, 5], [1, 0, 1], { confType: 'log-log' });
    const [before, after] = survivalAt(fit, [1, 10]);
    expect(before).toEqual({ time: 1, surv: 1, se: 0, lower: 1, upper: 1, nRisk: 3 });
    expect(after.surv).toBe(0);
    expect(after.se).toBeNull();
    expect(after.nRisk).toBe(0);
  });

  it('keeps the order of the requested times; nRisk counts time ≥ t', () => {
    const fit = kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]);
    expect(survivalAt(fit, [3, 2, 0]).map((x) => [x.time, x.nRisk])).toEqual([[3, 1], [2, 3], [0, 4]]);
  });

  it('rejects invalid times', () => {
    const fit = kaplanMeier([1], [1]);
    expectInputError(() => survivalAt(fit, [1, -2]), 'invalid times at row 2: -2');
    expectInputError(() => survivalAt(fit, [Number.NaN]), 'invalid times at row 1: NaN');
  });
});
