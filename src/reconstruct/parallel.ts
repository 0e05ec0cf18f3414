/**
 * Runs ensemble attempts on worker threads (or in-process for one worker) and selects the
 * members deterministically: attempt i always has seed `seeds(i)`, and the ensemble is the first
 * N accepted attempts in index order, whatever order the workers finish in. Attempts beyond the
 * N-th accepted one (still running when it arrived) are discarded and not counted.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnnealOptions } from './anneal.ts';
import { runMember } from './ensemble.ts';
import type { MemberResult } from './ensemble.ts';
import type { SearchContext } from './search.ts';

/** Settings of {@link runEnsemble}. */
export interface EnsembleRunOptions {
  /** Accepted members wanted. */
  readonly members: number;
  /** Give up after this many attempts. */
  readonly maxAttempts: number;
  readonly workers: number;
  /** Seed of attempt i. */
  readonly seedOf: (index: number) => number;
  readonly survivalPath: string;
  /** Annealing settings of each attempt (default: `ATTEMPT_ANNEAL`). */
  readonly anneal?: AnnealOptions;
  /** Called after each finished attempt with the counts so far. */
  readonly onProgress?: (p: { accepted: number; finished: number; wanted: number }) => void;
}

/** The counted attempts and the accepted members among them, in index order. */
export interface EnsembleRun {
  /** Attempts 0 … k, where k is the attempt that brought the N-th acceptance (or the last one). */
  readonly attempts: MemberResult[];
  readonly accepted: MemberResult[];
}

/** URL of tsx's ESM API (`tsx/esm/api`, import condition). */
function tsxEsmApi(): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  // vitest's module runner has no import.meta.resolve: take the require-condition file and its
  // ESM sibling (tsx ships dist/esm/api/index.cjs and index.mjs side by side).
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

/**
 * Runs jobs 0, 1, 2, … (at most `jobs`) on `workers` threads of `module`, each thread taking the
 * next job as soon as it posts its result, until `done()` holds or every job has run. Results come
 * in finishing order; the caller orders them by the index it put in the job.
 */
export async function runWorkerPool<R>(o: {
  readonly module: URL;
  readonly workerData: unknown;
  readonly workers: number;
  readonly jobs: number;
  readonly job: (index: number) => unknown;
  readonly onResult: (result: R) => void;
  readonly done: () => boolean;
}): Promise<void> {
  const pool = Array.from({ length: Math.max(1, Math.min(o.workers, o.jobs)) }, () => startTsWorker(o.module, o.workerData));
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let busy = 0;
      const dispatch = (w: Worker): void => {
        if (o.done()) return resolve();
        if (next >= o.jobs) {
          if (busy === 0) resolve();
          return;
        }
        busy++;
        w.postMessage(o.job(next++));
      };
      for (const w of pool) {
        w.on('message', (r: R) => {
          busy--;
          o.onResult(r);
          dispatch(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`worker ${o.module.pathname.split('/').pop()} stopped with exit code ${code}`));
        });
        dispatch(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/**
 * Starts a TypeScript module as a worker thread, with tsx's loader registered inside the worker. (Passing
 * `execArgv: ['--import', 'tsx']` is not enough on Node 20 with tsx 4: the worker does not get the
 * hooks and fails with "Unknown file extension .ts". A data-URL module that registers tsx's ESM
 * API and then imports the worker works on Node 20 and 22.)
 */
export function startTsWorker(module: URL, workerData: unknown): Worker {
  const entry = module.href;
  const code = `import { register } from ${JSON.stringify(tsxEsmApi())}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData });
}

/** The counted prefix: attempts up to the N-th accepted one, if every earlier attempt is done. */
function prefix(results: (MemberResult | undefined)[], members: number): MemberResult[] | null {
  const out: MemberResult[] = [];
  let accepted = 0;
  for (const r of results) {
    if (r === undefined) return null;
    out.push(r);
    if (r.accepted && ++accepted === members) return out;
  }
  return null;
}

function finish(results: (MemberResult | undefined)[], members: number): EnsembleRun {
  const counted = prefix(results, members) ?? results.filter((r): r is MemberResult => r !== undefined);
  return { attempts: counted, accepted: counted.filter((r) => r.accepted) };
}

/** Runs the attempts (see module doc). */
export async function runEnsemble(ctx: SearchContext, o: EnsembleRunOptions): Promise<EnsembleRun> {
  const results: (MemberResult | undefined)[] = [];
  let acceptedSoFar = 0;
  const report = (r: MemberResult): void => {
    results[r.index] = r;
    if (r.accepted) acceptedSoFar++;
    o.onProgress?.({ accepted: acceptedSoFar, finished: results.filter(Boolean).length, wanted: o.members });
  };
  if (o.workers <= 1) {
    for (let i = 0; i < o.maxAttempts && prefix(results, o.members) === null; i++) report(runMember(ctx, i, o.seedOf(i), o.anneal));
    return finish(results, o.members);
  }
  await runWorkerPool<MemberResult>({
    module: new URL('./ensemble-worker.ts', import.meta.url),
    workerData: { survivalPath: o.survivalPath },
    workers: o.workers,
    jobs: o.maxAttempts,
    job: (index) => ({ index, seed: o.seedOf(index), anneal: o.anneal }),
    onResult: report,
    // Attempts still running once the prefix is complete would be discarded: stop now.
    done: () => prefix(results, o.members) !== null,
  });
  return finish(results, o.members);
}
