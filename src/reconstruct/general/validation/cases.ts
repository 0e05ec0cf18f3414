/**
 * Paper-shaped validation cases drawn from real data (see dataset.ts), and the summary a paper
 * would print for a patient table.
 *
 * A case: 70–90 patients drawn without replacement; one 2-level and one 3-level grouping, each with
 * 15–40% of patients not assessed (plus those the data set has no value for); nested endpoints
 * rfs ≤ os; numbers at risk at 0, s, 2s, 3s months (s a multiple of 6 up to a third of the
 * follow-up's upper quartile); KM quartiles to whole months (or "NR"); log-rank p to 3 decimals
 * ("<0.001" below); reverse-KM follow-up quartiles to whole months.
 */
import { kaplanMeier, logRank, medianFollowUp, survivalQuartiles } from '../../../stats/index.ts';
import type { Random } from '../../random.ts';
import type { Summary } from '../summary.ts';
import { parseSummary } from '../summary.ts';
import type { PatientTable } from '../table.ts';
import type { Dataset } from './dataset.ts';

/** Patients in a case: drawn uniformly from `min` to `max` inclusive. */
export const CASE_PATIENTS = { min: 70, max: 90 } as const;

/** A drawn case: its true patients and the summary a paper would print. */
export interface Case {
  readonly id: string;
  readonly dataset: string;
  /** Row of each sampled patient in the data set. */
  readonly rows: readonly number[];
  /** Grouping names in the data set, in summary order. */
  readonly groupings: readonly string[];
  readonly truth: PatientTable;
  readonly summary: Summary;
}

const ENDPOINTS = ['rfs', 'os'] as const;

function printQuartile(v: number | null): string {
  return v === null ? 'NR' : String(Math.round(v));
}

function printP(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/** What a paper prints about a patient table (groupings in order; levels as given). */
export function paperStyleSummary(args: {
  readonly table: PatientTable;
  readonly groupings: readonly { readonly id: string; readonly levels: readonly string[] }[];
  readonly times: readonly number[];
  readonly firstIncludesSecond: boolean;
}): Summary {
  const { table, groupings, times } = args;
  const n = table.ids.length;
  const all = Array.from({ length: n }, (_, i) => i);
  const quartilesOf = (who: number[], e: number) => survivalQuartiles(kaplanMeier(who.map((i) => table.times[e][i]), who.map((i) => table.events[e][i])));
  const quartiles: NonNullable<Summary['quartiles']> = [];
  const atRisk: Summary['atRisk'] = [];
  const logrankP: NonNullable<Summary['logrankP']> = [];
  ENDPOINTS.forEach((endpoint, e) => {
    const q = quartilesOf(all, e);
    quartiles.push({ endpoint, median: printQuartile(q.median.est), q25: printQuartile(q.q25.est), q75: printQuartile(q.q75.est) });
    groupings.forEach((g, gi) => {
      const assessed = all.filter((i) => table.labels[gi][i] !== null);
      const groups: Record<string, number[]> = {};
      for (const level of g.levels) {
        const who = assessed.filter((i) => table.labels[gi][i] === level);
        groups[level] = times.map((t) => who.filter((i) => table.times[e][i] >= t).length);
        const gq = quartilesOf(who, e);
        quartiles.push({ endpoint, grouping: g.id, group: level, median: printQuartile(gq.median.est), q25: printQuartile(gq.q25.est), q75: printQuartile(gq.q75.est) });
      }
      atRisk.push({ endpoint, grouping: g.id, times: [...times], groups });
      const p = logRank(
        assessed.map((i) => table.times[e][i]),
        assessed.map((i) => table.events[e][i]),
        assessed.map((i) => table.labels[gi][i] as string),
        { levels: g.levels },
      ).p;
      if (p !== null) logrankP.push({ endpoint, grouping: g.id, p: printP(p) });
    });
  });
  const fu = medianFollowUp([...table.times[1]], [...table.events[1]]);
  const followUp: NonNullable<Summary['followUp']> = {};
  if (fu.median.est !== null) followUp.median = printQuartile(fu.median.est);
  if (fu.q25.est !== null) followUp.q25 = printQuartile(fu.q25.est);
  if (fu.q75.est !== null) followUp.q75 = printQuartile(fu.q75.est);
  return parseSummary(
    {
      timeUnit: 'months',
      n,
      endpoints: [...ENDPOINTS],
      nested: true,
      firstIncludesSecond: args.firstIncludesSecond,
      groupings: groupings.map((g, gi) => {
        const sizes = g.levels.map((level) => table.labels[gi].filter((l) => l === level).length);
        return { id: g.id, n: sizes.reduce((a, b) => a + b, 0), groups: g.levels.map((level, k) => ({ id: level, n: sizes[k] })) };
      }),
      atRisk,
      logrankP,
      quartiles,
      followUp,
    },
    'case',
  );
}

/** Draws case `index` of a data set (see module doc); deterministic for a given generator state. */
export function drawCase(name: string, data: Dataset, rng: Random, index: number, firstIncludesSecond: boolean): Case {
  const names = Object.keys(data.groupings);
  const two = names.filter((g) => data.groupings[g].levels.length === 2);
  const three = names.filter((g) => data.groupings[g].levels.length === 3);
  if (!two.length || !three.length) throw new Error(`${name}: needs a 2-level and a 3-level grouping`);
  for (let attempt = 0; attempt < 100; attempt++) {
    const n = CASE_PATIENTS.min + rng.int(CASE_PATIENTS.max - CASE_PATIENTS.min + 1);
    const pool = Array.from({ length: data.n }, (_, i) => i);
    for (let i = 0; i < n; i++) {
      const j = i + rng.int(pool.length - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    const rows = pool.slice(0, n);
    const chosen = [two[rng.int(two.length)], three[rng.int(three.length)]];
    const labels = chosen.map((g) => {
      const share = 0.15 + 0.25 * rng.float();
      return rows.map((r) => (rng.float() < share ? null : data.groupings[g].values[r]));
    });
    const table: PatientTable = {
      ids: rows.map((_, i) => `T${i + 1}`),
      labels,
      times: [rows.map((r) => data.rfs_months[r]), rows.map((r) => data.os_months[r])],
      events: [rows.map((r) => data.rfs_event[r]), rows.map((r) => data.os_event[r])],
    };
    const groupings = chosen.map((g, k) => ({ id: `${g}`, levels: data.groupings[g].levels.filter((level) => labels[k].some((l) => l === level)) }));
    // Every level needs at least 3 assessed patients, as a paper's figure would.
    if (groupings.some((g, k) => g.levels.length !== data.groupings[chosen[k]].levels.length || g.levels.some((level) => labels[k].filter((l) => l === level).length < 3))) continue;
    const fu = medianFollowUp([...table.times[1]], [...table.events[1]]);
    const upper = fu.q75.est ?? Math.max(...table.times[1]);
    const step = Math.max(6, 6 * Math.floor(upper / 3 / 6));
    const times = [0, step, 2 * step, 3 * step];
    const summary = paperStyleSummary({ table, groupings, times, firstIncludesSecond });
    return { id: `${name}-${String(index + 1).padStart(2, '0')}`, dataset: name, rows, groupings: chosen, truth: table, summary };
  }
  throw new Error(`${name}: could not draw case ${index + 1}`);
}
