/**
 * The two JSON reports of `npm run reconstruct`: `fidelity.json` (the main reconstruction against
 * every published number) and `ensemble.json` (the spread over independent reconstructions).
 * Pure: no I/O, no timings, so that a rerun with the same seed writes identical files.
 */
import type { Patient } from '../io/patients.ts';
import type { AnnealOptions } from './anneal.ts';
import { CURVES, GRID_MAX, TERMS, bands, spread } from './ensemble.ts';
import type { MemberResult } from './ensemble.ts';
import { fidelityEntries, softEntries, summarize } from './fidelity.ts';
import type { EnsembleRun } from './parallel.ts';
import { toTicks } from './patients.ts';
import { plausibility } from './plausibility.ts';
import type { MainResult, SearchContext } from './search.ts';
import { ATTEMPT_ANNEAL, POLISH_ANNEAL } from './search.ts';
import { createState } from './state.ts';
import { ENDPOINTS, GROUPINGS } from './targets.ts';

/** How the fast search evaluators compare with the statistics core on a table. */
export interface Agreement {
  readonly compared: number;
  readonly maxAbsDifference: number;
  readonly worst: string | null;
}

/** Compares every soft target as computed by the fast evaluators and by `src/stats` (full precision). */
export function fastVersusStats(ctx: SearchContext, patients: readonly Patient[]): Agreement {
  const entries = softEntries(patients, ctx.targets, null);
  const s = createState(toTicks(patients), ctx.objective);
  let compared = 0;
  let max = 0;
  let worst: string | null = null;
  for (let c = 0; c < s.slots.length; c++) {
    for (const slot of s.slots[c]) {
      const e = entries.find((x) => x.id === slot.id);
      if (!e) continue;
      compared++;
      const fast = s.outs[c][slot.index];
      const core = e.reconstructed;
      const d = core === null ? (Number.isNaN(fast) ? 0 : Number.POSITIVE_INFINITY) : Math.abs(fast - core);
      if (!(d <= max)) {
        max = d;
        worst = `${slot.id}: fast ${fast}, stats ${core}`;
      }
    }
  }
  return { compared, maxAbsDifference: max, worst: max > 0 ? worst : null };
}

const METHOD = [
  'Hard constraints are structural: every patient carries an RFS bin and an OS bin ([0,20), [20,40), [40,60), [60,∞) months) fixed by the numbers at risk of its groups (at risk = time ≥ t), and no move of the search leaves its bins; RFS ≤ OS and "no recurrence ⇒ RFS censored at the OS time" hold for every proposal, so the 52 hard checks hold at every iteration, not only at the end.',
  'Overlap: at least 57 + 51 − 82 = 26 patients are in both subcohorts; one in both is made by merging a calcification patient and an enhancement patient with the same (RFS bin, OS bin) profile, and label swaps between patients of identical profile let the overlap m change during the search. The other m − 26 patients are in neither subcohort; only the cohort targets involve them.',
  'Search: simulated annealing (seeded xoshiro128**, stop by iteration count) over times (0.1-month resolution, 1–220 months), event flags, event swaps, label swaps and compound event relocations aimed at unsettled targets. Loss: zero inside each printed rounding interval, rising to the tolerance, a step beyond; plus a vertical term on S(t) at the edges of each quartile window; the log-rank weight rises over the first half of the run. Fast single-pass evaluators run in the loop and agree with src/stats to machine precision (see agreement).',
  'Start: a skeleton from random couplings of each group\'s bin counts; times from a template of the cohort (survival and censoring curves through the published cohort quartiles, exits with density −d(S·G)/dt); event flags that make each group\'s KM follow its published quartiles. The main reconstruction takes the first seeded attempt (seeds derived from --seed) that meets every soft target and polishes it at low temperature with a firmer pull into the printed rounding intervals.',
  'Product identity: for KM estimates Y(t) = n·S(t−)·G(t−) (G the reverse KM of censoring). With median OS 44 ± 1 and median follow-up 42 ± 2, S and G are both ≤ ½ at 60 months, so the cohort can keep at most 82·¼ ≈ 20 patients at risk for OS at 60 months while the tables require at least 16 (16 in the enhancement subcohort). The search therefore penalises more than 18 at risk at 60 months; most patients followed beyond 60 months are in both subcohorts, very few patients leave between 45 and 60 months, and many deaths and censorings fall between 40 and 45 months. This cluster follows from the published numbers, not from a choice.',
  'Plausibility choices: times at 0.1 month (follow-up in days rarely ties; tied times are penalised lightly), no censoring alive within 6 months of resection (penalised), recurrence and death times kept apart (RFS < OS for a recurrence). Censoring follows what the reverse-KM quartiles (30, 42, 79 months) demand: most of it falls before 45 months (see plausibility.censoredFollowUp). The at-risk tables leave few early exits to the assessed patients, so the early censoring the reverse-KM q25 calls for falls mostly on patients in neither subcohort (see plausibility.osEndBefore20 and neitherCensored); the paper does not say who those patients were.',
];

/** `fidelity.json`. */
export function fidelityReport(args: {
  readonly seed: number;
  readonly ctx: SearchContext;
  readonly patients: readonly Patient[];
  readonly main: MainResult;
  readonly anneal: AnnealOptions;
}): Record<string, unknown> {
  const { seed, ctx, patients, main, anneal } = args;
  const entries = fidelityEntries(patients, ctx.targets);
  const summary = summarize(entries);
  const unmet = entries
    .filter((e) => !e.pass)
    .map((e) => ({
      id: e.id,
      kind: e.kind,
      published: e.published,
      reconstructed: e.reconstructed,
      tolerance: e.tolerance,
      evidence: `not met by the chosen reconstruction; ${main.attempts.length} attempt(s) of ${anneal.iterations} iterations each were made (see search.attempts), best had ${main.best.failures} soft failure(s)`,
    }));
  return {
    $comment:
      'Fidelity of data/reconstructed/patients.csv to the survival numbers printed in Armstrong et al. 2020, recomputed with src/stats. Written by `npm run reconstruct`.',
    seed,
    summary,
    targets: entries,
    unmet,
    agreement: fastVersusStats(ctx, patients),
    plausibility: plausibility(patients),
    search: {
      anneal,
      polish: POLISH_ANNEAL,
      polished: main.polished,
      chosenSeed: main.best.seed,
      attempts: main.attempts.map((a) => ({
        seed: a.seed,
        iterations: a.iterations,
        softFailures: a.failures,
        failing: a.failing,
        loss: Number(a.loss.toFixed(4)),
      })),
    },
    method: METHOD,
  };
}

/** `ensemble.json`. */
export function ensembleReport(args: {
  readonly seed: number;
  readonly ctx: SearchContext;
  readonly run: EnsembleRun;
  readonly wanted: number;
}): Record<string, unknown> {
  const { seed, ctx, run, wanted } = args;
  const members = run.accepted.map((r) => r.summary).filter((m): m is NonNullable<MemberResult['summary']> => m !== null);
  const rejected = run.attempts.filter((r) => !r.accepted);
  const completed = rejected.filter((r) => !r.aborted);
  const failingCounts: Record<string, number> = {};
  for (const r of completed) for (const id of r.failing) failingCounts[id] = (failingCounts[id] ?? 0) + 1;
  const figures = ENDPOINTS.flatMap((endpoint) => GROUPINGS.map((grouping) => ({ endpoint, grouping })));
  return {
    $comment:
      'Spread of independently seeded reconstructions, each meeting every hard constraint and every soft target (checked with src/stats). Written by `npm run reconstruct`.',
    seed,
    wanted,
    members: members.length,
    attempts: run.attempts.length,
    acceptanceRate: run.attempts.length ? Number((members.length / run.attempts.length).toFixed(4)) : null,
    attemptAnneal: ATTEMPT_ANNEAL,
    rejected: {
      count: rejected.length,
      abortedHalfway: rejected.length - completed.length,
      completedButFailing: completed.length,
      // Targets missed by the attempts that ran to the end, with counts.
      failingTargets: Object.fromEntries(Object.entries(failingCounts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
    },
    grid: { from: 0, to: GRID_MAX, step: 1, unit: 'months' },
    curves: CURVES.map(({ view, group }) => `${view}/${group}`),
    views: bands(members),
    hazardRatios: TERMS.map((t, k) => ({
      endpoint: t.endpoint,
      grouping: t.grouping,
      term: t.term,
      reference: t.reference,
      ties: 'efron',
      ...spread(
        members.map((m) => m.hazardRatios[k]),
        3,
      ),
    })),
    logrankP: figures.map((f, k) => {
      const target = ctx.targets.logrank.find((t) => t.endpoint === f.endpoint && t.grouping === f.grouping);
      return {
        endpoint: f.endpoint,
        grouping: f.grouping,
        figure: target?.figure ?? null,
        published: target?.published ?? null,
        ...spread(
          members.map((m) => m.logrankP[k]),
          4,
        ),
      };
    }),
    overlap: spread(
      members.map((m) => m.overlap),
      0,
    ),
  };
}
