/**
 * The log-rank test comparing survival in k ≥ 2 groups, as R's `survdiff` (rho = 0).
 */
import { chiSquareUpperTail } from './special.ts';
import { indexTimes } from './tied-times.ts';
import { checkSurvivalData, encodeTestGroups } from './validate.ts';
import type { EventFlag, GroupLabel } from './validate.ts';

/** Options of {@link logRank}. */
export interface LogRankOptions {
  /** Group order (and the labels allowed). Default: the observed labels, sorted. */
  readonly levels?: readonly GroupLabel[];
}

/** Result of a k-group log-rank test. All per-group arrays follow `groups`. */
export interface LogRankResult {
  readonly groups: readonly string[];
  /** Patients per group. */
  readonly n: readonly number[];
  /** Observed events O_g. */
  readonly observed: readonly number[];
  /** Expected events E_g = Σ_j d_j n_gj / n_j. */
  readonly expected: readonly number[];
  /** k×k covariance matrix V of O − E (R's `survdiff(...)$var`). */
  readonly variance: readonly (readonly number[])[];
  /** χ² = Uᵀ V⁻ U over the groups with E > 0, dropping the first of them. */
  readonly chisq: number;
  /** Degrees of freedom: (number of groups with E > 0) − 1, as R; k − 1 in the usual case. */
  readonly df: number;
  /** P(χ²_df ≥ chisq); `null` when df < 1 (no test possible: too few groups with patients at risk at an event). */
  readonly p: number | null;
}

/** Core output of {@link logRankCore}: the statistic without labels. */
export interface LogRankStatistic {
  readonly n: number[];
  readonly observed: number[];
  readonly expected: number[];
  readonly variance: number[][];
  readonly chisq: number;
  readonly df: number;
  readonly p: number | null;
}

/** Tolerance of the Cholesky decomposition, survival's `toler.chol` = ε^0.75. */
const CHOLESKY_TOLERANCE = Math.pow(2.220446049250313e-16, 0.75);

/**
 * Uᵀ V⁻ U for a symmetric non-negative definite V, with a generalized inverse: an LDLᵀ
 * decomposition that zeroes pivots below tolerance (survival's `cholesky2` + `chsolve2`), so a
 * singular V (e.g. every patient at risk dies at each event time) gives a finite statistic.
 */
export function quadraticFormGeneralizedInverse(u: readonly number[], v: readonly (readonly number[])[]): number {
  const m = u.length;
  const a = v.map((row) => [...row]);
  let eps = 0;
  for (let i = 0; i < m; i++) if (a[i][i] > eps) eps = a[i][i];
  eps = eps === 0 ? CHOLESKY_TOLERANCE : eps * CHOLESKY_TOLERANCE;
  for (let i = 0; i < m; i++) {
    const pivot = a[i][i];
    if (!Number.isFinite(pivot) || pivot < eps) {
      a[i][i] = 0;
      continue;
    }
    for (let j = i + 1; j < m; j++) {
      const temp = a[j][i] / pivot;
      a[j][i] = temp;
      a[j][j] -= temp * temp * pivot;
      for (let k = j + 1; k < m; k++) a[k][j] -= temp * a[k][i];
    }
  }
  const y = [...u];
  for (let i = 0; i < m; i++) {
    let temp = y[i];
    for (let j = 0; j < i; j++) temp -= y[j] * a[i][j];
    y[i] = temp;
  }
  for (let i = m - 1; i >= 0; i--) {
    if (a[i][i] === 0) y[i] = 0;
    else {
      let temp = y[i] / a[i][i];
      for (let j = i + 1; j < m; j++) temp -= y[j] * a[j][i];
      y[i] = temp;
    }
  }
  let chisq = 0;
  for (let i = 0; i < m; i++) chisq += y[i] * u[i];
  return chisq;
}

/**
 * Log-rank statistic for validated data with groups coded 0…k−1 (see {@link logRank}).
 * One sort (O(n log n)), then a pass over the distinct times with typed-array counts.
 */
export function logRankCore(time: ArrayLike<number>, event: ArrayLike<EventFlag | number>, codes: ArrayLike<number>, k: number): LogRankStatistic {
  const nRows = time.length;
  const { times, index } = indexTimes(time);
  const m = times.length;
  // Per (time, group): events and removals (events + censorings).
  const deaths = new Int32Array(m * k);
  const removed = new Int32Array(m * k);
  const risk = new Float64Array(k);
  const observed = new Float64Array(k);
  for (let i = 0; i < nRows; i++) {
    const g = codes[i];
    const cell = index[i] * k + g;
    removed[cell]++;
    risk[g]++;
    if (event[i] === 1 || event[i] === true) {
      deaths[cell]++;
      observed[g]++;
    }
  }
  const n = Array.from(risk);
  const expected = new Float64Array(k);
  const v = new Float64Array(k * k);
  let atRisk = nRows;
  for (let t = 0; t < m; t++) {
    const base = t * k;
    let d = 0;
    for (let g = 0; g < k; g++) d += deaths[base + g];
    if (d > 0) {
      for (let g = 0; g < k; g++) expected[g] += (d * risk[g]) / atRisk;
      if (atRisk > 1) {
        // d(n − d)/(n(n − 1)) · n_g (δ_gh − n_h/n)
        const kt = (d * (atRisk - d)) / (atRisk * (atRisk - 1));
        for (let g = 0; g < k; g++) {
          const tmp = kt * risk[g];
          v[g * k + g] += tmp;
          for (let h = 0; h < k; h++) v[g * k + h] -= (tmp * risk[h]) / atRisk;
        }
      }
    }
    for (let g = 0; g < k; g++) {
      const r = removed[base + g];
      risk[g] -= r;
      atRisk -= r;
    }
  }
  const variance: number[][] = [];
  for (let g = 0; g < k; g++) variance.push(Array.from(v.subarray(g * k, g * k + k)));
  // As survdiff: keep the groups with E > 0, drop the first of those, χ² = Uᵀ V⁻ U.
  const kept: number[] = [];
  for (let g = 0; g < k; g++) if (expected[g] > 0) kept.push(g);
  const df = kept.length - 1;
  let chisq = 0;
  if (kept.length >= 2) {
    const rest = kept.slice(1);
    const u = rest.map((g) => observed[g] - expected[g]);
    const vv = rest.map((g) => rest.map((h) => variance[g][h]));
    chisq = quadraticFormGeneralizedInverse(u, vv);
  }
  const p = df >= 1 ? chiSquareUpperTail(chisq, df) : null;
  return { n, observed: Array.from(observed), expected: Array.from(expected), variance, chisq, df, p };
}

/**
 * Log-rank test of equal survival in k ≥ 2 groups (Mantel 1966; Peto & Peto 1972).
 *
 * At each distinct event time t_j with d_j events among n_j at risk (n_gj in group g):
 * E_g = Σ_j d_j n_gj/n_j, U_g = O_g − E_g,
 * V_gh = Σ_j d_j (n_j − d_j)/(n_j − 1) · (n_gj/n_j)(δ_gh − n_hj/n_j),
 * χ² = Uᵀ V⁻ U over k − 1 groups, df = k − 1, p = P(χ²_df ≥ χ²).
 *
 * As R's `survdiff`, groups with no expected events (no patient at risk at any event time) are
 * left out of the test and reduce df; times within √ε are merged first (`timefix`). Where R
 * would report p for df = 0 (`pchisq(0, 0)` = 1) or NaN for df < 0, this returns `null`.
 *
 * R: `survdiff(Surv(time, status) ~ group, rho = 0)` (survival 3.5).
 */
export function logRank(time: readonly number[], event: readonly EventFlag[], group: readonly GroupLabel[], options: LogRankOptions = {}): LogRankResult {
  checkSurvivalData(time, event, group);
  const { names, codes } = encodeTestGroups(group, options.levels, 'the log-rank test needs');
  const stat = logRankCore(time, event, codes, names.length);
  return { groups: [...names], ...stat };
}
