import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/reconstruct/random.ts';
import { compileProblem } from '../../../../src/reconstruct/general/problem.ts';
import { drawCase } from '../../../../src/reconstruct/general/validation/cases.ts';
import { readDatasets } from '../../../../src/reconstruct/general/validation/dataset.ts';
import { measureCase } from '../../../../src/reconstruct/general/validation/measure.ts';
import { formatReport, fullDataLogHr, meetsTargets, reportRows } from '../../../../src/reconstruct/general/validation/run.ts';
import type { CaseResult } from '../../../../src/reconstruct/general/validation/run.ts';

const file = readDatasets();
const c = drawCase('colon', file.datasets.colon, createRandom(3), 0, true);
const problem = compileProblem(c.summary);

describe('validation measures', () => {
  it('are perfect when the reconstruction is the truth', () => {
    const m = measureCase({ problem, truth: c.truth, main: c.truth, members: [c.truth, c.truth], fullLogHr: fullDataLogHr(problem, file.datasets.colon, c.groupings) });
    expect(Math.max(...m.kmDistance)).toBe(0);
    expect(Math.max(...m.logHrError)).toBe(0);
    expect(m.hrCovered.every(Boolean)).toBe(true);
    expect(Math.min(...m.bandCoverage)).toBe(1);
    expect(Math.max(...m.medianError, ...m.rmstError)).toBe(0);
    expect(m.pooledCovered).toHaveLength(6);
  });

  it('see a reconstruction with shifted times', () => {
    const shifted = { ...c.truth, times: c.truth.times.map((col) => col.map((t) => t * 1.5)) };
    const m = measureCase({ problem, truth: c.truth, main: shifted, members: [shifted, shifted], fullLogHr: fullDataLogHr(problem, file.datasets.colon, c.groupings) });
    expect(Math.max(...m.kmDistance)).toBeGreaterThan(0.05);
    expect(Math.min(...m.bandCoverage)).toBeLessThan(1);
  });

  it('report rows add up and name the missed targets', () => {
    const m = measureCase({ problem, truth: c.truth, main: c.truth, members: [c.truth, c.truth], fullLogHr: fullDataLogHr(problem, file.datasets.colon, c.groupings) });
    const ok: CaseResult = { id: 'a', dataset: 'colon', n: 80, groupings: [], mainFound: true, members: 2, failedChains: 0, measures: m, seconds: 1 };
    const failed: CaseResult = { ...ok, id: 'b', mainFound: false, members: 0, measures: null };
    const rows = reportRows([ok, failed]);
    expect(rows.map((r) => r.label)).toEqual(['colon', 'all']);
    expect(rows[1]).toMatchObject({ cases: 2, mainFound: 1, withEnsemble: 1, hrCoverage: 1, bandCoverage: 1 });
    expect(meetsTargets(rows)).toEqual({ ok: false, missed: ['reconstructed 1 of 2 cases'] });
    expect(formatReport(rows).split('\n')).toHaveLength(3);
  });
});
