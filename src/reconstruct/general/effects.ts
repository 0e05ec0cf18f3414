/**
 * What a reconstruction says beyond the printed numbers, computed with the statistics core: Cox
 * hazard ratios of every non-reference group against the first (Efron ties, as R's `coxph`) with
 * their standard errors, and Kaplan–Meier S(t) of every curve on a time grid.
 */
import { coxph, kaplanMeier, survivalAt } from '../../stats/index.ts';
import type { Problem } from './problem.ts';
import type { PatientTable } from './table.ts';

/** A hazard-ratio term: endpoint × grouping × non-reference level. */
export interface Term {
  readonly id: string;
  readonly endpoint: number;
  readonly grouping: number;
  readonly level: number;
}

/** Every term of a problem, endpoint → grouping → level. */
export function termsOf(problem: Problem): Term[] {
  return problem.endpoints.flatMap((endpoint, e) =>
    problem.groupings.flatMap((g, gi) =>
      g.levels.slice(1).map((level, k) => ({ id: `${endpoint}-${g.id}-${level}`, endpoint: e, grouping: gi, level: k + 1 })),
    ),
  );
}

/** A term's Cox estimate (null when not estimable). */
export interface TermEstimate {
  readonly logHr: number | null;
  readonly se: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Cox fits per (endpoint, grouping) of a table, flattened in the order of {@link termsOf}. */
export function hazardRatios(problem: Problem, table: PatientTable): TermEstimate[] {
  const out: TermEstimate[] = [];
  problem.endpoints.forEach((_, e) => {
    problem.groupings.forEach((g, gi) => {
      const who = table.ids.map((_, i) => i).filter((i) => table.labels[gi][i] !== null);
      const names = g.levels.slice(1).map((level) => `${g.id}=${level}`);
      let terms: readonly { coef: number | null; se: number | null; lower: number | null; upper: number | null }[];
      try {
        const fit = coxph(
          who.map((i) => table.times[e][i]),
          who.map((i) => table.events[e][i]),
          who.map((i) => g.levels.slice(1).map((level) => (table.labels[gi][i] === level ? 1 : 0))),
          names,
          { ties: 'efron' },
        );
        terms = fit.terms;
      } catch {
        terms = names.map(() => ({ coef: null, se: null, lower: null, upper: null }));
      }
      for (const t of terms) {
        const ok = t.coef !== null && t.se !== null && Number.isFinite(t.coef) && Number.isFinite(t.se) && t.se > 0;
        out.push(ok ? { logHr: t.coef, se: t.se, lower: t.lower, upper: t.upper } : { logHr: null, se: null, lower: null, upper: null });
      }
    });
  });
  return out;
}

/** Members of a curve of the problem in a table. */
export function curveMembers(problem: Problem, table: PatientTable, curve: number): number[] {
  const c = problem.curves[curve];
  return table.ids.map((_, i) => i).filter((i) => c.grouping < 0 || table.labels[c.grouping][i] === problem.groupings[c.grouping].levels[c.group]);
}

/** S(t) of every curve of the problem at `grid` (time units). */
export function curvesOnGrid(problem: Problem, table: PatientTable, grid: readonly number[]): number[][] {
  return problem.curves.map((c, k) => {
    const who = curveMembers(problem, table, k);
    if (who.length === 0) return grid.map(() => Number.NaN);
    const fit = kaplanMeier(
      who.map((i) => table.times[c.endpoint][i]),
      who.map((i) => table.events[c.endpoint][i]),
    );
    return survivalAt(fit, [...grid]).map((s) => s.surv);
  });
}
