/** Worker thread of the validation run: runs the cases it is sent (see run.ts). */
import { parentPort } from 'node:worker_threads';
import type { Case } from './cases.ts';
import type { Dataset } from './dataset.ts';
import { runCase } from './run.ts';

const port = parentPort;
if (!port) throw new Error('validation worker must run as a worker thread');
port.on('message', async (m: { k: number; c: Case; data: Dataset; seed: number }) => {
  port.postMessage({ k: m.k, r: await runCase(m.c, m.data, m.seed) });
});
