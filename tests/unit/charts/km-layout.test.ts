import { describe, expect, it } from 'vitest';
import { kmChart } from '../../../src/charts/km-chart.ts';
import { directLabelPositions } from '../../../src/charts/km-labels.ts';
import { kmLayout } from '../../../src/charts/km-layout.ts';
import { normaliseKmOptions } from '../../../src/charts/km-options.ts';
import { makeDocument, syntheticView } from './synthetic.ts';

const document = makeDocument();
const WIDTHS = [240, 288, 320, 480, 640, 720, 1000, 1400];

describe('kmLayout: one x scale for the plot and the risk table', () => {
  for (const width of WIDTHS) {
    it(`at width ${width}, every risk-table column sits at its axis tick's x`, () => {
      const view = syntheticView('enhancement', 'rfs');
      const svg = kmChart(view, { width }, { document });
      const layout = kmLayout(view, normaliseKmOptions({ width }));
      const tickLabels = [...svg.querySelectorAll('.km-axis-x text')].filter((t) => !t.classList.contains('km-axis-label'));
      expect(tickLabels.map((t) => t.textContent)).toEqual(['0', '20', '40', '60']);
      const tickX = new Map(tickLabels.map((t) => [Number(t.textContent), Number(t.getAttribute('x'))]));
      const cells = [...svg.querySelectorAll('.km-risk-table text[data-t]')];
      expect(cells.length).toBe(3 * 3 * 4); // 3 groups × 3 rows × 4 ticks
      for (const cell of cells) {
        const t = Number(cell.getAttribute('data-t'));
        expect(Number(cell.getAttribute('x'))).toBe(tickX.get(t));
        expect(Number(cell.getAttribute('x'))).toBeCloseTo(layout.x(t), 2);
      }
    });
  }

  it('the plot stays inside the SVG and text sizes do not depend on the width', () => {
    for (const width of WIDTHS) {
      const view = syntheticView('calcification', 'os');
      const layout = kmLayout(view, normaliseKmOptions({ width }));
      expect(layout.plotLeft).toBeGreaterThan(0);
      expect(layout.plotRight).toBeLessThan(width);
      expect(layout.plotRight - layout.plotLeft).toBeGreaterThan(100);
      expect(layout.fontSize).toBe(12);
      const svg = kmChart(view, { width }, { document });
      expect(svg.getAttribute('width')).toBe(String(width));
      expect(svg.getAttribute('viewBox')).toBe(`0 0 ${width} ${layout.height}`);
    }
  });

  it('labels sit at the curve ends on wide figures and in a legend on narrow ones', () => {
    const view = syntheticView('enhancement', 'rfs');
    expect(kmLayout(view, normaliseKmOptions({ width: 900 })).labels).toBe('direct');
    expect(kmLayout(view, normaliseKmOptions({ width: 320 })).labels).toBe('legend');
    expect(kmLayout(syntheticView('all', 'rfs'), normaliseKmOptions({ width: 320 })).labels).toBe('none');
    const narrow = kmChart(view, { width: 320 }, { document });
    expect(narrow.querySelectorAll('.km-legend text').length).toBe(3);
    expect(narrow.querySelector('.km-labels')).toBeNull();
  });

  it('direct labels are at least one line apart and inside the plot height', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const view = syntheticView('enhancement', 'rfs', seed);
      const layout = kmLayout(view, normaliseKmOptions({ width: 900 }));
      const ys = directLabelPositions(layout, view)
        .map((p) => p.y)
        .sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(layout.lineHeight - 1e-9);
      for (const y of ys) {
        expect(y).toBeGreaterThanOrEqual(layout.plotTop);
        expect(y).toBeLessThanOrEqual(layout.plotBottom);
      }
    }
  });

  it('ticks further out extend the axis and the table (the data step computes the table at them)', () => {
    const view = syntheticView('calcification', 'rfs', 42, [0, 20, 40, 60, 80, 100]);
    const svg = kmChart(view, { ticks: [0, 20, 40, 60, 80, 100] }, { document });
    expect(svg.querySelectorAll('.km-risk-table text[data-t="100"]').length).toBe(2 * 3);
  });
});
