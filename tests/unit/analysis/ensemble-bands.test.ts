import { describe, expect, it } from 'vitest';
import { kmChart } from '../../../src/charts/km-chart.ts';
import { ensembleBands } from '../../../src/analysis/ensemble-bands.ts';
import { makeDocument, syntheticView, withSyntheticEnsemble } from '../charts/synthetic.ts';

describe('ensemble band', () => {
  it('ensembleBands reads { views: { id: { group: { time, lower, upper } } } } and drops what it cannot read', () => {
    const json = {
      views: {
        'calcification-rfs': { no: { time: [0, 5], lower: [1, 0.8], upper: [1, 0.9] }, yes: { time: [0, 0], lower: [1, 1], upper: [1, 1] } },
        'other-view': { no: { time: [0], lower: [1], upper: [1] } },
      },
    };
    expect(ensembleBands(json, ['calcification-rfs'])).toEqual({
      'calcification-rfs': { no: { time: [0, 5], lower: [1, 0.8], upper: [1, 0.9] } },
    });
    expect(ensembleBands(null, ['calcification-rfs'])).toBeNull();
    expect(ensembleBands({ views: {} }, ['calcification-rfs'])).toBeNull();
  });
  it('kmChart draws the ensemble layer only when asked (or hidden, with allLayers)', () => {
    const document = makeDocument();
    const data = withSyntheticEnsemble(syntheticView('calcification', 'rfs'));
    expect(kmChart(data, {}, { document }).querySelector('.km-ensemble')).toBeNull();
    expect(kmChart(data, { ensemble: true }, { document }).querySelectorAll('.km-ensemble path').length).toBe(2);
    const hidden = kmChart(data, { allLayers: true }, { document }).querySelector('.km-ensemble');
    expect(hidden?.getAttribute('display')).toBe('none');
    expect(kmChart(syntheticView('calcification', 'rfs'), { ensemble: true }, { document }).querySelector('.km-ensemble')).toBeNull();
  });
});

describe('ensemble file as src/reconstruct writes it', () => {
  it('reads views → group → { time, lower, upper, min, median, max } and the member count', async () => {
    const { ensembleMembers } = await import('../../../src/analysis/ensemble-bands.ts');
    const json = {
      members: 200,
      grid: { from: 0, to: 2, step: 1 },
      views: { 'all-rfs': { all: { time: [0, 1, 2], lower: [1, 0.9, 0.8], upper: [1, 0.95, 0.9], min: [1, 0.8, 0.7], median: [1, 0.92, 0.85], max: [1, 1, 0.95] } } },
    };
    expect(ensembleBands(json, ['all-rfs'])).toEqual({ 'all-rfs': { all: { time: [0, 1, 2], lower: [1, 0.9, 0.8], upper: [1, 0.95, 0.9] } } });
    expect(ensembleMembers(json)).toBe(200);
    expect(ensembleMembers({})).toBeNull();
  });
});
