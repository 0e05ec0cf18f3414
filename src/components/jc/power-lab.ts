/**
 * The numbers of the power and precision lab: for each two-group comparison of the paper, how
 * many events the data hold, which hazard ratios those events could detect, the power for a
 * chosen hazard ratio, and how many patients a study would need.
 *
 * Pure functions over plain data: the page runs them at build time (static HTML) and the
 * `<jc-power-lab>` element runs the same ones in the browser when a slider moves. The formulas
 * themselves live in `src/stats/survival-power.ts`; nothing here re-derives them.
 */
import { detectableHazardRatio, freedmanEvents, powerForHazardRatio, schoenfeldEvents } from '../../stats/survival-power.ts';
import type { DetectableHazardRatio } from '../../stats/survival-power.ts';
import type { SurvivalView } from '../../analysis/site-data.ts';
import { GROUPINGS } from '../../analysis/views.ts';
import { detectableReason, hazardReason } from '../../format/limits.ts';

/** One two-group comparison (exposed vs reference) on one endpoint, as counted in the data. */
export interface PowerComparison {
  /** `calcification-os-yes`: grouping, endpoint, exposed level. */
  readonly id: string;
  readonly grouping: string;
  readonly endpoint: string;
  /** `RFS` or `OS`. */
  readonly endpointShort: string;
  readonly reference: string;
  readonly exposed: string;
  readonly referenceLabel: string;
  readonly exposedLabel: string;
  readonly nReference: number;
  readonly nExposed: number;
  readonly eventsReference: number;
  readonly eventsExposed: number;
  /** Events in the two groups together: what drives the power of a log-rank test. */
  readonly events: number;
  /** k = nExposed / nReference; null when either group has no patient. */
  readonly allocation: number | null;
  /** events / (nReference + nExposed): the share of patients with an event by the end of follow-up; null without patients. */
  readonly eventProportion: number | null;
  /** Patients with this feature assessed, and all patients: how many resected patients yield one assessed. */
  readonly assessed: number;
  readonly cohort: number;
  /** Cox hazard ratio of exposed vs reference with its 95% CI (Efron ties), when estimable. */
  readonly hazardRatio: { readonly est: number; readonly lower: number; readonly upper: number } | null;
  /** Log-rank p of this pair (for two groups, the figure's p; for three, the pairwise test). */
  readonly logrankP: number | null;
  /**
   * Real data that cannot support the power numbers (a group without patients, no events): why, in
   * one sentence (src/format/limits.ts); every power cell then shows `–`. Null otherwise.
   */
  readonly limit: string | null;
  /** Real data: why the hazard ratio could not be estimated, one sentence; null when it was. */
  readonly hrReason: string | null;
  /**
   * With reconstructed data (src/components/jc/comparisons.ts): `hazardRatio` is then pooled over
   * the reconstructions, and the numbers the paper does not print are ranges across them. The
   * power numbers are computed at both ends of the events range ({@link eventEnds}).
   */
  readonly reconstructed?: {
    /** The single reconstructions' HRs, middle 95%, as text. */
    readonly hrRange: string;
    /** `reconstructed: pooled over 200 reconstructions, …` */
    readonly note: string;
    /** The pair's log-rank p across the reconstructions, as text. */
    readonly logrankP: string;
    /** Events in the two groups across the reconstructions (middle 95%). */
    readonly events: { readonly lower: number; readonly upper: number };
  } | null;
}

/** What the learner sets with the sliders. */
export interface LabSettings {
  /** Two-sided type I error. */
  readonly alpha: number;
  readonly power: number;
  /** Hazard ratio (exposed vs reference) whose power is shown and for which patients are counted. */
  readonly hazardRatio: number;
  /** Allocation ratio k = n_exposed/n_reference; `null` uses each comparison's observed split. */
  readonly allocation: number | null;
}

export const DEFAULT_SETTINGS: LabSettings = { alpha: 0.05, power: 0.8, hazardRatio: 0.5, allocation: null };

/** Hazard ratios the HR slider steps through (log-spaced, 1 left out: no power is defined there). */
export const HAZARD_RATIO_STEPS: readonly number[] = [0.25, 0.3, 0.33, 0.4, 0.5, 0.6, 0.67, 0.7, 0.75, 0.8, 0.85, 0.9, 1.1, 1.2, 1.33, 1.5, 1.75, 2, 2.5, 3, 4];

/** Allocation ratios the allocation slider steps through: 1:5 … 5:1 (exposed : reference). */
export const ALLOCATION_STEPS: readonly number[] = [0.2, 0.25, 1 / 3, 0.5, 2 / 3, 1, 1.5, 2, 3, 4, 5];

/** The numbers of one comparison under the chosen settings. */
export interface PowerRow {
  readonly id: string;
  /** Allocation used (observed or chosen). */
  readonly allocation: number;
  /** Hazard ratios detectable with the comparison's events at the chosen α and power. */
  readonly detectable: { readonly schoenfeld: DetectableHazardRatio; readonly freedman: DetectableHazardRatio };
  /** Power to detect the chosen hazard ratio with the comparison's events. */
  readonly power: { readonly schoenfeld: number; readonly freedman: number };
}

/** Events and patients a study would need to detect the chosen hazard ratio. */
export interface SampleSize {
  readonly allocation: number;
  /** Events needed, rounded up. */
  readonly events: { readonly schoenfeld: number; readonly freedman: number };
  /** Assessed patients needed: events / observed event proportion, rounded up. */
  readonly patients: { readonly schoenfeld: number; readonly freedman: number };
  /** Resected patients to screen when only `assessed / cohort` of them can be assessed, rounded up. */
  readonly cohort: { readonly schoenfeld: number; readonly freedman: number };
  /** How many times the comparison's actual number of patients (Schoenfeld). */
  readonly timesActual: number;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/**
 * The two-group comparisons of a grouped view: every non-reference level against the reference
 * (the first level). Counts come from the Kaplan–Meier tables, the hazard ratio from the Cox model
 * and the p-value from the log-rank test already computed for the view.
 */
export function comparisonsOfView(view: SurvivalView, cohort: number): PowerComparison[] {
  const a = view.analysis;
  const reference = a.reference;
  if (reference === null) return [];
  const out: PowerComparison[] = [];
  const assessed = a.n;
  // Every level the grouping compares with its reference, whether or not it has patients here.
  for (const exposed of GROUPINGS[view.grouping].levels) {
    if (exposed === reference) continue;
    const nReference = a.groupSizes[reference] ?? 0;
    const nExposed = a.groupSizes[exposed] ?? 0;
    const eventsReference = a.km[reference] ? sum(a.km[reference].nEvent) : 0;
    const eventsExposed = a.km[exposed] ? sum(a.km[exposed].nEvent) : 0;
    const allocation = nReference > 0 && nExposed > 0 ? nExposed / nReference : null;
    const term = a.cox?.terms.find((t) => t.term === exposed);
    const hazardRatio = term && term.hr !== null && term.lower !== null && term.upper !== null ? { est: term.hr, lower: term.lower, upper: term.upper } : null;
    let logrankP: number | null = null;
    if (a.groups.length === 2) logrankP = a.logrank?.p ?? null;
    else {
      const pair = a.pairwise?.find((p) => (p.a === reference && p.b === exposed) || (p.a === exposed && p.b === reference));
      logrankP = pair?.p ?? null;
    }
    out.push({
      id: `${view.grouping}-${view.endpoint}-${exposed}`,
      grouping: view.grouping,
      endpoint: view.endpoint,
      endpointShort: view.endpointShort,
      reference,
      exposed,
      referenceLabel: view.groupLabels[reference] ?? reference,
      exposedLabel: view.groupLabels[exposed] ?? exposed,
      nReference,
      nExposed,
      eventsReference,
      eventsExposed,
      events: eventsReference + eventsExposed,
      allocation,
      eventProportion: nReference + nExposed > 0 ? (eventsReference + eventsExposed) / (nReference + nExposed) : null,
      assessed,
      cohort,
      hazardRatio,
      logrankP,
      limit: detectableReason(view, exposed, eventsReference + eventsExposed, allocation),
      hrReason: hazardRatio ? null : hazardReason(view, exposed),
    });
  }
  return out;
}

/** The comparison with another number of events (the formulas use the total only). */
export function withEvents(c: PowerComparison, events: number): PowerComparison {
  return { ...c, events, eventProportion: events / (c.nReference + c.nExposed) };
}

/** The allocation a power number uses: chosen, or observed (a comparison with a {@link PowerComparison.limit} has none). */
function allocationOf(c: PowerComparison, s: LabSettings): number {
  const k = s.allocation ?? c.allocation;
  if (k === null || c.limit !== null) throw new Error(`power lab: ${c.id} has no power numbers (${c.limit ?? 'no allocation'})`);
  return k;
}

/**
 * The comparison at the fewest and the most events of its range across the reconstructions; with
 * real data (no range) the comparison itself, twice.
 */
export function eventEnds(c: PowerComparison): readonly [PowerComparison, PowerComparison] {
  const r = c.reconstructed?.events;
  return r ? [withEvents(c, r.lower), withEvents(c, r.upper)] : [c, c];
}

/** Power numbers for one comparison. Assumes the comparison has at least one event and no {@link PowerComparison.limit}. */
export function powerRow(c: PowerComparison, s: LabSettings): PowerRow {
  const allocation = allocationOf(c, s);
  const design = { alpha: s.alpha, sides: 2 as const, allocation, power: s.power, events: c.events };
  return {
    id: c.id,
    allocation,
    detectable: {
      schoenfeld: detectableHazardRatio({ ...design, method: 'schoenfeld' }),
      freedman: detectableHazardRatio({ ...design, method: 'freedman' }),
    },
    power: {
      schoenfeld: powerForHazardRatio({ ...design, hazardRatio: s.hazardRatio, method: 'schoenfeld' }),
      freedman: powerForHazardRatio({ ...design, hazardRatio: s.hazardRatio, method: 'freedman' }),
    },
  };
}

/**
 * Events and patients needed to detect `s.hazardRatio`. Patients = events / the comparison's
 * observed event proportion: this assumes a new study would follow patients as long, and see
 * events as often, as this one did. Cohort = patients × cohort / assessed: it assumes the same
 * share of resected patients would have the feature assessable on CT.
 */
export function sampleSize(c: PowerComparison, s: LabSettings): SampleSize {
  const allocation = allocationOf(c, s);
  const proportion = c.eventProportion ?? 0;
  const input = { hazardRatio: s.hazardRatio, alpha: s.alpha, power: s.power, sides: 2 as const, allocation };
  const events = { schoenfeld: Math.ceil(schoenfeldEvents(input)), freedman: Math.ceil(freedmanEvents(input)) };
  const patients = {
    schoenfeld: Math.ceil(events.schoenfeld / proportion),
    freedman: Math.ceil(events.freedman / proportion),
  };
  const scale = c.cohort / c.assessed;
  return {
    allocation,
    events,
    patients,
    cohort: { schoenfeld: Math.ceil(patients.schoenfeld * scale), freedman: Math.ceil(patients.freedman * scale) },
    timesActual: patients.schoenfeld / (c.nReference + c.nExposed),
  };
}

/** `1 : 3.75` style label of an allocation ratio k = exposed/reference, as reference : exposed. */
export function allocationLabel(k: number): string {
  if (k >= 1) return `1 : ${trim(k)}`;
  return `${trim(1 / k)} : 1`;
}

function trim(x: number): string {
  const s = x.toFixed(2);
  return s.replace(/\.?0+$/, '');
}

/** Index of the step closest to `value` (on the log scale, where these ratios live). */
export function nearestStep(steps: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < steps.length; i++) {
    if (Math.abs(Math.log(steps[i] / value)) < Math.abs(Math.log(steps[best] / value))) best = i;
  }
  return best;
}
