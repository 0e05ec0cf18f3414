/**
 * What the Kaplan–Meier figure needs from an analysis, and small pure readers over what the data
 * step computed (src/stats via src/analysis): the step points to draw, S(t) at any t (read off the
 * fitted curve by src/stats/survival-at.ts), the KMunicate counts at the risk-table times (the
 * analysis's own `riskTable`), and the times the keyboard crosshair stops at. Nothing statistical
 * is defined here: "at risk = time ≥ t" lives in src/stats only.
 */
import type { CurveTable, SurvivalAnalysis } from '../analysis/survival-analysis.ts';
import { lastAtOrBefore, survivalAtCore } from '../stats/survival-at.ts';
import type { EndpointKey, GroupingKey } from '../analysis/views.ts';
import { ownValue } from '../lib/label-record.ts';

import type { KmBand } from '../analysis/ensemble-bands.ts';

export type { KmBand, KmEnsemble } from '../analysis/ensemble-bands.ts';

/**
 * The chart's input. A `SurvivalView` (src/analysis/site-data.ts) satisfies it; `ensemble` is the
 * band across the reconstructions, per group, when there is one.
 */
export interface KmData {
  readonly id: string;
  readonly grouping: GroupingKey;
  readonly endpoint: EndpointKey;
  readonly endpointShort: string;
  readonly endpointLabel: string;
  readonly groupingLabel: string;
  readonly yLabel: string;
  readonly groupLabels: Readonly<Record<string, string>>;
  readonly analysis: Pick<SurvivalAnalysis, 'groups' | 'groupSizes' | 'km' | 'quantiles' | 'confLevel' | 'riskTable'> & Partial<SurvivalAnalysis>;
  readonly ensemble?: Readonly<Record<string, KmBand>> | null;
  /**
   * What the paper printed, given only when the curves are reconstructed: the reconstruction was
   * fitted to these values, so sentences quote them first rather than the reconstruction's own.
   */
  readonly asPublished?: KmPublished | null;
}

/** The paper's printed medians (per group, as printed; null if not printed) and log-rank p. */
export interface KmPublished {
  readonly medians: Readonly<Record<string, string | null>>;
  readonly logrankP: string | null;
}

export interface StepPoint {
  readonly t: number;
  readonly s: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** The label of a group, falling back to its code. */
export function groupLabel(data: Pick<KmData, 'groupLabels'>, group: string): string {
  return ownValue(data.groupLabels, group) ?? group;
}

/** Last observed time of the group, or `tMax` if that comes first: where the drawn curve ends. */
export function curveEnd(curve: CurveTable, tMax = Infinity): number {
  const last = curve.time.length ? curve.time[curve.time.length - 1] : 0;
  return Math.min(last, tMax);
}

/**
 * Step points from (0, 1) to the end of the curve, clipped at `tMax`; drawn with curveStepAfter.
 * The last point repeats the last value at the curve's end so the final step has its length.
 */
export function stepPoints(curve: CurveTable, tMax = Infinity): StepPoint[] {
  const points: StepPoint[] = [{ t: 0, s: 1, lower: 1, upper: 1 }];
  for (let i = 0; i < curve.time.length && curve.time[i] <= tMax; i++) {
    const p = { t: curve.time[i], s: curve.surv[i], lower: curve.lower[i], upper: curve.upper[i] };
    const prev = points[points.length - 1];
    // Censoring-only times change nothing: the step continues.
    if (p.s === prev.s && p.lower === prev.lower && p.upper === prev.upper) continue;
    if (p.t === 0) points[0] = p;
    else points.push(p);
  }
  const end = curveEnd(curve, tMax);
  const last = points[points.length - 1];
  if (end > last.t) points.push({ ...last, t: end });
  return points;
}

export interface ValueAt {
  readonly s: number;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Patients with time ≥ t (R's n.risk convention). */
  readonly atRisk: number;
}

/**
 * S(t) with its CI and the number at risk, as src/stats/survival-at.ts reads them off the fit
 * (R's `summary(fit, times = t)`); null after the last observed time, where the chart draws nothing.
 */
export function valueAt(curve: CurveTable, t: number): ValueAt | null {
  if (t < 0 || !curve.time.length || t > curve.time[curve.time.length - 1]) return null;
  const [v] = survivalAtCore(curve, [t]);
  return { s: v.surv, lower: v.lower, upper: v.upper, atRisk: v.nRisk };
}

export interface RiskAt {
  /** Patients with time ≥ t. */
  readonly atRisk: number;
  /** Events strictly before t (cumulative). */
  readonly events: number;
  /** Censorings strictly before t (cumulative). */
  readonly censored: number;
}

/**
 * KMunicate counts of a group at t, from the analysis's risk table (README "riskTable"); the three
 * add up to the group size. The chart's ticks must be among the table's times: the data step
 * computes the table at the ticks the site draws.
 */
export function riskAt(data: Pick<KmData, 'analysis'>, group: string, t: number): RiskAt {
  const table = data.analysis.riskTable;
  const k = table.times.indexOf(t);
  const row = ownValue(table.groups, group);
  if (k < 0 || !row) {
    throw new Error(`no risk-table counts for ${group} at ${t} months (the analysis has times ${table.times.join(', ')})`);
  }
  return { atRisk: row.atRisk[k], events: row.events[k], censored: row.censored[k] };
}

/** Distinct event times of any group up to `tMax`, ascending. */
export function eventTimes(data: KmData, tMax = Infinity): number[] {
  const set = new Set<number>();
  for (const g of data.analysis.groups) {
    const c = data.analysis.km[g];
    for (let i = 0; i < c.time.length; i++) if (c.nEvent[i] > 0 && c.time[i] <= tMax) set.add(c.time[i]);
  }
  return [...set].sort((a, b) => a - b);
}

/** Where the crosshair stops: 0, every event time, and the end of the longest curve (≤ tMax). */
export function crosshairStops(data: KmData, tMax = Infinity): number[] {
  const end = Math.max(0, ...data.analysis.groups.map((g) => curveEnd(data.analysis.km[g], tMax)));
  const stops = new Set([0, ...eventTimes(data, tMax), end]);
  return [...stops].sort((a, b) => a - b);
}

export interface DataTableRow {
  readonly t: number;
  /** One of the axis ticks (the KMunicate table's times). */
  readonly tick: boolean;
  readonly events: number;
  readonly censored: number;
  readonly value: ValueAt | null;
}

/**
 * Rows of the accessible data table of one group: the tick times and every event time of the
 * group, with S(t), its CI and the number at risk, plus the events and censorings at exactly t.
 */
export function dataTableRows(curve: CurveTable, ticks: readonly number[]): DataTableRow[] {
  const times = new Set<number>(ticks);
  for (let i = 0; i < curve.time.length; i++) if (curve.nEvent[i] > 0) times.add(curve.time[i]);
  const tickSet = new Set(ticks);
  return [...times]
    .sort((a, b) => a - b)
    .map((t) => {
      const i = lastAtOrBefore(curve.time, t);
      const exact = i >= 0 && curve.time[i] === t;
      return {
        t,
        tick: tickSet.has(t),
        events: exact ? curve.nEvent[i] : 0,
        censored: exact ? curve.nCensor[i] : 0,
        value: valueAt(curve, t),
      };
    });
}

/**
 * The ensemble band clipped to [0, tMax] as step points. The band is known on a grid only; a
 * survival curve never rises, so between grid times t_i and t_i+1 it lies between its values at
 * the two ends: each step spans from the next grid time's lower bound to this one's upper bound.
 */
export function bandPoints(band: KmBand, tMax = Infinity): StepPoint[] {
  const points: StepPoint[] = [];
  for (let i = 0; i < band.time.length && band.time[i] <= tMax; i++) {
    const lower = Math.min(band.lower[i], band.lower[i + 1] ?? band.lower[i]);
    const upper = Math.max(band.upper[i], band.upper[i + 1] ?? band.upper[i]);
    points.push({ t: band.time[i], s: (lower + upper) / 2, lower, upper });
  }
  const last = points[points.length - 1];
  const end = Math.min(tMax, band.time[band.time.length - 1] ?? 0);
  if (last && end > last.t) points.push({ ...last, t: end });
  return points;
}
