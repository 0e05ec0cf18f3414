/**
 * The patient-level file the site is built from: `data/patients.csv` (real data, when someone
 * drops it in) or else `data/reconstructed/patients.csv` (our reconstruction).
 *
 * Columns: `id, calcification (no|yes|empty), enhancement (hypo|hyper|mixed|empty),
 * rfs_months, rfs_event, os_months, os_event`.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { InputError } from '../stats/validate.ts';
import { checkUnique, columnIndex, eventColumn, labelColumn, parseCsv, readCsvFile, showCell, timeColumn } from './csv.ts';
import type { CsvTable } from './csv.ts';

export const PATIENT_COLUMNS = ['id', 'calcification', 'enhancement', 'rfs_months', 'rfs_event', 'os_months', 'os_event'] as const;
export const CALCIFICATION_LEVELS = ['no', 'yes'] as const;
export const ENHANCEMENT_LEVELS = ['hypo', 'hyper', 'mixed'] as const;
/** Longest follow-up accepted, in months (100 years): anything longer is a typing error. */
export const MAX_FOLLOW_UP_MONTHS = 1200;

export type Calcification = (typeof CALCIFICATION_LEVELS)[number];
export type Enhancement = (typeof ENHANCEMENT_LEVELS)[number];

export interface Patient {
  readonly id: string;
  readonly calcification: Calcification | null;
  readonly enhancement: Enhancement | null;
  readonly rfsMonths: number;
  readonly rfsEvent: 0 | 1;
  readonly osMonths: number;
  readonly osEvent: 0 | 1;
}

/** Where the site's patient data come from. */
export interface PatientSource {
  readonly path: string;
  /** True for our reconstruction, false for real data dropped in at `data/patients.csv`. */
  readonly reconstructed: boolean;
}

/**
 * Real data at `data/patients.csv` wins over the reconstruction. A symbolic link there must point
 * inside the project: validation errors quote the file's cells, and a link to a file elsewhere
 * (`/etc/shadow`) would print its first line into the build log.
 */
export function patientSource(root = '.'): PatientSource {
  const real = join(root, 'data/patients.csv');
  let link = false;
  try {
    link = lstatSync(real).isSymbolicLink();
  } catch {
    // Absent: the reconstruction is used.
  }
  if (link) {
    let target: string | null = null;
    try {
      target = realpathSync(real);
    } catch {
      // A dangling link is reported below like a link outside the project.
    }
    const project = realpathSync(root);
    if (target === null || !target.startsWith(project + sep)) {
      throw new InputError(`${real}: is a symbolic link to a file outside the project (or to nothing); copy the data into ${real} instead`);
    }
  }
  if (existsSync(real)) return { path: real, reconstructed: false };
  return { path: join(root, 'data/reconstructed/patients.csv'), reconstructed: true };
}

/** `; levels are lower case` when the value is a level in another case (`Yes`, `HYPO`). */
function mixedCaseHint(value: string, levels: readonly string[]): string {
  return levels.includes(value.toLowerCase()) ? '; levels are lower case' : '';
}

function levelColumn<L extends string>(table: CsvTable, name: string, levels: readonly L[]): (L | null)[] {
  const values = labelColumn(table, name);
  return values.map((v, i) => {
    if (v === null) return null;
    if (!(levels as readonly string[]).includes(v)) {
      throw new InputError(
        `${table.file}: invalid ${name} at row ${i + 1}, column "${name}": ${showCell(v)} (expected ${levels.join(', ')} or empty${mixedCaseHint(v, levels)})`,
        i + 1,
        name,
      );
    }
    return v as L;
  });
}

/**
 * Validates a parsed patients table and returns typed rows. `uniqueIds: false` leaves the id check
 * to the caller (an ensemble file repeats every id once per member; src/io/ensemble.ts).
 */
export function patientsFromTable(table: CsvTable, options: { readonly uniqueIds?: boolean } = {}): Patient[] {
  for (const column of PATIENT_COLUMNS) columnIndex(table, column);
  if (options.uniqueIds !== false) checkUnique(table, 'id', 'patient id');
  const ids = labelColumn(table, 'id') as string[];
  const calcification = levelColumn(table, 'calcification', CALCIFICATION_LEVELS);
  const enhancement = levelColumn(table, 'enhancement', ENHANCEMENT_LEVELS);
  const rfsMonths = timeColumn(table, 'rfs_months', MAX_FOLLOW_UP_MONTHS);
  const rfsEvent = eventColumn(table, 'rfs_event');
  const osMonths = timeColumn(table, 'os_months', MAX_FOLLOW_UP_MONTHS);
  const osEvent = eventColumn(table, 'os_event');
  return ids.map((id, i) => {
    if (rfsMonths[i] > osMonths[i]) {
      throw new InputError(
        `${table.file}: invalid rfs_months at row ${i + 1}, column "rfs_months": ${rfsMonths[i]} is later than os_months ${osMonths[i]} (recurrence-free time cannot exceed overall survival time)`,
        i + 1,
        'rfs_months',
      );
    }
    return {
      id,
      calcification: calcification[i],
      enhancement: enhancement[i],
      rfsMonths: rfsMonths[i],
      rfsEvent: rfsEvent[i],
      osMonths: osMonths[i],
      osEvent: osEvent[i],
    };
  });
}

/** Reads and validates a patients CSV file. */
export function readPatientsCsv(path: string): Patient[] {
  return patientsFromTable(readCsvFile(path));
}

/** Parses and validates patients CSV text (`file` labels error messages). */
export function parsePatientsCsv(text: string, file: string): Patient[] {
  return patientsFromTable(parseCsv(text, file));
}
