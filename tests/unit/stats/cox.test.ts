import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coxph, type CoxFit } from '../../../src/stats/cox.ts';
import { expectClose, expectInputError } from '../helpers.ts';

// Fixtures: tests/oracle/cox.R (R 4.2, survival 3.5-3).
interface RTerm {
  term: string;
  covariate: string;
  level: string | null;
  rname: string;
  coef: number | null;
  se: number | null;
  hr: number | null;
  lower: number | null;
  upper: number | null;
  z: number | null;
  p: number | null;
}
interface RTest {
  statistic: number | null;
  df: number;
  p: number | null;
}
interface CoxCase {
  name: string;
  call: string;
  ties: 'efron' | 'breslow';
  iterMax: number;
  reference: Record<string, string>;
  n: number;
  nEvent: number;
  data: { time: number[]; status: (0 | 1)[]; covariates: Record<string, (number | string)[]> };
  covariateOrder: string[];
  terms: RTerm[];
  loglik: [number, number];
  wald: RTest;
  likelihoodRatio: RTest;
  score: RTest;
  iterations: number;
  converged: boolean;
  infiniteTerms: number[];
  warnings: string[];
}

function load(name: string): CoxCase[] {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')).cases;
}
const datasets = load('cox-datasets');
const synthetic = load('cox-synthetic');

/** The design matrix R used: numeric covariates as-is, a 0/1 column per non-reference level. */
function designOf(c: CoxCase): number[][] {
  const columns = c.terms.map((t) => c.data.covariates[t.covariate].map((v) => (t.level === null ? (v as number) : v === t.level ? 1 : 0)));
  return c.data.time.map((_, i) => columns.map((col) => col[i]));
}

function fitOf(c: CoxCase): CoxFit {
  return coxph(c.data.time, c.data.status, designOf(c), c.terms.map((t) => t.term), { ties: c.ties, maxIter: c.iterMax });
}

/** Every number in the result is finite or null: no NaN, no ±Infinity, JSON round-trips. */
function expectPlainJson(fit: unknown): void {
  const walk = (v: unknown): void => {
    if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(fit);
  expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
}


/** Compares one fit with R's, term by term and test by test, at relative 1e-6. */
function expectMatchesR(fit: { terms: readonly { term: string; coef: number | null; se: number | null; hr: number | null; lower: number | null; upper: number | null; z: number | null; p: number | null }[] } & Omit<CoxFit, 'terms'>, c: CoxCase): void {
  const rel = 1e-6;
  const infinite = new Set(c.infiniteTerms.map((j) => j - 1));
  expect(fit.n).toBe(c.n);
  expect(fit.nEvent).toBe(c.nEvent);
  expect(fit.iterations).toBe(c.iterations);
  expect(fit.converged).toBe(c.converged);
  expect(fit.terms.map((t) => t.term)).toEqual(c.terms.map((t) => t.term));
  c.terms.forEach((r, j) => {
    const ours = fit.terms[j];
    if (!c.converged || infinite.has(j) || r.coef === null) {
      for (const key of ['coef', 'se', 'hr', 'lower', 'upper', 'z', 'p'] as const) expect(ours[key], `${r.term}.${key}`).toBeNull();
      return;
    }
    for (const key of ['coef', 'se', 'hr', 'lower', 'upper', 'z', 'p'] as const) expectClose(ours[key], r[key], rel, `${r.term}.${key}`);
  });
  expectClose(fit.loglik[0], c.loglik[0], rel, 'loglik[0]');
  expectClose(fit.loglik[1], c.loglik[1], rel, 'loglik[1]');
  expectClose(fit.score.statistic, c.score.statistic, rel, 'score');
  expectClose(fit.score.p, c.score.p, rel, 'score p');
  expect(fit.score.df).toBe(c.score.df);
  if (c.converged) {
    expectClose(fit.likelihoodRatio.statistic, c.likelihoodRatio.statistic, rel, 'LR');
    expectClose(fit.likelihoodRatio.p, c.likelihoodRatio.p, rel, 'LR p');
  } else {
    expect(fit.likelihoodRatio.statistic).toBeNull();
  }
  expect(fit.likelihoodRatio.df).toBe(c.likelihoodRatio.df);
  if (c.converged && infinite.size === 0) {
    expectClose(fit.wald.statistic, c.wald.statistic, rel, 'Wald');
    expectClose(fit.wald.p, c.wald.p, rel, 'Wald p');
  } else {
    // R's Wald test uses the runaway coefficient and its huge variance: meaningless, so null
    expect(fit.wald.statistic).toBeNull();
    expect(fit.wald.p).toBeNull();
  }
  // a problem in words for every warning or NA in R, and none otherwise
  const rTrouble = c.warnings.length + c.terms.filter((t) => t.coef === null).length;
  expect(fit.problems.length > 0).toBe(rTrouble > 0);
  expectPlainJson(fit);
}

describe('coxph: R datasets (tests/oracle/cox.R)', () => {
  for (const c of datasets) it(`${c.name}: ${c.call}`, () => expectMatchesR(fitOf(c), c));
});

describe('coxph: seeded synthetic data (tests/oracle/cox.R)', () => {
  for (const c of synthetic) it(`${c.name}: ${c.call}`, () => expectMatchesR(fitOf(c), c));
});

describe('coxph: REFERENCES.md values', () => {
  const aml = datasets.find((c) => c.name === 'aml ~ x' && c.ties === 'efron') as CoxCase;
  const lung = datasets.find((c) => c.name === 'lung ~ sex' && c.ties === 'efron') as CoxCase;

  it('aml: coxph(Surv(time, status) ~ x, aml) (Efron) coef, SE, HR and CI, Wald p, LR, score', () => {
    const fit = fitOf(aml);
    const t = fit.terms[0];
    expectClose(t.coef, 0.915532575, 1e-9);
    expectClose(t.se, 0.5119342752, 1e-9);
    expectClose(t.hr, 2.498105, 1e-6);
    expectClose(t.lower, 0.915907, 1e-6);
    expectClose(t.upper, 6.813496, 1e-6);
    expectClose(t.p, 0.07371486, 1e-7);
    expectClose(fit.likelihoodRatio.statistic, 3.384447, 1e-6);
    expectClose(fit.score.statistic, 3.416734, 1e-6);
  });

  it('aml: coxph(Surv(time, status) ~ x, aml, ties = "breslow") coef 0.9042197237', () => {
    const fit = coxph(aml.data.time, aml.data.status, designOf(aml), ['x'], { ties: 'breslow' });
    expectClose(fit.terms[0].coef, 0.9042197237, 1e-9);
  });

  it('lung: coxph(Surv(time, status) ~ sex, lung) coef −0.5310235376, SE 0.1671785832; Breslow −0.5303965745', () => {
    const efron = fitOf(lung);
    expectClose(efron.terms[0].coef, -0.5310235376, 1e-9);
    expectClose(efron.terms[0].se, 0.1671785832, 1e-9);
    const breslow = coxph(lung.data.time, lung.data.status, designOf(lung), ['sex'], { ties: 'breslow' });
    expectClose(breslow.terms[0].coef, -0.5303965745, 1e-9);
  });
});

describe('coxph: hand-built data', () => {
  // No ties: time 1..4, all events, x = 0,1,0,1. The score equation reduces to 1 − u − 4u² = 0
  // with u = e^β, so β̂ = ln((√17 − 1)/8); the information is Σ p(1 − p) over the risk sets,
  // p = u/(1+u), 2u/(1+2u), u/(1+u).
  const time = [1, 2, 3, 4];
  const event = [1, 1, 1, 1] as const;
  const X = [[0], [1], [0], [1]];

  it('closed-form MLE and SE (Efron = Breslow without ties)', () => {
    const u = (Math.sqrt(17) - 1) / 8;
    const info = (2 * u) / (1 + u) ** 2 + (2 * u) / (1 + 2 * u) ** 2;
    for (const ties of ['efron', 'breslow'] as const) {
      const fit = coxph(time, [...event], X, ['x'], { ties });
      expectClose(fit.terms[0].coef, Math.log(u), 1e-9, ties);
      expectClose(fit.terms[0].se, 1 / Math.sqrt(info), 1e-9, ties);
      expectClose(fit.loglik[0], -Math.log(4) - Math.log(3) - Math.log(2), 1e-12, ties);
      expect(fit.problems).toEqual([]);
    }
  });

  it('tied events: Efron and Breslow log-likelihoods at β = 0', () => {
    // two deaths at t = 1 among 3 at risk: Breslow −2 log 3, Efron −log 3 − log 2
    const fitB = coxph([1, 1, 2], [1, 1, 0], [[1], [0], [1]], ['x'], { ties: 'breslow' });
    const fitE = coxph([1, 1, 2], [1, 1, 0], [[1], [0], [1]], ['x'], { ties: 'efron' });
    expectClose(fitB.loglik[0], -2 * Math.log(3), 1e-12);
    expectClose(fitE.loglik[0], -Math.log(3) - Math.log(2), 1e-12);
  });

  it('censored at an event time stays in that risk set; input order does not matter', () => {
    const a = coxph([5, 3, 3, 8, 1, 6], [1, 1, 0, 0, 1, 1], [[1], [0], [1], [0], [1], [0]], ['x']);
    const b = coxph([6, 1, 8, 3, 3, 5], [1, 1, 0, 0, 1, 1], [[0], [1], [0], [1], [0], [1]], ['x']);
    expectClose(a.terms[0].coef, b.terms[0].coef as number, 1e-12);
    expectClose(a.loglik[0], b.loglik[0], 1e-12);
  });

  it('boolean event flags are accepted', () => {
    const fit = coxph(time, [true, true, true, true], X, ['x']);
    expectClose(fit.terms[0].coef, Math.log((Math.sqrt(17) - 1) / 8), 1e-9);
  });

  it('confLevel changes the interval only', () => {
    const fit95 = coxph(time, [...event], X, ['x']);
    const fit90 = coxph(time, [...event], X, ['x'], { confLevel: 0.9 });
    const t = fit90.terms[0];
    expect(fit90.confLevel).toBe(0.9);
    expectClose(t.coef, fit95.terms[0].coef as number, 1e-12);
    expectClose(t.lower, Math.exp((t.coef as number) - 1.6448536269514722 * (t.se as number)), 1e-12);
  });
});

describe('coxph: problems reported in words', () => {
  const noEventsInLevel = synthetic.find((c) => c.name.startsWith('factor level with no events') && c.ties === 'efron') as CoxCase;
  const allInOne = synthetic.find((c) => c.name.startsWith('binary, every event in one group') && c.ties === 'efron') as CoxCase;

  it('a level with no events: R warns "coefficient may be infinite"; its numbers are null, the other term is kept', () => {
    expect(noEventsInLevel.warnings[0]).toMatch(/coefficient may be infinite/);
    const fit = fitOf(noEventsInLevel);
    const [b, c] = fit.terms;
    expect(c.coef).toBeNull();
    expect(c.hr).toBeNull();
    expect(c.se).toBeNull();
    expect(b.coef).not.toBeNull();
    expect(fit.problems).toEqual([
      'The estimate for "g=c" is unbounded: no event occurred in this group (monotone likelihood), so its hazard ratio cannot be estimated.',
    ]);
    expect(fit.variance[1]).toEqual([null, null]);
    expectPlainJson(fit);
  });

  it('every event in one group: "every event is in one group (monotone likelihood)"', () => {
    const fit = fitOf(allInOne);
    expect(fit.terms[0].coef).toBeNull();
    expect(fit.problems).toEqual([
      'The estimate for "x" is unbounded: every event is in one group (monotone likelihood), so its hazard ratio cannot be estimated.',
    ]);
    expect(fit.wald.statistic).toBeNull();
    expect(fit.likelihoodRatio.statistic).not.toBeNull();
    expectPlainJson(fit);
  });

  it('a numeric covariate that orders the events: no convergence in 20 iterations, nothing estimated', () => {
    const c = synthetic.find((x) => x.name.startsWith('numeric with monotone likelihood')) as CoxCase;
    expect(c.warnings).toContain('Ran out of iterations and did not converge');
    const fit = fitOf(c);
    expect(fit.converged).toBe(false);
    expect(fit.terms[0].coef).toBeNull();
    expect(fit.problems[0]).toMatch(/^The fit did not converge in 20 iterations: the estimate for "z" was still changing/);
    expectPlainJson(fit);
  });

  it('collinear covariates: the redundant one is null (R: NA), the others are estimated', () => {
    const c = synthetic.find((x) => x.name.startsWith('collinear')) as CoxCase;
    const fit = fitOf(c);
    expect(fit.terms[1].coef).toBeNull();
    expect(fit.problems).toEqual(['"z" is redundant: it is a linear combination of the other terms, so it was left out (R reports NA).']);
    expect(fit.wald.df).toBe(1);
  });

  it('a constant covariate is reported as such', () => {
    const fit = coxph([1, 2, 3, 4, 5, 6], [1, 1, 0, 1, 1, 0], [[0, 5], [1, 5], [0, 5], [1, 5], [0, 5], [1, 5]], ['x', 'k']);
    expect(fit.terms[0].coef).not.toBeNull();
    expect(fit.terms[1].coef).toBeNull();
    expect(fit.problems).toEqual(['"k" is the same for every patient, so it has no effect to estimate (R reports NA).']);
  });

  it('no events: every number null, one problem', () => {
    const fit = coxph([1, 2, 3], [0, 0, 0], [[0], [1], [0]], ['x']);
    expect(fit.nEvent).toBe(0);
    expect(fit.terms[0].coef).toBeNull();
    expect(fit.problems).toEqual(['There are no events, so no hazard ratio can be estimated.']);
    expectPlainJson(fit);
  });
});

describe('coxph: validation errors (one line)', () => {
  const X = [[0], [1], [0]];
  it('invalid time', () => expectInputError(() => coxph([1, -3, 2], [1, 1, 0], X, ['x']), 'invalid time at row 2: -3'));
  it('invalid event', () => expectInputError(() => coxph([1, 3, 2], [1, 2 as 1, 0], X, ['x']), 'invalid event at row 2: 2 (expected 0 or 1)'));
  it('lengths differ', () => expectInputError(() => coxph([1, 3], [1, 1, 0], X, ['x']), 'event has 3 values but time has 2'));
  it('empty data', () => expectInputError(() => coxph([], [], [], ['x']), 'no observations: time is empty'));
  it('no term names', () => expectInputError(() => coxph([1, 2, 3], [1, 1, 0], X, []), 'no covariates: termNames is empty'));
  it('X has the wrong number of rows', () => expectInputError(() => coxph([1, 2, 3], [1, 1, 0], [[0], [1]], ['x']), 'X has 2 rows but time has 3'));
  it('a row of X has the wrong length', () =>
    expectInputError(() => coxph([1, 2, 3], [1, 1, 0], [[0], [1, 2], [0]], ['x']), 'X row 2 has 2 values but there are 1 term names'));
  it('a non-finite covariate value', () => expectInputError(() => coxph([1, 2, 3], [1, 1, 0], [[0], [NaN], [0]], ['age']), 'invalid age at row 2: NaN'));
  it('invalid ties', () =>
    expectInputError(() => coxph([1, 2, 3], [1, 1, 0], X, ['x'], { ties: 'exact' as 'efron' }), 'invalid ties: exact (expected "efron" or "breslow")'));
  it('invalid confLevel', () =>
    expectInputError(() => coxph([1, 2, 3], [1, 1, 0], X, ['x'], { confLevel: 95 }), 'invalid confLevel: 95 (expected a number between 0 and 1)'));
  it('invalid maxIter', () =>
    expectInputError(() => coxph([1, 2, 3], [1, 1, 0], X, ['x'], { maxIter: 0 }), 'invalid maxIter: 0 (expected a whole number ≥ 1)'));
  it('invalid eps', () => expectInputError(() => coxph([1, 2, 3], [1, 1, 0], X, ['x'], { eps: 0 }), 'invalid eps: 0 (expected a number between 0 and 1)'));
});

describe('coxph: the tie rule of every estimator (tied-times.ts, R timefix)', () => {
  it('treats times that differ in the last ~8 significant digits as one time, as R does', () => {
    // 0.1 + 0.2 is 0.30000000000000004: R's aeqSurv makes it the same time as 0.3, and so must Cox.
    const exact = [0.3, 0.3, 0.5, 0.7, 0.7, 0.9, 1.1, 1.3];
    const near = [0.1 + 0.2, 0.3, 0.5, 0.7, 0.7 * (1 + 1e-12), 0.9, 1.1, 1.3];
    const event = [1, 1, 0, 1, 1, 1, 0, 1] as const;
    const X = [[0], [1], [0], [1], [0], [1], [0], [1]];
    const a = coxph(exact, [...event], X, ['x'], { ties: 'efron' });
    const b = coxph(near, [...event], X, ['x'], { ties: 'efron' });
    expect(b.terms[0].coef).toBe(a.terms[0].coef);
    expect(b.loglik).toEqual(a.loglik);
    // A gap far above the tolerance is a different time and changes the fit.
    const apart = [0.3, 0.3001, 0.5, 0.7, 0.7, 0.9, 1.1, 1.3];
    expect(coxph(apart, [...event], X, ['x'], { ties: 'efron' }).terms[0].coef).not.toBe(a.terms[0].coef);
  });
});
