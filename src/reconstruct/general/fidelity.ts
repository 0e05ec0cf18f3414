/**
 * Checks a reconstruction against its summary with the statistics core (not the search's fast
 * evaluators): every number at risk (hard), every quartile, log-rank p and follow-up quartile
 * (soft: passed when inside the pass interval of problem.ts; exact when it rounds to the printed value).
 */
import { kaplanMeier, logRank, medianFollowUp, survivalQuartiles } from '../../stats/index.ts';
import { curveMembers } from './effects.ts';
import type { Problem, QuartileName } from './problem.ts';
import type { PatientTable } from './table.ts';

/** One checked number. */
export interface FidelityEntry {
  readonly id: string;
  readonly kind: 'at-risk' | 'quartile' | 'follow-up' | 'log-rank';
  readonly hard: boolean;
  readonly printed: string;
  readonly value: number | null;
  readonly pass: boolean;
  /** Inside the printed interval itself. */
  readonly exact: boolean;
}

/** Every hard constraint and soft target, checked. */
export function fidelityEntries(problem: Problem, table: PatientTable): FidelityEntry[] {
  const out: FidelityEntry[] = [];
  const tol = 1e-9;
  const quartile = (v: number | null | undefined) => (v === null || v === undefined ? null : v);
  problem.curves.forEach((curve, c) => {
    const who = curveMembers(problem, table, c);
    const time = who.map((i) => table.times[curve.endpoint][i]);
    const event = who.map((i) => table.events[curve.endpoint][i]);
    for (const r of curve.atRisk) {
      const count = time.filter((t) => t >= r.time - tol).length;
      out.push({ id: `${curve.id}-at-risk-${r.time}`, kind: 'at-risk', hard: true, printed: String(r.count), value: count, pass: count === r.count, exact: count === r.count });
    }
    const targets = problem.quartiles.filter((q) => q.curve === c);
    if (targets.length === 0) return;
    const fit = time.length ? survivalQuartiles(kaplanMeier(time, event)) : null;
    for (const q of targets) {
      const v = fit ? quartile(fit[q.name as QuartileName].est) : null;
      out.push(quartileEntry(problem, q.id, 'quartile', q, v));
    }
  });
  const followUp = problem.quartiles.filter((q) => q.curve < 0);
  if (followUp.length) {
    const e = problem.endpoints.length - 1;
    const fu = medianFollowUp([...table.times[e]], [...table.events[e]]);
    for (const q of followUp) out.push(quartileEntry(problem, q.id, 'follow-up', q, quartile(fu[q.name].est)));
  }
  for (const l of problem.logrank) {
    const who = table.ids.map((_, i) => i).filter((i) => table.labels[l.grouping][i] !== null);
    const p = logRank(
      who.map((i) => table.times[l.endpoint][i]),
      who.map((i) => table.events[l.endpoint][i]),
      who.map((i) => table.labels[l.grouping][i] as string),
      { levels: problem.groupings[l.grouping].levels },
    ).p;
    const pass = p !== null && p >= l.acceptP[0] - tol && p <= l.acceptP[1] + tol;
    const exact = p !== null && p >= l.target.lo - tol && p <= l.target.hi + tol;
    out.push({ id: l.id, kind: 'log-rank', hard: false, printed: l.target.printed, value: p, pass, exact });
  }
  return out;
}

function quartileEntry(problem: Problem, id: string, kind: 'quartile' | 'follow-up', q: Problem['quartiles'][number], v: number | null): FidelityEntry {
  const tol = 1e-6;
  if (q.target.notReached) return { id, kind, hard: false, printed: q.target.printed, value: v, pass: v === null, exact: v === null };
  if (v === null) return { id, kind, hard: false, printed: q.target.printed, value: null, pass: false, exact: false };
  const ticks = v / problem.tick;
  const pass = ticks >= q.acceptLo - tol && ticks <= q.acceptHi + tol;
  const exact = v >= q.target.lo - tol && v <= q.target.hi + tol;
  return { id, kind, hard: false, printed: q.target.printed, value: v, pass, exact };
}

/** Counts of a fidelity check. */
export function fidelitySummary(entries: readonly FidelityEntry[]) {
  const hard = entries.filter((e) => e.hard);
  const soft = entries.filter((e) => !e.hard);
  return {
    hard: { met: hard.filter((e) => e.pass).length, total: hard.length },
    soft: { passed: soft.filter((e) => e.pass).length, exact: soft.filter((e) => e.exact).length, total: soft.length },
  };
}
