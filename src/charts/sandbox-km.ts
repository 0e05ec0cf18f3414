/**
 * A small Kaplan–Meier chart for the journal club's sandbox (and the handout): step curves,
 * censoring ticks, axes and a legend. Pure `(curves, options, { document }) → <svg>`, like every
 * chart of this folder: the page draws it at build time into `serverDocument()` and the
 * `<jc-km-sandbox>` element draws it into the browser's `document` after every edit.
 *
 * No inline `style` attributes (a strict CSP blocks them): colours come from classes that
 * the stylesheet maps to the site's group colours, and each curve has its own dash pattern so
 * that colour is never the only cue.
 */
import { append, svgElement } from './svg.ts';
import type { ChartDocument } from './svg.ts';
import type { KaplanMeierFit } from '../stats/kaplan-meier.ts';

export interface KmSvgCurve {
  /** Short key used in class names (`jc-km-curve-a`). */
  readonly key: string;
  readonly label: string;
  readonly fit: KaplanMeierFit;
}

export interface KmSvgOptions {
  readonly maxTime: number;
  readonly xTicks: readonly number[];
  readonly title: string;
  /** Text alternative: one or two sentences describing what the chart shows. */
  readonly description: string;
  /** Prefix for element ids, unique on the page. */
  readonly idPrefix: string;
  readonly width?: number;
  readonly height?: number;
  readonly xLabel?: string;
  readonly yLabel?: string;
}

const DASHES = ['', '7 4', '2 3', '10 3 2 3'];

/** Coordinates to 0.1 px: the chart is small. */
function r(x: number): number {
  return Math.round(x * 10) / 10;
}

/** The step path of a fit: starts at S = 1 at time 0, drops at each event time, runs to the last time. */
export function stepPath(fit: KaplanMeierFit, x: (t: number) => number, y: (s: number) => number): string {
  let d = `M${r(x(0))},${r(y(1))}`;
  for (let i = 0; i < fit.time.length; i++) {
    const t = fit.time[i];
    d += `H${r(x(t))}`;
    if (fit.nEvent[i] > 0) d += `V${r(y(fit.surv[i]))}`;
  }
  return d;
}

/** Draws the sandbox chart into `document`; returns the `<svg>` with `role="img"`, `<title>` and `<desc>`. */
export function sandboxKmChart(curves: readonly KmSvgCurve[], o: KmSvgOptions, { document }: { readonly document: ChartDocument }): SVGSVGElement {
  const width = o.width ?? 560;
  const height = o.height ?? 300;
  const m = { top: 16, right: 16, bottom: 46, left: 56 };
  const iw = width - m.left - m.right;
  const ih = height - m.top - m.bottom;
  const x = (t: number) => m.left + (t / o.maxTime) * iw;
  const y = (s: number) => m.top + (1 - s) * ih;
  const titleId = `${o.idPrefix}-title`;
  const descId = `${o.idPrefix}-desc`;
  const el = <K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number | null> = {}, text?: string) =>
    svgElement(document, name, attributes, text);

  const svg = el('svg', { class: 'jc-km', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` });
  append(svg, el('title', { id: titleId }, o.title), el('desc', { id: descId }, o.description));

  // Grid and axes.
  const axis = el('g', { class: 'jc-km-axis', 'aria-hidden': 'true' });
  for (const s of [0, 0.25, 0.5, 0.75, 1]) {
    append(
      axis,
      el('line', { class: 'jc-km-grid', x1: m.left, x2: m.left + iw, y1: r(y(s)), y2: r(y(s)) }),
      el('text', { x: m.left - 8, y: r(y(s)), dy: '0.32em', 'text-anchor': 'end' }, s.toFixed(2)),
    );
  }
  for (const t of o.xTicks) {
    append(
      axis,
      el('line', { class: 'jc-km-tick', x1: r(x(t)), x2: r(x(t)), y1: m.top + ih, y2: m.top + ih + 5 }),
      el('text', { x: r(x(t)), y: m.top + ih + 18, 'text-anchor': 'middle' }, String(t)),
    );
  }
  append(
    axis,
    el('line', { class: 'jc-km-domain', x1: m.left, x2: m.left + iw, y1: m.top + ih, y2: m.top + ih }),
    el('line', { class: 'jc-km-domain', x1: m.left, x2: m.left, y1: m.top, y2: m.top + ih }),
    el('text', { x: m.left + iw / 2, y: height - 6, 'text-anchor': 'middle' }, o.xLabel ?? 'Months'),
    el('text', { transform: `translate(14,${m.top + ih / 2}) rotate(-90)`, 'text-anchor': 'middle' }, o.yLabel ?? 'Proportion event-free'),
  );
  svg.appendChild(axis);

  // Curves and censoring ticks.
  curves.forEach((c, i) => {
    const dash = DASHES[i % DASHES.length] || null;
    const g = el('g', { class: `jc-km-curve jc-km-curve-${c.key}`, 'aria-hidden': 'true' });
    g.appendChild(el('path', { d: stepPath(c.fit, x, y), fill: 'none', 'stroke-width': 2.5, 'stroke-dasharray': dash }));
    for (let j = 0; j < c.fit.time.length; j++) {
      if (c.fit.nCensor[j] > 0) {
        const cx = r(x(c.fit.time[j]));
        const cy = y(c.fit.surv[j]);
        g.appendChild(el('line', { class: 'jc-km-censor', x1: cx, x2: cx, y1: r(cy - 6), y2: r(cy + 6), 'stroke-width': 2 }));
      }
    }
    svg.appendChild(g);
  });

  // Legend, top right.
  curves.forEach((c, i) => {
    const dash = DASHES[i % DASHES.length] || null;
    const ly = m.top + 12 + i * 20;
    const lx = m.left + iw - 150;
    svg.appendChild(
      append(
        el('g', { class: `jc-km-curve jc-km-curve-${c.key}`, 'aria-hidden': 'true' }),
        el('line', { x1: lx, x2: lx + 28, y1: ly, y2: ly, 'stroke-width': 2.5, 'stroke-dasharray': dash }),
        el('text', { class: 'jc-km-legend', x: lx + 36, y: ly, dy: '0.32em' }, c.label),
      ),
    );
  });
  return svg;
}
