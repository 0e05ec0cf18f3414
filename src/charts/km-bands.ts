/**
 * Translucent bands: the pointwise confidence interval of each curve, and the band across the
 * ensemble of reconstructions (how much the reconstructed curve could vary).
 */
import { area, curveStepAfter } from 'd3-shape';
import { bandPoints, stepPoints } from './km-data.ts';
import type { KmBand, KmData, StepPoint } from './km-data.ts';
import type { KmLayout } from './km-layout.ts';
import { groupClass, groupColor } from './km-palette.ts';
import { svgElement } from './svg.ts';
import type { ChartDocument } from './svg.ts';

export function bandPath(layout: KmLayout, points: readonly StepPoint[]): string {
  return (
    area<StepPoint>()
      .defined((d) => d.lower !== null && d.upper !== null)
      .x((d) => layout.x(d.t))
      .y0((d) => layout.y(d.lower!))
      .y1((d) => layout.y(d.upper!))
      .curve(curveStepAfter)
      .digits(2)(points as StepPoint[]) ?? ''
  );
}

export function drawConfidenceBands(document: ChartDocument, layout: KmLayout, data: KmData): SVGPathElement[] {
  return data.analysis.groups.map((group, i) =>
    svgElement(document, 'path', {
      class: `km-band ${groupClass(i)}`,
      'data-group': group,
      d: bandPath(layout, stepPoints(data.analysis.km[group], layout.tMax)) || null,
      fill: groupColor(i),
      'fill-opacity': 0.14,
      stroke: 'none',
    }),
  );
}

export function drawEnsembleBands(document: ChartDocument, layout: KmLayout, data: KmData): SVGPathElement[] {
  const ensemble = data.ensemble ?? {};
  return data.analysis.groups
    .map((group, i) => ({ group, i, band: ensemble[group] as KmBand | undefined }))
    .filter((b) => b.band && b.band.time.length > 0)
    .map(({ group, i, band }) =>
      svgElement(document, 'path', {
        class: `km-ensemble-band ${groupClass(i)}`,
        'data-group': group,
        d: bandPath(layout, bandPoints(band!, layout.tMax)) || null,
        fill: groupColor(i),
        'fill-opacity': 0.1,
        stroke: groupColor(i),
        'stroke-opacity': 0.7,
        'stroke-width': 1,
        'stroke-dasharray': '3 2',
      }),
    );
}
