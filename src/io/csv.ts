/**
 * Reading CSV files for the statistics command and the real-data drop-in.
 *
 * Uses d3-dsv's RFC 4180 parser (quoted fields, commas and newlines inside quotes) and adds what
 * real exports need: a UTF-8 byte-order mark is dropped, CRLF line ends are accepted, trailing
 * blank lines are ignored. Every problem is an {@link InputError} whose one-line message names the
 * file, the data row (1 = first row after the header) and the column.
 */
import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { InputError } from '../stats/validate.ts';

/** A parsed CSV file: its header and its data rows, all cells as strings. */
export interface CsvTable {
  /** Name used in error messages (usually the path as given). */
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Parses CSV text; `file` only labels error messages. */
export function parseCsv(text: string, file: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const all = csvParseRows(body);
  // Trailing blank lines parse as rows holding one empty cell; drop them.
  while (all.length > 0 && all[all.length - 1].every((cell) => cell.trim() === '')) all.pop();
  if (all.length === 0) throw new InputError(`${file}: the file is empty (expected a header row and data rows)`);
  const header = all[0].map((h) => h.trim());
  if (all.length === 1) throw new InputError(`${file}: the file has a header but no data rows`);
  const seen = new Set<string>();
  for (const [i, name] of header.entries()) {
    if (name === '') throw new InputError(`${file}: header column ${i + 1} has no name`, 0, `#${i + 1}`);
    if (seen.has(name)) throw new InputError(`${file}: column "${name}" appears twice in the header`, 0, name);
    seen.add(name);
  }
  const rows = all.slice(1);
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length) {
      throw new InputError(
        `${file}: row ${i + 1} has ${row.length} fields but the header has ${header.length}`,
        i + 1,
      );
    }
  }
  return { file, header, rows };
}

/** Reads and parses a CSV file from disk. */
export function readCsvFile(path: string): CsvTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read the file${code ? ` (${code})` : ''}`);
  }
  return parseCsv(text, path);
}

/** Index of a named column; throws naming the columns that do exist. */
export function columnIndex(table: CsvTable, name: string, role = 'column'): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new InputError(
      `${table.file}: no ${role} named "${name}" (columns are: ${table.header.join(', ')})`,
      undefined,
      name,
    );
  }
  return index;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function cellError(table: CsvTable, what: string, row: number, column: string, cell: string, rule: string): InputError {
  return new InputError(
    `${table.file}: invalid ${what} at row ${row + 1}, column "${column}": ${JSON.stringify(cell)} (${rule})`,
    row + 1,
    column,
  );
}

/** Reads a column of times: finite decimal numbers ≥ 0. Empty, NaN, infinite or negative values are errors. */
export function timeColumn(table: CsvTable, name: string): number[] {
  const j = columnIndex(table, name, 'time column');
  return table.rows.map((row, i) => {
    const cell = row[j].trim();
    const value = DECIMAL.test(cell) ? Number(cell) : Number.NaN;
    if (!Number.isFinite(value) || value < 0) {
      throw cellError(table, 'time', i, name, row[j], 'expected a number ≥ 0');
    }
    return value;
  });
}

/** Reads a column of event indicators: exactly `0` or `1`. */
export function eventColumn(table: CsvTable, name: string): (0 | 1)[] {
  const j = columnIndex(table, name, 'event column');
  return table.rows.map((row, i) => {
    const cell = row[j].trim();
    if (cell === '0') return 0;
    if (cell === '1') return 1;
    throw cellError(table, 'event', i, name, row[j], 'expected 0 or 1');
  });
}

/** Reads a column of labels (trimmed strings); empty cells become `null` (missing). */
export function labelColumn(table: CsvTable, name: string): (string | null)[] {
  const j = columnIndex(table, name, 'column');
  return table.rows.map((row) => {
    const cell = row[j].trim();
    return cell === '' ? null : cell;
  });
}

/** Throws when a column holds the same non-empty value twice (e.g. a duplicated patient id). */
export function checkUnique(table: CsvTable, name: string, what = 'id'): void {
  const j = columnIndex(table, name);
  const firstRow = new Map<string, number>();
  for (const [i, row] of table.rows.entries()) {
    const cell = row[j].trim();
    if (cell === '') throw cellError(table, what, i, name, row[j], `every row needs a ${what}`);
    const earlier = firstRow.get(cell);
    if (earlier !== undefined) {
      throw new InputError(
        `${table.file}: duplicated ${what} at row ${i + 1}, column "${name}": ${JSON.stringify(cell)} (first seen at row ${earlier + 1})`,
        i + 1,
        name,
      );
    }
    firstRow.set(cell, i);
  }
}
