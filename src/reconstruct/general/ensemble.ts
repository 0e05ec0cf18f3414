/**
 * The ensemble: independent chains, each fitted from its own random start (its own pairing of
 * endpoints, overlap of the groupings and placement inside the at-risk intervals) and then walked
 * through the reconstructions that keep every published number; every `thin` steps a member is kept.
 *
 * Chains are numbered; chain k uses seed deriveSeed(seed, k). The members are taken from the chains
 * in their numbered order whatever order workers finish in, so a run is reproducible for a given
 * seed on any number of workers. A chain whose fit fails contributes nothing and is counted.
 */
import { runWorkerPool } from '../parallel.ts';
import { deriveSeed } from '../random.ts';
import type { Problem } from './problem.ts';
import type { ChainResult, FitOptions } from './search.ts';
import { runChain } from './search.ts';
import type { Summary } from './summary.ts';

/** Shape of an ensemble run. */
export interface EnsembleOptions {
  readonly members: number;
  readonly perChain: number;
  readonly thin: number;
  readonly seed: number;
  readonly workers: number;
  readonly fit?: FitOptions;
  /** At most this many chains are tried. */
  readonly maxChains?: number;
  readonly onProgress?: (p: { readonly members: number; readonly chains: number; readonly failed: number }) => void;
}

/** Defaults: 200 members, 10 from each of 20 chains, a member every 1500 walk steps. */
export const ENSEMBLE = { members: 200, perChain: 10, thin: 1500 } as const;

/** A finished ensemble. */
export interface EnsembleRun {
  readonly members: ChainResult['members'];
  readonly chains: number;
  readonly failedChains: number;
  readonly walkAcceptance: number;
}

/** Job of a worker. */
export interface ChainJob {
  readonly index: number;
  readonly seed: number;
  readonly perChain: number;
  readonly thin: number;
  readonly fit?: FitOptions;
}

function collect(results: (ChainResult | undefined)[], wanted: number): EnsembleRun | null {
  const members: ChainResult['members'] = [];
  let failed = 0;
  let acceptance = 0;
  let used = 0;
  for (const r of results) {
    if (r === undefined) return null;
    used++;
    if (r.members.length === 0) failed++;
    acceptance += r.walkAcceptance;
    for (const m of r.members) {
      if (members.length < wanted) members.push(m);
    }
    if (members.length >= wanted) return { members, chains: used, failedChains: failed, walkAcceptance: acceptance / Math.max(1, used - failed) };
  }
  return null;
}

/** Runs the ensemble (inline with one worker, else on worker threads). */
export async function runEnsemble(summary: Summary, problem: Problem, o: EnsembleOptions): Promise<EnsembleRun> {
  const maxChains = o.maxChains ?? Math.ceil((3 * o.members) / o.perChain) + 4;
  const results: (ChainResult | undefined)[] = [];
  const job = (index: number): ChainJob => ({ index, seed: deriveSeed(o.seed, index), perChain: o.perChain, thin: o.thin, fit: o.fit });
  const progress = () => {
    const done = results.filter((r): r is ChainResult => r !== undefined);
    o.onProgress?.({ members: done.reduce((a, r) => a + r.members.length, 0), chains: done.length, failed: done.filter((r) => r.members.length === 0).length });
  };
  if (o.workers <= 1) {
    for (let k = 0; k < maxChains; k++) {
      const j = job(k);
      results[k] = runChain(problem, j.seed, j.perChain, j.thin, j.fit);
      progress();
      const done = collect(results, o.members);
      if (done) return done;
    }
  } else {
    await runWorkerPool<ChainResult & { index: number }>({
      module: new URL('./ensemble-worker.ts', import.meta.url),
      workerData: { summary },
      workers: o.workers,
      jobs: maxChains,
      job,
      onResult: (r) => {
        results[r.index] = r;
        progress();
      },
      done: () => collect(results, o.members) !== null,
    });
    const done = collect(results, o.members);
    if (done) return done;
  }
  const got = results.reduce((a, r) => a + (r?.members.length ?? 0), 0);
  throw new Error(`the ensemble reached only ${got} of ${o.members} members in ${results.length} chains`);
}
