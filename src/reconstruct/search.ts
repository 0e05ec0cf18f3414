/**
 * One reconstruction attempt and the search for the main reconstruction.
 *
 * An attempt is fully determined by its seed: draw a skeleton meeting the hard constraints
 * (`structure.ts`), draw times from the cohort template and starting event flags that follow
 * each group's published quartiles (`start-events.ts`), then anneal (`anneal.ts`). It succeeds
 * when every soft target lies within its tolerance (fast evaluators; the caller re-checks with
 * the statistics core).
 */
import { anneal } from './anneal.ts';
import type { AnnealOptions } from './anneal.ts';
import { WEIGHTS, buildObjective } from './loss.ts';
import type { Objective } from './loss.ts';
import { createRandom, deriveSeed } from './random.ts';
import { assignStartEvents } from './start-events.ts';
import { countFailures, createState, getPatient } from './state.ts';
import type { PatientTicks, SearchState } from './state.ts';
import { drawSkeleton, drawTimes, startTemplates } from './structure.ts';
import type { StartTemplates } from './structure.ts';
import type { Targets } from './targets.ts';

/** Everything an attempt needs that does not depend on the seed. */
export interface SearchContext {
  readonly targets: Targets;
  readonly objective: Objective;
  /** The same targets with a linear (firmer) pull inside the tolerances, for polishing. */
  readonly polishObjective: Objective;
  readonly templates: StartTemplates;
}

/** Builds the seed-independent context (objectives and templates) once. */
export function createContext(targets: Targets): SearchContext {
  return {
    targets,
    objective: buildObjective(targets),
    polishObjective: buildObjective(targets, true),
    templates: startTemplates(targets),
  };
}

/** Annealing settings of one ensemble attempt. */
export const ATTEMPT_ANNEAL: AnnealOptions = {
  iterations: 60_000,
  startTemperature: 0.3,
  endTemperature: 0.02,
  logrankStartWeight: 0.003,
  logrankRampEnd: 0.5,
  // Calibrated on 40 seeds: every run that ended meeting all targets had a loss ≤ 8 halfway.
  abort: { at: 0.5, above: 8 },
};

/** Annealing settings of the main reconstruction's attempts. */
export const MAIN_ANNEAL: AnnealOptions = { ...ATTEMPT_ANNEAL, iterations: 150_000, abort: undefined };

/**
 * Polishing of the main reconstruction: a cold anneal with the full log-rank weight and the
 * linear in-tolerance cost, pulling every value into its printed rounding interval where the
 * other targets allow it. Kept only if it loses no target.
 */
export const POLISH_ANNEAL: AnnealOptions = {
  iterations: 60_000,
  startTemperature: 0.02,
  endTemperature: 0.001,
  logrankStartWeight: WEIGHTS.logrank,
  logrankRampEnd: 0,
};

/** Outcome of one attempt. */
export interface Attempt {
  readonly seed: number;
  readonly patients: PatientTicks[];
  /** Soft targets outside their tolerance (fast evaluators). */
  readonly failures: number;
  /** Ids of those targets. */
  readonly failing: string[];
  /** Final value of the search objective. */
  readonly loss: number;
  readonly iterations: number;
  /** Stopped at the checkpoint of `AnnealOptions.abort`. */
  readonly aborted: boolean;
}

/** Ids of soft targets outside tolerance in a state. */
export function failingTargets(s: SearchState): string[] {
  const ids: string[] = [];
  for (let c = 0; c < s.slots.length; c++) {
    for (const slot of s.slots[c]) {
      if (!(Math.abs(s.outs[c][slot.index] - slot.value) <= slot.tolerance + 1e-9)) ids.push(slot.id);
    }
  }
  return ids;
}

/** Runs one seeded attempt. */
export function runAttempt(ctx: SearchContext, seed: number, options: AnnealOptions = ATTEMPT_ANNEAL): Attempt {
  const rng = createRandom(seed);
  const { targets, objective, templates } = ctx;
  const skeleton = drawSkeleton(targets, rng, templates, objective.riskCaps[objective.riskCaps.length - 1]);
  const patients = drawTimes(skeleton, rng, templates);
  assignStartEvents(patients, targets, templates, rng);
  const s = createState(patients, objective);
  const stats = anneal(s, rng, options);
  return {
    seed,
    patients: Array.from({ length: s.n }, (_, i) => getPatient(s, i)),
    failures: countFailures(s),
    failing: failingTargets(s),
    loss: stats.finalLoss,
    iterations: stats.iterations,
    aborted: stats.aborted,
  };
}

/** Settings of the main reconstruction. */
export interface MainOptions {
  readonly anneal: AnnealOptions;
  readonly polish: AnnealOptions;
  /** Attempts tried in turn (seeds derived from the main seed) until one meets every soft target. */
  readonly maxAttempts: number;
}

/** Default settings of the main reconstruction. */
export const MAIN_OPTIONS: MainOptions = { anneal: MAIN_ANNEAL, polish: POLISH_ANNEAL, maxAttempts: 8 };

/** The main reconstruction with the evidence of its search. */
export interface MainResult {
  readonly best: Attempt;
  /** Whether the polish was kept (it is dropped if it loses a target). */
  readonly polished: boolean;
  /** Every attempt made, in order (seed, failures, failing targets, loss). */
  readonly attempts: readonly Omit<Attempt, 'patients'>[];
}

/**
 * Tries attempts with seeds derived from `seed` until one meets every soft target (or
 * `maxAttempts` is reached) and returns that one, or else the attempt with the fewest failures
 * (then the lowest loss). Deterministic: the outcome depends on the seed only.
 */
export function reconstructMain(ctx: SearchContext, seed: number, options: MainOptions = MAIN_OPTIONS): MainResult {
  const attempts: Attempt[] = [];
  for (let k = 0; k < options.maxAttempts; k++) {
    const a = runAttempt(ctx, deriveSeed(seed, k), options.anneal);
    attempts.push(a);
    if (a.failures === 0) break;
  }
  const best = [...attempts].sort((a, b) => a.failures - b.failures || a.loss - b.loss)[0];
  const polished = polish(ctx, best, options.polish);
  return {
    best: polished ?? best,
    polished: polished !== null,
    attempts: attempts.map(({ patients: _, ...rest }) => rest),
  };
}

/** Polishes an attempt; null when the polished table fails more targets than the original. */
export function polish(ctx: SearchContext, a: Attempt, options: AnnealOptions = POLISH_ANNEAL): Attempt | null {
  const s = createState(a.patients, ctx.polishObjective);
  const stats = anneal(s, createRandom(deriveSeed(a.seed, 0x9011)), options);
  const failures = countFailures(s);
  if (failures > a.failures) return null;
  return {
    seed: a.seed,
    patients: Array.from({ length: s.n }, (_, i) => getPatient(s, i)),
    failures,
    failing: failingTargets(s),
    loss: stats.finalLoss,
    iterations: a.iterations + stats.iterations,
    aborted: false,
  };
}
