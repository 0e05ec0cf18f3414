import { describe, expect, it } from 'vitest';
import { CURVES, GRID, TERMS, spread } from '../../../src/reconstruct/ensemble.ts';
import { committedJson } from './shared.ts';

interface Spread {
  n: number;
  min: number;
  p05: number;
  median: number;
  p95: number;
  max: number;
}
interface Band {
  time: number[];
  lower: number[];
  upper: number[];
  min: number[];
  median: number[];
  max: number[];
}
interface EnsembleFile {
  members: number;
  attempts: number;
  acceptanceRate: number;
  views: Record<string, Record<string, Band>>;
  hazardRatios: (Spread & { endpoint: string; grouping: string; term: string })[];
  logrankP: (Spread & { endpoint: string; grouping: string })[];
  overlap: Spread;
}

function ordered(s: Spread, label: string): void {
  expect(s.min, label).toBeLessThanOrEqual(s.p05);
  expect(s.p05, label).toBeLessThanOrEqual(s.median);
  expect(s.median, label).toBeLessThanOrEqual(s.p95);
  expect(s.p95, label).toBeLessThanOrEqual(s.max);
}

describe('data/reconstructed/ensemble.json', () => {
  const file = committedJson<EnsembleFile>('ensemble');

  it('has at least 200 accepted members and a consistent acceptance rate', () => {
    expect(file.members).toBeGreaterThanOrEqual(200);
    expect(file.attempts).toBeGreaterThanOrEqual(file.members);
    expect(file.acceptanceRate).toBeCloseTo(file.members / file.attempts, 4);
  });

  it('has a band for every curve on the 0–120-month grid: min ≤ 5% ≤ median ≤ 95% ≤ max, within [0, 1]', () => {
    for (const key of CURVES) {
      const band = file.views[key.view]?.[key.group];
      expect(band, `${key.view}/${key.group}`).toBeDefined();
      expect(band.time).toEqual(GRID);
      for (let i = 0; i < GRID.length; i++) {
        const label = `${key.view}/${key.group} at ${i}`;
        expect(band.min[i], label).toBeGreaterThanOrEqual(0);
        expect(band.min[i], label).toBeLessThanOrEqual(band.lower[i]);
        expect(band.lower[i], label).toBeLessThanOrEqual(band.median[i]);
        expect(band.median[i], label).toBeLessThanOrEqual(band.upper[i]);
        expect(band.upper[i], label).toBeLessThanOrEqual(band.max[i]);
        expect(band.max[i], label).toBeLessThanOrEqual(1);
      }
      expect(band.min[0]).toBe(1);
    }
  });

  it('summarises every hazard ratio term and log-rank p over all members, ordered', () => {
    expect(file.hazardRatios.map((h) => h.term)).toEqual(TERMS.map((t) => t.term));
    for (const h of file.hazardRatios) {
      expect(h.n).toBe(file.members);
      ordered(h, `${h.endpoint} ${h.term}`);
      expect(h.min).toBeGreaterThan(0);
    }
    expect(file.logrankP).toHaveLength(4);
    for (const p of file.logrankP) ordered(p, `${p.endpoint} ${p.grouping}`);
    ordered(file.overlap, 'overlap');
    expect(file.overlap.min).toBeGreaterThanOrEqual(26);
  });

  it('spread() gives R type-7 quantiles', () => {
    // R: quantile(1:10, c(.05, .5, .95)) = 1.45, 5.5, 9.55
    expect(spread([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ n: 10, min: 1, p05: 1.45, median: 5.5, p95: 9.55, max: 10 });
    expect(spread([null, 2])).toEqual({ n: 1, min: 2, p05: 2, median: 2, p95: 2, max: 2 });
  });
});

describe('compactJson', () => {
  it('indents objects, keeps arrays of plain values on one line, and parses back to the same value', async () => {
    const { compactJson } = await import('../../../src/reconstruct/json.ts');
    const value = { a: [1, 2.5, null], b: { c: 'x', d: undefined, e: [{ f: [] }, { g: ['y'] }] }, h: {} };
    const text = compactJson(value);
    expect(text).toBe('{\n  "a": [1,2.5,null],\n  "b": {\n    "c": "x",\n    "e": [\n      {\n        "f": []\n      },\n      {\n        "g": ["y"]\n      }\n    ]\n  },\n  "h": {}\n}\n');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
