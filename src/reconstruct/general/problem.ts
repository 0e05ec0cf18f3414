/**
 * From a summary to the search problem: a time grid, the curves (every endpoint × the whole cohort
 * and every group), the hard constraints (numbers at risk) and the soft targets (quartiles,
 * log-rank p, reverse-KM follow-up) with the interval each must land in.
 *
 * - Times are whole ticks of a power-of-ten step (0.1 month for a 60-month paper) up to a horizon
 *   of 1.5 × the last at-risk time (or 1.15 × the largest printed time, if later).
 * - A soft target *passes* when its value lies in the printed interval widened by a tolerance:
 *   quartiles ±1.5% of the last at-risk time (±0.9 months for this paper), follow-up twice that,
 *   p ± min(0.005, 10% of p). The search aims at the printed interval itself.
 * - Log-rank targets work on the χ² scale: the p interval maps to a χ² interval (df = groups − 1).
 */
import { chiSquareUpperTail } from '../../stats/index.ts';
import type { PrintedInterval } from './printed.ts';
import { printedInterval } from './printed.ts';
import type { Summary } from './summary.ts';

/** 1 − S at the three quartiles: S = 0.75 (q25), 0.5 (median), 0.25 (q75). */
export const QUARTILE_P = { q25: 0.25, median: 0.5, q75: 0.75 } as const;
export type QuartileName = keyof typeof QUARTILE_P;
const QUARTILE_NAMES = ['q25', 'median', 'q75'] as const;

/** A Kaplan–Meier curve of the problem. */
export interface Curve {
  readonly id: string;
  readonly endpoint: number;
  /** Grouping index, or −1 for the whole cohort. */
  readonly grouping: number;
  readonly group: number;
  /** Hard constraints: patients with time ≥ tick. */
  readonly atRisk: readonly { readonly tick: number; readonly time: number; readonly count: number }[];
}

/** A quartile target of a KM curve (`curve` ≥ 0) or of the reverse-KM follow-up (`curve` = −1). */
export interface QuartileTarget {
  readonly id: string;
  readonly curve: number;
  readonly name: QuartileName;
  /** 1 − S at the quartile. */
  readonly p: number;
  readonly target: PrintedInterval;
  /** Pass interval in ticks (widened by the tolerance); infinite for "NR". */
  readonly acceptLo: number;
  readonly acceptHi: number;
  /** Aim interval in ticks (the printed interval). */
  readonly aimLo: number;
  readonly aimHi: number;
  /** Scale of the cost, in ticks. */
  readonly scale: number;
}

/** A log-rank target. */
export interface LogrankTarget {
  readonly id: string;
  readonly endpoint: number;
  readonly grouping: number;
  readonly df: number;
  readonly target: PrintedInterval;
  /** √χ² intervals (aim = printed p interval; accept = widened). */
  readonly aimLo: number;
  readonly aimHi: number;
  readonly acceptLo: number;
  readonly acceptHi: number;
  readonly acceptP: readonly [number, number];
}

/** A grouping with its levels (the first is the reference for hazard ratios). */
export interface GroupingSpec {
  readonly id: string;
  readonly n: number;
  readonly levels: readonly string[];
  readonly sizes: readonly number[];
}

/** The compiled problem. */
export interface Problem {
  readonly summary: Summary;
  readonly n: number;
  readonly endpoints: readonly string[];
  readonly nested: boolean;
  readonly firstIncludesSecond: boolean;
  readonly timeUnit: string;
  /** Length of one tick in time units, and the decimals to print it with. */
  readonly tick: number;
  readonly decimals: number;
  readonly horizon: number;
  /** The last at-risk time in ticks (the window the curves are known in). */
  readonly window: number;
  readonly groupings: readonly GroupingSpec[];
  readonly curves: readonly Curve[];
  readonly quartiles: readonly QuartileTarget[];
  readonly logrank: readonly LogrankTarget[];
  /** Index of curve (endpoint, grouping, group); cohort curves use grouping −1, group 0. */
  curveIndex(endpoint: number, grouping: number, group: number): number;
}

/** Tolerances of the pass intervals (see module doc). */
export const TOLERANCE = { quartileShareOfWindow: 0.015, followUpFactor: 2, pAbsolute: 0.005, pRelative: 0.1 } as const;

/** χ² value with upper tail p (df degrees of freedom), by bisection on the log scale. */
export function chiSquareForP(p: number, df: number): number {
  if (p >= 1) return 0;
  if (p <= 0) return Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = 1;
  while (chiSquareUpperTail(hi, df) > p) hi *= 2;
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (chiSquareUpperTail(mid, df) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Compiles a validated summary. */
export function compileProblem(summary: Summary): Problem {
  const endpoints = summary.endpoints;
  const groupings: GroupingSpec[] = summary.groupings.map((g) => ({
    id: g.id,
    n: g.n,
    levels: g.groups.map((x) => x.id),
    sizes: g.groups.map((x) => x.n),
  }));
  const lastAtRisk = Math.max(...summary.atRisk.map((t) => t.times[t.times.length - 1]));
  const printedTimes = [
    ...(summary.quartiles ?? []).flatMap((q) => [q.median, q.q25, q.q75]),
    ...[summary.followUp?.median, summary.followUp?.q25, summary.followUp?.q75],
  ]
    .filter((v) => v !== undefined)
    .map((v) => printedInterval(v as string | number))
    .filter((v) => Number.isFinite(v.value))
    .map((v) => v.value);
  const horizonTime = Math.max(1.5 * lastAtRisk, 1.15 * Math.max(0, ...printedTimes), 1);
  const tick = 10 ** Math.floor(Math.log10(horizonTime / 1000));
  const decimals = Math.max(0, -Math.round(Math.log10(tick)));
  const toTick = (t: number) => Math.round(t / tick);
  const horizon = Math.ceil(horizonTime / tick);
  const window = toTick(lastAtRisk);

  const curves: Curve[] = [];
  const index = new Map<string, number>();
  endpoints.forEach((endpoint, e) => {
    const add = (grouping: number, group: number, id: string, table: string | undefined, groupId: string) => {
      const t = summary.atRisk.find((x) => x.endpoint === endpoint && x.grouping === table);
      const counts = t ? t.groups[groupId] : undefined;
      const atRisk = t && counts ? t.times.map((time, k) => ({ tick: toTick(time), time, count: counts[k] })) : [];
      index.set(`${e}/${grouping}/${group}`, curves.length);
      curves.push({ id, endpoint: e, grouping, group, atRisk });
    };
    add(-1, 0, `${endpoint}-all`, undefined, 'all');
    groupings.forEach((g, gi) => g.levels.forEach((level, k) => add(gi, k, `${endpoint}-${g.id}-${level}`, g.id, level)));
  });
  const curveIndex = (endpoint: number, grouping: number, group: number) => {
    const c = index.get(`${endpoint}/${grouping}/${group}`);
    if (c === undefined) throw new Error(`internal: no curve ${endpoint}/${grouping}/${group}`);
    return c;
  };

  const tolerance = TOLERANCE.quartileShareOfWindow * lastAtRisk;
  const quartiles: QuartileTarget[] = [];
  const quartileTarget = (id: string, curve: number, name: QuartileName, value: string | number, tol: number) => {
    const target = printedInterval(value);
    const scale = Math.max(target.halfWidth, tol) / tick;
    quartiles.push({
      id,
      curve,
      name,
      p: QUARTILE_P[name],
      target,
      acceptLo: target.notReached ? Number.POSITIVE_INFINITY : (target.lo - tol) / tick,
      acceptHi: target.notReached ? Number.POSITIVE_INFINITY : (target.hi + tol) / tick,
      aimLo: target.lo / tick,
      aimHi: target.hi / tick,
      scale,
    });
  };
  for (const q of summary.quartiles ?? []) {
    const e = endpoints.indexOf(q.endpoint);
    const gi = q.grouping === undefined ? -1 : groupings.findIndex((g) => g.id === q.grouping);
    const k = gi < 0 ? 0 : groupings[gi].levels.indexOf(q.group as string);
    const c = curveIndex(e, gi, k);
    for (const name of QUARTILE_NAMES) {
      const v = q[name];
      if (v !== undefined) quartileTarget(`${curves[c].id}-${name}`, c, name, v, tolerance);
    }
  }
  for (const name of QUARTILE_NAMES) {
    const v = summary.followUp?.[name];
    if (v !== undefined) quartileTarget(`followup-${name}`, -1, name, v, TOLERANCE.followUpFactor * tolerance);
  }

  const logrank: LogrankTarget[] = (summary.logrankP ?? []).map((l) => {
    const e = endpoints.indexOf(l.endpoint);
    const gi = groupings.findIndex((g) => g.id === l.grouping);
    const df = groupings[gi].levels.length - 1;
    const target = printedInterval(l.p);
    const tol = Math.max(target.halfWidth, Math.min(TOLERANCE.pAbsolute, TOLERANCE.pRelative * target.value));
    const acceptP: [number, number] = [Math.max(0, target.lo - tol), Math.min(1, target.hi + tol)];
    const root = (p: number) => Math.sqrt(chiSquareForP(p, df));
    return {
      id: `logrank-${l.endpoint}-${l.grouping}`,
      endpoint: e,
      grouping: gi,
      df,
      target,
      aimLo: root(Math.min(1, target.hi)),
      aimHi: root(target.lo),
      acceptLo: root(acceptP[1]),
      acceptHi: root(acceptP[0]),
      acceptP,
    };
  });

  return {
    summary,
    n: summary.n,
    endpoints,
    nested: endpoints.length === 2 && summary.nested === true,
    firstIncludesSecond: summary.firstIncludesSecond === true,
    timeUnit: summary.timeUnit,
    tick,
    decimals,
    horizon,
    window,
    groupings,
    curves,
    quartiles,
    logrank,
    curveIndex,
  };
}
