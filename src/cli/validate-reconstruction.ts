/**
 * `npm run validate:reconstruction [-- --cases N] [--workers W] [--out file.json]`
 *
 * Draws paper-shaped cases from real patient data (tests/fixtures/reconstruction-datasets.json:
 * R's colon and myeloid), reconstructs each blind from its summary, and prints how close the
 * reconstructions come to the truth (src/reconstruct/general/validation/). Writes the report as JSON
 * (default data/reconstructed/validation.json). Exits 1 when a target is missed.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { compactJson } from '../reconstruct/json.ts';
import { readDatasets } from '../reconstruct/general/validation/dataset.ts';
import { TARGETS, VALIDATION, drawCases, formatReport, meetsTargets, reportRows, runCases } from '../reconstruct/general/validation/run.ts';
import { InputError } from '../stats/validate.ts';
import { parseArgs, usage } from './args.ts';
import type { CliIO } from './io.ts';
import { PROCESS_IO } from './io.ts';
import { isMain } from './is-main.ts';

const SPEC = {
  cases: { type: 'string', help: `cases per data set (default ${VALIDATION.casesPerDataset})` },
  workers: { type: 'string', help: 'worker threads (default: available cores)' },
  out: { type: 'string', help: 'report file (default data/reconstructed/validation.json)' },
  help: { type: 'boolean', help: 'show this help' },
} as const;

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new InputError(`invalid --${name}: ${JSON.stringify(value)} (expected a whole number from 1 to 9999)`);
  return Number(value);
}

/** Runs the validation; returns the exit code. */
export async function runValidateCli(argv: readonly string[], io: CliIO, root = '.'): Promise<number> {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      io.stdout(usage('npm run validate:reconstruction --', SPEC));
      return 0;
    }
    if (args.out === '') throw new InputError('invalid --out: empty');
    const perDataset = whole('cases', args.cases, VALIDATION.casesPerDataset);
    const workers = whole('workers', args.workers, Math.max(1, availableParallelism()));
    const out = args.out ?? join(root, 'data/reconstructed/validation.json');
    const file = readDatasets(join(root, 'tests/fixtures/reconstruction-datasets.json'));
    const cases = drawCases(file, perDataset, VALIDATION.seed);
    const start = performance.now();
    io.stderr(`validate: ${cases.length} cases (${perDataset} per data set: ${Object.keys(file.datasets).join(', ')}) on ${workers} worker(s)\n`);
    const results = await runCases(file, cases, VALIDATION.seed, workers, (r, done) => {
      io.stderr(`validate: ${done}/${cases.length} ${r.id} n=${r.n} ${r.mainFound ? 'fitted' : 'NOT fitted'}, ${r.members} members, ${r.seconds.toFixed(1)} s\n`);
    });
    const seconds = (performance.now() - start) / 1000;
    const rows = reportRows(results);
    const verdict = meetsTargets(rows);
    io.stdout(`${formatReport(rows)}\n`);
    io.stdout(verdict.ok ? 'every target met\n' : `targets missed: ${verdict.missed.join('; ')}\n`);
    io.stderr(`validate: ${seconds.toFixed(0)} s on ${workers} worker(s)\n`);
    writeFilesAtomic({
      [out]: compactJson({
        $comment: 'Written by `npm run validate:reconstruction`: blind reconstructions of paper-shaped samples of real patient data, compared with the truth.',
        settings: { ...VALIDATION, casesPerDataset: perDataset },
        targets: TARGETS,
        datasets: Object.fromEntries(Object.entries(file.datasets).map(([k, d]) => [k, { source: d.source, n: d.n }])),
        rows,
        verdict,
        cases: results.map((r) => ({ ...r, seconds: undefined })),
      }),
    });
    return verdict.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (isMain(import.meta.url)) {
  runValidateCli(process.argv.slice(2), PROCESS_IO).then((code) => {
    process.exitCode = code;
  });
}
