/**
 * The ensemble of reconstructions, `data/reconstructed/ensemble.csv` (written by `npm run
 * reconstruct`): a column `member` (1…N), then exactly the columns of the patients file, one row
 * per patient per member. Every member is a complete, equally valid reconstruction of the cohort.
 *
 * Validated like the patients file (src/io/patients.ts), plus: members numbered 1…N without gaps,
 * at least two of them (the spread between members is the point), each id once per member, and
 * every member the same size. Errors name the file, the row (1 = first data row) and the column.
 */
import { InputError } from '../stats/validate.ts';
import { columnIndex, readCsvFile, parseCsv, showCell } from './csv.ts';
import type { CsvTable } from './csv.ts';
import { PATIENT_COLUMNS, patientsFromTable } from './patients.ts';
import type { Patient } from './patients.ts';

export const ENSEMBLE_COLUMNS = ['member', ...PATIENT_COLUMNS] as const;

/** Members in order: `members[k]` is member k + 1's patients, in file order. */
export type EnsembleMembers = readonly (readonly Patient[])[];

function memberColumn(table: CsvTable): number[] {
  const j = columnIndex(table, 'member');
  return table.rows.map((row, i) => {
    const cell = row[j].trim();
    if (!/^[1-9]\d{0,8}$/.test(cell)) {
      throw new InputError(`${table.file}: invalid member at row ${i + 1}, column "member": ${showCell(row[j])} (expected a whole number ≥ 1)`, i + 1, 'member');
    }
    return Number(cell);
  });
}

/** Validates a parsed ensemble table and returns its members. */
export function ensembleFromTable(table: CsvTable): EnsembleMembers {
  const wrong = ENSEMBLE_COLUMNS.findIndex((name, j) => table.header[j] !== name);
  if (wrong >= 0 || table.header.length !== ENSEMBLE_COLUMNS.length) {
    const j = wrong >= 0 ? wrong : ENSEMBLE_COLUMNS.length;
    const found = j < table.header.length ? `is ${showCell(table.header[j])}` : 'is missing';
    const expected = j < ENSEMBLE_COLUMNS.length ? `"${ENSEMBLE_COLUMNS[j]}"` : 'no further column';
    throw new InputError(
      `${table.file}: column ${j + 1} ${found} where ${expected} is expected (the columns must be ${ENSEMBLE_COLUMNS.join(',')})`,
      undefined,
      ENSEMBLE_COLUMNS[j] ?? table.header[j],
    );
  }
  const member = memberColumn(table);
  const patients = patientsFromTable(table, { uniqueIds: false });
  const members: Patient[][] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < patients.length; i++) {
    const m = member[i];
    if (m > members.length + 1) {
      throw new InputError(
        `${table.file}: invalid member at row ${i + 1}, column "member": ${m} (members must be numbered 1, 2, … in order; expected ${members.length} or ${members.length + 1})`,
        i + 1,
        'member',
      );
    }
    if (m < members.length) {
      throw new InputError(`${table.file}: invalid member at row ${i + 1}, column "member": ${m} (member ${m}'s rows must be together; member ${members.length} has begun)`, i + 1, 'member');
    }
    if (m === members.length + 1) members.push([]);
    if (!patients[i].id) {
      throw new InputError(`${table.file}: invalid patient id at row ${i + 1}, column "id": "" (every row needs a patient id)`, i + 1, 'id');
    }
    const key = `${m}\u0000${patients[i].id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new InputError(
        `${table.file}: duplicated patient id at row ${i + 1}, column "id": ${showCell(patients[i].id)} (already in member ${m} at row ${earlier + 1})`,
        i + 1,
        'id',
      );
    }
    seen.set(key, i);
    members[m - 1].push(patients[i]);
  }
  if (members.length < 2) {
    throw new InputError(`${table.file}: ${members.length === 0 ? 'no members' : 'a single member'}: the spread between reconstructions needs at least 2`, undefined, 'member');
  }
  let row = members[0].length;
  for (let k = 1; k < members.length; k++) {
    if (members[k].length !== members[0].length) {
      throw new InputError(
        `${table.file}: invalid member at row ${row + 1}, column "member": member ${k + 1} has ${members[k].length} patients, member 1 has ${members[0].length} (every reconstruction holds the whole cohort)`,
        row + 1,
        'member',
      );
    }
    row += members[k].length;
  }
  return members;
}

/** Reads and validates an ensemble CSV file. */
export function readEnsembleCsv(path: string): EnsembleMembers {
  return ensembleFromTable(readCsvFile(path));
}

/** Parses and validates ensemble CSV text (`file` labels error messages). */
export function parseEnsembleCsv(text: string, file: string): EnsembleMembers {
  return ensembleFromTable(parseCsv(text, file));
}
