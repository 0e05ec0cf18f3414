import { describe, expect, it } from 'vitest';
import { reconstructionFacts } from '../../../src/components/reconstruction/printed-facts.ts';
import { loadPublished } from '../../../src/published/load.ts';

describe('reconstructionFacts: the printed numbers /reconstruction/ reasons with', () => {
  it('reads the cohort sizes, the calcified group and the numbers at risk from data/published', () => {
    const s = loadPublished().survival;
    const f = reconstructionFacts(s);
    expect(f.cohortN).toBe(s.cohort.n.value);
    expect(f.minOverlap).toBe(f.calcN + f.enhN - f.cohortN);
    // The page's argument needs these relations to hold for the printed numbers.
    expect(f.calcN).toBeGreaterThan(f.enhN);
    expect(f.osAtRiskLast.enhancement).toBeGreaterThan(f.osAtRiskLast.calcification);
    expect(f.calcYes.lastAtRisk).toBeLessThan(f.calcYes.n);
  });

  it('reads the times at risk, the window between them, the median OS and the median follow-up as printed', () => {
    const s = loadPublished().survival;
    const f = reconstructionFacts(s);
    expect(f.atRiskTimes).toEqual(s.figures[0].times);
    expect(f.window).toBe(s.figures[0].times[1] - s.figures[0].times[0]);
    expect(f.medianOs).toBe(s.quantiles.find((q) => q.grouping === 'all' && q.endpoint === 'os')?.median.printed);
    expect(f.medianFollowUp).toBe(s.followUp.median.printed);
    const uneven = { ...s, figures: s.figures.map((x, i) => (i === 0 ? { ...x, times: [0, 10] } : x)) };
    expect(() => reconstructionFacts(uneven)).toThrow(/different times/);
  });
});
