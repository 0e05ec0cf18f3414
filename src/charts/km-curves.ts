/** The step curves, their censoring marks and the median drop lines. */
import { curveStepAfter, line } from 'd3-shape';
import { curveEnd, stepPoints } from './km-data.ts';
import type { KmData, StepPoint } from './km-data.ts';
import type { KmLayout } from './km-layout.ts';
import { INK_LIGHT, groupClass, groupColor, groupDash } from './km-palette.ts';
import { svgElement } from './svg.ts';
import type { ChartDocument } from './svg.ts';

/** Path of one step curve, from (0, 1) to the curve's end, clipped at the axis end. */
export function curvePath(layout: KmLayout, points: readonly StepPoint[]): string {
  return (
    line<StepPoint>()
      .x((d) => layout.x(d.t))
      .y((d) => layout.y(d.s))
      .curve(curveStepAfter)
      .digits(2)(points as StepPoint[]) ?? ''
  );
}

export function drawCurves(document: ChartDocument, layout: KmLayout, data: KmData): SVGGElement {
  const g = svgElement(document, 'g', { class: 'km-curves', fill: 'none', 'stroke-width': 2.25, 'stroke-linejoin': 'miter' });
  data.analysis.groups.forEach((group, i) => {
    const d = curvePath(layout, stepPoints(data.analysis.km[group], layout.tMax));
    g.appendChild(
      svgElement(document, 'path', {
        class: `km-line ${groupClass(i)}`,
        'data-group': group,
        d,
        stroke: groupColor(i),
        'stroke-dasharray': groupDash(i),
      }),
    );
  });
  return g;
}

/** A "+" at every censoring time, on the curve (several censorings at one time share one mark). */
export function drawCensorMarks(document: ChartDocument, layout: KmLayout, data: KmData): SVGPathElement[] {
  return data.analysis.groups.map((group, i) => {
    const c = data.analysis.km[group];
    let d = '';
    for (let k = 0; k < c.time.length && c.time[k] <= layout.tMax; k++) {
      if (c.nCensor[k] > 0) {
        const px = Math.round(layout.x(c.time[k]) * 100) / 100;
        const py = Math.round(layout.y(c.surv[k]) * 100) / 100;
        d += `M${px - 3.5},${py}h7M${px},${py - 3.5}v7`;
      }
    }
    return svgElement(document, 'path', {
      class: `km-censor-mark ${groupClass(i)}`,
      'data-group': group,
      d: d || null,
      stroke: groupColor(i),
      'stroke-width': 1.5,
      fill: 'none',
    });
  });
}

/**
 * Median lines: one neutral rule at 0.5 from the y axis to the latest median, then a drop to the
 * x axis at each group's median, in the group's colour. None for a median not reached.
 */
export function drawMedianLines(document: ChartDocument, layout: KmLayout, data: KmData): (SVGPathElement | SVGTextElement)[] {
  const y = Math.round(layout.y(0.5) * 100) / 100;
  const drops = data.analysis.groups.map((group, i) => {
    const median = data.analysis.quantiles[group]?.median.est ?? null;
    const visible = median !== null && median <= Math.min(layout.tMax, curveEnd(data.analysis.km[group]));
    return { group, i, x: visible ? Math.round(layout.x(median) * 100) / 100 : null };
  });
  const xs = drops.map((d) => d.x).filter((x): x is number => x !== null);
  // A median after the end of the axis: an arrow at the right edge on the 0.5 line, labelled, so
  // the reader knows it exists (the figure's note says how many patients remain there).
  const beyond = data.analysis.groups.flatMap((group, i) => {
    const median = data.analysis.quantiles[group]?.median.est ?? null;
    if (median === null || median <= layout.tMax || median > curveEnd(data.analysis.km[group])) return [];
    return [
      svgElement(
        document,
        'text',
        {
          class: `km-median-beyond km-text ${groupClass(i)}`,
          'data-group': group,
          x: layout.plotRight - 4,
          y: y - 5,
          'text-anchor': 'end',
          'font-size': layout.fontSize,
          fill: INK_LIGHT.text,
        },
        `median ${Math.round(median)} mo →`,
      ),
    ];
  });
  const rule = svgElement(document, 'path', {
    class: 'km-median-line km-median-rule',
    d: xs.length || beyond.length ? `M${layout.plotLeft},${y}H${beyond.length ? layout.plotRight : Math.max(...xs)}` : null,
    stroke: INK_LIGHT.muted,
    'stroke-width': 1.25,
    'stroke-dasharray': '2 3',
    fill: 'none',
  });
  return [
    rule,
    ...beyond,
    ...drops.map((d) =>
      svgElement(document, 'path', {
        class: `km-median-line ${groupClass(d.i)}`,
        'data-group': d.group,
        d: d.x === null ? null : `M${d.x},${y}V${layout.plotBottom}`,
        stroke: groupColor(d.i),
        'stroke-width': 1.25,
        'stroke-dasharray': '2 3',
        fill: 'none',
      }),
    ),
  ];
}
