/**
 * A whole reconstruction of a summary: the ensemble (ensemble.ts), its most central member polished
 * as the main reconstruction (central.ts), both checked with the statistics core (fidelity.ts), and
 * the text of the three files `patients.csv`, `ensemble.csv` and `fidelity.json`.
 */
import { compactJson } from '../json.ts';
import { deriveSeed } from '../random.ts';
import { centralMember } from './central.ts';
import type { EnsembleRun } from './ensemble.ts';
import { ENSEMBLE, runEnsemble } from './ensemble.ts';
import type { FidelityEntry } from './fidelity.ts';
import { fidelityEntries, fidelitySummary } from './fidelity.ts';
import type { Problem } from './problem.ts';
import { TOLERANCE, compileProblem } from './problem.ts';
import { BURN_IN_THINS, FIT, polishFrom } from './search.ts';
import type { Summary } from './summary.ts';
import type { PatientTable } from './table.ts';
import { formatEnsembleTable, formatPatientTable, toTable } from './table.ts';

/** Iterations of the main reconstruction's polish. */
export const POLISH = 40_000;

/** Options of a reconstruction. */
export interface ReconstructOptions {
  readonly members: number;
  readonly seed: number;
  readonly workers: number;
  readonly onProgress?: (p: { readonly members: number; readonly chains: number; readonly failed: number }) => void;
}

/** The result: file texts by name, and what to print. */
export interface Reconstruction {
  readonly problem: Problem;
  readonly main: PatientTable;
  readonly members: readonly PatientTable[];
  readonly fidelity: readonly FidelityEntry[];
  readonly run: EnsembleRun;
  readonly files: { readonly 'patients.csv': string; readonly 'ensemble.csv': string; readonly 'fidelity.json': string };
}

/** Reconstructs a validated summary (see module doc). */
export async function reconstructSummary(summary: Summary, o: ReconstructOptions): Promise<Reconstruction> {
  const problem = compileProblem(summary);
  const perChain = Math.min(ENSEMBLE.perChain, o.members);
  const run = await runEnsemble(summary, problem, { members: o.members, perChain, thin: ENSEMBLE.thin, seed: o.seed, workers: o.workers, onProgress: o.onProgress });
  const members = run.members.map((m) => toTable(problem, m));
  const central = centralMember(problem, members);
  const main = toTable(problem, polishFrom(problem, run.members[central], deriveSeed(o.seed, 0x9011), POLISH));
  const fidelity = fidelityEntries(problem, main);
  const counts = fidelitySummary(fidelity);
  const memberChecks = members.map((m) => fidelitySummary(fidelityEntries(problem, m)));
  const report = {
    $comment: 'Written by `npm run reconstruct`: the main reconstruction checked with the statistics core against every number of the summary, and how the ensemble was made.',
    timeUnit: problem.timeUnit,
    tick: problem.tick,
    horizon: problem.horizon * problem.tick,
    summary: counts,
    tolerance: TOLERANCE,
    method: {
      ensemble: { members: o.members, perChain, thin: ENSEMBLE.thin, burnInThins: BURN_IN_THINS, fit: FIT, seed: o.seed },
      chains: run.chains,
      failedChains: run.failedChains,
      walkAcceptance: Number(run.walkAcceptance.toFixed(4)),
      main: { member: central + 1, polishIterations: POLISH },
    },
    members: {
      hardMet: memberChecks.filter((c) => c.hard.met === c.hard.total).length,
      softAllPassed: memberChecks.filter((c) => c.soft.passed === c.soft.total).length,
    },
    entries: fidelity.map((e) => ({ ...e, value: e.value === null ? null : Number(e.value.toPrecision(6)) })),
  };
  return {
    problem,
    main,
    members,
    fidelity,
    run,
    files: {
      'patients.csv': formatPatientTable(problem, main),
      'ensemble.csv': formatEnsembleTable(problem, members),
      'fidelity.json': compactJson(report),
    },
  };
}
