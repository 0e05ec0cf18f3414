import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { forestPlotSvg, formatTick } from '../../../src/charts/forest.ts';
import type { ForestRow } from '../../../src/charts/forest.ts';
import { serverDocument } from '../../../src/charts/server-document.ts';
import { tableS1ForestRows, tableS1Lines } from '../../../src/components/story/table-s1.ts';
import { loadPublished } from '../../../src/published/load.ts';

const lines = tableS1Lines(loadPublished().tableS1);

describe('Table S1 rows (data/published/tableS1.json)', () => {
  it('one line per printed estimate, reference levels included as "Ref."', () => {
    expect(lines.filter((l) => l.estimate === 'Ref.').map((l) => l.key)).toEqual([
      'insurance.private',
      'primary-location.other',
      'operation.bisegmentectomy',
      'liver-ki67.lt-20',
      'liver-differentiation.well',
    ]);
    expect(lines.find((l) => l.key === 'bmi')).toMatchObject({ hr: 0.86, lower: 0.76, upper: 0.96, p: '0.009', significant: true });
  });

  it('marks exactly the estimates printed with P < 0.05: BMI and poor differentiation', () => {
    expect(lines.filter((l) => l.significant).map((l) => l.key)).toEqual(['bmi', 'liver-differentiation.poor']);
  });

  it('forest rows leave the reference levels out and name the comparison', () => {
    const rows = tableS1ForestRows(lines);
    expect(rows).toHaveLength(lines.length - 5);
    expect(rows.find((r) => r.key === 'insurance.government')?.label).toBe('Health insurance: Government vs private');
  });
});

describe('forestPlotSvg (Observable Plot on linkedom)', () => {
  const rows: ForestRow[] = [
    { key: 'a', label: 'Alpha', hr: 1, lower: 0.5, upper: 2 },
    { key: 'b', label: 'Beta', hr: 5.67, lower: 1.97, upper: 16.26, emphasis: true, shade: { lower: 0.4, upper: 2.5 } },
    { key: 'c', label: 'Gamma', hr: null, lower: null, upper: null },
  ];
  const svg = forestPlotSvg(rows, { id: 'test-plot', title: 'A title', description: 'A description', domain: [0.1, 20], ticks: [0.1, 1, 10] }, { document: serverDocument() });
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg')!;

  it('is an image with a title and a description', () => {
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-labelledby')).toBe('test-plot-title test-plot-desc');
    expect(document.getElementById('test-plot-title')?.textContent).toBe('A title');
    expect(document.getElementById('test-plot-desc')?.textContent).toBe('A description');
  });

  it('leaves no aria-label on inner groups (ARIA forbids it on a plain <g>)', () => {
    expect(root.querySelectorAll('g[aria-label]').length).toBe(0);
  });

  it('draws one dot per estimate, a row label per row, log-scale ticks and a bold emphasised label', () => {
    const texts = [...root.querySelectorAll('text')].map((t) => t.textContent);
    for (const label of ['Alpha', 'Beta', 'Gamma', '0.1', '1', '10']) expect(texts).toContain(label);
    const beta = [...root.querySelectorAll('text')].find((t) => t.textContent === 'Beta');
    expect(beta?.getAttribute('font-weight')).toBe('700');
    expect(root.querySelectorAll('path[transform]').length).toBeGreaterThanOrEqual(2);
  });

  it('formatTick writes numbers as people do', () => {
    expect([0.01, 0.25, 0.5, 1, 2, 10].map(formatTick)).toEqual(['0.01', '0.25', '0.5', '1', '2', '10']);
  });
});

describe('forestPlotSvg, stacked layout (phones)', () => {
  const rows: ForestRow[] = [
    { key: 'a', label: 'Alpha vs omega', hr: 1, lower: 0.5, upper: 2 },
    { key: 'b', label: 'Beta vs omega', hr: 5.67, lower: 1.97, upper: 16.26, emphasis: true },
  ];
  const svg = forestPlotSvg(rows, { id: 'narrow', title: 'T', description: 'D', width: 320, layout: 'stacked', domain: [0.1, 20], ticks: [0.1, 1, 10] }, { document: serverDocument() });
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);

  it('puts each label on its own line above the row, not in a left margin, bold where emphasised', () => {
    const labels = [...document.querySelectorAll('g.forest-row-label text')];
    expect(labels.map((t) => t.textContent)).toEqual(['Alpha vs omega', 'Beta vs omega']);
    expect(labels.map((t) => t.getAttribute('font-weight'))).toEqual([null, '700']);
    // No y-axis tick labels besides: each label is drawn once.
    expect([...document.querySelectorAll('text')].filter((t) => t.textContent === 'Alpha vs omega')).toHaveLength(1);
    expect(document.querySelector('svg')?.getAttribute('width')).toBe('320');
  });
});
