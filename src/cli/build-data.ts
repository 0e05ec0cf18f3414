/**
 * `npm run data`: the build-time stats step. Reads the patient file (real data at
 * `data/patients.csv` if present, else the reconstruction) and `data/published/`, runs every
 * computation the pages show, and writes JSON to `src/generated/` for Astro to import.
 *
 * Nothing is written unless everything succeeded; bad input stops with one line and exit code 1.
 */
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { buildSurvivalViews } from '../analysis/site-data.ts';
import { GROUPINGS } from '../analysis/views.ts';
import { readReconstructionReport } from '../analysis/reconstruction-report.ts';
import { ensembleBands, ensembleMembers } from '../charts/km-ensemble.ts';
import { patientSource, readPatientsCsv, type Patient } from '../io/patients.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { readJsonFile, readPublishedJson } from '../published/read-json.ts';
import { SurvivalFile } from '../published/survival-schema.ts';
import { InputError } from '../stats/validate.ts';
import { auditProject } from './audit.ts';
import { calibrate, type CalibrationFixture, type CalibrationReport } from '../audit/calibration.ts';
import { CALIBRATION_FIXTURE } from './validate-audit.ts';
import { isMain } from './is-main.ts';
import { reportInputError, PROCESS_IO } from './io.ts';
import type { CliIO } from './io.ts';

export interface BuildDataResult {
  /** File path (relative to the project root) → JSON text. */
  readonly files: Readonly<Record<string, string>>;
}

const OUT = 'src/generated';

function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** The ensemble bands for the KM figure: `{ members, views }`, or null when there are none. */
function readEnsemble(root: string, viewIds: readonly string[]) {
  const path = join(root, 'data/reconstructed/ensemble.json');
  if (!existsSync(path)) return null;
  const raw = readJsonFile(path);
  const views = ensembleBands(raw, viewIds);
  return views ? { members: ensembleMembers(raw), views } : null;
}

/**
 * The site compares the levels of each grouping column with the first (reference) level, so each
 * column needs its reference level and at least one other; says which column of which file lacks them.
 */
export function checkGroupings(patients: readonly Patient[], file: string): void {
  for (const meta of Object.values(GROUPINGS)) {
    const column = meta.column;
    if (!column) continue;
    const present = meta.levels.filter((level) => patients.some((p) => p[column] === level));
    const needs = `the site compares ${meta.levels.join(', ')} against ${meta.levels[0]}`;
    if (present.length === 0) throw new InputError(`${file}: column "${column}" is empty in every row (${needs})`, undefined, column);
    if (present.length < 2) {
      throw new InputError(`${file}: column "${column}" has a single level ("${present[0]}"): ${needs}, so at least two levels are needed`, undefined, column);
    }
    if (!present.includes(meta.levels[0])) {
      throw new InputError(`${file}: column "${column}" has no row with the reference level "${meta.levels[0]}" (${needs})`, undefined, column);
    }
  }
}

/** Computes every generated file in memory. */
export function buildData(root = '.'): BuildDataResult {
  const source = patientSource(root);
  const patients = readPatientsCsv(source.path);
  checkGroupings(patients, source.path);
  const survival = readPublishedJson(join(root, 'data/published/survival.json'), SurvivalFile);
  const views = buildSurvivalViews(patients, survival);

  const site = {
    reconstructed: source.reconstructed,
    patientFile: relative(root, source.path),
    patients: patients.length,
    calcificationAssessed: patients.filter((p) => p.calcification !== null).length,
    enhancementAssessed: patients.filter((p) => p.enhancement !== null).length,
    bothAssessed: patients.filter((p) => p.calcification !== null && p.enhancement !== null).length,
  };

  return {
    files: {
      [join(OUT, 'site.json')]: json(site),
      [join(OUT, 'views.json')]: json(views),
      // Ensemble band of the reconstructions for the KM figure (null with real data or none yet).
      [join(OUT, 'ensemble.json')]: json(source.reconstructed ? readEnsemble(root, views.map((v) => v.id)) : null),
      // Fidelity and ensemble spread of the reconstruction, for /reconstruction/ (null with real data).
      [join(OUT, 'reconstruction.json')]: json(source.reconstructed ? readReconstructionReport(root) : null),
      // The audit of every printed number (src/audit/), for /tables/ and /audit/, with its calibration (npm run validate:audit).
      [join(OUT, 'audit.json')]: json({ ...auditProject(root), calibration: readCalibration(root) }),
    },
  };
}

/** The audit's calibration (npm run validate:audit) from the committed fixture, or null in a project without it. */
function readCalibration(root: string): CalibrationReport | null {
  const file = join(root, CALIBRATION_FIXTURE);
  return existsSync(file) ? calibrate(readJsonFile(file) as CalibrationFixture) : null;
}

/** Runs the command in the project at `root`; returns the exit code. Nothing is written unless everything succeeded. */
export function runBuildData(argv: readonly string[], io: CliIO = PROCESS_IO, root = '.'): number {
  const started = performance.now();
  try {
    if (argv.length) throw new InputError(`npm run data takes no options (got ${argv.join(' ')})`);
    const { files } = buildData(root);
    writeFilesAtomic(Object.fromEntries(Object.entries(files).map(([path, text]) => [join(root, path), text])));
    const ms = Math.round(performance.now() - started);
    const bytes = Object.values(files).reduce((n, s) => n + Buffer.byteLength(s), 0);
    io.stdout(`data: wrote ${Object.keys(files).length} files (${(bytes / 1024).toFixed(1)} KiB) to ${OUT}/ in ${ms} ms\n`);
    return 0;
  } catch (err) {
    return reportInputError(err, (t) => io.stderr(t));
  }
}

if (isMain(import.meta.url)) process.exitCode = runBuildData(process.argv.slice(2));
