import { describe, expect, it } from 'vitest';
import { fidelityEntries, summarize } from '../../../src/reconstruct/fidelity.ts';
import type { FidelityEntry, FidelitySummary } from '../../../src/reconstruct/fidelity.ts';
import { committedJson, committedPatients, targets } from './shared.ts';

interface FidelityFile {
  summary: FidelitySummary;
  targets: FidelityEntry[];
  agreement: { compared: number; maxAbsDifference: number };
}

describe('data/reconstructed/fidelity.json', () => {
  const file = committedJson<FidelityFile>('fidelity');
  const recomputed = fidelityEntries(committedPatients(), targets());

  it('is what the statistics core computes from the committed patients.csv, entry by entry', () => {
    expect(file.targets.map((e) => e.id)).toEqual(recomputed.map((e) => e.id));
    for (const [i, e] of recomputed.entries()) {
      const saved = file.targets[i];
      expect(saved.kind, e.id).toBe(e.kind);
      expect(saved.published, e.id).toEqual(e.published);
      expect(saved.tolerance, e.id).toBe(e.tolerance);
      expect(saved.pass, e.id).toBe(e.pass);
      if (e.reconstructed === null) expect(saved.reconstructed, e.id).toBeNull();
      else expect(saved.reconstructed, e.id).toBeCloseTo(e.reconstructed, 9);
    }
    expect(file.summary).toEqual(summarize(recomputed));
  });

  it('lists every target with printed and numeric published value, tolerance, pass and kind', () => {
    const hard = file.targets.filter((e) => e.kind === 'hard');
    const soft = file.targets.filter((e) => e.kind === 'soft');
    // 1 cohort + 2 subcohorts + 5 groups + 40 at risk + 2 rules + 2 overlap.
    expect(hard).toHaveLength(52);
    // 30 group quartiles + 6 cohort quartiles + 3 follow-up quartiles + 4 log-rank p.
    expect(soft).toHaveLength(43);
    for (const e of file.targets) {
      expect(typeof e.published.printed).toBe('string');
      expect(typeof e.pass).toBe('boolean');
      expect(e.tolerance).toBeGreaterThanOrEqual(0);
    }
  });

  it('meets 100% of the hard constraints and at least 95% of the soft targets', () => {
    expect(file.summary.hard.met).toBe(file.summary.hard.total);
    expect(file.summary.soft.passed / file.summary.soft.total).toBeGreaterThanOrEqual(0.95);
  });

  it('records that the fast search evaluators agree with src/stats on every soft target', () => {
    expect(file.agreement.compared).toBe(43);
    expect(file.agreement.maxAbsDifference).toBeLessThan(1e-9);
  });
});
