import { describe, expect, it } from 'vitest';
import { medianFollowUp, reverseKaplanMeier } from '../../../src/stats/reverse-kaplan-meier.ts';
import { expectAllClose } from '../helpers.ts';
import { curveData, expectInputError, loadFixture } from './survival-fixtures.ts';
import type { Num } from './survival-fixtures.ts';

interface FollowUpEntry {
  dataset: string;
  curve: string;
  call: string;
  probs: number[];
  est: Num[];
  lower: Num[];
  upper: Num[];
  reverse: { time: number[]; surv: number[]; nRisk: number[]; nEvent: number[]; lower: Num[]; upper: Num[] };
}

const entries = loadFixture<{ followUp: FollowUpEntry[] }>('followup').followUp;

describe('reverse Kaplan–Meier follow-up against R (tests/fixtures/survival-followup.json)', () => {
  for (const entry of entries) {
    const { time, status } = curveData(entry.dataset, entry.curve);
    it(`${entry.dataset} [${entry.curve}]: ${entry.call}`, () => {
      const { q25, median, q75 } = medianFollowUp(time, status);
      const got = [q25, median, q75];
      expectAllClose(got.map((x) => x.est), entry.est, 1e-6, 'quantile');
      expectAllClose(got.map((x) => x.lower), entry.lower, 1e-6, 'lower');
      expectAllClose(got.map((x) => x.upper), entry.upper, 1e-6, 'upper');
    });
    it(`${entry.dataset} [${entry.curve}]: survfit(Surv(time, 1 - status) ~ 1) curve`, () => {
      const fit = reverseKaplanMeier(time, status);
      expectAllClose(fit.time, entry.reverse.time, 1e-6, 'time');
      expect(fit.nRisk).toEqual(entry.reverse.nRisk);
      expect(fit.nEvent).toEqual(entry.reverse.nEvent);
      expectAllClose(fit.surv, entry.reverse.surv, 1e-6, 'surv');
      expectAllClose(fit.lower, entry.reverse.lower, 1e-6, 'lower');
      expectAllClose(fit.upper, entry.reverse.upper, 1e-6, 'upper');
    });
  }
});

describe('medianFollowUp: hand-built', () => {
  it('censorings are the events: deaths at 1 and 2 do not end follow-up, censorings at 3, 4, 5, 6 do', () => {
    const fit = reverseKaplanMeier([1, 2, 3, 4, 5, 6], [1, 1, 0, 0, 0, 0]);
    expect(fit.nEvent).toEqual([0, 0, 1, 1, 1, 1]);
    expect(fit.surv).toEqual([1, 1, 0.75, 0.5, 0.25, 0]);
    expect(medianFollowUp([1, 2, 3, 4, 5, 6], [1, 1, 0, 0, 0, 0]).median.est).toBe(4.5);
  });

  it('input errors', () => {
    expectInputError(() => medianFollowUp([1, 2], [1, 3 as unknown as 1]), 'invalid event at row 2: 3 (expected 0 or 1)');
    expectInputError(() => medianFollowUp([], []), 'no observations: time is empty');
  });
});
