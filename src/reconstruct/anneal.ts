/**
 * Simulated annealing over patient tables that always meet the hard constraints (see
 * `moves.ts` for the moves). Metropolis acceptance under a geometric temperature schedule; the
 * weight of the log-rank targets rises during the first half of the run, because a p-value
 * reacts to every event of its grouping and, weighted fully from the start, freezes the
 * structure before the quartiles are in place. A proposal is accepted iff Δ ≤ −T·ln u; the
 * touched components are evaluated one by one and evaluation stops as soon as the outcome is
 * certain (`evaluateDirtyBounded`). The run stops after its iteration count, or, optionally, at a
 * checkpoint where its loss shows it cannot succeed; both depend on the seed only, never on time.
 */
import * as lossModule from './loss.ts';
import * as moves from './moves.ts';
import type { Focus, Move } from './moves.ts';
import type { Random } from './random.ts';
import * as state from './state.ts';
import type { PatientTicks, SearchState } from './state.ts';

// Local bindings: imported names are read through live-binding getters, measurable in this loop.
const { WEIGHTS } = lossModule;
const { propose, unsettled } = moves;
const { commit, evaluateDirtyBounded, getPatient, rollback, setPatient, totalLoss } = state;

/** Settings of one annealing run (temperatures in loss units). */
export interface AnnealOptions {
  readonly iterations: number;
  readonly startTemperature: number;
  readonly endTemperature: number;
  /** Log-rank weight at the start; it rises geometrically to its final value at `logrankRampEnd`. */
  readonly logrankStartWeight: number;
  /** Fraction of the run after which the log-rank weight stays at its final value. */
  readonly logrankRampEnd: number;
  /**
   * Optional early stop of a hopeless run: at this fraction of the iterations, a loss above
   * `above` ends the run (the outcome is still a function of the seed only).
   */
  readonly abort?: { readonly at: number; readonly above: number };
}

/** Default settings: those of an ensemble attempt (see `search.ts`), without the abort. */
export const DEFAULT_ANNEAL: AnnealOptions = {
  iterations: 60_000,
  startTemperature: 0.3,
  endTemperature: 0.02,
  logrankStartWeight: 0.003,
  logrankRampEnd: 0.5,
};

/** What a run did. */
export interface AnnealStats {
  /** Iterations actually run (fewer than asked when the run was aborted). */
  readonly iterations: number;
  readonly aborted: boolean;
  readonly accepted: number;
  readonly finalLoss: number;
}

/** One Metropolis walker: a state and its scratch for moves. */
export interface Walker {
  readonly state: SearchState;
  readonly move: Move;
  readonly previous: PatientTicks[];
  readonly focus: Focus[];
  steps: number;
}

/** A walker over `state` with empty scratch. */
export function createWalker(state: SearchState): Walker {
  return { state, move: { count: 0, index: [-1, -1], next: [null, null] }, previous: [], focus: [], steps: 0 };
}

/** Sets the log-rank weight and refreshes the cached total. */
export function setLogrankWeight(w: Walker, weight: number): void {
  w.state.logrankWeight = weight;
  w.state.total = totalLoss(w.state);
}

/** One proposal with Metropolis acceptance at `temperature`; returns whether it was accepted. */
export function step(w: Walker, rng: Random, temperature: number): boolean {
  const { state: s, move, previous, focus } = w;
  if ((w.steps++ & 255) === 0) unsettled(s, focus);
  propose(s, rng, move, focus);
  if (move.count === 0) return false;
  previous.length = 0;
  for (let k = 0; k < move.count; k++) previous.push(getPatient(s, move.index[k]));
  for (let k = 0; k < move.count; k++) setPatient(s, move.index[k], move.next[k] as PatientTicks);
  // Metropolis: accept iff Δ ≤ −T·ln u, decided early when the bound is already exceeded.
  const limit = -temperature * Math.log(1 - rng.float());
  const next = evaluateDirtyBounded(s, limit);
  if (next - s.total <= limit) {
    commit(s, next);
    return true;
  }
  for (let k = move.count - 1; k >= 0; k--) setPatient(s, move.index[k], previous[k]);
  rollback(s);
  return false;
}

/** Runs the annealer in place on `s`. */
export function anneal(s: SearchState, rng: Random, options: AnnealOptions = DEFAULT_ANNEAL, trace?: number[]): AnnealStats {
  const { iterations, startTemperature, endTemperature, logrankStartWeight, logrankRampEnd } = options;
  const finalWeight = WEIGHTS.logrank;
  const rampIterations = Math.max(1, Math.floor(iterations * logrankRampEnd));
  const w = createWalker(s);
  setLogrankWeight(w, logrankStartWeight);
  const cooling = Math.pow(endTemperature / startTemperature, 1 / Math.max(1, iterations));
  let temperature = startTemperature;
  let accepted = 0;
  const abortAt = options.abort ? Math.floor(iterations * options.abort.at) : -1;
  const traceEvery = Math.max(1, Math.floor(iterations / 20));
  for (let it = 0; it < iterations; it++, temperature *= cooling) {
    if (trace && it % traceEvery === 0) trace.push(s.total);
    if (it === abortAt && options.abort && s.total > options.abort.above) {
      return { iterations: it, aborted: true, accepted, finalLoss: s.total };
    }
    if (it <= rampIterations && ((it & 1023) === 0 || it === rampIterations)) {
      // Stepwise so that the cached total always matches the weight in use.
      setLogrankWeight(w, logrankStartWeight * Math.pow(finalWeight / logrankStartWeight, it / rampIterations));
    }
    if (step(w, rng, temperature)) accepted++;
  }
  return { iterations, aborted: false, accepted, finalLoss: s.total };
}
