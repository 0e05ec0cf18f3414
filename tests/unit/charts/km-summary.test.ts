import { describe, expect, it } from 'vitest';
import { crosshairText } from '../../../src/charts/km-crosshair.ts';
import { beyondAxisSentence, kmCaption, kmDescription, kmMedianText, kmReadingRows, kmSummaryLine, listJoin, mediansBeyondAxis } from '../../../src/charts/km-summary.ts';
import { riskAt } from '../../../src/charts/km-data.ts';
import type { SurvivalView } from '../../../src/analysis/site-data.ts';
import { syntheticView } from './synthetic.ts';

/** A view with chosen medians and p, on top of synthetic curves. */
function withMedians(view: SurvivalView, medians: Record<string, number | null>, p: number): SurvivalView {
  const quantiles = Object.fromEntries(
    Object.entries(view.analysis.quantiles).map(([g, q]) => [g, { ...q, median: { est: medians[g], lower: null, upper: null } }]),
  );
  return { ...view, analysis: { ...view.analysis, quantiles, logrank: { ...view.analysis.logrank!, p } } };
}

describe('kmSummaryLine', () => {
  it('two groups: "Median RFS 32 months without calcification vs 34 with; log-rank p = 0.772"', () => {
    const view = withMedians(syntheticView('calcification', 'rfs'), { no: 32, yes: 34 }, 0.7721);
    expect(kmSummaryLine(view)).toBe('Median RFS 32 months without calcification vs 34 with; log-rank p = 0.772');
  });
  it('three groups, one median not reached', () => {
    const view = withMedians(syntheticView('enhancement', 'os'), { hypo: 45, hyper: 36.25, mixed: null }, 0.268);
    expect(kmSummaryLine(view)).toBe('Median OS 45 months hypoenhancing, 36.3 hyperenhancing and not reached mixed; log-rank p = 0.268');
  });
  it('all patients: the median with its CI and the number of patients', () => {
    const view = syntheticView('all', 'rfs');
    const q = view.analysis.quantiles.all.median;
    expect(kmSummaryLine(view)).toBe(`Median RFS ${q.est} months (95% CI ${q.lower}–${q.upper}) for all 30 patients`);
  });
  it('reconstructed curves: the printed medians and p first, said to be as published', () => {
    const view = withMedians(syntheticView('calcification', 'rfs'), { no: 31.6, yes: 34.5 }, 0.771);
    const asPublished = { medians: { no: '32', yes: '34' }, logrankP: '0.772' };
    expect(kmSummaryLine({ ...view, asPublished })).toBe('Median RFS 32 months without calcification vs 34 with, as published; log-rank p = 0.772, as published');
    const all = syntheticView('all', 'os');
    expect(kmSummaryLine({ ...all, asPublished: { medians: { all: '34.5' }, logrankP: null } })).toBe('Median OS 34.5 months for all 30 patients, as published');
    const text = kmDescription({ ...view, asPublished }, [0, 20, 40, 60], '0.772');
    expect(text).toMatch(/p = 0\.\d{3}, fitted to the published value 0\.772\./);
    expect(text).toContain('Median recurrence-free survival, as published (the reconstruction was fitted to it): 32 months for No calcifications and 34 months for Calcifications.');
    expect(text).toMatch(/recurrences in the reconstruction drawn\)/);
  });
  it('tiny p-values read "p < 0.001"', () => {
    const view = withMedians(syntheticView('calcification', 'os'), { no: 20, yes: 60 }, 1e-5);
    expect(kmSummaryLine(view)).toMatch(/; log-rank p < 0\.001$/);
  });
});

describe('kmDescription and kmCaption', () => {
  const view = syntheticView('calcification', 'rfs');
  it('names every group with its size and events, the medians, the last tick and the log-rank test', () => {
    const text = kmDescription(view, [0, 20, 40, 60], '0.772');
    expect(text).toContain('No calcifications (30 patients, ');
    expect(text).toContain('Calcifications (14 patients, ');
    expect(text).toContain('At 60 months the estimated proportion free of recurrence is');
    expect(text).toMatch(/Log-rank test across 2 groups: χ² = \d+\.\d\d on 1 df, p = 0\.\d{3} \(the paper printed 0\.772\)\./);
  });
  it('the caption says when the data are reconstructed', () => {
    expect(kmCaption(view, { reconstructed: true })).toContain('reconstructed');
    expect(kmCaption(view, { reconstructed: false })).not.toContain('reconstructed');
  });
  it('listJoin joins like English', () => {
    expect(listJoin(['a'])).toBe('a');
    expect(listJoin(['a', 'b'])).toBe('a and b');
    expect(listJoin(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('crosshairText', () => {
  it('reads S(t), its CI and the number at risk of every group at t', () => {
    const view = syntheticView('calcification', 'rfs');
    const text = crosshairText(view, 0);
    expect(text).toBe('At 0 months, RFS with 95% CI: No calcifications 1.00 (1.00–1.00), 30 at risk; Calcifications 1.00 (1.00–1.00), 14 at risk.');
    expect(crosshairText(view, 500)).toContain('no longer followed');
  });
});

describe('mediansBeyondAxis / beyondAxisSentence', () => {
  // Five patients: events at 10, 50, 66; censored at 50 and 70, so 2 (the 66 and the 70) are at risk at 66 months.
  const curve = { time: [10, 50, 66, 70], nRisk: [5, 4, 2, 1], nEvent: [1, 1, 1, 0], nCensor: [0, 1, 0, 1], surv: [0.83, 0.67, 0.44, 0.44], se: [0, 0, 0, 0], lower: [0, 0, 0, 0], upper: [1, 1, 1, 1] };
  const base = withMedians(syntheticView('calcification', 'os'), { no: 30, yes: 66 }, 0.5);
  const view = { ...base, analysis: { ...base.analysis, km: { ...base.analysis.km, yes: curve } } };

  it('finds the median after the 60-month axis and the 2 patients it rests on (hand count)', () => {
    expect(mediansBeyondAxis(view, 60)).toEqual([{ group: 'yes', median: 66, atRisk: 2 }]);
    expect(beyondAxisSentence(view, 60)).toBe('The median of calcifications (66 months) lies beyond the 60-month axis; only 2 patients were still at risk then.');
  });
  it('says nothing when the axis reaches the median', () => {
    expect(mediansBeyondAxis(view, 80)).toEqual([]);
    expect(beyondAxisSentence(view, 80)).toBe('');
  });
});

describe('kmReadingRows (the figure\'s table for screen readers)', () => {
  it('one row per group: its label, its median in words ("not reached" for a curve that never halves) and the risk-table counts at each tick', () => {
    const view = withMedians(syntheticView('enhancement', 'os'), { hypo: 45, hyper: 36.25, mixed: null }, 0.268);
    const rows = kmReadingRows(view, [0, 20, 40, 60]);
    expect(rows.map((r) => r.group)).toEqual(view.analysis.groups);
    expect(rows.map((r) => r.label)).toEqual(view.analysis.groups.map((g) => view.groupLabels[g]));
    expect(rows.find((r) => r.group === 'mixed')!.median).toBe('not reached');
    expect(rows.find((r) => r.group === 'hypo')!.median).toMatch(/^45 months \(95% CI /);
    for (const r of rows) expect(r.atRisk).toEqual([0, 20, 40, 60].map((t) => riskAt(view, r.group, t).atRisk));
    // Everyone is at risk at time 0.
    expect(rows.map((r) => r.atRisk[0])).toEqual(view.analysis.groups.map((g) => view.analysis.groupSizes[g]));
  });

  it('with reconstructed curves the printed median, said as published; none printed is "not printed"', () => {
    const view = syntheticView('calcification', 'rfs');
    const data = { ...view, asPublished: { medians: { no: '32', yes: null }, logrankP: '0.772' } };
    expect(kmMedianText(data, 'no')).toBe('32 months');
    expect(kmMedianText(data, 'yes')).toBe('not printed');
  });

  it('throws for a tick the risk table does not have, rather than inventing a count', () => {
    expect(() => kmReadingRows(syntheticView('all', 'os'), [0, 13])).toThrow(/no risk-table counts/);
  });
});
