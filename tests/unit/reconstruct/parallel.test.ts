import { describe, expect, it } from 'vitest';
import { runEnsemble } from '../../../src/reconstruct/parallel.ts';
import { deriveSeed } from '../../../src/reconstruct/random.ts';
import { ATTEMPT_ANNEAL, createContext } from '../../../src/reconstruct/search.ts';
import { ROOT, targets } from './shared.ts';

const ctx = createContext(targets());

describe('runEnsemble: worker threads give the same attempts as one thread', () => {
  it('6 short attempts (2500 iterations each) on 2 workers and in-process: identical results in index order', async () => {
    const options = {
      members: 1,
      maxAttempts: 6,
      seedOf: (i: number) => deriveSeed(99, i),
      survivalPath: `${ROOT}data/published/survival.json`,
      anneal: { ...ATTEMPT_ANNEAL, iterations: 2500, abort: undefined },
    };
    const inProcess = await runEnsemble(ctx, { ...options, workers: 1 });
    const threaded = await runEnsemble(ctx, { ...options, workers: 2 });
    const strip = (r: (typeof inProcess.attempts)[number]) => ({ index: r.index, seed: r.seed, accepted: r.accepted, failing: r.failing });
    expect(threaded.attempts.map(strip)).toEqual(inProcess.attempts.map(strip));
    expect(inProcess.attempts.map((r) => r.index)).toEqual(inProcess.attempts.map((_, i) => i));
  });
});
