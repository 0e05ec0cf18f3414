/**
 * Reading values off the figure: at time t, each group's S(t), its CI and the number at risk.
 * The same numbers feed the crosshair drawn in the SVG and the sentence announced to screen readers.
 */
import { formatFixed, formatMonths } from '../format/number.ts';
import { groupLabel, valueAt } from './km-data.ts';
import type { KmData, ValueAt } from './km-data.ts';
import { SWATCH } from './km-layout.ts';
import type { KmLayout } from './km-layout.ts';
import { drawSwatch } from './km-labels.ts';
import { INK_LIGHT, groupClass, groupColor } from './km-palette.ts';
import { append, svgElement } from './svg.ts';
import type { ChartDocument } from './svg.ts';
import { textWidth } from './text-metrics.ts';

export interface CrosshairValue {
  readonly group: string;
  readonly index: number;
  readonly label: string;
  readonly value: ValueAt | null;
}

export function crosshairValues(data: KmData, t: number): CrosshairValue[] {
  return data.analysis.groups.map((group, index) => ({
    group,
    index,
    label: groupLabel(data, group),
    value: valueAt(data.analysis.km[group], t),
  }));
}

/** `0.62 (0.48–0.80), 30 at risk`, or a note that the curve has ended. */
export function formatValue(v: ValueAt | null): string {
  if (!v) return 'no longer followed';
  const ci = v.lower === null || v.upper === null ? 'CI not estimable' : `${formatFixed(v.lower, 2)}–${formatFixed(v.upper, 2)}`;
  return `${formatFixed(v.s, 2)} (${ci}), ${v.atRisk} at risk`;
}

/** The sentence announced for time t, e.g. `At 20 months: No calcifications 0.62 (0.48–0.80), 30 at risk; …`. */
export function crosshairText(data: KmData, t: number): string {
  const parts = crosshairValues(data, t).map((v) => `${v.label} ${formatValue(v.value)}`);
  return `At ${formatMonths(Math.round(t * 10) / 10)} months, ${data.endpointShort} with 95% CI: ${parts.join('; ')}.`;
}

/** The crosshair at time t: a vertical rule, a dot on each curve and a box with the values. */
export function drawCrosshair(document: ChartDocument, layout: KmLayout, data: KmData, t: number): SVGGElement {
  const fs = layout.fontSize;
  const lh = layout.lineHeight;
  const px = layout.x(Math.min(t, layout.tMax));
  const g = svgElement(document, 'g', { class: 'km-crosshair', 'aria-hidden': 'true', 'pointer-events': 'none' });
  g.appendChild(
    svgElement(document, 'path', {
      class: 'km-crosshair-rule',
      d: `M${px},${layout.plotTop}V${layout.plotBottom}`,
      stroke: INK_LIGHT.muted,
      'stroke-width': 1,
    }),
  );
  const values = crosshairValues(data, t);
  for (const v of values) {
    if (!v.value) continue;
    g.appendChild(
      svgElement(document, 'circle', {
        class: `km-crosshair-dot ${groupClass(v.index)}`,
        cx: px,
        cy: layout.y(v.value.s),
        r: 4,
        fill: groupColor(v.index),
        stroke: INK_LIGHT.background,
        'stroke-width': 1.5,
      }),
    );
  }
  const heading = `${formatMonths(Math.round(t * 10) / 10)} months`;
  const boxWidth = (lines: readonly string[]) => Math.ceil(Math.max(textWidth(heading, fs), ...lines.map((l) => SWATCH + textWidth(l, fs)))) + 16;
  // Group names when the box fits in the plot; otherwise the line samples alone identify them.
  const named = values.map((v) => `${v.label}: ${formatValue(v.value)}`);
  const fits = boxWidth(named) <= layout.plotRight - layout.plotLeft;
  const lines = fits ? named : values.map((v) => formatValue(v.value));
  const width = boxWidth(lines);
  const height = (lines.length + 1) * lh + 10;
  const room = layout.plotRight - px - 10;
  const bx = room >= width ? px + 10 : Math.max(2, px - 10 - width);
  const by = layout.plotTop + 4;
  const box = svgElement(document, 'g', { class: 'km-crosshair-box' });
  append(
    box,
    svgElement(document, 'rect', {
      class: 'km-tip-bg',
      x: bx,
      y: by,
      width,
      height,
      rx: 4,
      fill: INK_LIGHT.background,
      stroke: INK_LIGHT.rule,
    }),
    svgElement(document, 'text', { class: 'km-text', x: bx + 8, y: by + lh, fill: INK_LIGHT.text, 'font-weight': 600 }, heading),
  );
  lines.forEach((line, k) => {
    const y = by + (k + 2) * lh;
    append(
      box,
      drawSwatch(document, values[k].index, bx + 8, y - fs * 0.35),
      svgElement(document, 'text', { class: 'km-text', x: bx + 8 + SWATCH, y, fill: INK_LIGHT.text }, line),
    );
  });
  g.appendChild(box);
  return g;
}
