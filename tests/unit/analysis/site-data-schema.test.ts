import { describe, expect, it } from 'vitest';
import { SurvivalViewSchema, ViewsFileSchema } from '../../../src/analysis/site-data-schema.ts';
import { syntheticView } from '../charts/synthetic.ts';

describe('site-data schemas (what src/lib/generated.ts validates)', () => {
  const views = [syntheticView('calcification', 'rfs'), syntheticView('all', 'os')];
  const roundTrip = JSON.parse(JSON.stringify(views)) as unknown;

  it('accept what the data step writes, unchanged', () => {
    expect(ViewsFileSchema.parse(roundTrip)).toEqual(roundTrip);
  });

  it('refuse a damaged file with the path of the bad field', () => {
    const bad = JSON.parse(JSON.stringify(views[0])) as { analysis: { riskTable: { groups: Record<string, { atRisk: unknown[] }> } } };
    bad.analysis.riskTable.groups.no.atRisk[1] = 'twelve';
    const result = SurvivalViewSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.join('.')).toBe('analysis.riskTable.groups.no.atRisk.1');
    expect(SurvivalViewSchema.safeParse({ ...views[0], grouping: 'age' }).success).toBe(false);
  });
});
