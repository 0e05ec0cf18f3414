/**
 * Forest plots (hazard ratios with confidence intervals on a log axis), drawn with Observable Plot
 * on a server-side `document` (linkedom) and returned as SVG markup: the Table S1 figure and the
 * story's own hazard-ratio chart. Pure: `(rows, options, { document }) → string`.
 */
import * as Plot from '@observablehq/plot';
import { wrapText } from './text-metrics.ts';

export interface ForestRow {
  /** Unique key; also the y value. */
  readonly key: string;
  readonly label: string;
  readonly hr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Drawn bold with a filled dot (a second cue besides weight). */
  readonly emphasis?: boolean;
  /** A hazard-ratio range to shade behind the row (e.g. what the study could not detect). */
  readonly shade?: { readonly lower: number; readonly upper: number } | null;
}

export interface ForestOptions {
  /** Prefix for the ids of `<title>` and `<desc>`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly width?: number;
  readonly domain?: readonly [number, number];
  readonly ticks?: readonly number[];
  readonly xLabel?: string;
  /** Room for the row labels, px (side-by-side layout only). */
  readonly marginLeft?: number;
  /**
   * `side` (default): labels in a column left of the axis. `stacked`: each label on its own line
   * above its interval, the axis using the full width — the phone layout, which reflows instead of
   * shrinking the text or scrolling sideways.
   */
  readonly layout?: 'side' | 'stacked';
}

export interface ForestContext {
  readonly document: Document;
}


const ROW_HEIGHT = 26;
/** Stacked layout: a label line above each interval. */
const STACKED_ROW_HEIGHT = 46;
/** The font size of the plot's text in its own units (story.css sets `.forest-plot` to 12px). */
const FONT_SIZE = 12;
/** Line height of wrapped labels, in ems and in px. */
const LINE_HEIGHT = 1.1;
const LINE_PX = FONT_SIZE * LINE_HEIGHT;

/** Tick labels: the number as written (`0.25`, `1`, `10`). */
export function formatTick(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** Draws the forest plot; returns the `<svg>` markup with `role="img"`, `<title>` and `<desc>`. */
export function forestPlotSvg(rows: readonly ForestRow[], o: ForestOptions, { document }: ForestContext): string {
  const width = o.width ?? 640;
  const domain = o.domain ?? [0.1, 10];
  const ticks = o.ticks ?? [0.1, 0.25, 0.5, 1, 2, 4, 10];
  const keys = rows.map((r) => r.key);
  const withHr = rows.filter((r) => r.hr !== null && r.lower !== null && r.upper !== null);
  const shaded = rows.filter((r) => r.shade);
  const clamp = (x: number) => Math.min(domain[1], Math.max(domain[0], x));
  const emphasised = new Set(rows.filter((r) => r.emphasis).map((r) => r.key));

  const stacked = o.layout === 'stacked';
  const marginLeft = stacked ? 14 : (o.marginLeft ?? 200);
  const marginRight = stacked ? 14 : 16;
  // A label too long for its room wraps onto more lines (never past the edge of the drawing);
  // every row gets the height of the tallest.
  const room = stacked ? width - marginLeft - marginRight : marginLeft - 12;
  // text-metrics' estimate runs short for the page's sans-serif by a few per cent (measured in
  // Chromium), and bold by 10% more: wrap with that margin.
  const wrapped = new Map(rows.map((r) => [r.key, wrapText(r.label, FONT_SIZE * (emphasised.has(r.key) ? 1.2 : 1.1), room).join('\n')]));
  const lines = Math.max(1, ...[...wrapped.values()].map((l) => l.split('\n').length));
  const rowHeight = stacked ? Math.max(STACKED_ROW_HEIGHT, Math.ceil(lines * LINE_PX + 32)) : Math.max(ROW_HEIGHT, Math.ceil(lines * LINE_PX + 8));
  // Stacked: the label from the top of its row band, the interval 14 px above the band's bottom.
  const intervalDy = stacked ? rowHeight / 2 - 14 : 0;
  const plot = Plot.plot({
    document,
    width,
    height: rows.length * rowHeight + 56,
    marginLeft,
    marginRight,
    marginTop: 8,
    marginBottom: 44,
    // No `style` option: Plot would write it as a style attribute, which the CSP does not allow.
    // The font and background are in story.css (.forest-plot).
    x: { type: 'log', domain: [...domain], ticks: [...ticks], tickFormat: formatTick, label: o.xLabel ?? 'Hazard ratio (log scale)', labelAnchor: 'center', labelArrow: 'none', grid: true },
    y: stacked ? { domain: keys, label: null, axis: null } : { domain: keys, label: null, tickFormat: (k: string) => wrapped.get(k) ?? k, tickSize: 0 },
    marks: [
      shaded.length
        ? Plot.barX(shaded, { y: 'key', x1: (r: ForestRow) => clamp(r.shade!.lower), x2: (r: ForestRow) => clamp(r.shade!.upper), fill: 'currentColor', fillOpacity: 0.12, insetTop: stacked ? rowHeight - 24 : 3, insetBottom: 3 })
        : null,
      // Stacked: the label sits at the top of its row band, from the left edge of the axis.
      stacked
        ? Plot.text(rows, { y: 'key', frameAnchor: 'left', dy: -rowHeight / 2 + 4, text: (r: ForestRow) => wrapped.get(r.key), textAnchor: 'start', lineAnchor: 'top', lineHeight: LINE_HEIGHT, fill: 'currentColor', className: 'forest-row-label' })
        : null,
      Plot.ruleX([1], { stroke: 'currentColor', strokeOpacity: 0.7 }),
      Plot.ruleY(withHr, { y: 'key', dy: intervalDy, x1: (r: ForestRow) => clamp(r.lower!), x2: (r: ForestRow) => clamp(r.upper!), stroke: 'currentColor', strokeWidth: 1.6 }),
      Plot.dot(withHr, {
        y: 'key',
        dy: intervalDy,
        x: (r: ForestRow) => clamp(r.hr!),
        r: 4.5,
        symbol: (r: ForestRow) => (emphasised.has(r.key) ? 'circle' : 'diamond'),
        fill: (r: ForestRow) => (emphasised.has(r.key) ? 'currentColor' : 'var(--bg, #fff)'),
        stroke: 'currentColor',
        strokeWidth: 1.5,
      }),
    ].filter((m) => m !== null),
  }) as unknown as SVGSVGElement;

  // Accessible name and description; the marks are decoration next to the data table.
  const titleId = `${o.id}-title`;
  const descId = `${o.id}-desc`;
  plot.setAttribute('role', 'img');
  plot.setAttribute('aria-labelledby', `${titleId} ${descId}`);
  plot.setAttribute('class', `${plot.getAttribute('class') ?? ''} forest-plot`.trim());
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.setAttribute('id', titleId);
  title.textContent = o.title;
  const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', descId);
  desc.textContent = o.description;
  plot.insertBefore(desc, plot.firstChild);
  plot.insertBefore(title, plot.firstChild);
  // Bold labels for emphasised rows.
  for (const text of plot.querySelectorAll('g[aria-label="y-axis tick label"] text, g.forest-row-label text')) {
    // A wrapped label is one <text> of <tspan> lines: compare without the line breaks.
    const label = text.textContent ?? '';
    const row = rows.find((r) => wrapped.get(r.key)?.replace(/\n/g, '') === label);
    if (row && emphasised.has(row.key)) text.setAttribute('font-weight', '700');
  }
  // CSS variables work in CSS, not in presentation attributes: the hollow markers get a class whose
  // rule in story.css fills them with the page background (no style attribute: the CSP forbids it).
  for (const el of plot.querySelectorAll('[fill^="var("]')) {
    el.setAttribute('class', `${el.getAttribute('class') ?? ''} forest-hollow`.trim());
    el.setAttribute('fill', '#ffffff');
  }
  // Plot labels its groups with aria-label, which ARIA forbids on a plain <g>; the image has its own name.
  for (const el of plot.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
  return plot.outerHTML;
}

/**
 * The two layouts of one forest plot: `side` as `o` says, and `stacked` (id `${o.id}-narrow`),
 * drawn for a ~330 px phone box so its text is ≥ 12 px there. The page shows one or the other.
 */
export function forestPlotSvgs(rows: readonly ForestRow[], o: ForestOptions, context: ForestContext): { readonly side: string; readonly stacked: string } {
  return {
    side: forestPlotSvg(rows, o, context),
    stacked: forestPlotSvg(rows, { ...o, id: `${o.id}-narrow`, width: 320, layout: 'stacked', marginLeft: undefined }, context),
  };
}
