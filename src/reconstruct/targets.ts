/**
 * The published numbers the reconstruction must reproduce, read from `data/published/survival.json`
 * and arranged for the search.
 *
 * Hard constraints (met exactly, by construction): group sizes and the numbers at risk at
 * 0/20/40/60 months. Because "at risk at t" counts times ≥ t (R/Stata), the four counts of a
 * group fix how many of its times fall in each bin [0,20), [20,40), [40,60), [60,∞).
 *
 * Soft targets (met within a tolerance): Kaplan–Meier quartiles per group and for the cohort
 * (±1 month), log-rank p (±0.005) and the reverse Kaplan–Meier median follow-up with its
 * quartiles (±2 months). Each soft target also carries the half-width of its printed rounding
 * interval (e.g. 0.5 for "32", 0.0005 for "0.772"): the search aims for values that round to
 * the printed number, the report passes anything within the tolerance.
 */
import { CALCIFICATION_LEVELS, ENHANCEMENT_LEVELS } from '../io/patients.ts';
import { readPublishedJson } from '../published/read-json.ts';
import { SurvivalFile } from '../published/survival-schema.ts';
import type { Endpoint, GroupingId } from '../published/survival-schema.ts';

/** Endpoints in report order. */
export const ENDPOINTS = ['rfs', 'os'] as const satisfies readonly Endpoint[];
/** Groupings in report order. */
export const GROUPINGS = ['calcification', 'enhancement'] as const satisfies readonly GroupingId[];
/** Quartiles of a KM curve (S = 0.75, 0.5, 0.25). */
export const QUARTILES = ['q25', 'median', 'q75'] as const;
export type Quartile = (typeof QUARTILES)[number];

/** Group levels in the order used everywhere (first level = reference for hazard ratios). */
export const LEVELS: Readonly<Record<GroupingId, readonly string[]>> = {
  calcification: CALCIFICATION_LEVELS,
  enhancement: ENHANCEMENT_LEVELS,
};

/** Tolerances of the soft targets. */
export const TOLERANCE = { quartileMonths: 1, logrankP: 0.005, followUpMonths: 2 } as const;

/** A number as printed next to its value. */
export interface Printed {
  readonly printed: string;
  readonly value: number;
}

/** One group of a grouping with its size and numbers at risk per endpoint. */
export interface GroupSpec {
  readonly grouping: GroupingId;
  readonly group: string;
  readonly n: Printed;
  /** Numbers at risk at `times`, as printed, per endpoint. */
  readonly atRisk: Readonly<Record<Endpoint, readonly Printed[]>>;
  /** How many of the group's times fall into each bin [times[k], times[k+1]), per endpoint. */
  readonly binCounts: Readonly<Record<Endpoint, readonly number[]>>;
}

/** A soft target on a quartile (KM of a group or of the cohort, or the reverse KM of follow-up). */
export interface QuartileTarget {
  readonly id: string;
  readonly kind: 'quartile' | 'followup';
  readonly endpoint: Endpoint;
  readonly grouping: GroupingId | 'all';
  readonly group: string;
  readonly quartile: Quartile;
  readonly published: Printed;
  readonly tolerance: number;
  /** Half-width of the printed rounding interval. */
  readonly halfWidth: number;
}

/** A soft target on a log-rank p-value. */
export interface LogRankTarget {
  readonly id: string;
  readonly endpoint: Endpoint;
  readonly grouping: GroupingId;
  readonly figure: string;
  readonly published: Printed;
  readonly tolerance: number;
  readonly halfWidth: number;
}

/** Everything the reconstruction must reproduce. */
export interface Targets {
  /** Times of the at-risk rows, in months (0, 20, 40, 60). */
  readonly times: readonly number[];
  readonly cohort: Printed;
  readonly groupings: Readonly<Record<GroupingId, { readonly n: Printed; readonly groups: readonly GroupSpec[] }>>;
  readonly quartiles: readonly QuartileTarget[];
  readonly logrank: readonly LogRankTarget[];
}

/** Half-width of the rounding interval of a printed decimal: "32" → 0.5, "34.5" → 0.05. */
export function roundingHalfWidth(printed: string): number {
  const dot = printed.indexOf('.');
  const decimals = dot < 0 ? 0 : printed.length - dot - 1;
  return 0.5 * 10 ** -decimals;
}

function count(printed: string): Printed {
  return { printed, value: Number(printed) };
}

/** Reads and arranges the targets; throws `InputError` if the published file is malformed. */
export function loadTargets(file = 'data/published/survival.json'): Targets {
  const data = readPublishedJson(file, SurvivalFile);
  const times = data.figures[0].times;
  const groupings = {} as Record<GroupingId, { n: Printed; groups: GroupSpec[] }>;
  for (const grouping of GROUPINGS) {
    const spec = data.groupings.find((g) => g.id === grouping);
    if (!spec) throw new Error(`survival.json has no grouping ${grouping}`);
    const groups = LEVELS[grouping].map((group): GroupSpec => {
      const g = spec.groups.find((x) => x.id === group);
      if (!g || g.n.value === null) throw new Error(`survival.json has no group ${grouping}/${group}`);
      const atRisk = {} as Record<Endpoint, Printed[]>;
      const binCounts = {} as Record<Endpoint, number[]>;
      for (const endpoint of ENDPOINTS) {
        const fig = data.figures.find((f) => f.grouping === grouping && f.endpoint === endpoint);
        if (!fig) throw new Error(`survival.json has no figure for ${endpoint} by ${grouping}`);
        atRisk[endpoint] = fig.atRisk[group].map(count);
        const r = atRisk[endpoint].map((p) => p.value);
        binCounts[endpoint] = r.map((v, k) => v - (k + 1 < r.length ? r[k + 1] : 0));
      }
      return { grouping, group, n: { printed: g.n.printed, value: g.n.value }, atRisk, binCounts };
    });
    groupings[grouping] = { n: { printed: spec.n.printed, value: spec.n.value ?? Number.NaN }, groups };
  }

  const quartiles: QuartileTarget[] = [];
  for (const q of data.quantiles) {
    for (const quartile of QUARTILES) {
      const v = q[quartile];
      if (v.value === null) continue;
      quartiles.push({
        id: `${q.id}-${quartile}`,
        kind: 'quartile',
        endpoint: q.endpoint,
        grouping: q.grouping,
        group: q.group,
        quartile,
        published: { printed: v.printed, value: v.value },
        tolerance: TOLERANCE.quartileMonths,
        halfWidth: roundingHalfWidth(v.printed),
      });
    }
  }
  for (const quartile of QUARTILES) {
    const v = data.followUp[quartile];
    if (v.value === null) continue;
    quartiles.push({
      id: `${data.followUp.id}-${quartile}`,
      kind: 'followup',
      endpoint: 'os',
      grouping: 'all',
      group: 'all',
      quartile,
      published: { printed: v.printed, value: v.value },
      tolerance: TOLERANCE.followUpMonths,
      halfWidth: roundingHalfWidth(v.printed),
    });
  }

  const logrank: LogRankTarget[] = data.figures.map((f) => ({
    id: `logrank-${f.endpoint}-${f.grouping}`,
    endpoint: f.endpoint,
    grouping: f.grouping,
    figure: f.figure,
    published: { printed: f.logrankP.printed, value: f.logrankP.value ?? Number.NaN },
    tolerance: TOLERANCE.logrankP,
    halfWidth: roundingHalfWidth(f.logrankP.printed),
  }));

  return {
    times,
    cohort: { printed: data.cohort.n.printed, value: data.cohort.n.value ?? Number.NaN },
    groupings,
    quartiles,
    logrank,
  };
}
