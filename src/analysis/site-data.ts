/**
 * Everything the pages show about survival, computed once at build time from the patient file
 * (real data if present, else the reconstruction) and the published numbers.
 *
 * Any valid patient file builds: a grouping may have a level without patients, a single level or
 * none at all (nobody assessed), and an endpoint may have no event. The views then still hold
 * every comparison the pages show (one Cox term per non-reference level of the grouping, with
 * null estimates when it cannot be estimated) and say in {@link ViewLimits} why, so that the
 * pages can explain it in words (src/format/limits.ts) instead of failing.
 */
import type { Patient } from '../io/patients.ts';
import type { SurvivalFile } from '../published/survival-schema.ts';
import { analyseSurvival } from './survival-analysis.ts';
import type { SurvivalAnalysis } from './survival-analysis.ts';
import type { EventFlag } from '../stats/validate.ts';
import { ENDPOINTS, ENDPOINT_IDS, GROUPINGS, GROUPING_IDS, viewId } from './views.ts';
import type { EndpointKey, GroupingKey } from './views.ts';
import { labelRecord } from '../lib/label-record.ts';

/** What the paper printed for one view, shown beside our numbers. */
export interface PublishedView {
  readonly figure: string | null;
  readonly logrankP: { readonly printed: string; readonly value: number | null } | null;
  readonly times: readonly number[];
  readonly atRisk: Readonly<Record<string, readonly number[]>> | null;
  readonly quartiles: Readonly<Record<string, { readonly q25: number | null; readonly median: number | null; readonly q75: number | null; readonly printed: string }>>;
}

/**
 * What the data of a view cannot support, as facts (the words are in src/format/limits.ts). All
 * empty for the paper's data and the reconstruction.
 */
export interface ViewLimits {
  /** Levels of the grouping without a patient in this view (display order): no curve, no comparison. */
  readonly emptyGroups: readonly string[];
  /** Levels with patients but without an event: their hazard ratio is unbounded, their median not reached. */
  readonly groupsWithoutEvents: readonly string[];
  /** No event at all in the view: no median, no log-rank test, no hazard ratio. */
  readonly noEvents: boolean;
}

export interface SurvivalView {
  readonly id: string;
  readonly grouping: GroupingKey;
  readonly endpoint: EndpointKey;
  readonly groupingLabel: string;
  readonly endpointLabel: string;
  readonly endpointShort: string;
  readonly yLabel: string;
  readonly groupLabels: Readonly<Record<string, string>>;
  readonly analysis: SurvivalAnalysis;
  readonly limits: ViewLimits;
  readonly published: PublishedView;
}

function publishedView(survival: SurvivalFile, grouping: GroupingKey, endpoint: EndpointKey): PublishedView {
  const fig = survival.figures.find((f) => f.grouping === grouping && f.endpoint === endpoint) ?? null;
  const quartiles = labelRecord<PublishedView['quartiles'][string]>();
  for (const q of survival.quantiles) {
    if (q.endpoint === endpoint && q.grouping === grouping) {
      quartiles[q.group] = { q25: q.q25.value, median: q.median.value, q75: q.q75.value, printed: q.printed };
    }
  }
  return {
    figure: fig?.figure ?? null,
    logrankP: fig ? { printed: fig.logrankP.printed, value: fig.logrankP.value } : null,
    times: fig?.times ?? [0, 20, 40, 60],
    atRisk: fig ? Object.fromEntries(Object.entries(fig.atRisk).map(([g, v]) => [g, v.map(Number)])) : null,
    quartiles,
  };
}

const NO_TEST = { statistic: null, df: 0, p: null } as const;

/** A Cox term that could not be estimated: every number null. */
function missingTerm(term: string) {
  return { term, coef: null, se: null, hr: null, lower: null, upper: null, p: null };
}

/**
 * The analysis of one grouped view over the grouping's declared `levels` (the first is the
 * reference of the hazard ratios), whichever of them have patients:
 *
 * - `groups` lists the levels with patients (a level without patients has no curve);
 * - the log-rank test compares those groups when there are at least two (pairwise with three);
 * - `cox.terms` has one term per non-reference level, always: estimated when the reference and that
 *   level both have patients, else all null (`cox` is null only when no level has a patient).
 */
export function analyseGroupedView(time: readonly number[], event: readonly EventFlag[], group: readonly string[], levels: readonly string[]): SurvivalAnalysis {
  const reference = levels[0];
  const present = levels.filter((l) => group.includes(l));
  const terms = levels.slice(1);
  if (present.length >= 2) {
    // With the reference absent, the groups present are still compared with each other (log-rank),
    // but no hazard ratio against the reference exists.
    const fit = analyseSurvival({ time, event, group }, { levels, reference: present.includes(reference) ? reference : present[0] });
    // Without any event the test statistic is undefined (p null): no test rather than "χ² 0 on -1 df".
    const a = fit.logrank?.p === null ? { ...fit, logrank: null, pairwise: null } : fit;
    if (present.includes(reference)) {
      const fitted = a.cox!.terms;
      return { ...a, cox: { ...a.cox!, terms: terms.map((t) => fitted.find((f) => f.term === t) ?? missingTerm(t)) } };
    }
    return { ...a, reference, cox: { ...a.cox!, terms: terms.map(missingTerm), wald: NO_TEST, likelihoodRatio: NO_TEST, score: NO_TEST } };
  }
  const cox = { ties: 'efron' as const, terms: terms.map(missingTerm), wald: NO_TEST, likelihoodRatio: NO_TEST, score: NO_TEST, problems: [] };
  if (present.length === 1) {
    // One group: its curve, quartiles and risk table, as an ungrouped analysis relabelled.
    const one = analyseSurvival({ time, event });
    const level = present[0];
    const relabel = <T>(record: Readonly<Record<string, T>>) => {
      const out = labelRecord<T>();
      out[level] = record.all;
      return out;
    };
    return {
      ...one,
      groups: [level],
      groupSizes: relabel(one.groupSizes),
      reference,
      km: relabel(one.km),
      quantiles: relabel(one.quantiles),
      riskTable: { times: one.riskTable.times, groups: relabel(one.riskTable.groups) },
      cox,
    };
  }
  // Nobody assessed for this grouping.
  const probe = analyseSurvival({ time: [0], event: [0] });
  return {
    ...probe,
    n: 0,
    groups: [],
    groupSizes: labelRecord<number>(),
    reference,
    km: labelRecord(),
    quantiles: labelRecord(),
    riskTable: { times: probe.riskTable.times, groups: labelRecord() },
    cox,
  };
}

/** The facts behind what a view cannot estimate. */
export function viewLimits(analysis: SurvivalAnalysis, levels: readonly string[]): ViewLimits {
  const events = (g: string) => analysis.km[g].nEvent.reduce((a, b) => a + b, 0);
  const present = analysis.groups;
  return {
    emptyGroups: levels.filter((l) => !present.includes(l)),
    groupsWithoutEvents: present.filter((g) => events(g) === 0),
    noEvents: present.every((g) => events(g) === 0),
  };
}

/** Computes the six views (3 groupings × 2 endpoints). */
export function buildSurvivalViews(patients: readonly Patient[], survival: SurvivalFile): SurvivalView[] {
  const views: SurvivalView[] = [];
  for (const grouping of GROUPING_IDS) {
    const meta = GROUPINGS[grouping];
    for (const endpoint of ENDPOINT_IDS) {
      const rows = meta.column ? patients.filter((p) => p[meta.column!] !== null) : patients;
      const time = rows.map((p) => (endpoint === 'rfs' ? p.rfsMonths : p.osMonths));
      const event = rows.map((p) => (endpoint === 'rfs' ? p.rfsEvent : p.osEvent));
      const analysis = meta.column
        ? analyseGroupedView(time, event, rows.map((p) => p[meta.column!] as string), meta.levels)
        : analyseSurvival({ time, event });
      views.push({
        id: viewId(grouping, endpoint),
        grouping,
        endpoint,
        groupingLabel: meta.label,
        endpointLabel: ENDPOINTS[endpoint].label,
        endpointShort: ENDPOINTS[endpoint].short,
        yLabel: ENDPOINTS[endpoint].yLabel,
        groupLabels: meta.groupLabels,
        analysis,
        limits: viewLimits(analysis, meta.levels),
        published: publishedView(survival, grouping, endpoint),
      });
    }
  }
  return views;
}
