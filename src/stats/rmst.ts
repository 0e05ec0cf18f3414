/**
 * Restricted mean survival time (RMST): the area under the Kaplan–Meier curve up to τ, and the
 * comparison of two groups by difference and ratio, as the survRM2 package (Uno et al. 2014).
 */
import { kaplanMeierCore } from './kaplan-meier.ts';
import type { KaplanMeierFit } from './kaplan-meier.ts';
import { normalQuantile, normalTwoSidedP } from './special.ts';
import { checkSurvivalData, encodeGroups, InputError } from './validate.ts';
import type { EventFlag, GroupLabel } from './validate.ts';

/** Options of {@link rmst} and {@link rmstCompare}. */
export interface RmstOptions {
  /** Confidence level of the intervals, in (0, 1). Default 0.95. */
  readonly confLevel?: number;
}

/** Options of {@link rmstCompare}. */
export interface RmstCompareOptions extends RmstOptions {
  /** The two groups, in order: the difference is first − second, the ratio first / second. */
  readonly levels?: readonly GroupLabel[];
}

/** RMST of one group. */
export interface RmstResult {
  readonly tau: number;
  readonly confLevel: number;
  /** ∫₀^τ S(t) dt. */
  readonly est: number;
  readonly se: number;
  /** est − z·se (normal interval, as survRM2). */
  readonly lower: number;
  readonly upper: number;
}

/** RMST difference between two groups (first − second). */
export interface RmstDifference {
  readonly est: number;
  /** √(se₁² + se₂²). */
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
  /** Two-sided normal p-value of est/se; `null` when est = se = 0. */
  readonly p: number | null;
}

/** RMST ratio (first / second), with inference on the log scale. */
export interface RmstRatio {
  readonly est: number | null;
  /** SE of log(ratio) by the delta method: √(se₁²/est₁² + se₂²/est₂²). */
  readonly seLog: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly p: number | null;
}

/** Two-group RMST comparison. */
export interface RmstComparison {
  readonly tau: number;
  readonly confLevel: number;
  readonly groups: readonly [string, string];
  readonly arms: readonly [RmstResult, RmstResult];
  readonly difference: RmstDifference;
  readonly ratio: RmstRatio;
}

/**
 * RMST and its variance from a Kaplan–Meier fit, transcribing survRM2's `rmst1`:
 * RMST = Σ areas of the rectangles under S up to τ,
 * Var = Σ_{tᵢ ≤ τ} [∫_{tᵢ}^τ S(u) du]² dᵢ/(nᵢ(nᵢ − dᵢ)), with the term taken as 0 when nᵢ = dᵢ.
 */
export function rmstFromFit(fit: KaplanMeierFit, tau: number, confLevel = 0.95): RmstResult {
  let m = 0;
  while (m < fit.time.length && fit.time[m] <= tau) m++;
  // areas[0] = t₀·1, areas[i] = (tᵢ − tᵢ₋₁)·S(tᵢ₋₁), areas[m] = (τ − t_{m−1})·S(t_{m−1}).
  const areas = new Float64Array(m + 1);
  let previousTime = 0;
  let previousSurv = 1;
  for (let i = 0; i <= m; i++) {
    const t = i < m ? fit.time[i] : tau;
    areas[i] = (t - previousTime) * previousSurv;
    if (i < m) {
      previousTime = t;
      previousSurv = fit.surv[i];
    }
  }
  let est = 0;
  for (let i = 0; i <= m; i++) est += areas[i];
  // Σ over times from the last back: tail = ∫_{tᵢ}^τ S.
  let variance = 0;
  let tail = 0;
  for (let i = m - 1; i >= 0; i--) {
    tail += areas[i + 1];
    const n = fit.nRisk[i];
    const d = fit.nEvent[i];
    const w = n - d === 0 ? 0 : d / (n * (n - d));
    variance += tail * tail * w;
  }
  const se = Math.sqrt(variance);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  return { tau, confLevel, est, se, lower: est - z * se, upper: est + z * se };
}

/** {@link rmst} without input checks. */
export function rmstCore(time: ArrayLike<number>, event: ArrayLike<EventFlag | number>, tau: number, confLevel = 0.95): RmstResult {
  return rmstFromFit(kaplanMeierCore(time, event, confLevel, 'log'), tau, confLevel);
}

function checkConfLevel(confLevel: unknown): number {
  const level = confLevel ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new InputError(`invalid confLevel: ${String(level)} (must be between 0 and 1)`, undefined, 'confLevel');
  }
  return level;
}

function checkTau(tau: unknown): asserts tau is number {
  if (typeof tau !== 'number' || !Number.isFinite(tau) || !(tau > 0)) {
    throw new InputError(`invalid tau: ${String(tau)} (must be a positive number)`, undefined, 'tau');
  }
}

function maxOf(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

/**
 * Restricted mean survival time up to τ, RMST(τ) = ∫₀^τ S(t) dt under the Kaplan–Meier curve,
 * with SE from Var = Σ_{tᵢ ≤ τ} [∫_{tᵢ}^τ S(u) du]² dᵢ/(nᵢ(nᵢ − dᵢ)) and a normal interval
 * est ± z·SE. τ must be positive and not beyond the largest follow-up time.
 *
 * R: `survRM2::rmst2` (its `rmst1`); the same numbers as survival's
 * `summary(survfit(Surv(time, status) ~ 1), rmean = tau)$table[c("rmean", "se(rmean)")]`.
 * Uno et al., J Clin Oncol 2014;32:2380–5.
 */
export function rmst(time: readonly number[], event: readonly EventFlag[], tau: number, options: RmstOptions = {}): RmstResult {
  checkSurvivalData(time, event);
  checkTau(tau);
  const confLevel = checkConfLevel(options.confLevel);
  const max = maxOf(time);
  if (tau > max) throw new InputError(`tau = ${tau} is beyond the largest follow-up time (${max})`, undefined, 'tau');
  return rmstCore(time, event, tau, confLevel);
}

/** Difference and ratio of two RMSTs (first vs second), as survRM2's `rmst2`. */
export function compareRmst(first: RmstResult, second: RmstResult): { difference: RmstDifference; ratio: RmstRatio } {
  const z = normalQuantile(1 - (1 - first.confLevel) / 2);
  const est = first.est - second.est;
  const se = Math.sqrt(first.se * first.se + second.se * second.se);
  const pOf = (x: number, s: number): number | null => (s > 0 ? normalTwoSidedP(x / s) : x !== 0 ? 0 : null);
  const difference: RmstDifference = { est, se, lower: est - z * se, upper: est + z * se, p: pOf(est, se) };
  let ratio: RmstRatio = { est: null, seLog: null, lower: null, upper: null, p: null };
  if (first.est > 0 && second.est > 0) {
    const logRatio = Math.log(first.est) - Math.log(second.est);
    const seLog = Math.sqrt((first.se * first.se) / (first.est * first.est) + (second.se * second.se) / (second.est * second.est));
    ratio = {
      est: Math.exp(logRatio),
      seLog,
      lower: Math.exp(logRatio - z * seLog),
      upper: Math.exp(logRatio + z * seLog),
      p: pOf(logRatio, seLog),
    };
  }
  return { difference, ratio };
}

/** {@link rmstCompare} for groups coded 0/1, without input checks. */
export function rmstCompareCore(
  time: ArrayLike<number>,
  event: ArrayLike<EventFlag | number>,
  codes: ArrayLike<number>,
  names: readonly [string, string],
  tau: number,
  confLevel = 0.95,
): RmstComparison {
  const arms = [0, 1].map((g) => {
    const t: number[] = [];
    const e: number[] = [];
    for (let i = 0; i < codes.length; i++) {
      if (codes[i] !== g) continue;
      t.push(time[i]);
      e.push(event[i] === 1 || event[i] === true ? 1 : 0);
    }
    return rmstCore(t, e, tau, confLevel);
  }) as [RmstResult, RmstResult];
  return { tau, confLevel, groups: names, arms, ...compareRmst(arms[0], arms[1]) };
}

/**
 * Compares the RMST up to τ of two groups: the difference RMST₁ − RMST₂ with
 * SE = √(SE₁² + SE₂²), and the ratio RMST₁/RMST₂ with SE(log ratio) = √(SE₁²/RMST₁² + SE₂²/RMST₂²)
 * (delta method); normal intervals (the ratio's on the log scale) and two-sided normal p-values.
 * The first group is the first level (default: labels sorted), like arm = 1 in survRM2.
 * τ must be positive and not beyond the largest follow-up time of either group.
 *
 * R: `survRM2::rmst2(time, status, arm, tau)` (`unadjusted.result` rows "RMST (arm=1)-(arm=0)"
 * and "RMST (arm=1)/(arm=0)"). Uno et al., J Clin Oncol 2014;32:2380–5.
 */
export function rmstCompare(
  time: readonly number[],
  event: readonly EventFlag[],
  group: readonly GroupLabel[],
  tau: number,
  options: RmstCompareOptions = {},
): RmstComparison {
  checkSurvivalData(time, event, group);
  checkTau(tau);
  const confLevel = checkConfLevel(options.confLevel);
  const { names, codes, sizes } = encodeGroups(group, options.levels);
  if (names.length !== 2 || sizes.some((s) => s === 0)) {
    const observed = sizes.filter((s) => s > 0).length;
    throw new InputError(`the RMST comparison needs exactly 2 groups, but the data have ${observed} (${names.map((x) => JSON.stringify(x)).join(', ')})`, undefined, 'group');
  }
  for (let g = 0; g < 2; g++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < codes.length; i++) if (codes[i] === g && time[i] > max) max = time[i];
    if (tau > max) {
      throw new InputError(`tau = ${tau} is beyond the largest follow-up time of group ${JSON.stringify(names[g])} (${max})`, undefined, 'tau');
    }
  }
  return rmstCompareCore(time, event, codes, [names[0], names[1]], tau, confLevel);
}
