/**
 * Translucent bands: the pointwise confidence interval of each curve, and the band across the
 * ensemble of reconstructions (how much the reconstructed curve could vary).
 *
 * Where confidence bands overlap, their translucent fills mix towards grey (blue and orange are
 * near complements), so each band also has its edges drawn as thin lines in its group's colour,
 * over all fills: an overlap stays readable as "this band's edge, that band's edge". The fills are
 * kept light (BAND_FILL_OPACITY); the edges keep ≥ 3:1 contrast against the background and against
 * the overlap of all three bands, in the light and the dark theme (tests/unit/charts/km-palette.test.ts).
 */
import { area, curveStepAfter, line } from 'd3-shape';
import { bandPoints, stepPoints } from './km-data.ts';
import type { KmBand, KmData, StepPoint } from './km-data.ts';
import type { KmLayout } from './km-layout.ts';
import { BAND_EDGE_WIDTH, BAND_FILL_OPACITY, groupClass, groupColor } from './km-palette.ts';
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

/** The upper and lower edges of a band as one path of two step lines. */
export function bandEdgesPath(layout: KmLayout, points: readonly StepPoint[]): string {
  const edge = (key: 'lower' | 'upper') =>
    line<StepPoint>()
      .defined((d) => d[key] !== null)
      .x((d) => layout.x(d.t))
      .y((d) => layout.y(d[key]!))
      .curve(curveStepAfter)
      .digits(2)(points as StepPoint[]) ?? '';
  return `${edge('upper')}${edge('lower')}`;
}

/** Each group's band fill, then every band's edges (so that no fill covers another band's edge). */
export function drawConfidenceBands(document: ChartDocument, layout: KmLayout, data: KmData): SVGPathElement[] {
  const points = data.analysis.groups.map((group) => stepPoints(data.analysis.km[group], layout.tMax));
  const fills = data.analysis.groups.map((group, i) =>
    svgElement(document, 'path', {
      class: `km-band ${groupClass(i)}`,
      'data-group': group,
      d: bandPath(layout, points[i]) || null,
      fill: groupColor(i),
      'fill-opacity': BAND_FILL_OPACITY,
      stroke: 'none',
    }),
  );
  const edges = data.analysis.groups.map((group, i) =>
    svgElement(document, 'path', {
      class: `km-band-edge ${groupClass(i)}`,
      'data-group': group,
      d: bandEdgesPath(layout, points[i]) || null,
      fill: 'none',
      stroke: groupColor(i),
      'stroke-width': BAND_EDGE_WIDTH,
    }),
  );
  return [...fills, ...edges];
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
