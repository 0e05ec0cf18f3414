/**
 * Direct labels at the curve ends, kept apart. `dodge` is the one-dimensional collision avoidance:
 * labels keep their order, sit at least `gap` apart, stay inside [lo, hi], and each moves as little
 * as a forward and a backward pass allow.
 */
import { curveEnd, groupLabel, stepPoints } from './km-data.ts';
import type { KmData } from './km-data.ts';
import { SWATCH } from './km-layout.ts';
import type { KmLayout } from './km-layout.ts';
import { INK_LIGHT, groupClass, groupColor, groupDash } from './km-palette.ts';
import { append, svgElement } from './svg.ts';
import type { ChartDocument } from './svg.ts';

/**
 * Positions `ys` at least `gap` apart within [lo, hi], keeping their order (ties by input order).
 * Returns the new positions in the input order. If they cannot fit, they are spread evenly.
 */
export function dodge(ys: readonly number[], gap: number, lo = -Infinity, hi = Infinity): number[] {
  const n = ys.length;
  if (n === 0) return [];
  const order = ys.map((_, i) => i).sort((a, b) => ys[a] - ys[b] || a - b);
  const pos = order.map((i) => Math.min(hi, Math.max(lo, ys[i])));
  if (Number.isFinite(lo) && Number.isFinite(hi) && (n - 1) * gap > hi - lo) {
    // Not enough room: spread evenly over the whole range.
    const step = n > 1 ? (hi - lo) / (n - 1) : 0;
    pos.forEach((_, k) => (pos[k] = n > 1 ? lo + k * step : (lo + hi) / 2));
  } else {
    for (let k = 1; k < n; k++) pos[k] = Math.max(pos[k], pos[k - 1] + gap);
    if (pos[n - 1] > hi) pos[n - 1] = hi;
    for (let k = n - 2; k >= 0; k--) pos[k] = Math.min(pos[k], pos[k + 1] - gap);
    // The backward pass may have pushed the first below lo only if the range were too small (handled above).
    if (pos[0] < lo) {
      pos[0] = lo;
      for (let k = 1; k < n; k++) pos[k] = Math.max(pos[k], pos[k - 1] + gap);
    }
  }
  const out = new Array<number>(n);
  order.forEach((i, k) => (out[i] = pos[k]));
  return out;
}

/* Drawing ----------------------------------------------------------------------------------- */

/** A short sample of a group's line (colour and dash) ending SWATCH − 6 px to the right of x. */
export function drawSwatch(document: ChartDocument, index: number, x: number, y: number): SVGPathElement {
  return svgElement(document, 'path', {
    class: `km-swatch ${groupClass(index)}`,
    d: `M${Math.round(x * 100) / 100},${Math.round(y * 100) / 100}h${SWATCH - 6}`,
    stroke: groupColor(index),
    'stroke-width': 2.5,
    'stroke-dasharray': groupDash(index),
    fill: 'none',
  });
}

/** Where each group's direct label goes: its curve's end, dodged to one line height apart. */
export function directLabelPositions(layout: KmLayout, data: KmData): { group: string; index: number; endX: number; endY: number; y: number }[] {
  const ends = data.analysis.groups.map((group, index) => {
    const points = stepPoints(data.analysis.km[group], layout.tMax);
    const end = curveEnd(data.analysis.km[group], layout.tMax);
    return { group, index, endX: layout.x(end), endY: layout.y(points[points.length - 1].s) };
  });
  const ys = dodge(
    ends.map((e) => e.endY),
    layout.lineHeight,
    layout.plotTop + layout.lineHeight / 2,
    layout.plotBottom,
  );
  return ends.map((e, k) => ({ ...e, y: ys[k] }));
}

export function drawDirectLabels(document: ChartDocument, layout: KmLayout, data: KmData): SVGGElement {
  const g = svgElement(document, 'g', { class: 'km-labels', 'font-size': layout.fontSize + 1 });
  // No wrapper per label, and a leader only where it shows something (a label dodged off its
  // curve's end, or a curve that stops short of the axis end): the figure is drawn many times
  // per page, and every element counts towards the page's DOM size.
  for (const p of directLabelPositions(layout, data)) {
    const x0 = Math.round((p.endX + 2) * 100) / 100;
    const y0 = Math.round(p.endY * 100) / 100;
    const y1 = Math.round(p.y * 100) / 100;
    if (Math.abs(y1 - y0) > 0.5 || layout.labelX - x0 > 8) {
      g.appendChild(svgElement(document, 'path', { class: 'km-leader', d: `M${x0},${y0}L${layout.labelX},${y1}`, stroke: INK_LIGHT.muted, 'stroke-width': 0.75, fill: 'none' }));
    }
    append(
      g,
      drawSwatch(document, p.index, layout.labelX, p.y),
      svgElement(
        document,
        'text',
        { class: 'km-text km-label', 'data-group': p.group, x: layout.labelX + SWATCH, y: p.y, dy: '0.32em', fill: INK_LIGHT.text },
        groupLabel(data, p.group),
      ),
    );
  }
  return g;
}

export function drawLegend(document: ChartDocument, layout: KmLayout, data: KmData): SVGGElement {
  const g = svgElement(document, 'g', { class: 'km-legend', 'font-size': layout.fontSize + 1 });
  for (const item of layout.legend) {
    const y = item.y - layout.fontSize * 0.35;
    append(
      g,
      drawSwatch(document, item.index, item.x, y),
      svgElement(
        document,
        'text',
        { class: 'km-text', x: item.x + SWATCH, y: item.y, fill: INK_LIGHT.text, 'data-group': item.group },
        groupLabel(data, item.group),
      ),
    );
  }
  return g;
}
