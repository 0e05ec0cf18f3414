/**
 * The Kaplan–Meier curve read off at chosen times, as R's `summary(fit, times = …, extend = TRUE)`.
 */
import { bisectLeft, bisectRight } from 'd3-array';
import type { KaplanMeierFit } from './kaplan-meier.ts';
import { checkTimes, InputError } from './validate.ts';

/** The fitted curve at one requested time. */
export interface SurvivalAtTime {
  /** The requested time t. */
  readonly time: number;
  /** S(t): the estimate at the last fitted time ≤ t (1 before the first). */
  readonly surv: number;
  /** Greenwood standard error of S(t); 0 before the first time, `null` where S has reached 0. */
  readonly se: number | null;
  /** Lower confidence limit at t (1 before the first fitted time, as R's `survfit0`). */
  readonly lower: number | null;
  /** Upper confidence limit at t (1 before the first fitted time). */
  readonly upper: number | null;
  /** Number at risk at t: #(time ≥ t). 0 after the last observation. */
  readonly nRisk: number;
}

/** Index of the last element of the ascending array `x` that is ≤ t, or −1. */
export function lastAtOrBefore(x: ArrayLike<number>, t: number): number {
  return bisectRight(x, t) - 1;
}

/** Index of the first element of the ascending array `x` that is ≥ t, or `x.length`. */
export function firstAtOrAfter(x: ArrayLike<number>, t: number): number {
  return bisectLeft(x, t);
}

/** {@link survivalAt} without input checks. */
export function survivalAtCore(fit: Pick<KaplanMeierFit, 'time' | 'nRisk' | 'surv' | 'se' | 'lower' | 'upper'>, times: readonly number[]): SurvivalAtTime[] {
  return times.map((t) => {
    const j = lastAtOrBefore(fit.time, t);
    const k = firstAtOrAfter(fit.time, t);
    const nRisk = k < fit.time.length ? fit.nRisk[k] : 0;
    if (j < 0) return { time: t, surv: 1, se: 0, lower: 1, upper: 1, nRisk };
    return { time: t, surv: fit.surv[j], se: fit.se[j], lower: fit.lower[j], upper: fit.upper[j], nRisk };
  });
}

/**
 * S(t), its Greenwood SE and confidence limits, and the number at risk, at each requested time,
 * in the order given. S(t) = S(tⱼ) for the last fitted time tⱼ ≤ t (a right-continuous step
 * function); before the first fitted time S = 1 with SE 0 and limits 1 (R prepends this row in
 * `survfit0`); after the last time the last values carry on (R's `extend = TRUE`) and nRisk = 0.
 * nRisk(t) = #(time ≥ t).
 *
 * R: `summary(fit, times = times, extend = TRUE)` (survival 3.5), which also sorts the times.
 */
export function survivalAt(fit: KaplanMeierFit, times: readonly number[]): SurvivalAtTime[] {
  if (!Array.isArray(times)) throw new InputError('times must be an array of numbers', undefined, 'times');
  checkTimes(times, 'times');
  return survivalAtCore(fit, times);
}
