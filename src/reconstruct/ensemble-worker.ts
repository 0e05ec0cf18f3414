/**
 * Worker thread of the ensemble: loads the targets once, then runs the attempts it is sent
 * (`{ index, seed, anneal? }`) and posts back their {@link MemberResult}s. Started by `parallel.ts` with
 * `execArgv: ['--import', 'tsx']`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnnealOptions } from './anneal.ts';
import { runMember } from './ensemble.ts';
import { createContext } from './search.ts';
import { loadTargets } from './targets.ts';

const port = parentPort;
if (!port) throw new Error('ensemble-worker.ts must run as a worker thread');
const ctx = createContext(loadTargets((workerData as { survivalPath: string }).survivalPath));
port.on('message', (job: { index: number; seed: number; anneal?: AnnealOptions }) => {
  port.postMessage(runMember(ctx, job.index, job.seed, job.anneal));
});
