/**
 * `npm run reconstruct [-- --seed N] [--ensemble N] [--workers N] [--skip-ensemble]`
 *
 * Reconstructs one patient table consistent with every survival number the paper prints
 * (src/reconstruct/), checks it with the statistics core and writes
 * `data/reconstructed/patients.csv` and `fidelity.json`; then runs the ensemble of independently
 * seeded reconstructions on worker threads and writes `ensemble.json`. Progress and timings go to
 * stderr. All files are written at the end, each to a temporary file renamed into place, and only
 * when everything succeeded. A rerun with the same seed writes byte-identical files.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../stats/validate.ts';
import { checkTarget, writeFilesAtomic } from '../io/write-atomic.ts';
import { parsePatientsCsv } from '../io/patients.ts';
import { compactJson } from '../reconstruct/json.ts';
import { runEnsemble } from '../reconstruct/parallel.ts';
import { formatEnsembleCsv, formatPatientsCsv, toPatients } from '../reconstruct/patients.ts';
import { deriveSeed } from '../reconstruct/random.ts';
import { ensembleReport, fidelityReport } from '../reconstruct/report.ts';
import { MAIN_OPTIONS, createContext, reconstructMain } from '../reconstruct/search.ts';
import { loadTargets } from '../reconstruct/targets.ts';
import { parseArgs, usage } from './args.ts';
import { isMain } from './is-main.ts';
import { fidelitySummary } from '../reconstruct/general/fidelity.ts';
import { reconstructSummary } from '../reconstruct/general/reconstruct.ts';
import { readSummaryFile } from '../reconstruct/general/summary.ts';
import type { CliIO } from './io.ts';

/** What `--summary … --out <dir>` writes into the folder. */
const SUMMARY_OUTPUTS = ['patients.csv', 'ensemble.csv', 'fidelity.json'] as const;

/** Default seed of the main reconstruction (the ensemble's seeds derive from it). */
const DEFAULT_SEED = 20200101;

const SPEC = {
  seed: { type: 'string', help: `seed of the reconstruction and, derived from it, of the ensemble (default ${DEFAULT_SEED})` },
  ensemble: { type: 'string', help: 'accepted ensemble members wanted (default 200)' },
  workers: { type: 'string', help: 'worker threads for the ensemble (default: available cores)' },
  'skip-ensemble': { type: 'boolean', help: 'write patients.csv and fidelity.json only (this paper only)' },
  summary: { type: 'string', help: 'reconstruct another paper from its summary file (schema in README) instead of this one' },
  out: { type: 'string', help: 'folder for patients.csv, ensemble.csv and fidelity.json (with --summary; required)' },
  help: { type: 'boolean', help: 'show this help' },
} as const;

const SURVIVAL = 'data/published/survival.json';
const OUT_DIR = 'data/reconstructed';

/** Output channels of the command (injected by tests). */

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new InputError(`invalid --${name}: ${JSON.stringify(value)} (expected a whole number ≥ ${min})`);
  return Number(value);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs the command; returns the exit code (0 ok, 1 bad input or failure, nothing written). */
export async function runReconstructCli(argv: readonly string[], io: CliIO, root = '.'): Promise<number> {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      io.stdout(usage('npm run reconstruct --', SPEC));
      return 0;
    }
    const seed = integer('seed', args.seed, DEFAULT_SEED, 0) >>> 0;
    const wanted = integer('ensemble', args.ensemble, 200, 1);
    const workers = integer('workers', args.workers, Math.max(1, availableParallelism()), 1);
    if (args.summary !== undefined || args.out !== undefined) return await reconstructFromSummary(args, { seed, wanted, workers }, io);
    const survivalPath = join(root, SURVIVAL);
    const ctx = createContext(loadTargets(survivalPath));

    const t0 = performance.now();
    const main = reconstructMain(ctx, seed, MAIN_OPTIONS);
    const mainMs = performance.now() - t0;
    const patients = toPatients(main.best.patients);
    const csv = formatPatientsCsv(patients);
    parsePatientsCsv(csv, 'patients.csv'); // the file must read back through the project's own validator
    const fidelity = fidelityReport({ seed, ctx, patients, main, anneal: MAIN_OPTIONS.anneal });
    const summary = fidelity.summary as { hard: { met: number; total: number }; soft: { passed: number; total: number } };
    io.stderr(
      `reconstruct: main reconstruction in ${seconds(mainMs)} (${main.attempts.length} attempt(s) of ${MAIN_OPTIONS.anneal.iterations} iterations, ` +
        `${seconds(mainMs / main.attempts.length)} each): hard ${summary.hard.met}/${summary.hard.total}, soft ${summary.soft.passed}/${summary.soft.total}\n`,
    );
    const files: Record<string, string> = {
      [join(root, OUT_DIR, 'patients.csv')]: csv,
      [join(root, OUT_DIR, 'fidelity.json')]: compactJson(fidelity),
    };

    if (!args['skip-ensemble']) {
      const base = deriveSeed(seed, 0x0e5e);
      const t1 = performance.now();
      let lastDraw = 0;
      const run = await runEnsemble(ctx, {
        members: wanted,
        maxAttempts: wanted * 5,
        workers,
        seedOf: (i) => deriveSeed(base, i),
        survivalPath,
        onProgress: ({ accepted, finished }) => {
          const now = performance.now();
          if (!io.tty && now - lastDraw < 5000 && accepted < wanted) return;
          lastDraw = now;
          const line = `ensemble: ${accepted}/${wanted} accepted, ${finished} attempts, ${seconds(now - t1)}`;
          io.stderr(io.tty ? `\r${line}` : `${line}\n`);
        },
      });
      const ensembleMs = performance.now() - t1;
      if (io.tty) io.stderr('\n');
      const report = ensembleReport({ seed, ctx, run, wanted });
      const perAttempt = run.attempts.reduce((sum, r) => sum + r.ms, 0) / Math.max(1, run.attempts.length);
      io.stderr(
        `reconstruct: ensemble in ${seconds(ensembleMs)} on ${workers} worker(s): ${run.accepted.length} accepted of ${run.attempts.length} attempts ` +
          `(${((100 * run.accepted.length) / Math.max(1, run.attempts.length)).toFixed(1)}%), ${seconds(perAttempt)} per attempt in its worker\n`,
      );
      if (run.accepted.length < wanted) {
        throw new Error(`the ensemble reached only ${run.accepted.length} of ${wanted} members in ${run.attempts.length} attempts`);
      }
      files[join(root, OUT_DIR, 'ensemble.json')] = compactJson(report);
      files[join(root, OUT_DIR, 'ensemble.csv')] = formatEnsembleCsv(run.accepted.map((r) => r.patients ?? []));
    }
    writeFilesAtomic(files, { inputs: [survivalPath] });
    io.stdout(`${Object.keys(files).join('\n')}\n`);
    return 0;
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr(`${err.message}\n`);
      return 1;
    }
    io.stderr(`reconstruct: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

/** `--summary <file> --out <dir>`: the general reconstruction (src/reconstruct/general/). */
async function reconstructFromSummary(
  args: { readonly summary?: string; readonly out?: string; readonly 'skip-ensemble'?: boolean },
  o: { readonly seed: number; readonly wanted: number; readonly workers: number },
  io: CliIO,
): Promise<number> {
  if (!args.summary) throw new InputError('--out needs --summary <file.json> (without --summary the command reconstructs this paper into data/reconstructed/)');
  if (!args.out) throw new InputError('--summary needs --out <folder> for patients.csv, ensemble.csv and fidelity.json');
  if (args['skip-ensemble']) throw new InputError('--skip-ensemble applies to this paper only: with --summary the main reconstruction is the ensemble\'s most central member');
  if (o.wanted < 2) throw new InputError(`invalid --ensemble: ${o.wanted} (expected at least 2 members)`);
  // The three outputs are checked before minutes of computing: none may be the summary however it
  // is linked, nor anything but a regular file (the write checks again, atomically).
  for (const name of SUMMARY_OUTPUTS) checkTarget(join(args.out, name), [args.summary]);
  const summary = readSummaryFile(args.summary);
  const t0 = performance.now();
  let lastDraw = 0;
  const result = await reconstructSummary(summary, {
    members: o.wanted,
    seed: o.seed,
    workers: o.workers,
    onProgress: ({ members, chains, failed }) => {
      const now = performance.now();
      if (!io.tty && now - lastDraw < 5000 && members < o.wanted) return;
      lastDraw = now;
      const line = `ensemble: ${Math.min(members, o.wanted)}/${o.wanted} members from ${chains - failed} chains (${failed} fits failed), ${seconds(now - t0)}`;
      io.stderr(io.tty ? `\r${line}` : `${line}\n`);
    },
  });
  if (io.tty) io.stderr('\n');
  const counts = fidelitySummary(result.fidelity);
  io.stderr(
    `reconstruct: ${o.wanted} members and the main reconstruction in ${seconds(performance.now() - t0)} on ${o.workers} worker(s): ` +
      `hard ${counts.hard.met}/${counts.hard.total}, soft ${counts.soft.passed}/${counts.soft.total} (${counts.soft.exact} inside the printed interval)\n`,
  );
  const files = Object.fromEntries(Object.entries(result.files).map(([name, text]) => [join(args.out as string, name), text]));
  writeFilesAtomic(files, { inputs: [args.summary] });
  io.stdout(`${Object.keys(files).join('\n')}\n`);
  return 0;
}

if (isMain(import.meta.url)) {
  runReconstructCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    tty: process.stderr.isTTY,
  }).then((code) => {
    process.exitCode = code;
  });
}
