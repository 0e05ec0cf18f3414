import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScratch, groupingOutputSize, passCohort, passGrouping, COHORT_OUTPUT_SIZE } from '../../../src/reconstruct/fast-km.ts';
import { makeKey } from '../../../src/reconstruct/encoding.ts';
import { toTicks } from '../../../src/reconstruct/patients.ts';
import { createContext } from '../../../src/reconstruct/search.ts';
import { createState } from '../../../src/reconstruct/state.ts';
import { softEntries } from '../../../src/reconstruct/fidelity.ts';
import { kaplanMeier, logRank, medianFollowUp, survivalQuartiles } from '../../../src/stats/index.ts';
import { committedPatients, targets } from './shared.ts';

interface Obs {
  tick: number;
  event: 0 | 1;
  group: number;
}

function keysOf(obs: readonly Obs[]): Int32Array {
  return Int32Array.from(obs.map((o) => makeKey(o.tick, o.event, o.group))).sort();
}

function same(fast: number, core: number | null, label: string): void {
  if (core === null) expect(Number.isNaN(fast), `${label}: stats null, fast ${fast}`).toBe(true);
  else expect(Math.abs(fast - core), `${label}: fast ${fast}, stats ${core}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(core)));
}

// Small tick ranges make ties (between groups, events and censorings) frequent on purpose.
const obsArb = (k: number) =>
  fc.array(
    fc.record({ tick: fc.integer({ min: 10, max: 60 }), event: fc.constantFrom<0 | 1>(0, 1), group: fc.integer({ min: 0, max: k - 1 }) }),
    { minLength: 2, maxLength: 40 },
  );

describe('fast evaluators agree with src/stats (quantile.survfit, survdiff, reverse KM)', () => {
  for (const k of [2, 3]) {
    it(`passGrouping, ${k} groups: per-group quartiles and log-rank p on random tied data`, () => {
      fc.assert(
        fc.property(obsArb(k), (obs) => {
          const out = new Float64Array(groupingOutputSize(k));
          const keys = keysOf(obs);
          passGrouping(keys, keys.length, k, out, createScratch());
          const months = obs.map((o) => o.tick / 10);
          for (let g = 0; g < k; g++) {
            const members = obs.filter((o) => o.group === g);
            if (members.length === 0) continue;
            const q = survivalQuartiles(kaplanMeier(members.map((o) => o.tick / 10), members.map((o) => o.event)));
            same(out[3 * g], q.q25.est, `group ${g} q25`);
            same(out[3 * g + 1], q.median.est, `group ${g} median`);
            same(out[3 * g + 2], q.q75.est, `group ${g} q75`);
          }
          const present = new Set(obs.map((o) => o.group)).size;
          if (present >= 2 && obs.some((o) => o.event === 1)) {
            const lr = logRank(months, obs.map((o) => o.event), obs.map((o) => o.group));
            if (lr.p !== null && lr.df === present - 1) same(out[3 * k + 1], lr.p, 'log-rank p');
          }
        }),
        { seed: 20200101, numRuns: 300 },
      );
    });
  }

  it('passCohort: KM quartiles and reverse-KM (median follow-up) quartiles on random tied data', () => {
    fc.assert(
      fc.property(obsArb(1), (obs) => {
        const out = new Float64Array(COHORT_OUTPUT_SIZE);
        const keys = keysOf(obs);
        passCohort(keys, keys.length, out, createScratch(), 0);
        const time = obs.map((o) => o.tick / 10);
        const event = obs.map((o) => o.event);
        const q = survivalQuartiles(kaplanMeier(time, event));
        const fu = medianFollowUp(time, event);
        same(out[0], q.q25.est, 'q25');
        same(out[1], q.median.est, 'median');
        same(out[2], q.q75.est, 'q75');
        same(out[3], fu.q25.est, 'follow-up q25');
        same(out[4], fu.median.est, 'follow-up median');
        same(out[5], fu.q75.est, 'follow-up q75');
      }),
      { seed: 20200102, numRuns: 300 },
    );
  });

  it('every soft target of the committed patients.csv: fast evaluators = src/stats (full precision)', () => {
    const t = targets();
    const patients = committedPatients();
    const ctx = createContext(t);
    const s = createState(toTicks(patients), ctx.objective);
    const entries = softEntries(patients, t, null);
    let compared = 0;
    for (let c = 0; c < s.slots.length; c++) {
      for (const slot of s.slots[c]) {
        const e = entries.find((x) => x.id === slot.id);
        expect(e, slot.id).toBeDefined();
        same(s.outs[c][slot.index], e!.reconstructed, slot.id);
        compared++;
      }
    }
    expect(compared).toBe(43);
  });
});
