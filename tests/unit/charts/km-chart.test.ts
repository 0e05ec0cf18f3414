import { describe, expect, it } from 'vitest';
import { kmChart } from '../../../src/charts/km-chart.ts';
import { makeDocument, syntheticView } from './synthetic.ts';

const document = makeDocument();

describe('kmChart', () => {
  const view = syntheticView('enhancement', 'rfs');
  it('draws one step curve per group with distinct dash patterns and the y label of the endpoint', () => {
    const svg = kmChart(view, {}, { document });
    const lines = [...svg.querySelectorAll('.km-line')];
    expect(lines.map((l) => l.getAttribute('data-group'))).toEqual(['hypo', 'hyper', 'mixed']);
    expect(new Set(lines.map((l) => l.getAttribute('stroke-dasharray'))).size).toBe(3);
    expect(svg.textContent).toContain('Proportion free of recurrence');
    expect(kmChart(syntheticView('calcification', 'os'), {}, { document }).textContent).toContain('Proportion surviving');
  });
  it('CI bands and censor marks are on by default, median lines off', () => {
    const svg = kmChart(view, {}, { document });
    expect(svg.querySelectorAll('.km-ci .km-band').length).toBe(3);
    expect(svg.querySelector('.km-censor')).not.toBeNull();
    expect(svg.querySelector('.km-median')).toBeNull();
    const off = kmChart(view, { ci: false, censor: false, median: true }, { document });
    expect(off.querySelector('.km-ci')).toBeNull();
    expect(off.querySelector('.km-censor')).toBeNull();
    expect(off.querySelectorAll('.km-median path').length).toBe(1 + 3); // the rule at 0.5 and a drop per group
  });
  it('with allLayers, switched-off layers are drawn hidden for CSS to switch on', () => {
    const svg = kmChart(view, { ci: false, allLayers: true }, { document });
    expect(svg.querySelector('.km-ci')?.getAttribute('display')).toBe('none');
    expect(svg.querySelector('.km-censor')?.getAttribute('display')).toBeNull();
  });
  it('is an image with a title and description, or a focusable group when interactive', () => {
    const svg = kmChart(view, { title: 'T', description: 'D', idPrefix: 'fig1' }, { document });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('fig1-enhancement-rfs-title');
    expect(svg.querySelector('title')?.textContent).toBe('T');
    expect(svg.querySelector('desc')?.textContent).toBe('D');
    const interactive = kmChart(view, { interactive: true }, { document });
    expect(interactive.getAttribute('role')).toBe('group');
    expect(interactive.getAttribute('tabindex')).toBe('0');
  });
  it('a standalone export has xmlns, a white background, the caption and literal colours', () => {
    const svg = kmChart(view, { standalone: true, title: 'Title', caption: 'A caption.' }, { document });
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.querySelector('.km-bg')?.getAttribute('fill')).toBe('#ffffff');
    expect(svg.querySelector('.km-caption')?.textContent).toBe('A caption.');
    expect(svg.outerHTML).not.toContain('var(');
  });
  it('highlight: "risk-table" shows the table outline, "median" draws the median lines', () => {
    expect(kmChart(view, { highlight: 'risk-table' }, { document }).querySelector('.km-table-highlight')?.getAttribute('display')).toBeNull();
    expect(kmChart(view, {}, { document }).querySelector('.km-table-highlight')?.getAttribute('display')).toBe('none');
    expect(kmChart(view, { highlight: 'median' }, { document }).querySelector('.km-median')).not.toBeNull();
  });
  it('kmChart(data, { labels: "side" }) throws "invalid labels: side"', () => {
    expect(() => kmChart(view, { labels: 'side' as never }, { document })).toThrow('invalid labels: side');
  });
});
