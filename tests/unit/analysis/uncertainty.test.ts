import { describe, expect, it } from 'vitest';
import { quantile } from 'd3-array';
import { ensembleUncertainty, ensembleRange, countRange } from '../../../src/analysis/uncertainty.ts';
import { UncertaintyFile } from '../../../src/analysis/uncertainty-schema.ts';
import { buildSurvivalViews } from '../../../src/analysis/site-data.ts';
import { loadPublished } from '../../../src/published/load.ts';
import { coxModel } from '../../../src/stats/cox-model.ts';
import { normalQuantile } from '../../../src/stats/special.ts';
import { expectClose } from '../helpers.ts';
import { BASE_PATIENTS, perturbedMembers } from '../ensemble-fixture.ts';

const survival = loadPublished().survival;
const base = buildSurvivalViews(BASE_PATIENTS, survival);

describe('ensembleUncertainty', () => {
  it('identical members: the pooled HR and CI are the single Cox fit, the ranges collapse', () => {
    const u = ensembleUncertainty([BASE_PATIENTS, BASE_PATIENTS, BASE_PATIENTS], survival, 'x.csv');
    expect(UncertaintyFile.parse(u)).toEqual(u);
    for (const v of base) {
      const uv = u.views.find((x) => x.id === v.id)!;
      for (const t of v.analysis.cox?.terms ?? []) {
        const h = uv.hazardRatios.find((x) => x.term === t.term)!;
        expectClose(h.hr, t.hr, 1e-12, `${v.id} ${t.term} hr`);
        // B = 0: the t quantile on (m − 1)·10⁸ df is the normal one to ~1e-8.
        expectClose(h.lower, t.lower, 1e-7, `${v.id} ${t.term} lower`);
        expectClose(h.upper, t.upper, 1e-7, `${v.id} ${t.term} upper`);
        expect(h.memberRange.lower).toBeCloseTo(t.hr!, 12);
        expect(h.memberRange.upper).toBeCloseTo(t.hr!, 12);
      }
      if (v.analysis.logrank) expect(uv.logrankP).toEqual({ lower: v.analysis.logrank.p, upper: v.analysis.logrank.p });
    }
    const both = BASE_PATIENTS.filter((p) => p.calcification !== null && p.enhancement !== null).length;
    expect(u.assessed.both).toEqual({ lower: both, upper: both });
  });

  it('perturbed members: the pooled HR is exp(mean log HR) of the members’ own Cox fits, and the CI is wider than the average Wald CI', () => {
    const members = perturbedMembers(12, 42);
    const u = ensembleUncertainty(members, survival, 'x.csv');
    const rows = (ps: typeof BASE_PATIENTS) => ps.filter((p) => p.calcification !== null);
    const fits = members.map((ps) => {
      const r = rows(ps);
      return coxModel(
        { time: r.map((p) => p.osMonths), event: r.map((p) => p.osEvent), covariates: { group: r.map((p) => p.calcification as string) } },
        { reference: { group: 'no' }, ties: 'efron' },
      ).terms[0];
    });
    const meanCoef = fits.reduce((s, t) => s + t.coef!, 0) / fits.length;
    const meanVar = fits.reduce((s, t) => s + t.se! ** 2, 0) / fits.length;
    const h = u.views.find((v) => v.id === 'calcification-os')!.hazardRatios[0];
    expect(h.term).toBe('yes');
    expect(h.members).toBe(12);
    expectClose(h.hr, Math.exp(meanCoef), 1e-12, 'pooled HR');
    const z = normalQuantile(0.975);
    expect(Math.log(h.upper) - Math.log(h.lower)).toBeGreaterThan(2 * z * Math.sqrt(meanVar));
    expect(h.lambda).toBeGreaterThan(0);
    const sorted = fits.map((t) => t.hr!).sort((a, b) => a - b);
    expectClose(h.memberRange.lower, quantile(sorted, 0.025)!, 1e-12, 'member range lower');
    expectClose(h.memberRange.upper, quantile(sorted, 0.975)!, 1e-12, 'member range upper');
  });

  it('counts both signs per member, and the enhancement comparisons use the pairwise log-rank p', () => {
    const members = perturbedMembers(5, 3);
    const u = ensembleUncertainty(members, survival, 'x.csv');
    const both = members.map((ps) => ps.filter((p) => p.calcification !== null && p.enhancement !== null).length);
    expect(u.assessed.both).toEqual(countRange(both));
    const views = members.map((ps) => buildSurvivalViews(ps, survival).find((v) => v.id === 'enhancement-rfs')!);
    const h = u.views.find((v) => v.id === 'enhancement-rfs')!.hazardRatios.find((x) => x.term === 'hyper')!;
    const pairP = views.map((v) => v.analysis.pairwise!.find((c) => [c.a, c.b].sort().join() === 'hyper,hypo')!.p);
    expect(h.logrankP).toEqual(ensembleRange(pairP));
  });

  it('ranges are type-7 percentiles; count ranges round outwards', () => {
    expect(ensembleRange([1, 2, 3, 4, 5])).toEqual({ lower: 1.1, upper: 4.9 });
    expect(ensembleRange([null, Number.NaN])).toBeNull();
    expect(countRange([1, 2, 3, 4, 5])).toEqual({ lower: 1, upper: 5 });
  });
});
