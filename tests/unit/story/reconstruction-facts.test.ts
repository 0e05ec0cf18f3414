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
});
