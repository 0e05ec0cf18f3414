/**
 * Worker thread of the ensemble: compiles the summary once, then runs the chains it is sent and
 * posts back their members. Started by ensemble.ts through parallel.ts's tsx loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChainJob } from './ensemble.ts';
import { compileProblem } from './problem.ts';
import { runChain } from './search.ts';
import type { Summary } from './summary.ts';

const port = parentPort;
if (!port) throw new Error('ensemble-worker.ts must run as a worker thread');
const problem = compileProblem((workerData as { summary: Summary }).summary);
port.on('message', (job: ChainJob) => {
  port.postMessage({ index: job.index, ...runChain(problem, job.seed, job.perChain, job.thin, job.fit) });
});
