import { describe, expect, it } from 'vitest';
import { clientData, hazardRows, medianRows, pairRows, scriptJson } from '../../../src/components/km/km-figure-data.ts';
import { syntheticView } from './synthetic.ts';

describe('<KmFigure> server helpers', () => {
  it('scriptJson cannot close its <script> element', () => {
    const text = scriptJson({ label: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual({ label: '</script><script>alert(1)</script>' });
  });
  it('clientData keeps what the browser needs and leaves out the published numbers', () => {
    const view = syntheticView('calcification', 'rfs');
    const data = clientData(view, { 'calcification-rfs': { no: { time: [0], lower: [1], upper: [1] } } });
    expect(data.analysis.km).toBe(view.analysis.km);
    expect('published' in data).toBe(false);
    expect(data.ensemble).toEqual({ no: { time: [0], lower: [1], upper: [1] } });
    expect(clientData(view, null).ensemble).toBeNull();
  });
  it('stats rows: medians with CI, hazard ratios vs the reference, Holm-adjusted pairs for three groups', () => {
    const two = syntheticView('calcification', 'os');
    expect(medianRows(two).map((r) => r.label)).toEqual(['No calcifications', 'Calcifications']);
    expect(hazardRows(two)).toHaveLength(1);
    expect(hazardRows(two)[0].hr).toMatch(/^\d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\)$/);
    expect(pairRows(two)).toEqual([]);
    const three = syntheticView('enhancement', 'os');
    expect(hazardRows(three).map((r) => r.label)).toEqual(['Hyperenhancing', 'Mixed']);
    const pairs = pairRows(three);
    expect(pairs.map((p) => p.label)).toEqual(['Hypoenhancing vs Hyperenhancing', 'Hypoenhancing vs Mixed', 'Hyperenhancing vs Mixed']);
    for (const p of pairs) expect(Number(p.pHolm.replace(/[<> ]/g, ''))).toBeGreaterThanOrEqual(Number(p.p.replace(/[<> ]/g, '')));
  });
});
