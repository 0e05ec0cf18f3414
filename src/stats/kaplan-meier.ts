/**
 * Kaplan–Meier estimate of the survival function with Greenwood standard errors and
 * pointwise confidence intervals, as R's `survfit(Surv(time, status) ~ 1)`.
 */
import { normalQuantile } from './special.ts';
import { indexTimes } from './tied-times.ts';
import { checkSurvivalData, InputError } from './validate.ts';
import type { EventFlag } from './validate.ts';

/** Scale on which the pointwise confidence interval is symmetric (R's `conf.type`). */
export type ConfType = 'log' | 'log-log' | 'plain';

/** Options of {@link kaplanMeier}. */
export interface KaplanMeierOptions {
  /** Confidence level of the pointwise intervals, in (0, 1). Default 0.95 (R's `conf.int`). */
  readonly confLevel?: number;
  /** Transformation of the interval. Default `'log'`, as R. */
  readonly confType?: ConfType;
}

/**
 * A Kaplan–Meier fit: one entry per distinct observed time (event or censoring), ascending,
 * exactly the rows of R's `survfit` object.
 */
export interface KaplanMeierFit {
  /** Number of observations. */
  readonly n: number;
  readonly confLevel: number;
  readonly confType: ConfType;
  /** Distinct observed times (near-equal times merged as R's `aeqSurv`), ascending. */
  readonly time: readonly number[];
  /** Number at risk, #(time ≥ tᵢ) (R's `n.risk`). */
  readonly nRisk: readonly number[];
  /** Events at tᵢ (R's `n.event`). */
  readonly nEvent: readonly number[];
  /** Censorings at tᵢ (R's `n.censor`). */
  readonly nCensor: readonly number[];
  /** S(tᵢ) = Π_{tⱼ ≤ tᵢ} (1 − dⱼ/nⱼ). */
  readonly surv: readonly number[];
  /**
   * Greenwood standard error of S itself, S·σ. `null` where S = 0 after everyone at risk died,
   * where Greenwood's formula divides by zero (R: `NaN` in `summary(fit)$std.err`).
   */
  readonly se: readonly (number | null)[];
  /**
   * σ = √Σ dⱼ/[nⱼ(nⱼ − dⱼ)], the standard error of −log S: R's `fit$std.err`.
   * `null` where R has `Inf` (S = 0).
   */
  readonly stdErr: readonly (number | null)[];
  /** Lower pointwise confidence limit; `null` where R gives `NA` (see {@link confidenceLimits}). */
  readonly lower: readonly (number | null)[];
  /** Upper pointwise confidence limit; `null` where R gives `NA`. */
  readonly upper: readonly (number | null)[];
}

const CONF_TYPES: readonly ConfType[] = ['log', 'log-log', 'plain'];

/**
 * Pointwise confidence limits for S, as R's `survival:::survfit_confint` with `logse = TRUE`,
 * where σ is the standard error of −log S and z = Φ⁻¹(1 − (1 − level)/2):
 *
 * - `log`:     S·exp(∓zσ), upper capped at 1; undefined (`null`) where S = 0.
 * - `log-log`: exp(−exp(log(−log S) ∓ zσ/log S)); undefined where S = 0 or S = 1.
 * - `plain`:   S ∓ zσS clipped to [0, 1]; undefined where σ is infinite (S = 0).
 *
 * Returns `[lower, upper]`.
 */
export function confidenceLimits(surv: number, sigma: number, z: number, confType: ConfType): [number | null, number | null] {
  return [limit(surv, sigma, -z, confType), limit(surv, sigma, z, confType)];
}

/** One confidence limit ({@link confidenceLimits}): the lower one for z < 0, the upper one for z > 0. */
function limit(surv: number, sigma: number, z: number, confType: ConfType): number | null {
  let value: number;
  if (confType === 'log') {
    if (surv === 0) return null;
    value = Math.exp(Math.log(surv) + z * sigma);
    if (z > 0 && value > 1) value = 1;
  } else if (confType === 'log-log') {
    if (surv === 0 || surv === 1) return null;
    const logS = Math.log(surv);
    value = Math.exp(-Math.exp(Math.log(-logS) + (z * sigma) / logS));
  } else {
    value = surv + sigma * surv * z;
    if (value < 0) value = 0;
    else if (value > 1) value = 1;
  }
  return Number.isFinite(value) ? value : null;
}

/**
 * Kaplan–Meier fit of data the caller has already validated (see {@link kaplanMeier}).
 *
 * Sorts once ({@link indexTimes}: a radix sort, then linear passes) and works on typed arrays
 * of per-time counts; the only per-row work is counting. `event[i]` is 1 or `true` for an event.
 */
export function kaplanMeierCore(
  time: ArrayLike<number>,
  event: ArrayLike<EventFlag | number>,
  confLevel = 0.95,
  confType: ConfType = 'log',
): KaplanMeierFit {
  const n = time.length;
  const { times, index } = indexTimes(time);
  const m = times.length;
  const events = new Float64Array(m);
  const total = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const j = index[i];
    total[j] += 1;
    const e = event[i];
    if (e === 1 || e === true) events[j] += 1;
  }
  return kaplanMeierFromCounts(n, times, events, total, confLevel, confType);
}

/**
 * Kaplan–Meier fit from per-time counts: distinct times (ascending), the number of events and
 * the number of observations (events + censorings) at each. Used by {@link kaplanMeierCore}.
 */
export function kaplanMeierFromCounts(
  n: number,
  times: ArrayLike<number>,
  events: ArrayLike<number>,
  total: ArrayLike<number>,
  confLevel: number,
  confType: ConfType,
): KaplanMeierFit {
  const m = times.length;
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  // Packed arrays built by push (not new Array(m), which V8 makes holey); they stay unboxed
  // doubles unless a null appears.
  const time: number[] = [];
  const nRisk: number[] = [];
  const nEvent: number[] = [];
  const nCensor: number[] = [];
  const surv: number[] = [];
  const se: (number | null)[] = [];
  const stdErr: (number | null)[] = [];
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  let atRisk = n;
  let s = 1;
  let greenwood = 0;
  for (let j = 0; j < m; j++) {
    const d = events[j];
    time.push(times[j]);
    nRisk.push(atRisk);
    nEvent.push(d);
    nCensor.push(total[j] - d);
    if (d > 0) {
      s *= (atRisk - d) / atRisk;
      // d/[n(n − d)] is +Infinity when everyone at risk dies: R's std.err is Inf there.
      greenwood += d / (atRisk * (atRisk - d));
    }
    const sigma = Math.sqrt(greenwood);
    surv.push(s);
    const seS = sigma * s;
    se.push(Number.isFinite(seS) ? seS : null);
    stdErr.push(Number.isFinite(sigma) ? sigma : null);
    lower.push(limit(s, sigma, -z, confType));
    upper.push(limit(s, sigma, z, confType));
    atRisk -= total[j];
  }
  return { n, confLevel, confType, time, nRisk, nEvent, nCensor, surv, se, stdErr, lower, upper };
}

/** Throws unless `confLevel` is in (0, 1) and `confType` is one of R's supported types. */
export function checkConfOptions(options: KaplanMeierOptions = {}): { confLevel: number; confType: ConfType } {
  const confLevel = options.confLevel ?? 0.95;
  const confType = options.confType ?? 'log';
  if (typeof confLevel !== 'number' || !(confLevel > 0 && confLevel < 1)) {
    throw new InputError(`invalid confLevel: ${String(confLevel)} (must be between 0 and 1)`, undefined, 'confLevel');
  }
  if (!CONF_TYPES.includes(confType)) {
    throw new InputError(`invalid confType: ${JSON.stringify(confType)} (expected ${CONF_TYPES.map((c) => `'${c}'`).join(', ')})`, undefined, 'confType');
  }
  return { confLevel, confType };
}

/**
 * Kaplan–Meier estimate S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ), nᵢ = #(time ≥ tᵢ), with Greenwood's
 * variance Var S = S² Σ dᵢ/[nᵢ(nᵢ − dᵢ)] and pointwise intervals on the `log` (default),
 * `log-log` or `plain` scale ({@link confidenceLimits}).
 *
 * Validates its input (throws {@link InputError}); see {@link kaplanMeierCore} for the worker.
 * Times within √ε of each other are merged first, as R's `timefix = TRUE`.
 *
 * R: `survfit(Surv(time, status) ~ 1, conf.type = "log")` (survival 3.5). Kaplan & Meier, JASA 1958;
 * Greenwood, 1926.
 */
export function kaplanMeier(time: readonly number[], event: readonly EventFlag[], options: KaplanMeierOptions = {}): KaplanMeierFit {
  checkSurvivalData(time, event);
  const { confLevel, confType } = checkConfOptions(options);
  return kaplanMeierCore(time, event, confLevel, confType);
}
