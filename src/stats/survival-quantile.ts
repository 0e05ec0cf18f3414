/**
 * Quantiles of a Kaplan–Meier curve (median survival and the quartiles) with confidence
 * intervals, transcribing R's `quantile.survfit` (survival 3.5), tolerance rules included.
 */
import type { KaplanMeierFit } from './kaplan-meier.ts';
import { SQRT_EPSILON } from './tied-times.ts';
import { InputError } from './validate.ts';

/** A quantile of the survival distribution with its confidence limits; `null` when not reached. */
export interface SurvivalQuantile {
  /** Probability on the 1 − S scale: 0.5 is the median, 0.25 the time where S first drops to ≤ 0.75. */
  readonly p: number;
  readonly est: number | null;
  /** From the lower confidence curve (it reaches 1 − p first, so this is the earlier time). */
  readonly lower: number | null;
  /** From the upper confidence curve; `null` when it never drops to 1 − p (an open interval). */
  readonly upper: number | null;
}

/** The three quartiles of survival time: S = 0.75, 0.5 and 0.25. */
export interface SurvivalQuartiles {
  readonly q25: SurvivalQuantile;
  readonly median: SurvivalQuantile;
  readonly q75: SurvivalQuantile;
}

/**
 * R's `approx(x, y, xout, method = "constant", f = 1, rule = 1)` for one `xout`, over knots whose
 * `x` are sorted ascending and distinct: the `y` of the first knot with x ≥ v; `null` outside.
 */
function approxRight(xs: Float64Array, ys: Float64Array, v: number): number | null {
  const m = xs.length;
  if (m === 0 || v < xs[0] || v > xs[m - 1]) return null;
  let i = 0;
  let j = m - 1;
  while (i < j - 1) {
    const ij = (i + j) >> 1;
    if (v < xs[ij]) j = ij;
    else i = ij;
  }
  if (v === xs[j]) return ys[j];
  if (v === xs[i]) return ys[i];
  return ys[j];
}

/**
 * Knots (y[i] + shift, i + 1) over the non-missing y, sorted by x, with tied x collapsed to the
 * mean of their indices: R's `regularize.values(ties = mean)` inside `approx`.
 */
function knots(y: readonly (number | null)[], shift: number): { xs: Float64Array; ys: Float64Array } {
  const pts: { x: number; i: number }[] = [];
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v !== null) pts.push({ x: v + shift, i: i + 1 });
  }
  // Stable sort, as R's order(); the y values are usually already ascending.
  pts.sort((a, b) => a.x - b.x);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let a = 0; a < pts.length; ) {
    let b = a;
    let sum = 0;
    while (b < pts.length && pts[b].x === pts[a].x) sum += pts[b++].i;
    xs.push(pts[a].x);
    ys.push(sum / (b - a));
    a = b;
  }
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}

/**
 * R's `survival:::findq(x, y, p, tol)`: for the curve y = 1 − S(x) (with (firstx, 0) prepended),
 * the first x where y reaches p; when y is within `tol` of p on a flat stretch, the midpoint of
 * that stretch (and the midpoint to the last time when the curve ends on it).
 */
export function findQuantiles(x: readonly number[], y: readonly (number | null)[], probs: readonly number[], tol = SQRT_EPSILON): (number | null)[] {
  let ymax = Number.NEGATIVE_INFINITY;
  for (const v of y) if (v !== null && v > ymax) ymax = v;
  if (ymax < Math.min(...probs)) return probs.map(() => null);
  const xmax = x[x.length - 1];
  // duplicated(y): keep the first x of each distinct y (all missing values count as one).
  const seen = new Set<number | null>();
  const xu: number[] = [];
  const yu: (number | null)[] = [];
  for (let i = 0; i < y.length; i++) {
    if (seen.has(y[i])) continue;
    seen.add(y[i]);
    xu.push(x[i]);
    yu.push(y[i]);
  }
  const n = yu.length;
  const plus = knots(yu, tol);
  const minus = knots(yu, -tol);
  // R indexes with doubles by truncation; x[NA] is NA.
  const at = (index: number | null): number | null => (index === null ? null : xu[Math.trunc(index) - 1] ?? null);
  const last = yu[n - 1];
  return probs.map((p) => {
    const x1 = at(approxRight(plus.xs, plus.ys, p));
    const x2 = at(approxRight(minus.xs, minus.ys, p));
    let q = x1 === null || x2 === null ? null : (x1 + x2) / 2;
    if (p === 0) q = xu[0];
    if (last !== null && Math.abs(p - last) < tol) q = x1 === null ? null : (x1 + xmax) / 2;
    return q;
  });
}

/** {@link survivalQuantile} for several probabilities at once, without input checks. */
export function survivalQuantilesCore(fit: KaplanMeierFit, probs: readonly number[], tol = SQRT_EPSILON): SurvivalQuantile[] {
  const x = [0, ...fit.time];
  const curve = (values: readonly (number | null)[]): (number | null)[] => [0, ...values.map((v) => (v === null ? null : 1 - v))];
  const est = findQuantiles(x, curve(fit.surv), probs, tol);
  const lower = findQuantiles(x, curve(fit.lower), probs, tol);
  const upper = findQuantiles(x, curve(fit.upper), probs, tol);
  return probs.map((p, i) => ({ p, est: est[i], lower: lower[i], upper: upper[i] }));
}

function checkProbability(p: unknown): asserts p is number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new InputError(`invalid probability: ${String(p)} (must be between 0 and 1)`, undefined, 'p');
  }
}

/**
 * The p-th quantile of survival time, the first t where 1 − S(t) ≥ p (so p = 0.5 is the median,
 * the first t with S(t) ≤ 0.5), with the confidence interval read off the lower and upper
 * pointwise confidence curves the same way (Brookmeyer & Crowley, Biometrics 1982, as R).
 *
 * Ties with the tolerance of R, √ε: where S equals 1 − p (within √ε) over a flat stretch, the
 * estimate is the midpoint of that stretch; if the curve ends on it, the midpoint between its
 * start and the last observed time. A curve that never reaches 1 − p gives `null`.
 *
 * R: `quantile(fit, probs = p)` (`survival:::quantile.survfit`, survival 3.5).
 */
export function survivalQuantile(fit: KaplanMeierFit, p: number): SurvivalQuantile {
  checkProbability(p);
  return survivalQuantilesCore(fit, [p])[0];
}

/**
 * Median survival and the quartiles, with confidence intervals: R's
 * `quantile(fit, probs = c(0.25, 0.5, 0.75))`. `q25` is where S first drops to ≤ 0.75,
 * `q75` where it drops to ≤ 0.25.
 */
export function survivalQuartiles(fit: KaplanMeierFit): SurvivalQuartiles {
  const [q25, median, q75] = survivalQuantilesCore(fit, [0.25, 0.5, 0.75]);
  return { q25, median, q75 };
}
