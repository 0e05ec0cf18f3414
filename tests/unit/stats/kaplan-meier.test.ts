import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../../src/stats/kaplan-meier.ts';
import type { ConfType } from '../../../src/stats/kaplan-meier.ts';
import { InputError } from '../../../src/stats/validate.ts';
import { expectAllClose, expectClose } from '../helpers.ts';
import { curveData, dataset, expectInputError, infToNull, loadFixture } from './survival-fixtures.ts';
import type { Num } from './survival-fixtures.ts';

interface KmEntry {
  dataset: string;
  curve: string;
  call: string;
  n: number;
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  surv: number[];
  stdErr: Num[];
  se: Num[];
  ci: Record<ConfType, { lower: Num[]; upper: Num[] }>;
}

const fits = loadFixture<{ fits: KmEntry[] }>('km').fits;
const CONF_TYPES: ConfType[] = ['log', 'log-log', 'plain'];

/** |actual − printed| ≤ half a unit in the last printed decimal (how a published number is read). */
function expectRounded(actual: number | null, printed: string, label = ''): void {
  const decimals = printed.includes('.') ? printed.split('.')[1].length : 0;
  expect(actual, label).not.toBeNull();
  expect(Math.abs((actual as number) - Number(printed)), `${label}: ${actual} vs ${printed}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
}

describe('kaplanMeier against R survfit (tests/fixtures/survival-km.json)', () => {
  it('covers the R data sets and at least 20 synthetic ones', () => {
    const names = new Set(fits.map((f) => f.dataset));
    for (const name of ['aml', 'lung', 'ovarian', 'veteran_celltype', 'veteran_trt']) expect(names.has(name)).toBe(true);
    expect(names.size).toBeGreaterThanOrEqual(25);
  });

  for (const entry of fits) {
    describe(`${entry.dataset} [${entry.curve}]`, () => {
      const { time, status } = curveData(entry.dataset, entry.curve);
      for (const confType of CONF_TYPES) {
        it(`${entry.call.replace('c("log", "log-log", "plain")', `"${confType}"`)}: times, counts, S, Greenwood SE, CI`, () => {
          const fit = kaplanMeier(time, status, { confType });
          expect(fit.n).toBe(entry.n);
          expect(fit.confType).toBe(confType);
          expect(fit.confLevel).toBe(0.95);
          expectAllClose(fit.time, entry.time, 1e-6, 'time');
          expect(fit.nRisk).toEqual(entry.nRisk);
          expect(fit.nEvent).toEqual(entry.nEvent);
          expect(fit.nCensor).toEqual(entry.nCensor);
          expectAllClose(fit.surv, entry.surv, 1e-6, 'surv');
          expectAllClose(fit.stdErr, infToNull(entry.stdErr), 1e-6, 'std.err (SE of -log S)');
          expectAllClose(fit.se, infToNull(entry.se), 1e-6, 'SE of S');
          expectAllClose(fit.lower, entry.ci[confType].lower, 1e-6, 'lower');
          expectAllClose(fit.upper, entry.ci[confType].upper, 1e-6, 'upper');
        });
      }
    });
  }
});

describe('kaplanMeier: published numbers (REFERENCES.md)', () => {
  const aml = dataset('aml');
  const maintained = curveData('aml', 'Maintained');

  it('aml, Maintained: survfit(Surv(time, status) ~ x, aml) S at 9, 13, 18, 23, 31, 34, 48', () => {
    const fit = kaplanMeier(maintained.time, maintained.status);
    const printed = ['0.909091', '0.818182', '0.715909', '0.613636', '0.490909', '0.368182', '0.184091'];
    [9, 13, 18, 23, 31, 34, 48].forEach((t, i) => expectRounded(fit.surv[fit.time.indexOf(t)], printed[i], `S(${t})`));
    expect(aml.levels).toEqual(['Maintained', 'Nonmaintained']);
  });

  it('aml, Maintained at 31: Greenwood SE 0.1641933; 95% CI log 0.25486–0.94558, log-log 0.16733–0.75340', () => {
    const log = kaplanMeier(maintained.time, maintained.status);
    const loglog = kaplanMeier(maintained.time, maintained.status, { confType: 'log-log' });
    const j = log.time.indexOf(31);
    expectRounded(log.se[j], '0.1641933', 'SE');
    expectRounded(log.lower[j], '0.25486', 'log lower');
    expectRounded(log.upper[j], '0.94558', 'log upper');
    expectRounded(loglog.lower[j], '0.16733', 'log-log lower');
    expectRounded(loglog.upper[j], '0.75340', 'log-log upper');
  });
});

describe('kaplanMeier: hand-built data (after survival tests/book1.R)', () => {
  // time 1 2 2 3 4 5 5, status 1 0 1 1 0 1 1
  const time = [1, 2, 2, 3, 4, 5, 5];
  const status = [1, 0, 1, 1, 0, 1, 1] as const;

  it('S = 6/7, 5/7, 15/28, 15/28, 0 with Greenwood σ² = Σ d/(n(n − d))', () => {
    const fit = kaplanMeier(time, [...status]);
    expect(fit.time).toEqual([1, 2, 3, 4, 5]);
    expect(fit.nRisk).toEqual([7, 6, 4, 3, 2]);
    expect(fit.nEvent).toEqual([1, 1, 1, 0, 2]);
    expect(fit.nCensor).toEqual([0, 1, 0, 1, 0]);
    expectAllClose(fit.surv, [6 / 7, 5 / 7, 15 / 28, 15 / 28, 0], 1e-12);
    const v3 = 1 / (7 * 6) + 1 / (6 * 5) + 1 / (4 * 3);
    expectAllClose(fit.stdErr, [Math.sqrt(1 / 42), Math.sqrt(1 / 42 + 1 / 30), Math.sqrt(v3), Math.sqrt(v3), null], 1e-12);
    expectClose(fit.se[2], (15 / 28) * Math.sqrt(v3), 1e-12);
  });

  it('S = 0 after everyone at risk dies: SE and every CI are null (R: NaN / NA)', () => {
    for (const confType of ['log', 'log-log', 'plain'] as const) {
      const fit = kaplanMeier(time, [...status], { confType });
      expect(fit.surv[4]).toBe(0);
      expect(fit.se[4]).toBeNull();
      expect(fit.lower[4]).toBeNull();
      expect(fit.upper[4]).toBeNull();
    }
  });

  it('log upper is capped at 1; plain is clipped to [0, 1]; log-log is undefined while S = 1', () => {
    const log = kaplanMeier([1, 2, 3, 4], [0, 1, 0, 1]);
    expect(log.upper[0]).toBe(1);
    expect(log.lower[0]).toBe(1);
    expect(log.upper[1]).toBe(1);
    const loglog = kaplanMeier([1, 2, 3, 4], [0, 1, 0, 1], { confType: 'log-log' });
    expect(loglog.lower[0]).toBeNull();
    expect(loglog.upper[0]).toBeNull();
    const plain = kaplanMeier([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 0], { confType: 'plain' });
    for (const v of plain.lower) expect(v === null || v >= 0).toBe(true);
    for (const v of plain.upper) expect(v === null || v <= 1).toBe(true);
  });

  it('all censored: S = 1, SE 0, log CI [1, 1]', () => {
    const fit = kaplanMeier([3, 1, 2], [0, 0, 0]);
    expect(fit.surv).toEqual([1, 1, 1]);
    expect(fit.se).toEqual([0, 0, 0]);
    expect(fit.lower).toEqual([1, 1, 1]);
    expect(fit.upper).toEqual([1, 1, 1]);
  });

  it('events as booleans give the same fit as 0/1; input order does not matter', () => {
    const a = kaplanMeier(time, [...status]);
    const b = kaplanMeier([...time].reverse(), [...status].reverse().map((e) => e === 1));
    expect(b).toEqual(a);
  });

  it('merges times within √ε like R aeqSurv: 0.1 + 0.2 and 0.3 are one time', () => {
    const fit = kaplanMeier([0.1 + 0.2, 0.3, 1], [1, 0, 1]);
    expect(fit.time).toEqual([0.3, 1]);
    expect(fit.nEvent).toEqual([1, 1]);
    expect(fit.nCensor).toEqual([1, 0]);
  });

  it('the result is plain JSON (round-trips through JSON.stringify)', () => {
    const fit = kaplanMeier(time, [...status]);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });

  it('confLevel 0.9 gives narrower intervals', () => {
    const f95 = kaplanMeier(time, [...status]);
    const f90 = kaplanMeier(time, [...status], { confLevel: 0.9 });
    expect(f90.lower[2] as number).toBeGreaterThan(f95.lower[2] as number);
  });
});

describe('kaplanMeier: input errors', () => {
  const cases: [string, () => unknown, string][] = [
    ['empty input', () => kaplanMeier([], []), 'no observations: time is empty'],
    ['length mismatch', () => kaplanMeier([1, 2, 3], [1, 0]), 'event has 2 values but time has 3'],
    ['negative time', () => kaplanMeier([1, -3], [1, 0]), 'invalid time at row 2: -3'],
    ['NaN time', () => kaplanMeier([Number.NaN], [1]), 'invalid time at row 1: NaN'],
    ['infinite time', () => kaplanMeier([1, Number.POSITIVE_INFINITY], [1, 1]), 'invalid time at row 2: Infinity'],
    ['string time', () => kaplanMeier(['3' as unknown as number], [1]), 'invalid time at row 1: "3"'],
    ['event not 0/1', () => kaplanMeier([1, 2, 3], [1, 0, 2 as unknown as 1]), 'invalid event at row 3: 2 (expected 0 or 1)'],
    ['confLevel out of range', () => kaplanMeier([1], [1], { confLevel: 95 }), 'invalid confLevel: 95 (must be between 0 and 1)'],
    ['unknown confType', () => kaplanMeier([1], [1], { confType: 'logit' as ConfType }), `invalid confType: "logit" (expected 'log', 'log-log', 'plain')`],
  ];
  for (const [name, run, message] of cases) {
    it(`${name}: ${message}`, () => {
      expect(run).toThrow(InputError);
      expectInputError(run, message);
    });
  }
});
