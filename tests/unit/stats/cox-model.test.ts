import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, coxModel } from '../../../src/stats/cox-model.ts';
import { expectClose, expectInputError } from '../helpers.ts';

// Fixtures: tests/oracle/cox.R (R 4.2, survival 3.5-3). Text covariates there are factors whose
// levels are the reference first, then code-point order, as coxModel orders them.
interface CoxCase {
  name: string;
  call: string;
  ties: 'efron' | 'breslow';
  iterMax: number;
  reference: Record<string, string>;
  data: { time: number[]; status: (0 | 1)[]; covariates: Record<string, (number | string)[]> };
  covariateOrder: string[];
  terms: { term: string; covariate: string; level: string | null; coef: number | null; se: number | null; hr: number | null; lower: number | null; upper: number | null; z: number | null; p: number | null }[];
  loglik: [number, number];
  likelihoodRatio: { statistic: number | null };
  score: { statistic: number | null };
  iterations: number;
  converged: boolean;
  infiniteTerms: number[];
}

function load(name: string): CoxCase[] {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')).cases;
}
const cases = [...load('cox-datasets'), ...load('cox-synthetic')];


function modelOf(c: CoxCase) {
  const covariates = Object.fromEntries(c.covariateOrder.map((name) => [name, c.data.covariates[name]]));
  return coxModel({ time: c.data.time, event: c.data.status, covariates }, { ties: c.ties, reference: c.reference, maxIter: c.iterMax });
}

describe('coxModel: R fits from named covariates (tests/oracle/cox.R)', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.call}`, () => {
      const fit = modelOf(c);
      expect(fit.terms.map((t) => [t.term, t.covariate, t.level])).toEqual(c.terms.map((t) => [t.term, t.covariate, t.level]));
      expect(fit.iterations).toBe(c.iterations);
      const infinite = new Set(c.infiniteTerms.map((j) => j - 1));
      c.terms.forEach((r, j) => {
        for (const key of ['coef', 'se', 'hr', 'lower', 'upper', 'z', 'p'] as const) {
          if (!c.converged || infinite.has(j) || r.coef === null) expect(fit.terms[j][key]).toBeNull();
          else expectClose(fit.terms[j][key], r[key], 1e-6, `${r.term}.${key}`);
        }
      });
      expectClose(fit.loglik[1], c.loglik[1], 1e-6, 'loglik');
      expectClose(fit.score.statistic, c.score.statistic, 1e-6, 'score');
      if (c.converged) expectClose(fit.likelihoodRatio.statistic, c.likelihoodRatio.statistic, 1e-6, 'LR');
    });
  }
});

describe('coxModel: coding of covariates', () => {
  const aml = cases.find((c) => c.name === 'aml ~ x') as CoxCase;

  it('aml: coxph(Surv(time, status) ~ x, aml): term "x=Nonmaintained" against reference "Maintained"', () => {
    const fit = modelOf(aml);
    expect(fit.covariates).toEqual([{ name: 'x', kind: 'categorical', levels: ['Maintained', 'Nonmaintained'], reference: 'Maintained' }]);
    expect(fit.terms[0]).toMatchObject({ term: 'x=Nonmaintained', covariate: 'x', level: 'Nonmaintained' });
    expectClose(fit.terms[0].hr, 2.498105, 1e-6);
  });

  it('a named reference flips the hazard ratio: HR(Maintained vs Nonmaintained) = 1/2.498105', () => {
    const fit = coxModel(
      { time: aml.data.time, event: aml.data.status, covariates: { x: aml.data.covariates.x } },
      { reference: { x: 'Nonmaintained' } },
    );
    expect(fit.terms[0].term).toBe('x=Maintained');
    expectClose(fit.terms[0].hr, 1 / 2.498105326, 1e-9);
  });

  it('numeric covariates keep their name and have level null', () => {
    const lung = cases.find((c) => c.name === 'lung ~ age + sex') as CoxCase;
    const fit = modelOf(lung);
    expect(fit.terms.map((t) => [t.term, t.level])).toEqual([['age', null], ['sex', null]]);
    expect(fit.covariates.map((c) => c.kind)).toEqual(['numeric', 'numeric']);
  });

  it('levels are ordered by code point, not locale or UTF-16 unit', () => {
    expect(['b', 'B', 'a', 'A'].sort(compareCodePoints)).toEqual(['A', 'B', 'a', 'b']);
    // U+FFFF sorts before U+1F600 by code point (by UTF-16 unit it would come after)
    expect(['\u{1F600}', '\uFFFF'].sort(compareCodePoints)).toEqual(['\uFFFF', '\u{1F600}']);
    const fit = coxModel({ time: [1, 2, 3, 4, 5, 6], event: [1, 1, 0, 1, 1, 0], covariates: { g: ['\u{1F600}', '\uFFFF', '\u{1F600}', '\uFFFF', '\u{1F600}', '\uFFFF'] } });
    expect(fit.covariates[0].reference).toBe('\uFFFF');
    expect(fit.terms[0].term).toBe('g=\u{1F600}');
  });

  it('a group without events is reported in words with null numbers', () => {
    const fit = coxModel({
      time: [2, 3, 5, 7, 8, 9, 11, 12],
      event: [1, 0, 1, 1, 0, 1, 0, 0],
      covariates: { group: ['yes', 'no', 'yes', 'yes', 'no', 'yes', 'no', 'no'] },
    });
    expect(fit.terms[0]).toMatchObject({ term: 'group=yes', coef: null, se: null, hr: null, lower: null, upper: null, z: null, p: null });
    // R: coxph(Surv(time, status) ~ group) "Ran out of iterations and did not converge", coef 21.6
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(21);
    expect(fit.problems).toEqual([
      'The estimate for "group=yes" is unbounded: every event is in one group (monotone likelihood), so its hazard ratio cannot be estimated.',
      'The fit did not converge in 20 iterations, so no estimates are reported.',
    ]);
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
  });
});

describe('coxModel: validation errors (one line)', () => {
  const time = Array.from({ length: 12 }, (_, i) => i + 1);
  const event = time.map((t) => (t % 3 === 0 ? 0 : 1)) as (0 | 1)[];
  const sex = time.map((t) => (t % 2 === 0 ? 'female' : 'male'));
  const age = time.map((t) => 50 + t);

  it('invalid time at row 12: -3', () => {
    const bad = [...time];
    bad[11] = -3;
    expectInputError(() => coxModel({ time: bad, event, covariates: { sex } }), 'invalid time at row 12: -3');
  });
  it('invalid event', () => {
    const bad = [...event] as number[];
    bad[4] = 3;
    expectInputError(() => coxModel({ time, event: bad as (0 | 1)[], covariates: { sex } }), 'invalid event at row 5: 3 (expected 0 or 1)');
  });
  it('missing values: null, undefined, NaN, empty text', () => {
    for (const missing of [null, undefined, Number.NaN, '']) {
      const bad = [...age] as unknown[];
      bad[2] = missing;
      expectInputError(() => coxModel({ time, event, covariates: { age: bad as number[] } }), 'missing age at row 3');
    }
  });
  it('a non-finite number', () => {
    const bad = [...age];
    bad[6] = Infinity;
    expectInputError(() => coxModel({ time, event, covariates: { age: bad } }), 'invalid age at row 7: Infinity');
  });
  it('numbers and text mixed in one covariate', () => {
    const bad = [...sex] as (string | number)[];
    bad[1] = 1;
    expectInputError(() => coxModel({ time, event, covariates: { sex: bad } }), 'invalid sex at row 2: 1 (expected text like the rows before)');
    const bad2 = [...age] as (string | number)[];
    bad2[3] = '54';
    expectInputError(() => coxModel({ time, event, covariates: { age: bad2 } }), 'invalid age at row 4: "54" (expected a number like the rows before)');
  });
  it('unknown reference level', () =>
    expectInputError(
      () => coxModel({ time, event, covariates: { sex } }, { reference: { sex: 'other' } }),
      'unknown reference level "other" for covariate sex (levels: "female", "male")',
    ));
  it('reference for a covariate that does not exist', () =>
    expectInputError(() => coxModel({ time, event, covariates: { sex } }, { reference: { gender: 'male' } }), 'reference names an unknown covariate: "gender"'));
  it('reference for a numeric covariate', () =>
    expectInputError(() => coxModel({ time, event, covariates: { age } }, { reference: { age: '60' } }), 'reference level given for numeric covariate age'));
  it('a covariate with one level', () =>
    expectInputError(
      () => coxModel({ time, event, covariates: { sex: time.map(() => 'male') } }),
      'covariate sex has only one level ("male"), so there is nothing to compare',
    ));
  it('a covariate of the wrong length', () =>
    expectInputError(() => coxModel({ time, event, covariates: { age: age.slice(1) } }), 'covariate age has 11 values but time has 12'));
  it('no covariates', () => expectInputError(() => coxModel({ time, event, covariates: {} }), 'no covariates: give at least one'));
  it('a covariate that is not an array', () =>
    expectInputError(() => coxModel({ time, event, covariates: { age: 5 as unknown as number[] } }), 'covariate age is not an array'));
  it('invalid ties', () =>
    expectInputError(() => coxModel({ time, event, covariates: { age } }, { ties: 'exact' as 'efron' }), 'invalid ties: exact (expected "efron" or "breslow")'));
});
