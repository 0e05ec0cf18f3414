/**
 * Server-side helpers of <KmFigure>: which views to draw, the JSON the client element reads, and
 * the rows of the statistics panel. Plain functions, so they can be tested without Astro.
 */
import type { SurvivalView } from '../../analysis/site-data.ts';
import { formatFixed, formatMonths, formatP } from '../../format/number.ts';
import { formatPRange, roundLikePrinted } from '../../format/uncertainty.ts';
import type { ViewUncertainty } from '../../analysis/uncertainty-schema.ts';
import type { KmBand, KmData, KmEnsemble, KmPublished } from '../../charts/km-data.ts';
import { viewHazards } from '../hazards.ts';
import { hazardReason } from '../../format/limits.ts';

/** The band up to the first grid time at or after `tMax` (the rest is never drawn). */
function clip(band: KmBand, tMax: number): KmBand {
  const n = band.time.findIndex((t) => t >= tMax);
  if (n < 0) return band;
  return { time: band.time.slice(0, n + 1), lower: band.lower.slice(0, n + 1), upper: band.upper.slice(0, n + 1) };
}

/** The paper's printed medians and log-rank p of a view, for the headline of reconstructed curves. */
export function publishedOf(view: SurvivalView): KmPublished {
  return {
    medians: Object.fromEntries(view.analysis.groups.map((g) => [g, printedMedian(view, g)])),
    logrankP: view.published.logrankP?.printed ?? null,
  };
}

function printedMedian(view: SurvivalView, group: string): string | null {
  const q = view.published.quartiles[group];
  return q && q.median !== null ? formatMonths(q.median) : null;
}

/**
 * The data one view needs in the browser: the curves, the risk table and the tests the data step
 * computed, and of the published numbers only the headline ones, when the curves are
 * reconstructed (`reconstructed`).
 */
export function clientData(view: SurvivalView, ensemble: KmEnsemble | null, tMax = Infinity, reconstructed = false): KmData {
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
    analysis: {
      groups: a.groups,
      groupSizes: a.groupSizes,
      km: a.km,
      quantiles: a.quantiles,
      confLevel: a.confLevel,
      confType: a.confType,
      logrank: a.logrank,
      riskTable: a.riskTable,
    },
    ensemble: bands ? Object.fromEntries(Object.entries(bands).map(([g, b]) => [g, clip(b, tMax)])) : null,
    asPublished: reconstructed ? publishedOf(view) : null,
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
  /** Ours with its CI (real data), or the reconstruction's own, rounded like the paper's (reconstructed). */
  readonly ours: string;
  readonly paper: string;
}

function months(x: number | null): string {
  return x === null ? 'NR' : formatMonths(Math.round(x * 10) / 10);
}

/**
 * Medians with CI (ours) beside the paper's printed median. NR = not reached. With reconstructed data
 * ours is the reconstruction's median rounded like the paper's: it was fitted to the printed one.
 */
export function medianRows(view: SurvivalView, reconstructed = false): MedianRow[] {
  return view.analysis.groups.map((g) => {
    const q = view.analysis.quantiles[g].median;
    const printed = view.published.quartiles[g]?.median;
    const printedText = printed === undefined || printed === null ? null : formatMonths(printed);
    return {
      group: g,
      label: view.groupLabels[g] ?? g,
      n: view.analysis.groupSizes[g],
      ours: reconstructed
        ? roundLikePrinted(q.est, printedText)
        : q.est === null
          ? 'not reached'
          : `${months(q.est)} (${months(q.lower)}–${months(q.upper)})`,
      paper: printedText ?? '–',
    };
  });
}

export interface HazardRow {
  readonly label: string;
  /** `calcification-os-yes`, marked on the cell as `data-hr`. */
  readonly key: string;
  /** Pooled over the reconstructions with reconstructed data. */
  readonly hr: string;
  readonly p: string;
  readonly reconstructed: boolean;
  /** The single reconstructions' HRs, middle 95% (null with real data). */
  readonly memberRange: string | null;
  /** Why the HR could not be estimated, in words (real data only; src/format/limits.ts); null when it was. */
  readonly reason: string | null;
}

export function hazardRows(view: SurvivalView): HazardRow[] {
  return viewHazards(view).map((h) => ({
    label: view.groupLabels[h.term] ?? h.term,
    key: h.key,
    hr: h.text,
    p: h.pText,
    reconstructed: h.reconstructed,
    memberRange: h.memberRange,
    reason: h.reconstructed ? null : hazardReason(view, h.term),
  }));
}

export interface PairRow {
  readonly label: string;
  readonly chisq: string;
  readonly p: string;
  readonly pHolm: string;
}

/** Pairwise tests; with reconstructed data (`u`) the p-values are ranges across the reconstructions. */
export function pairRows(view: SurvivalView, u: ViewUncertainty | null = null): PairRow[] {
  return (view.analysis.pairwise ?? []).map((c) => {
    const r = u?.pairwise?.find((x) => x.a === c.a && x.b === c.b);
    return {
      label: `${view.groupLabels[c.a] ?? c.a} vs ${view.groupLabels[c.b] ?? c.b}`,
      chisq: formatFixed(c.chisq, 2),
      p: r ? formatPRange(r.p) : formatP(c.p),
      pHolm: r ? formatPRange(r.pHolm) : formatP(c.pHolm),
    };
  });
}
