/**
 * How close a blind reconstruction gets to the patients it was made from (one validation case).
 *
 * (a) KM distance: the largest vertical distance between the main reconstruction's and the true
 *     Kaplan–Meier curve, on 200 points across the at-risk window, per group curve;
 * (b) the main reconstruction's log-HR error against the true sample's Cox log HR, per term;
 * (c) coverage: whether the true sample's HR lies in the ensemble's 2.5–97.5% member interval, per
 *     term; and the share of 48 window times at which the true KM lies in the ensemble's pointwise
 *     2.5–97.5% band, per curve;
 * (d) whether the Rubin-pooled 95% CI over the members covers the full data set's HR, beside the
 *     same for the true sample's own Cox CI;
 * (e) median and RMST (at the last at-risk time) errors of the main reconstruction, per curve.
 */
import { quantileSorted } from 'd3-array';
import { kaplanMeier, rmstCore, survivalQuartiles } from '../../../stats/index.ts';
import { rubinPool } from '../../../stats/rubin.ts';
import type { TermEstimate } from '../effects.ts';
import { curveMembers, curvesOnGrid, hazardRatios, termsOf } from '../effects.ts';
import type { Problem } from '../problem.ts';
import type { PatientTable } from '../table.ts';

/** Measures of one case (arrays per curve or per term). */
export interface CaseMeasures {
  readonly kmDistance: number[];
  readonly logHrError: number[];
  readonly hrCovered: boolean[];
  readonly bandCoverage: number[];
  readonly pooledCovered: boolean[];
  readonly sampleCiCovered: boolean[];
  readonly medianError: number[];
  /** Curves where exactly one of truth and reconstruction reaches the median. */
  readonly medianReachedMismatch: number;
  readonly rmstError: number[];
}

function grid(problem: Problem, points: number): number[] {
  const end = problem.window * problem.tick;
  return Array.from({ length: points }, (_, k) => (end * (k + 1)) / points);
}

/** Group curves only (the cohort curve is not a group's). */
function groupCurves(problem: Problem): number[] {
  return problem.curves.map((c, k) => (c.grouping >= 0 ? k : -1)).filter((k) => k >= 0);
}

/** Measures (a)–(e) of one case; `fullLogHr` per term from the whole data set. */
export function measureCase(args: {
  readonly problem: Problem;
  readonly truth: PatientTable;
  readonly main: PatientTable;
  readonly members: readonly PatientTable[];
  readonly fullLogHr: readonly (number | null)[];
}): CaseMeasures {
  const { problem, truth, main, members, fullLogHr } = args;
  const curves = groupCurves(problem);
  const fine = grid(problem, 200);
  const trueFine = curvesOnGrid(problem, truth, fine);
  const mainFine = curvesOnGrid(problem, main, fine);
  const kmDistance = curves.map((c) => Math.max(...fine.map((_, k) => Math.abs(trueFine[c][k] - mainFine[c][k]))));

  const terms = termsOf(problem);
  const trueHr = hazardRatios(problem, truth);
  const mainHr = hazardRatios(problem, main);
  const memberHr = members.map((m) => hazardRatios(problem, m));
  const logHrError: number[] = [];
  const hrCovered: boolean[] = [];
  const pooledCovered: boolean[] = [];
  const sampleCiCovered: boolean[] = [];
  terms.forEach((_, k) => {
    const t = trueHr[k];
    const m = mainHr[k];
    if (t.logHr !== null && m.logHr !== null) logHrError.push(Math.abs(m.logHr - t.logHr));
    const usable = memberHr.map((h) => h[k]).filter((h): h is TermEstimate & { logHr: number; se: number } => h.logHr !== null && h.se !== null);
    const sorted = usable.map((h) => h.logHr).sort((a, b) => a - b);
    if (t.logHr !== null && sorted.length >= 2) {
      hrCovered.push(t.logHr >= (quantileSorted(sorted, 0.025) as number) && t.logHr <= (quantileSorted(sorted, 0.975) as number));
    }
    const full = fullLogHr[k];
    if (full !== null && full !== undefined && usable.length >= 2) {
      const pooled = rubinPool({ estimates: usable.map((h) => h.logHr), variances: usable.map((h) => h.se * h.se) });
      pooledCovered.push(full >= pooled.lower && full <= pooled.upper);
      if (t.lower !== null && t.upper !== null) sampleCiCovered.push(Math.exp(full) >= t.lower && Math.exp(full) <= t.upper);
    }
  });

  const coarse = grid(problem, 48);
  const trueCoarse = curvesOnGrid(problem, truth, coarse);
  const memberCoarse = members.map((m) => curvesOnGrid(problem, m, coarse));
  const bandCoverage = curves.map((c) => {
    let inside = 0;
    coarse.forEach((_, k) => {
      const values = memberCoarse.map((m) => m[c][k]).filter(Number.isFinite).sort((a, b) => a - b);
      const lo = quantileSorted(values, 0.025) as number;
      const hi = quantileSorted(values, 0.975) as number;
      if (trueCoarse[c][k] >= lo - 1e-12 && trueCoarse[c][k] <= hi + 1e-12) inside++;
    });
    return inside / coarse.length;
  });

  const tau = problem.window * problem.tick;
  const medianError: number[] = [];
  const rmstError: number[] = [];
  let medianReachedMismatch = 0;
  for (const c of curves) {
    const e = problem.curves[c].endpoint;
    const of = (table: PatientTable) => {
      const who = curveMembers(problem, table, c);
      const time = who.map((i) => table.times[e][i]);
      const event = who.map((i) => table.events[e][i]);
      return { median: survivalQuartiles(kaplanMeier(time, event)).median.est, rmst: rmstCore(time, event, tau).est };
    };
    const t = of(truth);
    const m = of(main);
    if (t.median !== null && m.median !== null) medianError.push(Math.abs(t.median - m.median));
    else if ((t.median === null) !== (m.median === null)) medianReachedMismatch++;
    rmstError.push(Math.abs(t.rmst - m.rmst));
  }
  return { kmDistance, logHrError, hrCovered, bandCoverage, pooledCovered, sampleCiCovered, medianError, medianReachedMismatch, rmstError };
}
