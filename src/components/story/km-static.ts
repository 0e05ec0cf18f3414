/**
 * Server-side drawing of the Kaplan–Meier figure for the story's inline (JavaScript-free, print)
 * copies, with the chart function of src/charts and linkedom's document.
 */
import { kmChart } from '../../charts/km-chart.ts';
import { kmOptionsFromState } from '../../charts/km-options.ts';
import { serverDocument } from '../../charts/server-document.ts';
import type { KmState } from '../../charts/km-state.ts';
import type { SurvivalView } from '../../analysis/site-data.ts';
import { formatMonths, formatP } from '../../format/number.ts';
import { viewLimitSentences } from '../../format/limits.ts';

/**
 * One sentence per group plus the log-rank test: the text alternative of a figure. With
 * reconstructed curves (`reconstructed`), the printed medians and p, which they were fitted to.
 * With real data, followed by what the data cannot show and why (src/format/limits.ts).
 */
export function kmSummary(view: SurvivalView, reconstructed = false): string {
  const a = view.analysis;
  const groups = a.groups.map((g) => {
    const label = view.groupLabels[g] ?? g;
    const median = reconstructed ? (view.published.quartiles[g]?.median ?? null) : a.quantiles[g].median.est;
    const m = median === null ? 'not reached' : `${formatMonths(median)} months`;
    return `${label}: ${a.groupSizes[g]} patients, median ${reconstructed ? `${m} as published` : m}`;
  });
  const printed = view.published.logrankP?.printed;
  const test = !a.logrank
    ? ''
    : reconstructed && printed
      ? ` Log-rank p = ${printed} as published; the reconstructed curves were fitted to it.`
      : ` Log-rank p = ${formatP(a.logrank.p)}.`;
  const limits = reconstructed ? [] : viewLimitSentences(view);
  const curves = groups.length ? ` ${groups.join('; ')}.` : '';
  return `Kaplan–Meier curves of ${view.endpointLabel.toLowerCase()} (${view.groupingLabel.toLowerCase()}).${curves}${test}${limits.map((l) => ` ${l}`).join('')}`;
}

export interface StaticKmOptions {
  readonly idPrefix: string;
  readonly width?: number;
  readonly title: string;
  readonly description: string | null;
  /** Text size in the drawing's units (default 12): larger for slides seen from across a room. */
  readonly fontSize?: number;
  /** Height of the plot area (default: from the width). */
  readonly plotHeight?: number;
  /** Draw the risk table under the plot (default true). */
  readonly riskTable?: boolean;
}

/** The figure as SVG markup, in the state of a story step. */
export function staticKmSvg(view: SurvivalView, state: KmState, o: StaticKmOptions): string {
  const svg = kmChart(
    view,
    {
      width: o.width ?? 640,
      ...kmOptionsFromState(state),
      idPrefix: o.idPrefix,
      title: o.title,
      description: o.description,
      fontSize: o.fontSize,
      plotHeight: o.plotHeight,
      riskTable: o.riskTable,
    },
    { document: serverDocument() },
  );
  return svg.outerHTML;
}

/** `aspect-ratio: 640 / 521` from the width and height attributes of the SVG's root element. */
export function svgAspectStyle(svg: string): string | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const w = /\swidth="([\d.]+)"/.exec(root)?.[1];
  const h = /\sheight="([\d.]+)"/.exec(root)?.[1];
  return w && h ? `aspect-ratio: ${w} / ${h}` : undefined;
}
