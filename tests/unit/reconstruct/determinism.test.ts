import { describe, expect, it } from 'vitest';
import { hardEntries } from '../../../src/reconstruct/fidelity.ts';
import { formatPatientsCsv, toPatients } from '../../../src/reconstruct/patients.ts';
import { createRandom, deriveSeed } from '../../../src/reconstruct/random.ts';
import { ATTEMPT_ANNEAL, createContext, reconstructMain, runAttempt } from '../../../src/reconstruct/search.ts';
import { drawSkeleton, drawTimes } from '../../../src/reconstruct/structure.ts';
import { targets } from './shared.ts';

const ctx = createContext(targets());
// Reduced iterations keep the test fast; the hard constraints hold at every iteration anyway.
const SHORT = { ...ATTEMPT_ANNEAL, iterations: 4000, abort: undefined };

describe('reconstruction is deterministic', () => {
  it('createRandom(seed) repeats its stream; floats lie in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    for (let i = 0; i < 1000; i++) {
      const x = a.float();
      expect(x).toBe(b.float());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
    expect(deriveSeed(1, 5)).toBe(deriveSeed(1, 5));
  });

  it('runAttempt twice with one seed (4000 iterations): identical CSV, and every hard constraint holds', () => {
    const first = runAttempt(ctx, 7, SHORT);
    const second = runAttempt(ctx, 7, SHORT);
    const csv = formatPatientsCsv(toPatients(first.patients));
    expect(formatPatientsCsv(toPatients(second.patients))).toBe(csv);
    expect(second.failing).toEqual(first.failing);
    const hard = hardEntries(toPatients(first.patients), ctx.targets);
    expect(hard.filter((e) => !e.pass).map((e) => e.id)).toEqual([]);
    // A different seed gives a different table.
    expect(formatPatientsCsv(toPatients(runAttempt(ctx, 8, SHORT).patients))).not.toBe(csv);
  });

  it('reconstructMain twice with one seed (reduced settings): the same attempts and the same table', () => {
    const options = { anneal: SHORT, polish: { ...SHORT, iterations: 1000 }, maxAttempts: 2 };
    const a = reconstructMain(ctx, 3, options);
    const b = reconstructMain(ctx, 3, options);
    expect(b.attempts).toEqual(a.attempts);
    expect(formatPatientsCsv(toPatients(b.best.patients))).toBe(formatPatientsCsv(toPatients(a.best.patients)));
  });

  it('every starting skeleton (before any annealing) already meets the hard constraints', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rng = createRandom(seed);
      const skeleton = drawSkeleton(ctx.targets, rng, ctx.templates, ctx.objective.riskCaps[5]);
      const patients = toPatients(drawTimes(skeleton, rng, ctx.templates));
      const failed = hardEntries(patients, ctx.targets).filter((e) => !e.pass);
      expect(failed.map((e) => e.id), `seed ${seed}`).toEqual([]);
    }
  });
});
