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
import { ensembleBands, ensembleMembers } from '../analysis/ensemble-bands.ts';
import { patientSource, readPatientsCsv, type Patient } from '../io/patients.ts';
import { readEnsembleCsv } from '../io/ensemble.ts';
import { ensembleUncertainty } from '../analysis/uncertainty.ts';
import type { Uncertainty } from '../analysis/uncertainty-schema.ts';
import { writeFilesAtomic } from '../io/write-atomic.ts';
import { readJsonFile, readPublishedJson } from '../published/read-json.ts';
import { SurvivalFile } from '../published/survival-schema.ts';
import { loadPublished, textEntryValue } from '../published/load.ts';
import { buildPower } from '../analysis/story-power.ts';
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
 * The uncertainty of the reconstructed numbers (src/analysis/uncertainty.ts), from every member of
 * `data/reconstructed/ensemble.csv`. Required with reconstructed data: without it the site could
 * show a reconstructed hazard ratio without its pooled interval.
 */
function readUncertainty(root: string, survival: SurvivalFile): Uncertainty {
  const path = join(root, 'data/reconstructed/ensemble.csv');
  if (!existsSync(path)) {
    throw new InputError(`${path}: missing (the site runs on reconstructed data and shows every number with the ensemble's uncertainty; npm run reconstruct writes it)`);
  }
  const members = readEnsembleCsv(path);
  members.forEach((patients, k) => checkGroupings(patients, `${path} (member ${k + 1})`));
  return ensembleUncertainty(members, survival, relative(root, path));
}

/**
 * What the ensemble of reconstructions must hold beyond its validity: every member reproduces the
 * paper's groups, so each has every level of each grouping and events in each comparison the story
 * sizes (pooling a hazard ratio over members that cannot estimate it would be meaningless). A real
 * patient file is not held to this: any valid file builds, and the pages say in words what it
 * cannot support (a group without patients, no events, a single group; src/format/limits.ts).
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
    const missing = meta.levels.find((level) => !present.includes(level));
    if (missing !== undefined) {
      throw new InputError(
        `${file}: column "${column}" has no row with the level "${missing}" (${needs}, and a group without patients has no curve to show)`,
        undefined,
        column,
      );
    }
  }
  const comparisons = [
    { column: 'calcification', levels: ['no', 'yes'], who: 'patients with calcification assessed' },
    { column: 'enhancement', levels: ['hypo', 'hyper'], who: 'hypo- and hyperenhancing patients' },
  ] as const;
  for (const endpoint of ['rfs', 'os'] as const) {
    const eventColumn = `${endpoint}_event`;
    for (const c of comparisons) {
      const rows = patients.filter((p) => (c.levels as readonly (string | null)[]).includes(p[c.column]));
      if (!rows.some((p) => (endpoint === 'rfs' ? p.rfsEvent : p.osEvent) === 1)) {
        throw new InputError(
          `${file}: column "${eventColumn}" has no event (1) among the ${c.who}: the site sizes that comparison by its events, so at least one is needed`,
          undefined,
          eventColumn,
        );
      }
    }
  }
}

/** Computes every generated file in memory. */
export function buildData(root = '.'): BuildDataResult {
  const source = patientSource(root);
  // Any valid file builds: a group without patients, an endpoint without events or a grouping
  // with a single level is shown as such (src/analysis/site-data.ts, src/format/limits.ts).
  const patients = readPatientsCsv(source.path);
  const survival = readPublishedJson(join(root, 'data/published/survival.json'), SurvivalFile);
  const published = loadPublished(join(root, 'data/published'));
  const views = buildSurvivalViews(patients, survival);
  const uncertainty = source.reconstructed ? readUncertainty(root, survival) : null;
  const power = buildPower(views, uncertainty, textEntryValue(published, 'methods-alpha', 'threshold'));

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
      // The paper's printed numbers, validated, for the pages (which read no file of data/ themselves).
      [join(OUT, 'published.json')]: json(published),
      // What each comparison could detect (src/analysis/story-power.ts).
      [join(OUT, 'power.json')]: json(power),
      // Pooled hazard ratios and ensemble ranges of the reconstructed numbers (null with real data).
      [join(OUT, 'uncertainty.json')]: json(uncertainty),
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
    // The patient file is an input: no output may replace it, however it is linked.
    const inputs = [patientSource(root).path];
    writeFilesAtomic(new Map(Object.entries(files).map(([path, text]) => [join(root, path), text])), { inputs });
    const ms = Math.round(performance.now() - started);
    const bytes = Object.values(files).reduce((n, s) => n + Buffer.byteLength(s), 0);
    io.stdout(`data: wrote ${Object.keys(files).length} files (${(bytes / 1024).toFixed(1)} KiB) to ${OUT}/ in ${ms} ms\n`);
    return 0;
  } catch (err) {
    return reportInputError(err, (t) => io.stderr(t));
  }
}

if (isMain(import.meta.url)) process.exitCode = runBuildData(process.argv.slice(2));
