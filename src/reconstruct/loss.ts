/**
 * The search's objective: a weighted sum over the soft targets plus small plausibility terms.
 *
 * Horizontal term. Each soft target contributes c(z) with z = |reconstructed − published| /
 * tolerance: zero inside the printed rounding interval (z ≤ a, a = half-width / tolerance),
 * rising to 1 at the tolerance, then a
 * step of {@link FAIL_STEP} (a miss always costs more than near-misses) and a linear rise that
 * flattens beyond {@link SATURATION_Z} tolerances. Inside the tolerance the rise is quadratic while
 * searching (a gentle pull that leaves room to reshape the curves) and linear when polishing a
 * solution (a firm pull of every value into its printed rounding interval). The
 * flattening matters: a KM quartile jumps by whole inter-event gaps (a group of 12 with two
 * patients left at 60 months has a median either before 60 or beyond 66), and without it the
 * barriers between such structures are too high for the annealer to cross.
 *
 * Vertical term (quartiles only). For a target q at level L (0.75, 0.5, 0.25) the quartile lies
 * in [q − tol, q + tol] iff S((q − tol)−) > L and S(q + tol) ≤ L. The shortfalls
 * max(0, L − S((q − tol)−)) and max(0, S(q + tol) − L), in units of {@link VERTICAL_UNIT}
 * (about one event in a group of 50), measure how many events are missing or in excess: a
 * smooth pull where the horizontal term is flat, and zero whenever the target passes.
 *
 * At-risk cap (a necessary condition, as guidance). Kaplan–Meier estimators obey the product
 * identity Y(t) = n·S(t−)·G(t−) (Y at risk, S survival, G the reverse KM of censoring). When
 * the cohort targets force S(t−) ≤ s and G(t−) ≤ g (a quartile of level s and its tolerance lie
 * before t), no solution has more than n·s·g patients at risk at t. At 60 months that is
 * 82·½·½ = 20.5 (OS median 44 ± 1, follow-up median 42 ± 2), against at least 16 required by
 * the enhancement table alone. The search pays {@link WEIGHTS}.atRiskCap per patient at risk
 * above the cap minus one (20 is feasible only with no exits at all between 45 and 60 months).
 * The penalty steers the overlap of the two subcohorts: the patients at risk at 60 months must
 * largely be the same patients in both tables.
 *
 * Plausibility (small weights, so they only choose among equally good fits): tied times within
 * an endpoint of the cohort (real follow-up in days rarely ties at 0.1 month), and patients
 * censored alive within the first 6 months (rare after liver resection with 6-monthly imaging).
 */
import { COHORT_OUTPUT_SIZE, groupingOutputSize } from './fast-km.ts';
import type { Probes } from './fast-km.ts';
import { TICKS_PER_MONTH } from './encoding.ts';
import type { Targets } from './targets.ts';
import { ENDPOINTS, GROUPINGS, LEVELS, QUARTILES } from './targets.ts';

/** Extra cost of a target outside its tolerance. */
export const FAIL_STEP = 2;
/** Standardized error charged for a quartile that is never reached. */
export const UNREACHED_Z = 30;
/** Tolerances beyond which a quartile miss costs only {@link FAR_SLOPE} more per tolerance. */
export const SATURATION_Z = 4;
export const FAR_SLOPE = 0.05;
/** Unit of the vertical term in S(t) (about one event in a group of 50). */
export const VERTICAL_UNIT = 0.02;
/** Weights of the loss terms (log-rank: its final weight; the annealer ramps it up). */
export const WEIGHTS = {
  quartile: 1,
  followup: 1,
  logrank: 0.3,
  vertical: 0.5,
  tie: 0.03,
  earlyCensoring: 0.2,
  atRiskCap: 1,
} as const;
/** Censorings before this tick (6 months) are penalised as implausible. */
export const EARLY_CENSOR_TICK = 60;

const SURVIVAL_LEVEL: Readonly<Record<string, number>> = { q25: 0.75, median: 0.5, q75: 0.25 };

/** Horizontal cost of one soft target at standardized error z with inner band a (see module doc). */
export function targetCost(z: number, a: number, saturation = SATURATION_Z, linearInBand = false): number {
  if (Number.isNaN(z)) z = UNREACHED_Z;
  if (z <= a) return 0;
  if (z <= 1) return inBand(z, a, linearInBand);
  const near = Math.min(z, saturation) - 1;
  const far = z > saturation ? z - saturation : 0;
  return inBand(1, a, linearInBand) + FAIL_STEP + 2 * (1 - a) * near + FAR_SLOPE * far;
}

// Top-level, not a closure: tsx (esbuild keepNames) wraps every closure creation in a
// defineProperty call, which would dominate the search's inner loop.
function inBand(z: number, a: number, linear: boolean): number {
  return linear ? z - a : (z - a) * (z - a);
}

/**
 * Free band as a share of the tolerance: the printed rounding interval, slightly shrunk so that a
 * value exactly on its edge (34.5 for a printed 34, which prints as 35) is still pulled inside.
 */
function innerBand(halfWidth: number, tolerance: number): number {
  return Math.max(0, Math.min(halfWidth / tolerance, 0.5) - 0.01);
}

/** One soft target mapped onto a component's output vector. */
export interface Slot {
  readonly id: string;
  readonly index: number;
  readonly value: number;
  readonly tolerance: number;
  readonly inner: number;
  readonly weight: number;
  /** Log-rank p slots are weighted by the annealer's current log-rank weight. */
  readonly logrank: boolean;
  /** Survival level of a quartile (0.75, 0.5, 0.25); NaN for p-values. */
  readonly level: number;
  /** Output index of S((q − tol)−); S(q + tol) follows. −1 when there is no vertical term. */
  readonly probeIndex: number;
  /** Group index within the component's grouping, −1 for the whole component (p-values, cohort). */
  readonly group: number;
}

/** Components: endpoint e (0 rfs, 1 os) × kind (0 calcification grouping, 1 enhancement grouping, 2 cohort). */
export const COMPONENTS = 6;
/** Index of the component of an endpoint (0 rfs, 1 os) and kind (0 calcification, 1 enhancement, 2 cohort). */
export function componentId(endpoint: number, kind: number): number {
  return endpoint * 3 + kind;
}

/** Everything the search needs to score the components. */
export interface Objective {
  readonly slots: readonly Slot[][];
  readonly probes: readonly Probes[];
  readonly outputSizes: readonly number[];
  /** Per component: tick at which the at-risk cap applies (∞ for none) and the cap. */
  readonly riskTicks: readonly number[];
  readonly riskCaps: readonly number[];
  /** Linear rather than quadratic cost inside the tolerance (polishing). */
  readonly polish: boolean;
}

/**
 * Largest number at risk at `month` compatible with the cohort's OS and follow-up targets
 * (see the module doc); Infinity when no quartile lies entirely before `month`.
 */
export function atRiskCap(targets: Targets, month: number): number {
  const bound = (kind: 'quartile' | 'followup'): number => {
    let level = 1;
    for (const t of targets.quartiles) {
      if (t.grouping !== 'all' || t.endpoint !== 'os' || t.kind !== kind) continue;
      if (t.published.value + t.tolerance < month) level = Math.min(level, SURVIVAL_LEVEL[t.quartile]);
    }
    return level;
  };
  return targets.cohort.value * bound('quartile') * bound('followup');
}

interface ProbeSpec {
  at: number;
  curve: number;
  index: number;
}

/** Builds slots and probes of every component once from the targets. */
export function buildObjective(targets: Targets, polish = false): Objective {
  const slots: Slot[][] = Array.from({ length: COMPONENTS }, () => []);
  const probeSpecs: ProbeSpec[][] = Array.from({ length: COMPONENTS }, () => []);
  const outputSizes: number[] = [];
  for (const [e, endpoint] of ENDPOINTS.entries()) {
    for (const [kind, grouping] of GROUPINGS.entries()) {
      const c = componentId(e, kind);
      const levels = LEVELS[grouping];
      let next = groupingOutputSize(levels.length);
      for (const t of targets.quartiles) {
        if (t.endpoint !== endpoint || t.grouping !== grouping) continue;
        const g = levels.indexOf(t.group);
        const j = QUARTILES.indexOf(t.quartile);
        slots[c].push(quartileSlot(t.id, 3 * g + j, t.published.value, t.tolerance, t.halfWidth, WEIGHTS.quartile, t.quartile, next, g));
        probeSpecs[c].push(...probePair(t.published.value, t.tolerance, g, next));
        next += 2;
      }
      const lr = targets.logrank.find((t) => t.endpoint === endpoint && t.grouping === grouping);
      if (lr) {
        const index = groupingOutputSize(levels.length) - 1;
        slots[c].push({
          id: lr.id,
          index,
          value: lr.published.value,
          tolerance: lr.tolerance,
          inner: innerBand(lr.halfWidth, lr.tolerance),
          weight: WEIGHTS.logrank,
          logrank: true,
          level: Number.NaN,
          probeIndex: -1,
          group: -1,
        });
      }
      outputSizes[c] = next;
    }
    const c = componentId(e, 2);
    let next = COHORT_OUTPUT_SIZE;
    for (const t of targets.quartiles) {
      if (t.endpoint !== endpoint || t.grouping !== 'all') continue;
      const j = QUARTILES.indexOf(t.quartile);
      const followup = t.kind === 'followup';
      const weight = followup ? WEIGHTS.followup : WEIGHTS.quartile;
      slots[c].push(quartileSlot(t.id, followup ? 3 + j : j, t.published.value, t.tolerance, t.halfWidth, weight, t.quartile, next, -1));
      probeSpecs[c].push(...probePair(t.published.value, t.tolerance, followup ? 1 : 0, next));
      next += 2;
    }
    outputSizes[c] = next;
  }
  const riskTicks = Array.from({ length: COMPONENTS }, () => Number.POSITIVE_INFINITY);
  const riskCaps = Array.from({ length: COMPONENTS }, () => Number.POSITIVE_INFINITY);
  const lastTime = targets.times[targets.times.length - 1];
  riskTicks[componentId(1, 2)] = Math.round(lastTime * TICKS_PER_MONTH);
  riskCaps[componentId(1, 2)] = Math.ceil(atRiskCap(targets, lastTime)) - 3;
  const probes = probeSpecs.map((specs): Probes => {
    const sorted = [...specs].sort((a, b) => a.at - b.at || a.index - b.index);
    return {
      at: Int32Array.from(sorted, (p) => p.at),
      curve: Uint8Array.from(sorted, (p) => p.curve),
      index: Int32Array.from(sorted, (p) => p.index),
    };
  });
  return { slots, probes, outputSizes, riskTicks, riskCaps, polish };
}

function quartileSlot(
  id: string,
  index: number,
  value: number,
  tolerance: number,
  halfWidth: number,
  weight: number,
  quartile: string,
  probeIndex: number,
  group: number,
): Slot {
  return {
    id,
    index,
    value,
    tolerance,
    inner: innerBand(halfWidth, tolerance),
    weight,
    logrank: false,
    level: SURVIVAL_LEVEL[quartile],
    probeIndex,
    group,
  };
}

/** S just before q − tol (probe at the first tick ≥ q − tol) and S at q + tol (probe at the first tick > q + tol). */
function probePair(value: number, tolerance: number, curve: number, index: number): ProbeSpec[] {
  const lo = Math.round((value - tolerance) * TICKS_PER_MONTH);
  const hi = Math.round((value + tolerance) * TICKS_PER_MONTH);
  return [
    { at: lo, curve, index },
    { at: hi + 1, curve, index: index + 1 },
  ];
}

/**
 * Loss of one component from its output vector, split into the part on quartiles and
 * plausibility (returned) and the unweighted log-rank part (written to `logrank[0]`), so that
 * the annealer can raise the log-rank weight during the run without re-evaluating anything.
 */
export function componentLoss(
  out: Float64Array,
  slots: readonly Slot[],
  cohort: boolean,
  logrank: Float64Array,
  riskCap = Number.POSITIVE_INFINITY,
  polish = false,
): number {
  let loss = 0;
  let lr = 0;
  for (const s of slots) {
    const z = Math.abs(out[s.index] - s.value) / s.tolerance;
    if (s.logrank) {
      // p moves smoothly with event times: no saturation, a steady pull towards the target.
      lr += targetCost(z, s.inner, Number.POSITIVE_INFINITY, polish);
      continue;
    }
    loss += s.weight * targetCost(z, s.inner, SATURATION_Z, polish);
    if (s.probeIndex >= 0) {
      const before = out[s.probeIndex];
      const after = out[s.probeIndex + 1];
      const shortfall = (before < s.level ? s.level - before : 0) + (after > s.level ? after - s.level : 0);
      loss += (WEIGHTS.vertical * shortfall) / VERTICAL_UNIT;
    }
  }
  if (cohort) {
    loss += WEIGHTS.tie * out[6] + WEIGHTS.earlyCensoring * out[7];
    if (out[8] > riskCap) loss += WEIGHTS.atRiskCap * (out[8] - riskCap);
  }
  logrank[0] = lr;
  return loss;
}

/** Whether a slot currently costs anything (outside its rounding interval or short vertically). */
export function slotUnsettled(out: Float64Array, s: Slot): boolean {
  const z = Math.abs(out[s.index] - s.value) / s.tolerance;
  if (!(z <= s.inner)) return true;
  if (s.probeIndex < 0) return false;
  return out[s.probeIndex] < s.level || out[s.probeIndex + 1] > s.level;
}

/** Number of soft targets of a component outside their tolerance. */
export function componentFailures(out: Float64Array, slots: readonly Slot[]): number {
  let fails = 0;
  for (const s of slots) {
    const err = Math.abs(out[s.index] - s.value);
    if (!(err <= s.tolerance + 1e-9)) fails++;
  }
  return fails;
}
