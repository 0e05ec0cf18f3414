/**
 * The ensemble: many independently seeded reconstructions, each meeting every hard constraint
 * and every soft target, summarised to show how much the published numbers leave open.
 *
 * Per accepted member (computed with the statistics core): S(t) of every group and of the cohort
 * on a 1-month grid, Cox hazard ratios of each group against the reference level (calcification
 * yes vs no; hyper and mixed vs hypo; Efron ties, R's default), the four log-rank p-values and
 * the overlap of the subcohorts. Across members: pointwise min, 5%, median, 95% and max
 * (R's type-7 quantiles, as `quantile()`).
 */
import { quantileSorted } from 'd3-array';
import type { Patient } from '../io/patients.ts';
import type { Endpoint, GroupingId } from '../published/survival-schema.ts';
import { coxph, kaplanMeier, logRank, survivalAt } from '../stats/index.ts';
import { fidelityEntries } from './fidelity.ts';
import { toPatients } from './patients.ts';
import type { AnnealOptions } from './anneal.ts';
import { ATTEMPT_ANNEAL, runAttempt } from './search.ts';
import type { SearchContext } from './search.ts';
import { ENDPOINTS, GROUPINGS, LEVELS } from './targets.ts';

/** The S(t) grid: 0, 1, …, 120 months. */
export const GRID_MAX = 120;
/** The grid times in months. */
export const GRID = Array.from({ length: GRID_MAX + 1 }, (_, t) => t);

/** A curve of the ensemble: view id (`calcification-os`, `all-rfs`, …) and group. */
export interface CurveKey {
  readonly view: string;
  readonly grouping: GroupingId | 'all';
  readonly endpoint: Endpoint;
  readonly group: string;
}

/** All curves summarised, in a fixed order. */
export const CURVES: readonly CurveKey[] = ENDPOINTS.flatMap((endpoint) => [
  { view: `all-${endpoint}`, grouping: 'all' as const, endpoint, group: 'all' },
  ...GROUPINGS.flatMap((grouping) => LEVELS[grouping].map((group) => ({ view: `${grouping}-${endpoint}`, grouping, endpoint, group }))),
]);

/** A hazard ratio term of the ensemble. */
export interface TermKey {
  readonly endpoint: Endpoint;
  readonly grouping: GroupingId;
  readonly term: string;
  readonly reference: string;
}

/** All hazard-ratio terms, in the order of {@link MemberSummary.hazardRatios}. */
export const TERMS: readonly TermKey[] = ENDPOINTS.flatMap((endpoint) =>
  GROUPINGS.flatMap((grouping) =>
    LEVELS[grouping].slice(1).map((level) => ({ endpoint, grouping, term: `${grouping}=${level}`, reference: LEVELS[grouping][0] })),
  ),
);

/** What one accepted member contributes. */
export interface MemberSummary {
  /** S(t) on {@link GRID} per curve, in the order of {@link CURVES}. */
  readonly curves: number[][];
  /** Hazard ratios in the order of {@link TERMS} (null when not estimable). */
  readonly hazardRatios: (number | null)[];
  /** Log-rank p per figure: rfs/os × calcification/enhancement. */
  readonly logrankP: (number | null)[];
  /** Patients assessed for both characteristics. */
  readonly overlap: number;
}

/** Outcome of one ensemble attempt. */
export interface MemberResult {
  readonly index: number;
  readonly seed: number;
  readonly accepted: boolean;
  /** Soft targets (or hard constraints) that failed, by id. */
  readonly failing: string[];
  readonly summary: MemberSummary | null;
  /** The accepted member's patients (null when rejected), for `ensemble.csv`. */
  readonly patients: Patient[] | null;
  /** Stopped early at the abort checkpoint (hopeless run). */
  readonly aborted: boolean;
  /** Wall time of the attempt in its thread (ms); a timing, never written to the reports. */
  readonly ms: number;
}

function labelOf(p: Patient, grouping: GroupingId): string | null {
  return grouping === 'calcification' ? p.calcification : p.enhancement;
}

/** The member's curves, hazard ratios and log-rank p (statistics core). */
export function summarizeMember(patients: readonly Patient[]): MemberSummary {
  const curves = CURVES.map(({ grouping, endpoint, group }) => {
    const members = grouping === 'all' ? patients : patients.filter((p) => labelOf(p, grouping) === group);
    const fit = kaplanMeier(
      members.map((p) => (endpoint === 'os' ? p.osMonths : p.rfsMonths)),
      members.map((p) => (endpoint === 'os' ? p.osEvent : p.rfsEvent)),
    );
    return survivalAt(fit, GRID).map((s) => s.surv);
  });
  const hazardRatios: (number | null)[] = [];
  const logrankP: (number | null)[] = [];
  for (const endpoint of ENDPOINTS) {
    for (const grouping of GROUPINGS) {
      const members = patients.filter((p) => labelOf(p, grouping) !== null);
      const time = members.map((p) => (endpoint === 'os' ? p.osMonths : p.rfsMonths));
      const event = members.map((p) => (endpoint === 'os' ? p.osEvent : p.rfsEvent));
      const levels = LEVELS[grouping];
      const X = members.map((p) => levels.slice(1).map((level) => (labelOf(p, grouping) === level ? 1 : 0)));
      const names = levels.slice(1).map((level) => `${grouping}=${level}`);
      const fit = coxph(time, event, X, names, { ties: 'efron' });
      for (const t of fit.terms) hazardRatios.push(t.hr);
      const group = members.map((p) => labelOf(p, grouping) as string);
      logrankP.push(logRank(time, event, group, { levels }).p);
    }
  }
  // Order of TERMS is endpoint → grouping → level, which is the order pushed above.
  const overlap = patients.filter((p) => p.calcification !== null && p.enhancement !== null).length;
  return { curves, hazardRatios, logrankP, overlap };
}

/**
 * Runs attempt `index` (seed given) and, if it meets every soft target by the fast evaluators,
 * re-checks all hard and soft entries with the statistics core before summarising it.
 */
export function runMember(ctx: SearchContext, index: number, seed: number, anneal: AnnealOptions = ATTEMPT_ANNEAL): MemberResult {
  const start = performance.now();
  const attempt = runAttempt(ctx, seed, anneal);
  let failing = attempt.failing;
  let summary: MemberSummary | null = null;
  let accepted: Patient[] | null = null;
  if (attempt.failures === 0) {
    const patients = toPatients(attempt.patients);
    failing = fidelityEntries(patients, ctx.targets)
      .filter((e) => !e.pass)
      .map((e) => e.id);
    if (failing.length === 0) {
      summary = summarizeMember(patients);
      accepted = patients;
    }
  }
  return { index, seed, accepted: summary !== null, failing, summary, patients: accepted, aborted: attempt.aborted, ms: performance.now() - start };
}

/** The pointwise quantiles of the reconstruction band (and of a spread's `p05`/`p95`): the middle 90%. */
export const BAND_QUANTILES = { lower: 0.05, upper: 0.95 } as const;

/** Five-number spread (min, 5%, median, 95%, max) of the finite values, rounded. */
export interface Spread {
  readonly n: number;
  readonly min: number | null;
  readonly p05: number | null;
  readonly median: number | null;
  readonly p95: number | null;
  readonly max: number | null;
}

/** {@link Spread} of the finite values (nulls ignored), rounded to `digits`; type-7 quantiles as R's `quantile()`. */
export function spread(values: readonly (number | null)[], digits = 3): Spread {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  const r = (x: number | undefined): number | null => (x === undefined ? null : Number(x.toFixed(digits)));
  return {
    n: v.length,
    min: r(v[0]),
    p05: r(quantileSorted(v, BAND_QUANTILES.lower)),
    median: r(quantileSorted(v, 0.5)),
    p95: r(quantileSorted(v, BAND_QUANTILES.upper)),
    max: r(v[v.length - 1]),
  };
}

/** Pointwise band of one curve across members. */
export interface Band {
  readonly time: number[];
  /** 5% pointwise quantile (the band the figure draws). */
  readonly lower: number[];
  /** 95% pointwise quantile. */
  readonly upper: number[];
  readonly min: number[];
  readonly median: number[];
  readonly max: number[];
}

/** Bands of every curve, keyed view → group (the layout `src/charts/km-ensemble.ts` reads). */
export function bands(members: readonly MemberSummary[]): Record<string, Record<string, Band>> {
  const out: Record<string, Record<string, Band>> = {};
  CURVES.forEach((key, c) => {
    const lower: number[] = [];
    const upper: number[] = [];
    const min: number[] = [];
    const median: number[] = [];
    const max: number[] = [];
    GRID.forEach((_, g) => {
      const s = spread(
        members.map((m) => m.curves[c][g]),
        3,
      );
      min.push(s.min ?? 0);
      lower.push(s.p05 ?? 0);
      median.push(s.median ?? 0);
      upper.push(s.p95 ?? 0);
      max.push(s.max ?? 0);
    });
    (out[key.view] ??= {})[key.group] = { time: [...GRID], lower, upper, min, median, max };
  });
  return out;
}
