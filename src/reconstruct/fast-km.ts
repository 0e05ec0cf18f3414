/**
 * Fast single-pass evaluators for the search's inner loop.
 *
 * One pass over a sorted key array (see `encoding.ts`) gives, per group, the Kaplan–Meier
 * quartiles with R's `quantile.survfit` rule, and the k-group log-rank statistic; over the whole
 * cohort it gives the KM quartiles and those of the reverse KM (censoring as the event, i.e.
 * `survfit(Surv(os, 1 - os_event) ~ 1)`, the median follow-up).
 *
 * Quartile rule (survival 3.5 `findq`): with F = 1 − S at the event times, t1 is the first time
 * with F ≥ p − tol and t2 the first with F ≥ p + tol (tol = √ε); the quartile is (t1 + t2)/2,
 * which is t1 when the curve jumps across 1 − p and the midpoint of the flat stretch when it sits
 * exactly on 1 − p. If the curve ends exactly on 1 − p, t2 is the group's last observed time.
 *
 * These evaluators trust their input and allocate nothing; `src/stats/` is the reference they
 * are tested against (`tests/unit/reconstruct/fast-km.test.ts`).
 */
import erfc from '@stdlib/math-base-special-erfc';
import { chiSquareUpperTail } from '../stats/special.ts';
import { TICKS_PER_MONTH as TICKS } from './encoding.ts';

// Local binding: imported names are read through live-binding getters, measurable here.
const TICKS_PER_MONTH: number = TICKS;

const TOL = Math.sqrt(2.220446049250313e-16);
const LEVELS = [0.75, 0.5, 0.25] as const;

/**
 * Probes of S(t) for the search's vertical loss terms: before the first block of times ≥ at[i]
 * is processed (or at the end), out[index[i]] receives the current value of curve[i]
 * (group g for {@link passGrouping}; 0 = KM, 1 = reverse KM for {@link passCohort}).
 * `at` must be sorted ascending.
 */
export interface Probes {
  readonly at: Int32Array;
  readonly curve: Uint8Array;
  readonly index: Int32Array;
}

/** No probes. */
export const NO_PROBES: Probes = { at: new Int32Array(0), curve: new Uint8Array(0), index: new Int32Array(0) };

/** Working memory for the passes (quartile trackers). */
export interface PassScratch {
  /** First tick with S ≤ level + tol, per (group, level); −1 while not reached. */
  readonly t1: Float64Array;
  /** First tick with S ≤ level − tol, per (group, level); −1 while not reached. */
  readonly t2: Float64Array;
}

/** Fresh working memory for the passes. */
export function createScratch(): PassScratch {
  return { t1: new Float64Array(12), t2: new Float64Array(12) };
}

/** Size of the output of {@link passGrouping} for k groups: 3 quartiles per group, then χ², p. */
export function groupingOutputSize(k: number): number {
  return 3 * k + 2;
}

function quartileFromTrack(t1: number, t2: number, last: number): number {
  if (t1 < 0) return Number.NaN;
  const end = t2 < 0 ? last : t2;
  return (t1 + end) / 2 / TICKS_PER_MONTH;
}

/** Advances the trackers of group g (levels crossed in order 0.75, 0.5, 0.25 as S falls). */
function track(t1: Float64Array, t2: Float64Array, g: number, surv: number, tick: number): void {
  const base = 3 * g;
  for (let j = 0; j < 3; j++) {
    const q = base + j;
    if (t2[q] >= 0) continue;
    if (t1[q] < 0) {
      if (surv > LEVELS[j] + TOL) return;
      t1[q] = tick;
    }
    if (surv > LEVELS[j] - TOL) return;
    t2[q] = tick;
  }
}

/** χ² upper tail for df 1 or 2 in closed form (erfc, exp); other df via the incomplete gamma. */
function chiSquareP(x: number, df: number): number {
  if (x <= 0) return 1;
  if (df === 1) return erfc(Math.sqrt(x / 2));
  if (df === 2) return Math.exp(-x / 2);
  return chiSquareUpperTail(x, df);
}

/**
 * Per-group KM quartiles and the k-group log-rank test (k = 2 or 3) from one sorted key array.
 * `counts`, when given, holds the number of keys of each group (groups 0–2).
 *
 * out[3g + j] = quartile j (q25, median, q75) of group g in months, NaN when not reached;
 * out[3k] = log-rank χ² (df = number of non-empty groups − 1); out[3k + 1] = p.
 * Log-rank as in R's `survdiff` (rho = 0): U_g = Σ (d_gj − d_j n_gj / n_j),
 * V_gh = Σ d_j (n_j − d_j)/(n_j − 1) · (n_gj/n_j)(δ_gh − n_hj/n_j), χ² = Uᵀ V⁻¹ U over the first k − 1 groups.
 */
export function passGrouping(
  keys: Int32Array,
  len: number,
  k: number,
  out: Float64Array,
  s: PassScratch,
  probes: Probes = NO_PROBES,
  counts: Int32Array | null = null,
): void {
  const { t1, t2 } = s;
  const { at, curve, index } = probes;
  const np = at.length;
  let pi = 0;
  t1.fill(-1);
  t2.fill(-1);
  let n0 = 0;
  let n1 = 0;
  let n2 = 0;
  if (counts !== null) {
    // Group sizes kept up to date by the caller: saves a pass over the keys.
    n0 = counts[0];
    n1 = counts[1];
    n2 = counts[2];
  } else {
    for (let i = 0; i < len; i++) {
      const g = keys[i] & 3;
      if (g === 0) n0++;
      else if (g === 1) n1++;
      else n2++;
    }
  }
  const present = (n0 > 0 ? 1 : 0) + (n1 > 0 ? 1 : 0) + (n2 > 0 ? 1 : 0);
  const hasFirst = n0 > 0;
  let s0 = 1;
  let s1 = 1;
  let s2 = 1;
  let last0 = 0;
  let last1 = 0;
  let last2 = 0;
  let u0 = 0;
  let u1 = 0;
  let v00 = 0;
  let v01 = 0;
  let v11 = 0;
  let i = 0;
  while (i < len) {
    const tick = keys[i] >> 3;
    for (; pi < np && at[pi] <= tick; pi++) {
      const c = curve[pi];
      out[index[pi]] = c === 0 ? s0 : c === 1 ? s1 : s2;
    }
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    while (i < len && keys[i] >> 3 === tick) {
      const key = keys[i++];
      const g = key & 3;
      const censored = key & 4;
      if (g === 0) {
        last0 = tick;
        if (censored) c0++;
        else d0++;
      } else if (g === 1) {
        last1 = tick;
        if (censored) c1++;
        else d1++;
      } else {
        last2 = tick;
        if (censored) c2++;
        else d2++;
      }
    }
    const dj = d0 + d1 + d2;
    if (dj > 0) {
      const nj = n0 + n1 + n2;
      const p0 = n0 / nj;
      const p1 = n1 / nj;
      u0 += d0 - dj * p0;
      u1 += d1 - dj * p1;
      if (nj > 1) {
        const f = (dj * (nj - dj)) / (nj - 1);
        v00 += f * p0 * (1 - p0);
        v01 -= f * p0 * p1;
        v11 += f * p1 * (1 - p1);
      }
      if (d0 > 0) {
        s0 *= 1 - d0 / n0;
        track(t1, t2, 0, s0, tick);
      }
      if (d1 > 0) {
        s1 *= 1 - d1 / n1;
        track(t1, t2, 1, s1, tick);
      }
      if (d2 > 0) {
        s2 *= 1 - d2 / n2;
        track(t1, t2, 2, s2, tick);
      }
    }
    n0 -= d0 + c0;
    n1 -= d1 + c1;
    n2 -= d2 + c2;
  }
  for (; pi < np; pi++) {
    const c = curve[pi];
    out[index[pi]] = c === 0 ? s0 : c === 1 ? s1 : s2;
  }
  for (let g = 0; g < k; g++) {
    const last = g === 0 ? last0 : g === 1 ? last1 : last2;
    for (let j = 0; j < 3; j++) out[3 * g + j] = quartileFromTrack(t1[3 * g + j], t2[3 * g + j], last);
  }
  let chisq = 0;
  if (k === 2 || present < 3) {
    // Two groups present: the statistic of either one (U and V of the other are its mirror).
    const useFirst = hasFirst || k === 2;
    chisq = useFirst ? (v00 > 0 ? (u0 * u0) / v00 : 0) : v11 > 0 ? (u1 * u1) / v11 : 0;
  } else {
    const det = v00 * v11 - v01 * v01;
    chisq = det > 1e-12 ? (u0 * u0 * v11 - 2 * u0 * u1 * v01 + u1 * u1 * v00) / det : 0;
  }
  out[3 * k] = chisq;
  out[3 * k + 1] = present > 1 ? chiSquareP(chisq, present - 1) : 1;
}

/** Size of the output of {@link passCohort} before its probe slots. */
export const COHORT_OUTPUT_SIZE = 9;

/**
 * Whole-cohort pass (keys with group 0).
 *
 * out[0..2] = KM quartiles (months); out[3..5] = reverse-KM quartiles (censoring as the event;
 * a death tied with a censoring stays at risk for it); out[6] = number of observations sharing
 * their time with an earlier one (ties); out[7] = censorings before `earlyTick`; out[8] = number
 * at risk at `riskTick` (times ≥ riskTick).
 */
export function passCohort(
  keys: Int32Array,
  len: number,
  out: Float64Array,
  s: PassScratch,
  earlyTick: number,
  probes: Probes = NO_PROBES,
  riskTick = Number.POSITIVE_INFINITY,
): void {
  const { t1, t2 } = s;
  const { at, curve, index } = probes;
  const np = at.length;
  let pi = 0;
  t1.fill(-1);
  t2.fill(-1);
  let n = len;
  let surv = 1;
  let cens = 1;
  let ties = 0;
  let early = 0;
  let lastTick = 0;
  let atRisk = -1;
  let i = 0;
  while (i < len) {
    const tick = keys[i] >> 3;
    if (atRisk < 0 && tick >= riskTick) atRisk = n;
    for (; pi < np && at[pi] <= tick; pi++) out[index[pi]] = curve[pi] === 0 ? surv : cens;
    let dj = 0;
    let cj = 0;
    while (i < len && keys[i] >> 3 === tick) {
      if ((keys[i] >> 2) & 1) {
        cj++;
        if (tick < earlyTick) early++;
      } else dj++;
      i++;
    }
    ties += dj + cj - 1;
    lastTick = tick;
    if (dj > 0) {
      surv *= 1 - dj / n;
      track(t1, t2, 0, surv, tick);
    }
    if (cj > 0) {
      cens *= 1 - cj / n;
      track(t1, t2, 1, cens, tick);
    }
    n -= dj + cj;
  }
  for (; pi < np; pi++) out[index[pi]] = curve[pi] === 0 ? surv : cens;
  for (let j = 0; j < 6; j++) out[j] = quartileFromTrack(t1[j], t2[j], lastTick);
  out[6] = ties;
  out[7] = early;
  out[8] = atRisk < 0 ? 0 : atRisk;
}
