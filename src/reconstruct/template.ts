/**
 * A smooth "template" of the cohort used to draw starting times: survival S(t) and follow-up
 * (censoring) G(t) curves through the published cohort quartiles, linear between them and
 * exponential beyond the last one.
 *
 * By the product identity of Kaplan–Meier estimators, the share of patients still observed at
 * t is S(t)·G(t), so exits (deaths or censorings) have density −d(SG)/dt and an exit at t is a
 * death with probability h_S/(h_S + h_G). Drawing start times from this density within each
 * patient's bin puts the annealer close to the published curves from the first iteration; it
 * also makes events and censorings spread as in a real cohort instead of uniformly within bins.
 */
import { MAX_TICK, TICKS_PER_MONTH } from './encoding.ts';
import type { Random } from './random.ts';

/** A survival-type curve through the points (start, 1), (q25, .75), (median, .5), (q75, .25). */
export interface QuartileCurve {
  /** Time before which the curve is 1 (default 0): e.g. 20 for a group with no exit before 20 months. */
  readonly start?: number;
  readonly q25: number;
  readonly median: number;
  readonly q75: number;
}

/** The value of the template curve at t months. */
export function curveAt(c: QuartileCurve, t: number): number {
  const start = Math.min(c.start ?? 0, c.q25 - 1);
  if (t <= start) return 1;
  const xs = [start, c.q25, c.median, c.q75];
  const ys = [1, 0.75, 0.5, 0.25];
  if (t >= c.q75) {
    // Exponential tail with the hazard of the last quartile interval.
    const rate = Math.log(2) / (c.q75 - c.median);
    return 0.25 * Math.exp(-rate * (t - c.q75));
  }
  let k = 0;
  while (t > xs[k + 1]) k++;
  return ys[k] + ((ys[k + 1] - ys[k]) * (t - xs[k])) / (xs[k + 1] - xs[k]);
}

/** Tabulated exit density and death probability per tick. */
export interface Template {
  /** Cumulative exit weight up to and including each tick. */
  readonly cumulative: Float64Array;
  /** Probability that an exit at the tick is an event. */
  readonly eventProbability: Float64Array;
}

/** Builds the template from an event curve and a censoring curve. */
export function buildTemplate(event: QuartileCurve, censoring: QuartileCurve): Template {
  const cumulative = new Float64Array(MAX_TICK + 1);
  const eventProbability = new Float64Array(MAX_TICK + 1);
  let total = 0;
  for (let tick = 1; tick <= MAX_TICK; tick++) {
    const a = (tick - 0.5) / TICKS_PER_MONTH;
    const b = (tick + 0.5) / TICKS_PER_MONTH;
    const s0 = curveAt(event, a);
    const s1 = curveAt(event, b);
    const g0 = curveAt(censoring, a);
    const g1 = curveAt(censoring, b);
    const exit = Math.max(s0 * g0 - s1 * g1, 1e-12);
    const deaths = Math.max((s0 - s1) * (g0 + g1) * 0.5, 0);
    total += exit;
    cumulative[tick] = total;
    eventProbability[tick] = Math.min(1, deaths / exit);
  }
  return { cumulative, eventProbability };
}

/** Draws a tick in [lo, hi] with probability proportional to the template's exit density. */
export function drawTick(template: Template, rng: Random, lo: number, hi: number): number {
  const { cumulative } = template;
  const base = cumulative[lo - 1];
  const target = base + rng.float() * (cumulative[hi] - base);
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (cumulative[mid] < target) a = mid + 1;
    else b = mid;
  }
  return a;
}
