/**
 * Cox proportional hazards regression, fitted by Newton–Raphson exactly as R's
 * `survival::coxph` does it (the C routine `coxfit6`, survival 3.5-3).
 *
 * Partial log-likelihood for subjects i with linear predictor ηᵢ = xᵢᵀβ, event times tⱼ with
 * dⱼ tied events Dⱼ and risk sets Rⱼ = {i : tᵢ ≥ tⱼ}:
 *
 * - Breslow: ℓ(β) = Σⱼ [ Σ_{i∈Dⱼ} ηᵢ − dⱼ log Σ_{i∈Rⱼ} e^{ηᵢ} ]
 * - Efron:   ℓ(β) = Σⱼ [ Σ_{i∈Dⱼ} ηᵢ − Σ_{k=0}^{dⱼ−1} log( Σ_{i∈Rⱼ} e^{ηᵢ} − (k/dⱼ) Σ_{i∈Dⱼ} e^{ηᵢ} ) ]
 *
 * The score U(β) and information I(β) are accumulated in one pass over the data sorted by time,
 * from the last time backwards, with running sums of e^η, x·e^η and x xᵀ·e^η over the risk set,
 * so each iteration costs O(n p²) after one O(n log n) sort.
 *
 * What is copied from R so that the numbers agree with `coxph()` to ~1e-9:
 * - covariates that are not all in {−1, 0, 1} are centred and scaled by n / Σ|x − x̄| before
 *   iterating (R's `nocenter = c(-1, 0, 1)`);
 * - start at β = 0; Newton steps with step-halving when the log-likelihood decreases
 *   (β_new = (β_new + h·β_old)/(h + 1), h = 1, 2, …);
 * - converged when |1 − ℓ_old/ℓ_new| ≤ eps (default 1e-9), at most `iter.max` (20) iterations;
 * - R's generalised Cholesky (`cholesky2`, tolerance ε^0.75) flags redundant columns (NA in R);
 * - an infinite coefficient is flagged when the next Newton step |U·I⁻¹|ⱼ exceeds both eps and
 *   `toler.inf`·|βⱼ| (toler.inf = √eps), R's "Loglik converged before variable j" warning;
 * - when the iterations run out, survival 3.5-3 reports `iter.max + 1` iterations and the
 *   log-likelihood at the last accepted step; so does this code.
 *
 * Tied times: as R's `timefix = TRUE`, times that differ only in their last ~8 significant digits
 * are one time (`aeqSurv`, src/stats/tied-times.ts, shared with every other estimator).
 * Not copied: strata, weights and offsets.
 *
 * Tests, as in `summary.coxph`: Wald βᵀ V⁻¹ β, likelihood ratio 2(ℓ(β̂) − ℓ(0)), score
 * U(0)ᵀ I(0)⁻¹ U(0), each χ² on p degrees of freedom (p = number of estimable terms).
 * Per term: z = β/SE, p = 2Φ(−|z|), HR = e^β, CI e^{β ± z_{(1+level)/2} SE}.
 *
 * Reference: R `coxph(Surv(time, status) ~ x, ties = "efron")`, survival 3.5-3
 * (Therneau & Grambsch, *Modeling Survival Data*, Springer 2000, ch. 3).
 */
import { indexTimes } from './tied-times.ts';
import { chiSquareUpperTail, normalQuantile, normalTwoSidedP } from './special.ts';
import { InputError, checkSurvivalData, eventToNumber, type EventFlag } from './validate.ts';

/** Handling of tied event times: Efron's approximation (R's default) or Breslow's (Stata's). */
export type Ties = 'efron' | 'breslow';

/** Options for {@link coxph}; the defaults are those of R's `coxph.control()`. */
export interface CoxOptions {
  /** Tie handling, default `'efron'` as in R. */
  readonly ties?: Ties;
  /** Confidence level of the hazard-ratio intervals, default 0.95. */
  readonly confLevel?: number;
  /** Maximum number of Newton–Raphson iterations, default 20 (R's `iter.max`). */
  readonly maxIter?: number;
  /** Convergence criterion on the relative change of the log-likelihood, default 1e-9 (R's `eps`). */
  readonly eps?: number;
}

/**
 * One coefficient of a Cox model. Numbers are `null` when the term cannot be estimated:
 * redundant (collinear or constant), infinite (monotone likelihood), no events, or no convergence;
 * the reason is in {@link CoxFit.problems}.
 */
export interface CoxTerm {
  readonly term: string;
  /** log hazard ratio β. */
  readonly coef: number | null;
  /** Standard error of β from the inverse information matrix. */
  readonly se: number | null;
  /** Hazard ratio e^β. */
  readonly hr: number | null;
  /** Lower confidence limit of the hazard ratio, e^{β − z·SE}. */
  readonly lower: number | null;
  /** Upper confidence limit of the hazard ratio, e^{β + z·SE}. */
  readonly upper: number | null;
  /** Wald z = β/SE. */
  readonly z: number | null;
  /** Two-sided Wald p-value 2Φ(−|z|). */
  readonly p: number | null;
}

/** A χ² test of all terms at once; `null` statistic and p when the test is not meaningful. */
export interface CoxTest {
  readonly statistic: number | null;
  readonly df: number;
  readonly p: number | null;
}

/** The fitted model, JSON-serialisable. */
export interface CoxFit {
  readonly ties: Ties;
  readonly confLevel: number;
  /** Number of observations used. */
  readonly n: number;
  /** Number of events. */
  readonly nEvent: number;
  readonly terms: readonly CoxTerm[];
  /** Partial log-likelihood at β = 0 and at the estimate (R's `fit$loglik`). */
  readonly loglik: readonly [number, number];
  /** Wald test; `null` statistic when a coefficient is infinite or the fit did not converge. */
  readonly wald: CoxTest;
  /** Likelihood-ratio test 2(ℓ(β̂) − ℓ(0)); `null` statistic when the fit did not converge. */
  readonly likelihoodRatio: CoxTest;
  /** Score (log-rank type) test at β = 0. */
  readonly score: CoxTest;
  /** Newton–Raphson iterations used (R's `fit$iter`). */
  readonly iterations: number;
  /** False when the iteration limit was reached first. */
  readonly converged: boolean;
  /** Problems in plain words (empty when the fit is clean). */
  readonly problems: readonly string[];
  /** Variance–covariance matrix of β; rows and columns of terms that could not be estimated are null. */
  readonly variance: readonly (readonly (number | null)[])[];
}

const DEFAULT_EPS = 1e-9;
const DEFAULT_MAX_ITER = 20;
const TOLER_CHOL = Math.pow(2 ** -52, 0.75);

/**
 * Fits a Cox proportional hazards model (no strata, no weights) like R's `coxph`.
 *
 * ```
 * coxph(time, event, X, ['age', 'sex=male'], { ties: 'efron' })
 * ```
 * Validates its input (finite times ≥ 0, events 0/1/boolean, an n × p matrix of finite numbers,
 * p term names) and throws {@link InputError} with a one-line message otherwise; see
 * {@link coxphCore} for the model and the method.
 *
 * R: `coxph(Surv(time, event) ~ X, ties = "efron")` (survival 3.5-3).
 *
 * @param time follow-up times, ≥ 0
 * @param event 1/true for an event, 0/false for censoring
 * @param X design matrix, one row per subject, one column per term
 * @param termNames a name for each column of X
 */
export function coxph(
  time: readonly number[],
  event: readonly EventFlag[],
  X: readonly (readonly number[])[],
  termNames: readonly string[],
  options: CoxOptions = {},
): CoxFit {
  checkSurvivalData(time, event);
  const n = time.length;
  const p = termNames.length;
  if (p === 0) throw new InputError('no covariates: termNames is empty', undefined, 'termNames');
  if (X.length !== n) throw new InputError(`X has ${X.length} rows but time has ${n}`, undefined, 'X');
  const columns = Array.from({ length: p }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const row = X[i];
    if (!Array.isArray(row) || row.length !== p) {
      throw new InputError(`X row ${i + 1} has ${Array.isArray(row) ? row.length : 0} values but there are ${p} term names`, i + 1, 'X');
    }
    for (let k = 0; k < p; k++) {
      const v = row[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InputError(`invalid ${termNames[k]} at row ${i + 1}: ${String(v)}`, i + 1, termNames[k]);
      }
      columns[k][i] = v;
    }
  }
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) status[i] = eventToNumber(event[i]);
  return coxphCore(time, status, columns, termNames, checkCoxOptions(options));
}

/** Validates {@link CoxOptions} (throws {@link InputError}); shared with `coxModel`. */
export function checkCoxOptions(options: CoxOptions): CoxOptions {
  const { ties, confLevel, maxIter, eps } = options;
  if (ties !== undefined && ties !== 'efron' && ties !== 'breslow') {
    throw new InputError(`invalid ties: ${String(ties)} (expected "efron" or "breslow")`, undefined, 'ties');
  }
  if (confLevel !== undefined && !(typeof confLevel === 'number' && confLevel > 0 && confLevel < 1)) {
    throw new InputError(`invalid confLevel: ${String(confLevel)} (expected a number between 0 and 1)`, undefined, 'confLevel');
  }
  if (maxIter !== undefined && !(Number.isInteger(maxIter) && maxIter >= 1)) {
    throw new InputError(`invalid maxIter: ${String(maxIter)} (expected a whole number ≥ 1)`, undefined, 'maxIter');
  }
  if (eps !== undefined && !(typeof eps === 'number' && eps > 0 && eps < 1)) {
    throw new InputError(`invalid eps: ${String(eps)} (expected a number between 0 and 1)`, undefined, 'eps');
  }
  return options;
}

/**
 * The Cox fit itself; trusts its input (no checks).
 *
 * @param time follow-up times (finite, ≥ 0)
 * @param status 1 for an event, 0 for censoring
 * @param columns the design matrix by column: p arrays of n finite numbers
 * @param termNames p names
 */
export function coxphCore(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  columns: readonly ArrayLike<number>[],
  termNames: readonly string[],
  options: CoxOptions = {},
): CoxFit {
  const ties: Ties = options.ties ?? 'efron';
  const confLevel = options.confLevel ?? 0.95;
  const maxIter = options.maxIter ?? DEFAULT_MAX_ITER;
  const eps = options.eps ?? DEFAULT_EPS;
  const tolerInf = Math.sqrt(eps);
  const n = time.length;
  const p = columns.length;

  const sorted = sortByTime(time, status, columns);
  const nEvent = sorted.nEvent;
  if (nEvent === 0) return noEventFit(ties, confLevel, n, termNames);

  const fit = newtonRaphson(sorted, ties === 'efron', maxIter, eps);
  const { beta, u, imat } = fit;
  const converged = fit.flag !== 1000;

  // Post-processing as in R's coxph.fit: redundant columns, infinite coefficients.
  // R checks this only when the rank is below p; a zero variance marks a redundant column in
  // any case (the generalised Cholesky zeroes its row), also when the fit did not converge.
  const singular = new Array<boolean>(p).fill(false);
  for (let i = 0; i < p; i++) singular[i] = imat[i * p + i] === 0;
  const infinite = new Array<boolean>(p).fill(false);
  if (converged) {
    for (let j = 0; j < p; j++) {
      let step = 0;
      for (let i = 0; i < p; i++) step += u[i] * imat[i * p + j];
      step = Math.abs(step);
      infinite[j] = !singular[j] && (!Number.isFinite(u[j]) || (step > eps && step > tolerInf * Math.abs(beta[j])));
    }
  }

  const problems: string[] = [];
  for (let j = 0; j < p; j++) {
    if (!singular[j]) continue;
    problems.push(isConstant(columns[j])
      ? `"${termNames[j]}" is the same for every patient, so it has no effect to estimate (R reports NA).`
      : `"${termNames[j]}" is redundant: it is a linear combination of the other terms, so it was left out (R reports NA).`);
  }
  for (let j = 0; j < p; j++) {
    if (infinite[j]) problems.push(infiniteMessage(termNames[j], columns[j], status));
  }
  if (!converged) {
    // Which estimates were still moving: the Newton step that would come next, |U·V|ⱼ.
    const moving: number[] = [];
    for (let j = 0; j < p; j++) {
      let step = 0;
      for (let i = 0; i < p; i++) step += u[i] * imat[i * p + j];
      if (!singular[j] && !(Math.abs(step) <= eps || Math.abs(step) <= tolerInf * Math.abs(beta[j]))) moving.push(j);
    }
    // A 0/1 column whose events all fall on one side explains the runaway estimate.
    const explained = moving.filter((j) => binaryEventPattern(columns[j], status) !== null);
    for (const j of explained) problems.push(infiniteMessage(termNames[j], columns[j], status));
    const unexplained = moving.filter((j) => !explained.includes(j)).map((j) => `"${termNames[j]}"`);
    problems.push(unexplained.length > 0
      ? `The fit did not converge in ${maxIter} iterations: the estimate for ${unexplained.join(', ')} was still changing, which usually means it is unbounded (monotone likelihood), so no estimates are reported.`
      : `The fit did not converge in ${maxIter} iterations, so no estimates are reported.`);
  }

  const z = normalQuantile((1 + confLevel) / 2);
  const omitted = (j: number) => singular[j] || infinite[j] || !converged;
  const terms: CoxTerm[] = termNames.map((term, j) => {
    if (omitted(j)) return nullTerm(term);
    const coef = beta[j];
    const se = Math.sqrt(imat[j * p + j]);
    const zj = coef / se;
    return { term, coef, se, hr: Math.exp(coef), lower: Math.exp(coef - z * se), upper: Math.exp(coef + z * se), z: zj, p: normalTwoSidedP(zj) };
  });

  const kept: number[] = [];
  for (let j = 0; j < p; j++) if (!singular[j]) kept.push(j);
  const df = kept.length;
  const anyInfinite = infinite.some(Boolean);

  const waldStatistic = converged && !anyInfinite && df > 0 ? waldTest(imat, beta, kept, p) : null;
  const lrStatistic = converged ? 2 * (fit.loglik[1] - fit.loglik[0]) : null;
  const variance = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => (omitted(i) || omitted(j) ? null : imat[i * p + j])));

  return {
    ties,
    confLevel,
    n,
    nEvent,
    terms,
    loglik: [fit.loglik[0], fit.loglik[1]],
    wald: chiSquareTest(waldStatistic, df),
    likelihoodRatio: chiSquareTest(lrStatistic, df),
    score: chiSquareTest(df > 0 ? fit.score : null, df),
    iterations: fit.iterations,
    converged,
    problems,
    variance,
  };
}

function chiSquareTest(statistic: number | null, df: number): CoxTest {
  if (statistic === null || !Number.isFinite(statistic) || df === 0) return { statistic: null, df, p: null };
  return { statistic, df, p: chiSquareUpperTail(statistic, df) };
}

function nullTerm(term: string): CoxTerm {
  return { term, coef: null, se: null, hr: null, lower: null, upper: null, z: null, p: null };
}

function noEventFit(ties: Ties, confLevel: number, n: number, termNames: readonly string[]): CoxFit {
  const p = termNames.length;
  return {
    ties,
    confLevel,
    n,
    nEvent: 0,
    terms: termNames.map(nullTerm),
    loglik: [0, 0],
    wald: { statistic: null, df: 0, p: null },
    likelihoodRatio: { statistic: null, df: 0, p: null },
    score: { statistic: null, df: 0, p: null },
    iterations: 0,
    converged: true,
    problems: ['There are no events, so no hazard ratio can be estimated.'],
    variance: Array.from({ length: p }, () => new Array<number | null>(p).fill(null)),
  };
}

function isConstant(x: ArrayLike<number>): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}

/**
 * For a 0/1 column: `'none'` when no event has x = 1, `'all'` when every event has x = 1,
 * otherwise (or for other columns) `null`.
 */
function binaryEventPattern(x: ArrayLike<number>, status: ArrayLike<number>): 'none' | 'all' | null {
  let eventsIn = 0;
  let eventsOut = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== 0 && x[i] !== 1) return null;
    if (status[i] === 1) {
      if (x[i] === 1) eventsIn++;
      else eventsOut++;
    }
  }
  if (eventsIn === 0) return 'none';
  if (eventsOut === 0) return 'all';
  return null;
}

/** Explains an infinite coefficient; for a 0/1 column it says which group lacks events. */
function infiniteMessage(term: string, x: ArrayLike<number>, status: ArrayLike<number>): string {
  const pattern = binaryEventPattern(x, status);
  if (pattern === 'none') {
    return `The estimate for "${term}" is unbounded: no event occurred in this group (monotone likelihood), so its hazard ratio cannot be estimated.`;
  }
  if (pattern === 'all') {
    return `The estimate for "${term}" is unbounded: every event is in one group (monotone likelihood), so its hazard ratio cannot be estimated.`;
  }
  return `The estimate for "${term}" is unbounded: the likelihood keeps increasing as its coefficient grows (monotone likelihood), so its hazard ratio cannot be estimated.`;
}

/** Wald statistic bᵀ V⁻ b over the estimable terms, as R's `coxph.wtest` (generalised Cholesky). */
function waldTest(variance: Float64Array, beta: Float64Array, kept: readonly number[], p: number): number {
  const q = kept.length;
  const m = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) m[a * q + b] = variance[kept[a] * p + kept[b]];
  const b = Float64Array.from(kept, (j) => beta[j]);
  const solved = Float64Array.from(b);
  cholesky2(m, q, TOLER_CHOL);
  chsolve2(m, q, solved);
  let test = 0;
  for (let a = 0; a < q; a++) test += b[a] * solved[a];
  return test;
}

// ---------------------------------------------------------------------------------------------
// Sorting and the Newton–Raphson kernel (a port of survival's coxfit6.c)

interface SortedData {
  readonly n: number;
  readonly p: number;
  /** covariates, sorted by time, centred and scaled, column-major: x[k*n + i] */
  readonly x: Float64Array;
  readonly status: Uint8Array;
  /** start index of each run of tied times (ascending), plus n at the end */
  readonly groupStart: Int32Array;
  readonly nGroups: number;
  readonly scale: Float64Array;
  readonly nEvent: number;
}

/**
 * Stable sort by time: the times are merged and ranked by {@link indexTimes} (tied-times.ts, R's
 * `aeqSurv`, the one tie rule of every estimator here), then subjects are placed by counting sort.
 */
function sortByTime(time: ArrayLike<number>, status: ArrayLike<number>, columns: readonly ArrayLike<number>[]): SortedData {
  const n = time.length;
  const p = columns.length;
  const { times, index: rank } = indexTimes(time);
  const m = times.length;
  const groupStart = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) groupStart[rank[i] + 1]++;
  for (let g = 0; g < m; g++) groupStart[g + 1] += groupStart[g];
  const next = groupStart.slice(0, m);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[rank[i]]++] = i;

  const x = new Float64Array(n * p);
  const st = new Uint8Array(n);
  let nEvent = 0;
  for (let i = 0; i < n; i++) {
    const s = status[order[i]] === 1 ? 1 : 0;
    st[i] = s;
    nEvent += s;
  }
  const scale = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const col = columns[k];
    const off = k * n;
    let zeroOne = true;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = col[order[i]];
      x[off + i] = v;
      sum += v;
      if (v !== 0 && v !== 1 && v !== -1) zeroOne = false;
    }
    // R centres and scales every column except those within {-1, 0, 1} (coxph's nocenter).
    if (zeroOne) {
      scale[k] = 1;
      continue;
    }
    const mean = sum / n;
    let abs = 0;
    for (let i = 0; i < n; i++) {
      x[off + i] -= mean;
      abs += Math.abs(x[off + i]);
    }
    const s = abs > 0 ? n / abs : 1;
    scale[k] = s;
    for (let i = 0; i < n; i++) x[off + i] *= s;
  }
  return { n, p, x, status: st, groupStart, nGroups: m, scale, nEvent };
}

interface Workspace {
  readonly u: Float64Array;
  readonly imat: Float64Array;
  readonly a: Float64Array;
  readonly a2: Float64Array;
  readonly cmat: Float64Array;
  readonly cmat2: Float64Array;
  readonly eta: Float64Array;
}

/**
 * Log partial likelihood, score `u` and information `imat` (upper triangle, imat[j*p+i] for j ≤ i)
 * at `beta`; one backward pass over the tie groups (coxfit6_iter).
 */
function iterate(d: SortedData, efron: boolean, beta: Float64Array, w: Workspace): number {
  const { n, p, x, status, groupStart, nGroups } = d;
  const { u, imat, a, a2, cmat, cmat2, eta } = w;
  u.fill(0); imat.fill(0); a.fill(0); a2.fill(0); cmat.fill(0); cmat2.fill(0);
  eta.fill(0);
  for (let k = 0; k < p; k++) {
    const bk = beta[k];
    if (bk === 0) continue;
    const off = k * n;
    for (let i = 0; i < n; i++) eta[i] += bk * x[off + i];
  }
  if (p === 1) return iterateOne(d, efron, w);
  let loglik = 0;
  let denom = 0;
  for (let g = nGroups - 1; g >= 0; g--) {
    let ndead = 0;
    let denom2 = 0;
    for (let person = groupStart[g + 1] - 1; person >= groupStart[g]; person--) {
      const zbeta = eta[person];
      const risk = Math.exp(zbeta);
      if (status[person] === 0) {
        denom += risk;
        for (let i = 0; i < p; i++) {
          const xi = x[i * n + person];
          a[i] += risk * xi;
          for (let j = 0; j <= i; j++) cmat[i * p + j] += risk * xi * x[j * n + person];
        }
      } else {
        ndead++;
        denom2 += risk;
        loglik += zbeta;
        for (let i = 0; i < p; i++) {
          const xi = x[i * n + person];
          u[i] += xi;
          a2[i] += risk * xi;
          for (let j = 0; j <= i; j++) cmat2[i * p + j] += risk * xi * x[j * n + person];
        }
      }
    }
    if (ndead === 0) continue;
    if (!efron || ndead === 1) {
      denom += denom2;
      loglik -= ndead * Math.log(denom);
      for (let i = 0; i < p; i++) {
        a[i] += a2[i];
        const temp2 = a[i] / denom;
        u[i] -= ndead * temp2;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j] += cmat2[i * p + j];
          imat[j * p + i] += (ndead * (cmat[i * p + j] - temp2 * a[j])) / denom;
        }
      }
    } else {
      // Efron: the tied deaths leave the risk set a fraction 1/ndead at a time.
      const wtave = 1; // deadwt / ndead with unit weights
      for (let k = 0; k < ndead; k++) {
        denom += denom2 / ndead;
        loglik -= wtave * Math.log(denom);
        for (let i = 0; i < p; i++) {
          a[i] += a2[i] / ndead;
          const temp2 = a[i] / denom;
          u[i] -= wtave * temp2;
          for (let j = 0; j <= i; j++) {
            cmat[i * p + j] += cmat2[i * p + j] / ndead;
            imat[j * p + i] += (wtave * (cmat[i * p + j] - temp2 * a[j])) / denom;
          }
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  return loglik;
}

/** {@link iterate} specialised to one covariate (the common case, and the 1e6-row benchmark). */
function iterateOne(d: SortedData, efron: boolean, w: Workspace): number {
  const { x, status, groupStart, nGroups } = d;
  const { u, imat, eta } = w;
  let loglik = 0;
  let denom = 0;
  let a = 0;
  let cmat = 0;
  let uu = 0;
  let info = 0;
  for (let g = nGroups - 1; g >= 0; g--) {
    let ndead = 0;
    let denom2 = 0;
    let a2 = 0;
    let cmat2 = 0;
    for (let person = groupStart[g + 1] - 1; person >= groupStart[g]; person--) {
      const zbeta = eta[person];
      const risk = Math.exp(zbeta);
      const xi = x[person];
      if (status[person] === 0) {
        denom += risk;
        a += risk * xi;
        cmat += risk * xi * xi;
      } else {
        ndead++;
        denom2 += risk;
        loglik += zbeta;
        uu += xi;
        a2 += risk * xi;
        cmat2 += risk * xi * xi;
      }
    }
    if (ndead === 0) continue;
    if (!efron || ndead === 1) {
      denom += denom2;
      loglik -= ndead * Math.log(denom);
      a += a2;
      const temp2 = a / denom;
      uu -= ndead * temp2;
      cmat += cmat2;
      info += (ndead * (cmat - temp2 * a)) / denom;
    } else {
      for (let k = 0; k < ndead; k++) {
        denom += denom2 / ndead;
        loglik -= Math.log(denom);
        a += a2 / ndead;
        const temp2 = a / denom;
        uu -= temp2;
        cmat += cmat2 / ndead;
        info += (cmat - temp2 * a) / denom;
      }
    }
  }
  u[0] = uu;
  imat[0] = info;
  return loglik;
}

interface NewtonResult {
  /** coefficients on the original scale */
  readonly beta: Float64Array;
  /** score at the final estimate, original scale */
  readonly u: Float64Array;
  /** inverse information (variance) at the final estimate, original scale, full symmetric */
  readonly imat: Float64Array;
  readonly loglik: readonly [number, number];
  readonly score: number;
  readonly iterations: number;
  /** rank of the information matrix, or 1000 when the iteration limit was reached */
  readonly flag: number;
}

/** Newton–Raphson with step-halving: the main loop of coxfit6.c. */
function newtonRaphson(d: SortedData, efron: boolean, maxIter: number, eps: number): NewtonResult {
  const { p, scale } = d;
  const w: Workspace = {
    u: new Float64Array(p),
    imat: new Float64Array(p * p),
    a: new Float64Array(p),
    a2: new Float64Array(p),
    cmat: new Float64Array(p * p),
    cmat2: new Float64Array(p * p),
    eta: new Float64Array(d.n),
  };
  const { u, imat } = w;
  const beta = new Float64Array(p);
  const newbeta = new Float64Array(p);

  const loglik0 = iterate(d, efron, beta, w);
  let best = loglik0;
  const step = Float64Array.from(u);
  let flag = cholesky2(imat, p, TOLER_CHOL);
  chsolve2(imat, p, step);
  let score = 0;
  for (let i = 0; i < p; i++) score += u[i] * step[i];
  for (let i = 0; i < p; i++) newbeta[i] = beta[i] + step[i];

  let halving = 0;
  let iter = 1;
  for (; iter <= maxIter; iter++) {
    const newlk = iterate(d, efron, newbeta, w);
    flag = cholesky2(imat, p, TOLER_CHOL);
    let finite = Number.isFinite(newlk);
    for (let i = 0; i < p && finite; i++) {
      if (!Number.isFinite(u[i])) finite = false;
      for (let j = 0; j < p; j++) if (!Number.isFinite(imat[i * p + j])) finite = false;
    }
    if (finite && Math.abs(1 - best / newlk) <= eps) {
      chinv2(imat, p);
      return finish(newbeta, u, imat, scale, [loglik0, newlk], score, iter, flag);
    }
    if (!finite || newlk < best) {
      halving++;
      for (let i = 0; i < p; i++) newbeta[i] = (newbeta[i] + halving * beta[i]) / (halving + 1);
    } else {
      halving = 0;
      best = newlk;
      chsolve2(imat, p, u);
      for (let i = 0; i < p; i++) {
        beta[i] = newbeta[i];
        newbeta[i] = newbeta[i] + u[i];
      }
    }
  }
  // Out of iterations (survival 3.5-3 then reports iter = maxIter + 1): R recomputes u and imat
  // at the last accepted beta (with one iteration allowed it keeps the initial log-likelihood).
  const last = maxIter > 1 ? iterate(d, efron, beta, w) : best;
  if (maxIter > 1) cholesky2(imat, p, TOLER_CHOL);
  chinv2(imat, p);
  return finish(beta, u, imat, scale, [loglik0, last], score, iter, 1000);
}

function finish(
  scaledBeta: Float64Array,
  u: Float64Array,
  imat: Float64Array,
  scale: Float64Array,
  loglik: [number, number],
  score: number,
  iterations: number,
  flag: number,
): NewtonResult {
  const p = scale.length;
  const beta = new Float64Array(p);
  const score1 = new Float64Array(p);
  const variance = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    beta[i] = scaledBeta[i] * scale[i];
    score1[i] = u[i] / scale[i];
    // chinv2 leaves the inverse in the upper triangle (imat[i*p+j], i ≤ j)
    for (let j = i; j < p; j++) {
      const v = imat[i * p + j] * scale[i] * scale[j];
      variance[i * p + j] = v;
      variance[j * p + i] = v;
    }
  }
  return { beta, u: score1, imat: variance, loglik, score, iterations, flag };
}

// ---------------------------------------------------------------------------------------------
// survival's generalised Cholesky routines (cholesky2.c, chsolve2.c, chinv2.c) on a flat p×p
// array, m[i*p + j] standing for matrix[i][j] in the C code.

/** FDFᵀ decomposition in the lower triangle; redundant columns get a zero pivot. Returns the rank. */
function cholesky2(m: Float64Array, n: number, toler: number): number {
  let nonneg = 1;
  let eps = 0;
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] > eps) eps = m[i * n + i];
    for (let j = i + 1; j < n; j++) m[j * n + i] = m[i * n + j];
  }
  if (eps === 0) return 0;
  eps *= toler;
  let rank = 0;
  for (let i = 0; i < n; i++) {
    const pivot = m[i * n + i];
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[i * n + i] = 0;
      if (pivot < -8 * eps) nonneg = -1;
    } else {
      rank++;
      for (let j = i + 1; j < n; j++) {
        const temp = m[j * n + i] / pivot;
        m[j * n + i] = temp;
        m[j * n + j] -= temp * temp * pivot;
        for (let k = j + 1; k < n; k++) m[k * n + j] -= temp * m[k * n + i];
      }
    }
  }
  return rank * nonneg;
}

/** Solves (FDFᵀ) b = y in place. */
function chsolve2(m: Float64Array, n: number, y: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let temp = y[i];
    for (let j = 0; j < i; j++) temp -= y[j] * m[i * n + j];
    y[i] = temp;
  }
  for (let i = n - 1; i >= 0; i--) {
    if (m[i * n + i] === 0) y[i] = 0;
    else {
      let temp = y[i] / m[i * n + i];
      for (let j = i + 1; j < n; j++) temp -= y[j] * m[j * n + i];
      y[i] = temp;
    }
  }
}

/** Inverse from the decomposition: upper triangle and diagonal receive (FDFᵀ)⁻¹. */
function chinv2(m: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] > 0) {
      m[i * n + i] = 1 / m[i * n + i];
      for (let j = i + 1; j < n; j++) {
        m[j * n + i] = -m[j * n + i];
        for (let k = 0; k < i; k++) m[j * n + k] += m[j * n + i] * m[i * n + k];
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] === 0) {
      for (let j = 0; j < i; j++) m[j * n + i] = 0;
      for (let j = i; j < n; j++) m[i * n + j] = 0;
    } else {
      for (let j = i + 1; j < n; j++) {
        const temp = m[j * n + i] * m[j * n + j];
        if (j !== i) m[i * n + j] = temp;
        for (let k = i; k < j; k++) m[i * n + k] += temp * m[j * n + k];
      }
    }
  }
}
