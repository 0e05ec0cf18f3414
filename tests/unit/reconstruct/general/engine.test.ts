/**
 * The general reconstruction's engine: the fast evaluator agrees with the statistics core, the
 * truth meets its own summary, moves keep every number at risk, and a chain is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { logRank } from '../../../../src/stats/index.ts';
import { createRandom } from '../../../../src/reconstruct/random.ts';
import { fidelityEntries, fidelitySummary } from '../../../../src/reconstruct/general/fidelity.ts';
import { compileProblem } from '../../../../src/reconstruct/general/problem.ts';
import type { Problem } from '../../../../src/reconstruct/general/problem.ts';
import { FIT, binEdges, runChain, walkStep } from '../../../../src/reconstruct/general/search.ts';
import { createState, logrankChiSquare } from '../../../../src/reconstruct/general/state.ts';
import type { Patients } from '../../../../src/reconstruct/general/state.ts';
import { structuredStart } from '../../../../src/reconstruct/general/start.ts';
import type { PatientTable } from '../../../../src/reconstruct/general/table.ts';
import { toTable } from '../../../../src/reconstruct/general/table.ts';
import { drawCase } from '../../../../src/reconstruct/general/validation/cases.ts';
import { readDatasets } from '../../../../src/reconstruct/general/validation/dataset.ts';

const file = readDatasets();
const cases = [0, 1, 2, 3].map((k) => {
  const name = k % 2 ? 'myeloid' : 'colon';
  return drawCase(name, file.datasets[name], createRandom(100 + k), k, file.firstIncludesSecond);
});

/** A table in ticks (times ≥ 1 tick). */
function ticksOf(problem: Problem, t: PatientTable): Patients {
  return {
    time: t.times.map((col) => Int32Array.from(col, (v) => Math.max(1, Math.round(v / problem.tick)))),
    event: t.events.map((col) => Uint8Array.from(col)),
    label: problem.groupings.map((g, gi) => Int8Array.from(t.labels[gi], (l) => (l === null ? -1 : g.levels.indexOf(l)))),
  };
}

describe('validation cases', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s: the true patients meet every number of their own summary (statistics core)', (_, c) => {
    const problem = compileProblem(c.summary);
    const counts = fidelitySummary(fidelityEntries(problem, c.truth));
    expect(counts.hard.met).toBe(counts.hard.total);
    expect(counts.soft.exact).toBe(counts.soft.total);
    expect(c.summary.n).toBeGreaterThanOrEqual(70);
    expect(c.summary.n).toBeLessThanOrEqual(90);
    expect(c.summary.groupings.map((g) => g.groups.length).sort()).toEqual([2, 3]);
  });
});

describe('fast evaluator', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s: quartiles and log-rank agree with the statistics core on the truth', (_, c) => {
    const problem = compileProblem(c.summary);
    const ticks = ticksOf(problem, c.truth);
    const state = createState(problem, ticks);
    // Same table as the evaluator sees it (times rounded to ticks), checked by the core.
    const rounded = toTable(problem, ticks);
    const entries = fidelityEntries(problem, rounded);
    problem.quartiles.forEach((q, k) => {
      const core = entries.find((e) => e.id === q.id);
      const fast = state.quartileValue[k];
      if (core?.value === null) expect(Number.isFinite(fast)).toBe(false);
      else expect(fast * problem.tick).toBeCloseTo(core?.value as number, 6);
    });
    problem.logrank.forEach((l, k) => {
      const core = entries.find((e) => e.id === l.id)?.value as number;
      const chi = state.logrankValue[k] ** 2;
      // p from the fast χ² equals the core's p.
      const who = rounded.ids.map((_, i) => i).filter((i) => rounded.labels[l.grouping][i] !== null);
      const p = logRank(
        who.map((i) => rounded.times[l.endpoint][i]),
        who.map((i) => rounded.events[l.endpoint][i]),
        who.map((i) => rounded.labels[l.grouping][i] as string),
        { levels: problem.groupings[l.grouping].levels },
      );
      expect(chi).toBeCloseTo(p.chisq, 8);
      expect(p.p).toBeCloseTo(core, 12);
    });
  });

  it('log-rank χ² matches survdiff on random data with 2 to 6 groups, ties and empty groups', () => {
    const rng = createRandom(7);
    for (let trial = 0; trial < 60; trial++) {
      const groups = 2 + (trial % 5);
      const n = 5 + rng.int(60);
      const used = trial % 7 === 0 ? groups - 1 : groups; // sometimes a group nobody is in
      const time = Int32Array.from({ length: n }, () => 1 + rng.int(20));
      const event = Uint8Array.from({ length: n }, () => (rng.float() < 0.6 ? 1 : 0));
      const label = Int8Array.from({ length: n }, () => (rng.float() < 0.15 ? -1 : rng.int(used)));
      const chi = logrankChiSquare({ time: [time], event: [event], label: [label] }, 0, 0, groups);
      const who = Array.from(label.keys()).filter((i) => label[i] >= 0);
      const present = [...new Set(who.map((i) => label[i]))].sort();
      if (present.length < 2) continue;
      const core = logRank(
        who.map((i) => time[i]),
        who.map((i) => event[i] as 0 | 1),
        who.map((i) => String(label[i])),
        { levels: present.map(String) },
      );
      expect(chi).toBeCloseTo(core.chisq ?? 0, 8);
    }
  });
});

describe('search', () => {
  const c = cases[1];
  const problem = compileProblem(c.summary);

  it('a structured start meets every number at risk exactly', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const start = structuredStart(problem, createRandom(seed), binEdges(problem));
      expect(start).not.toBeNull();
      const state = createState(problem, start as Patients);
      expect(state.hardMisses).toBe(0);
      // Group sizes as summarised.
      problem.groupings.forEach((g, gi) => g.sizes.forEach((size, k) => expect(Array.from(state.label[gi]).filter((l) => l === k).length).toBe(size)));
    }
  });

  it('the walk keeps every constraint, and its incremental totals equal a fresh evaluation', () => {
    const chain = runChain(problem, 11, 1, 200);
    expect(chain.fitIterations).toBeGreaterThan(0);
    const state = createState(problem, chain.members[0]);
    expect(state.hardMisses + state.failing).toBe(0);
    const rng = createRandom(3);
    const mover = { problem, edges: binEdges(problem), rng, undo: { count: 0, who: new Int32Array(2), time: problem.endpoints.map(() => new Int32Array(2)), event: problem.endpoints.map(() => new Uint8Array(2)), label: problem.groupings.map(() => new Int8Array(2)) } };
    let moved = 0;
    for (let k = 0; k < 3000; k++) if (walkStep(state, mover)) moved++;
    expect(moved).toBeGreaterThan(100);
    const fresh = createState(problem, state);
    expect(state.hardMisses).toBe(0);
    expect(state.failing).toBe(0);
    expect(state.total).toBeCloseTo(fresh.total, 9);
    // nested endpoints: first ≤ second for every patient
    for (let i = 0; i < problem.n; i++) expect(state.time[0][i]).toBeLessThanOrEqual(state.time[1][i]);
    const counts = fidelitySummary(fidelityEntries(problem, toTable(problem, state)));
    expect(counts.hard.met).toBe(counts.hard.total);
  }, 600_000);

  it('a chain is a function of its seed', () => {
    const a = runChain(problem, 5, 2, 100, FIT);
    const b = runChain(problem, 5, 2, 100, FIT);
    expect(a.fitIterations).toBe(b.fitIterations);
    expect(a.members.map((m) => Array.from(m.time[1]))).toEqual(b.members.map((m) => Array.from(m.time[1])));
  }, 600_000);
});
