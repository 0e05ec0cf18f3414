/** Axes and grid of the Kaplan–Meier plot: y from 0 to 1, x in months at the given ticks. */
import { formatFixed } from '../format/number.ts';
import { INK_LIGHT } from './km-palette.ts';
import { Y_TICKS } from './km-layout.ts';
import type { KmLayout } from './km-layout.ts';
import { append, svgElement } from './svg.ts';
import type { ChartDocument } from './svg.ts';

export const X_LABEL = 'Months after liver resection';

export function drawGrid(document: ChartDocument, layout: KmLayout): SVGGElement {
  const g = svgElement(document, 'g', { class: 'km-grid', stroke: INK_LIGHT.grid, 'stroke-width': 1 });
  const d = Y_TICKS.map((t) => `M${layout.plotLeft},${layout.y(t)}H${layout.plotRight}`).join('');
  const v = layout.ticks.map((t) => `M${layout.x(t)},${layout.plotTop}V${layout.plotBottom}`).join('');
  return append(g, svgElement(document, 'path', { d: d + v, fill: 'none' }));
}

export function drawYAxis(document: ChartDocument, layout: KmLayout, label: string): SVGGElement {
  const g = svgElement(document, 'g', { class: 'km-axis km-axis-y' });
  const labels = svgElement(document, 'g', { class: 'km-muted', fill: INK_LIGHT.muted, 'text-anchor': 'end' });
  for (const t of Y_TICKS) {
    labels.appendChild(svgElement(document, 'text', { x: layout.plotLeft - 6, y: layout.y(t), dy: '0.32em' }, formatFixed(t, 2)));
  }
  const title = svgElement(
    document,
    'text',
    { class: 'km-text km-axis-label', x: layout.plotLeft - 6, y: layout.yLabelY, fill: INK_LIGHT.text, 'text-anchor': 'start' },
    `↑ ${label}`,
  );
  const line = svgElement(document, 'path', {
    class: 'km-rule',
    d: `M${layout.plotLeft},${layout.plotTop}V${layout.plotBottom}`,
    stroke: INK_LIGHT.muted,
    fill: 'none',
  });
  return append(g, line, labels, title);
}

export function drawXAxis(document: ChartDocument, layout: KmLayout): SVGGElement {
  const { x, plotBottom } = layout;
  const g = svgElement(document, 'g', { class: 'km-axis km-axis-x' });
  const ticks = layout.ticks.map((t) => `M${x(t)},${plotBottom}v5`).join('');
  const line = svgElement(document, 'path', {
    class: 'km-rule',
    d: `M${layout.plotLeft},${plotBottom}H${layout.plotRight}${ticks}`,
    stroke: INK_LIGHT.muted,
    fill: 'none',
  });
  const labels = svgElement(document, 'g', { class: 'km-muted', fill: INK_LIGHT.muted, 'text-anchor': 'middle' });
  for (const t of layout.ticks) {
    labels.appendChild(svgElement(document, 'text', { x: x(t), y: plotBottom + 6 + layout.lineHeight - 3 }, String(t)));
  }
  const title = svgElement(
    document,
    'text',
    {
      class: 'km-text km-axis-label',
      x: (layout.plotLeft + layout.plotRight) / 2,
      y: layout.xLabelY - 3,
      fill: INK_LIGHT.text,
      'text-anchor': 'middle',
    },
    `${X_LABEL} →`,
  );
  return append(g, line, labels, title);
}
