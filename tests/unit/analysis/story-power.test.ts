import { describe, expect, it } from 'vitest';
import { buildPower, comparisonPower, DESIGN_POWER, eventsOf } from '../../../src/analysis/story-power.ts';
import { PowerFile } from '../../../src/analysis/story-power.ts';
import { detectableHazardRatio } from '../../../src/stats/survival-power.ts';
import { syntheticView } from '../charts/synthetic.ts';

describe('story power (computed by the data step)', () => {
  const views = [syntheticView('calcification', 'os'), syntheticView('enhancement', 'rfs'), syntheticView('all', 'os')];

  it('has one comparison per Cox term of every grouped view, none for the whole cohort', () => {
    const p = PowerFile.parse(JSON.parse(JSON.stringify(buildPower(views, null, 0.05))));
    expect(p.comparisons.map((c) => `${c.view}/${c.term}`)).toEqual(['calcification-os/yes', 'enhancement-rfs/hyper', 'enhancement-rfs/mixed']);
    expect(p.designPower).toBe(DESIGN_POWER);
  });

  it('uses the counted events of the two groups and their allocation (real data)', () => {
    const v = views[0];
    const c = buildPower([v], null, 0.05).comparisons[0];
    const d = eventsOf(v, ['no', 'yes']);
    const k = v.analysis.groupSizes.yes / v.analysis.groupSizes.no;
    expect(c.events).toEqual({ lower: d, upper: d, range: false });
    expect(c.few).toEqual(detectableHazardRatio({ events: d, allocation: k, alpha: 0.05, power: DESIGN_POWER }));
  });

  it('an events range gives the widest band at its lower end', () => {
    const c = comparisonPower({ lower: 20, upper: 40 }, 30, 15, 0.05);
    expect(c.events.range).toBe(true);
    expect(c.few.above!).toBeGreaterThan(c.many.above!);
    expect(c.few.below!).toBeLessThan(c.many.below!);
  });
});
