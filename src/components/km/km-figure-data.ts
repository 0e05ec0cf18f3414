/**
 * Server-side helpers of <KmFigure>: which views to draw, the JSON the client element reads, and
 * the rows of the statistics panel. Plain functions, so they can be tested without Astro.
 */
import type { SurvivalView } from '../../analysis/site-data.ts';
import { formatEstimateCI, formatFixed, formatMonths, formatP } from '../../format/number.ts';
import type { KmBand, KmData, KmEnsemble } from '../../charts/km-data.ts';

/** The band up to the first grid time at or after `tMax` (the rest is never drawn). */
function clip(band: KmBand, tMax: number): KmBand {
  const n = band.time.findIndex((t) => t >= tMax);
  if (n < 0) return band;
  return { time: band.time.slice(0, n + 1), lower: band.lower.slice(0, n + 1), upper: band.upper.slice(0, n + 1) };
}

/** The data one view needs in the browser: no published numbers, no precomputed risk table. */
export function clientData(view: SurvivalView, ensemble: KmEnsemble | null, tMax = Infinity): KmData {
  const a = view.analysis;
  const bands = ensemble?.[view.id];
  return {
    id: view.id,
    grouping: view.grouping,
    endpoint: view.endpoint,
    endpointShort: view.endpointShort,
    endpointLabel: view.endpointLabel,
    groupingLabel: view.groupingLabel,
    yLabel: view.yLabel,
    groupLabels: view.groupLabels,
    analysis: { groups: a.groups, km: a.km, quantiles: a.quantiles, confLevel: a.confLevel, confType: a.confType, logrank: a.logrank },
    ensemble: bands ? Object.fromEntries(Object.entries(bands).map(([g, b]) => [g, clip(b, tMax)])) : null,
  };
}

/** JSON for a `<script type="application/json">`: `<` escaped so the data can never close the tag. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface MedianRow {
  readonly group: string;
  readonly label: string;
  readonly n: number;
  readonly ours: string;
  readonly paper: string;
}

function months(x: number | null): string {
  return x === null ? 'NR' : formatMonths(Math.round(x * 10) / 10);
}

/** Medians with CI (ours) beside the paper's printed median. NR = not reached. */
export function medianRows(view: SurvivalView): MedianRow[] {
  return view.analysis.groups.map((g) => {
    const q = view.analysis.quantiles[g].median;
    const printed = view.published.quartiles[g]?.median;
    return {
      group: g,
      label: view.groupLabels[g] ?? g,
      n: view.analysis.groupSizes[g],
      ours: q.est === null ? 'not reached' : `${months(q.est)} (${months(q.lower)}–${months(q.upper)})`,
      paper: printed === undefined || printed === null ? '–' : formatMonths(printed),
    };
  });
}

export interface HazardRow {
  readonly label: string;
  readonly hr: string;
  readonly p: string;
}

export function hazardRows(view: SurvivalView): HazardRow[] {
  const cox = view.analysis.cox;
  if (!cox) return [];
  return cox.terms.map((t) => ({
    label: view.groupLabels[t.term] ?? t.term,
    hr: formatEstimateCI(t.hr, t.lower, t.upper, 2),
    p: formatP(t.p),
  }));
}

export interface PairRow {
  readonly label: string;
  readonly chisq: string;
  readonly p: string;
  readonly pHolm: string;
}

export function pairRows(view: SurvivalView): PairRow[] {
  return (view.analysis.pairwise ?? []).map((c) => ({
    label: `${view.groupLabels[c.a] ?? c.a} vs ${view.groupLabels[c.b] ?? c.b}`,
    chisq: formatFixed(c.chisq, 2),
    p: formatP(c.p),
    pHolm: formatP(c.pHolm),
  }));
}
