/**
 * Sentences about a Kaplan–Meier view, generated from the numbers: a one-line summary
 * ("Median RFS 32 months without calcification vs 34 with; log-rank p = 0.772") and a longer
 * text description that stands in for the picture for people who cannot see it.
 */
import { ENDPOINTS } from '../analysis/views.ts';
import { formatFixed, formatMonths, formatP, formatPEquals } from '../format/number.ts';
import { curveEnd, groupLabel, riskAt, valueAt } from './km-data.ts';
import { survivalAtCore } from '../stats/survival-at.ts';
import type { KmData } from './km-data.ts';
import { ownValue } from '../lib/label-record.ts';

/** Short phrases for the groups in running text, where the grouping is known. */
const PHRASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  calcification: { no: 'without calcification', yes: 'with' },
  enhancement: { hypo: 'hypoenhancing', hyper: 'hyperenhancing', mixed: 'mixed' },
};

function phrase(data: KmData, group: string): string {
  return ownValue(ownValue(PHRASES, data.grouping), group) ?? `(${groupLabel(data, group)})`;
}

function median(data: KmData, group: string): number | null {
  return data.analysis.quantiles[group]?.median.est ?? null;
}

function months(x: number | null): string {
  return x === null ? 'not reached' : formatMonths(Math.round(x * 10) / 10);
}

/** English list: `a`, `a and b`, `a, b and c`. */
export function listJoin(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** A median that falls after the end of the time axis, and how many patients it rests on. */
export interface MedianBeyondAxis {
  readonly group: string;
  readonly median: number;
  /** Patients still at risk (followed, no event yet) at the median time. */
  readonly atRisk: number;
}

/**
 * Medians later than `tMax` (the last tick) but within the curve: the chart cannot show them, so
 * the figure says where they are and how few patients remain there.
 */
export function mediansBeyondAxis(data: KmData, tMax: number): MedianBeyondAxis[] {
  const out: MedianBeyondAxis[] = [];
  for (const group of data.analysis.groups) {
    const m = median(data, group);
    const curve = data.analysis.km[group];
    if (m === null || m <= tMax || m > curveEnd(curve)) continue;
    out.push({ group, median: m, atRisk: survivalAtCore(curve, [m])[0].nRisk });
  }
  return out;
}

/**
 * One sentence for those medians, e.g. `The median of Calcifications (66 months) lies beyond the
 * 60-month axis; only 2 patients were still at risk then.` Empty when there are none.
 */
export function beyondAxisSentence(data: KmData, tMax: number): string {
  return mediansBeyondAxis(data, tMax)
    .map((b) => {
      const who = b.atRisk === 1 ? '1 patient was' : `${b.atRisk} patients were`;
      return `The median of ${groupLabel(data, b.group).toLowerCase()} (${months(b.median)} months) lies beyond the ${formatMonths(tMax)}-month axis; only ${who} still at risk then.`;
    })
    .join(' ');
}

/**
 * The headline of reconstructed curves: the paper's printed medians and p, which the reconstruction
 * was fitted to, e.g. `Median RFS 32 months without calcification vs 34 with, as published; log-rank
 * p = 0.772, as published`. Its own digits would claim a precision nothing supports.
 */
function publishedSummaryLine(data: KmData, published: NonNullable<KmData['asPublished']>): string {
  const groups = data.analysis.groups;
  const head = `Median ${data.endpointShort}`;
  const printed = (g: string) => published.medians[g] ?? 'not printed';
  const p = published.logrankP ? `; log-rank p = ${published.logrankP}, as published` : '';
  if (groups.length === 1) {
    const m = printed(groups[0]);
    return `${head} ${m}${/^\d/.test(m) ? ' months' : ''} for all ${data.analysis.groupSizes[groups[0]]} patients, as published`;
  }
  const parts = groups.map((g, i) => `${printed(g)}${i === 0 && /^\d/.test(printed(g)) ? ' months' : ''} ${phrase(data, g)}`);
  const body = groups.length === 2 ? parts.join(' vs ') : listJoin(parts);
  return `${head} ${body}, as published${p}`;
}

/**
 * One line, e.g. `Median RFS 32 months without calcification vs 34 with; log-rank p = 0.772`. With
 * reconstructed curves (`data.asPublished`), the printed values instead, said to be as published.
 */
export function kmSummaryLine(data: KmData): string {
  if (data.asPublished) return publishedSummaryLine(data, data.asPublished);
  const groups = data.analysis.groups;
  const head = `Median ${data.endpointShort}`;
  const logrank = data.analysis.logrank;
  const p = logrank ? `; log-rank ${formatPEquals(logrank.p)}` : '';
  if (groups.length === 1) {
    const g = groups[0];
    const m = median(data, g);
    const q = data.analysis.quantiles[g]?.median;
    const ci = m !== null && q ? ` (95% CI ${months(q.lower)}–${months(q.upper)})` : '';
    const unit = m === null ? '' : ' months';
    return `${head} ${months(m)}${unit}${ci} for all ${data.analysis.groupSizes[g]} patients`;
  }
  const parts = groups.map((g, i) => {
    const m = median(data, g);
    const unit = i === 0 && m !== null ? ' months' : '';
    return `${months(m)}${unit} ${phrase(data, g)}`;
  });
  const body = groups.length === 2 ? parts.join(' vs ') : listJoin(parts);
  return `${head} ${body}${p}`;
}

/**
 * A paragraph that says what the figure shows: groups with their sizes and events, medians with
 * CIs, the estimate at the last tick, and the log-rank test beside the paper's printed p.
 */
export function kmDescription(data: KmData, ticks: readonly number[] = [0, 20, 40, 60], printedP?: string | null): string {
  const a = data.analysis;
  const endpoint = ENDPOINTS[data.endpoint];
  const events = endpoint.eventWord === 'death' ? 'deaths' : 'recurrences';
  const total = a.groups.reduce((n, g) => n + a.groupSizes[g], 0);
  const sentences: string[] = [];
  const sizes = a.groups.map((g) => {
    const c = a.km[g];
    const d = c.nEvent.reduce((x, y) => x + y, 0);
    return `${groupLabel(data, g)} (${a.groupSizes[g]} patients, ${d} ${events}${data.asPublished ? ' in the reconstruction drawn' : ''})`;
  });
  sentences.push(
    a.groups.length === 1
      ? `Kaplan–Meier curve of ${endpoint.label.toLowerCase()} for all ${total} patients, with ${a.km[a.groups[0]].nEvent.reduce((x, y) => x + y, 0)} ${events}${data.asPublished ? ' in the reconstruction drawn' : ''}.`
      : `Kaplan–Meier curves of ${endpoint.label.toLowerCase()} for ${total} patients in ${a.groups.length} groups by ${data.groupingLabel.toLowerCase()}: ${listJoin(sizes)}.`,
  );
  const published = data.asPublished;
  const medians = a.groups.map((g) => `${kmMedianText(data, g)}${a.groups.length === 1 ? '' : ` for ${groupLabel(data, g)}`}`);
  sentences.push(`Median ${endpoint.label.toLowerCase()}${published ? ', as published (the reconstruction was fitted to it)' : ''}: ${listJoin(medians)}.`);
  const t = ticks[ticks.length - 1];
  const at = a.groups.map((g) => {
    const v = valueAt(a.km[g], t);
    const value = v
      ? `${formatFixed(v.s, 2)} (95% CI ${formatFixed(v.lower, 2)}–${formatFixed(v.upper, 2)})`
      : 'not estimated (no patient followed that long)';
    return a.groups.length === 1 ? value : `${value} for ${groupLabel(data, g)}`;
  });
  sentences.push(`At ${t} months the estimated ${endpoint.yLabel.toLowerCase()} is ${listJoin(at)}.`);
  if (a.logrank) {
    // Reconstructed curves were fitted to the printed p: theirs is no check of it.
    const printed = printedP ? (data.asPublished ? `, fitted to the published value ${printedP}` : ` (the paper printed ${printedP})`) : '';
    sentences.push(
      `Log-rank test across ${a.groups.length} groups: χ² = ${formatFixed(a.logrank.chisq, 2)} on ${a.logrank.df} df, p = ${formatP(a.logrank.p)}${printed}.`,
    );
  }
  return sentences.join(' ');
}

/**
 * A group's median in words: `41 months (95% CI 30–52)`, or `not reached` when the curve never
 * falls to one half. With reconstructed curves the printed median, which they were fitted to
 * (`41 months`; `not printed` when the paper gives none).
 */
export function kmMedianText(data: KmData, group: string): string {
  if (data.asPublished) {
    const m = data.asPublished.medians[group] ?? null;
    return `${m ?? 'not printed'}${m !== null && /^\d/.test(m) ? ' months' : ''}`;
  }
  const q = data.analysis.quantiles[group]?.median;
  const m = q?.est ?? null;
  if (m === null || !q) return 'not reached';
  return `${months(m)} months (95% CI ${months(q.lower)}–${months(q.upper)})`;
}

export interface KmReadingRow {
  readonly group: string;
  readonly label: string;
  readonly median: string;
  /** Number at risk at each tick, as in the risk table under the plot. */
  readonly atRisk: readonly number[];
}

/**
 * The rows of the figure's table for screen readers: per group its median and the number at risk
 * at each tick (the same counts as the risk table drawn under the plot), so that a reader can move
 * through the groups (rows) and the time points (columns).
 */
export function kmReadingRows(data: KmData, ticks: readonly number[]): KmReadingRow[] {
  return data.analysis.groups.map((g) => ({
    group: g,
    label: groupLabel(data, g),
    median: kmMedianText(data, g),
    atRisk: ticks.map((t) => riskAt(data, g, t).atRisk),
  }));
}

/** The figure caption (also drawn into exported files): what is plotted, with what, from which data. */
export function kmCaption(
  data: KmData,
  options: {
    readonly reconstructed: boolean;
    readonly ci?: boolean;
    /** Mention the ensemble band: as drawn (true), or as a layer that can be switched on ('optional'). */
    readonly ensemble?: boolean | 'optional';
    readonly members?: number | null;
  },
): string {
  const a = data.analysis;
  const by = a.groups.length > 1 ? ` by ${data.groupingLabel.toLowerCase()}` : ', all patients';
  const parts = [`Kaplan–Meier estimates of ${data.endpointLabel.toLowerCase()} (${data.endpointShort})${by}.`];
  if (options.ci !== false) parts.push(`Shaded: pointwise ${Math.round(a.confLevel * 100)}% confidence bands (${a.confType ?? 'log'} transform).`);
  if (options.ensemble) {
    const across = options.members ? `${options.members} independent reconstructions` : 'the ensemble of reconstructions';
    const lead = options.ensemble === 'optional' ? 'Dashed outline, when switched on' : 'Dashed outline';
    parts.push(`${lead}: where the middle 90% of the curves of ${across} lie, month by month.`);
  }
  parts.push('Tick marks: censored patients. Table: at risk at each time; censored and events counted before it.');
  if (a.logrank) parts.push(`Log-rank ${formatPEquals(a.logrank.p)}.`);
  parts.push(
    options.reconstructed
      ? 'Data: reconstructed from the published summaries of Armstrong et al. 2020, not the study records.'
      : 'Data: patient-level study data.',
  );
  return parts.join(' ');
}

/** Title of a view, e.g. `Recurrence-free survival by calcification`. */
export function kmTitle(data: Pick<KmData, 'endpointLabel' | 'groupingLabel' | 'grouping'>): string {
  return data.grouping === 'all' ? `${data.endpointLabel}, all patients` : `${data.endpointLabel} by ${data.groupingLabel.toLowerCase()}`;
}
