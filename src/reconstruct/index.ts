/**
 * Reconstruction of patient-level data from the survival numbers printed in the paper.
 *
 * - `targets.ts`: the published numbers as hard constraints and soft targets;
 * - `structure.ts`, `template.ts`, `start-events.ts`: a starting table meeting every hard constraint;
 * - `fast-km.ts`, `loss.ts`, `state.ts`, `moves.ts`, `anneal.ts`: the search;
 * - `search.ts`: one seeded attempt, and the main reconstruction (attempts until success, polish);
 * - `fidelity.ts`, `plausibility.ts`, `report.ts`: the reports, computed with `src/stats/`;
 * - `ensemble.ts`, `parallel.ts`, `ensemble-worker.ts`: independently seeded reconstructions on worker threads;
 * - `patients.ts`: the CSV.
 */
export * from './targets.ts';
export * from './search.ts';
export * from './fidelity.ts';
export * from './plausibility.ts';
export * from './ensemble.ts';
export * from './parallel.ts';
export * from './patients.ts';
export * from './report.ts';
export { createRandom, deriveSeed } from './random.ts';
export type { Random } from './random.ts';
export type { AnnealOptions, AnnealStats } from './anneal.ts';
