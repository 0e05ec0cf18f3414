/**
 * The Kaplan–Meier figure as one pure function: `(data, options, { document }) → SVGSVGElement`.
 * Step curves with translucent CI bands, censoring marks, median lines, direct labels and the
 * KMunicate risk table under the plot, all on one x scale. The same code draws at build time
 * (linkedom) and in the browser (the `<km-figure>` element redraws at the container's width).
 */
import { drawGrid, drawXAxis, drawYAxis } from './km-axes.ts';
import { drawConfidenceBands, drawEnsembleBands } from './km-bands.ts';
import { drawCensorMarks, drawCurves, drawMedianLines } from './km-curves.ts';
import type { KmData } from './km-data.ts';
import { drawDirectLabels, drawLegend } from './km-labels.ts';
import { kmLayout } from './km-layout.ts';
import type { KmLayout } from './km-layout.ts';
import { normaliseKmOptions } from './km-options.ts';
import type { KmOptions, KmSettings } from './km-options.ts';
import { INK_LIGHT } from './km-palette.ts';
import { drawRiskTable } from './km-risk-table.ts';
import { SVG_NS, append, svgElement } from './svg.ts';
import type { ChartDocument } from './svg.ts';

export interface KmContext {
  readonly document: ChartDocument;
}

/** Ids used inside the chart, derived from the prefix and the view (unique per page). */
export function kmIds(settings: Pick<KmSettings, 'idPrefix'>, data: Pick<KmData, 'id'>) {
  const base = `${settings.idPrefix}-${data.id}`;
  return { title: `${base}-title`, desc: `${base}-desc` };
}

type Layer = 'ci' | 'censor' | 'median' | 'ensemble';

function layer(document: ChartDocument, name: Layer, on: boolean, children: readonly Element[]): SVGGElement {
  // Off layers are drawn only with allLayers, hidden by attribute: a stylesheet may show them.
  const g = svgElement(document, 'g', { class: `km-layer km-${name}`, 'data-layer': name, display: on ? null : 'none' });
  return append(g, ...children);
}

/** Draws the figure. Throws `invalid <option>: <value>` for bad options. */
export function kmChart(data: KmData, options: KmOptions = {}, { document }: KmContext): SVGSVGElement {
  const s = normaliseKmOptions(options);
  const layout = kmLayout(data, s);
  return drawKm(data, s, layout, document);
}

/** As {@link kmChart}, with settings and layout already computed (the client reuses its layout). */
export function drawKm(data: KmData, s: KmSettings, layout: KmLayout, document: ChartDocument): SVGSVGElement {
  const ids = kmIds(s, data);
  const classes = ['km-svg', s.highlight ? `km-highlight-${s.highlight}` : null].filter(Boolean).join(' ');
  const svg = svgElement(document, 'svg', {
    xmlns: s.standalone ? SVG_NS : null,
    class: classes,
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    'font-family': s.fontFamily,
    'font-size': s.fontSize,
    role: s.interactive ? 'group' : 'img',
    'aria-roledescription': s.interactive ? 'interactive chart' : null,
    tabindex: s.interactive ? 0 : null,
    'aria-labelledby': s.title ? ids.title : null,
    'aria-describedby': s.description ? ids.desc : null,
    'data-view': data.id,
  }) as unknown as SVGSVGElement;
  if (s.title) svg.appendChild(svgElement(document, 'title', { id: ids.title }, s.title));
  if (s.description) svg.appendChild(svgElement(document, 'desc', { id: ids.desc }, s.description));
  if (s.standalone) {
    svg.appendChild(svgElement(document, 'rect', { class: 'km-bg', width: layout.width, height: layout.height, fill: INK_LIGHT.background }));
  }

  // Everything visible is decoration for assistive technology: the title, description, summary
  // and the data table next to the figure carry the same information as text.
  const body = svgElement(document, 'g', { 'aria-hidden': 'true' });
  for (const line of layout.titleLines) {
    body.appendChild(
      svgElement(document, 'text', { class: 'km-text', x: 12, y: line.y, fill: INK_LIGHT.text, 'font-size': s.fontSize + 3, 'font-weight': 700 }, line.text),
    );
  }
  const hasEnsemble = !!data.ensemble && data.analysis.groups.some((g) => data.ensemble?.[g]);
  const show = (name: Layer, on: boolean) => on || s.allLayers || (name === 'median' && s.highlight === 'median');
  const on = (name: Layer, value: boolean) => value || (name === 'median' && s.highlight === 'median');
  append(
    body,
    layout.labels === 'legend' ? drawLegend(document, layout, data) : null,
    drawGrid(document, layout),
    hasEnsemble && show('ensemble', s.ensemble) ? layer(document, 'ensemble', on('ensemble', s.ensemble), drawEnsembleBands(document, layout, data)) : null,
    show('ci', s.ci) ? layer(document, 'ci', on('ci', s.ci), drawConfidenceBands(document, layout, data)) : null,
    show('median', s.median) ? layer(document, 'median', on('median', s.median), drawMedianLines(document, layout, data)) : null,
    drawYAxis(document, layout, data.yLabel),
    drawXAxis(document, layout),
    drawCurves(document, layout, data),
    show('censor', s.censor) ? layer(document, 'censor', on('censor', s.censor), drawCensorMarks(document, layout, data)) : null,
    layout.labels === 'direct' ? drawDirectLabels(document, layout, data) : null,
    drawRiskTable(document, layout, data, s.highlight === 'risk-table'),
  );
  for (const line of layout.captionLines) {
    body.appendChild(svgElement(document, 'text', { class: 'km-text km-caption', x: 12, y: line.y, fill: INK_LIGHT.text }, line.text));
  }
  svg.appendChild(body);
  return svg;
}
