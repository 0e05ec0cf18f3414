/**
 * Reading CSV files for the statistics command and the real-data drop-in.
 *
 * Uses d3-dsv's RFC 4180 parser (quoted fields, commas and newlines inside quotes) and adds what
 * real exports need: a UTF-8 byte-order mark is dropped, CRLF line ends are accepted, trailing
 * blank lines are ignored. Every problem is an {@link InputError} whose one-line message names the
 * file, the data row (1 = first row after the header) and the column.
 *
 * What d3-dsv accepts silently is rejected first: files that are not UTF-8 text (UTF-16, binary,
 * spreadsheets, NUL bytes, invalid byte sequences), a quoted field that is never closed, and text
 * after a closing quote. Values echoed in messages are quoted and shortened, so a hostile cell can
 * neither flood the terminal nor break the message into several lines.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { hasUnsafeChars, InputError } from '../stats/validate.ts';

/**
 * Limits that keep every input inside the one-line error contract (a file past them is refused
 * before it is parsed, instead of ending in "JavaScript heap out of memory"):
 *
 * - {@link MAX_ROWS} data rows and {@link MAX_BYTES} bytes: the whole table is held in memory
 *   (about 0.5 GB for a million rows), so a file is first read in 1 MiB chunks, only counting its
 *   rows, and refused when it is larger;
 * - {@link MAX_LABEL_LENGTH} characters per label (group values, ids);
 * - {@link MAX_TIME} for a time: larger values are typing errors (1e300 months), and the figure's
 *   scale and risk table cannot place them.
 */
export const MAX_ROWS = 1_000_000;
export const MAX_BYTES = 64 * 1024 * 1024;
export const MAX_LABEL_LENGTH = 200;
export const MAX_TIME = 1e9;

/** 20700000 → "20,700,000" (no locale: messages are the same everywhere). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A parsed CSV file: its header and its data rows, all cells as strings. */
export interface CsvTable {
  /** Name used in error messages (usually the path as given). */
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Longest piece of a cell or header name quoted in a message. */
const SHOW_MAX = 40;

/** A cell as quoted in messages: JSON-quoted, cut to {@link SHOW_MAX} characters with its length. */
export function showCell(cell: string): string {
  if (cell.length <= SHOW_MAX) return JSON.stringify(cell);
  return `${JSON.stringify(cell.slice(0, SHOW_MAX))}… (${cell.length} characters)`;
}

/** A list of names for messages: at most `max` items, each cut to {@link SHOW_MAX} characters. */
export function showList(items: readonly string[], max = 20): string {
  const cut = (s: string) => (s.length <= SHOW_MAX ? s : `${s.slice(0, SHOW_MAX)}…`);
  const shown = items.slice(0, max).map(cut).join(', ');
  return items.length > max ? `${shown}, … (${items.length} in all)` : shown;
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
const RETURN = 13;

/**
 * Finds what d3-dsv's parser would silently accept or mangle in quoted fields: a quote that is
 * never closed (d3 swallows the rest of the file into one field) and characters between a closing
 * quote and the next comma or line end (d3 drops one and starts an extra field). Returns the
 * record (0 = header) and field (0-based) of the first problem, or null.
 */
export function findQuoteProblem(
  text: string,
): { record: number; field: number; problem: 'unterminated' | 'after-quote'; line: number; offset: number } | null {
  const n = text.length;
  let record = 0;
  let field = 0;
  let i = 0;
  while (i < n) {
    // At the start of a field.
    if (text.charCodeAt(i) === QUOTE) {
      const open = i;
      i++;
      for (;;) {
        if (i >= n) return { record, field, problem: 'unterminated', line: lineAt(text, open), offset: open };
        if (text.charCodeAt(i) === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) i += 2;
          else break;
        } else i++;
      }
      i++; // past the closing quote
      const c = text.charCodeAt(i);
      if (i < n && c !== COMMA && c !== NEWLINE && c !== RETURN) {
        return { record, field, problem: 'after-quote', line: lineAt(text, i), offset: i };
      }
    } else {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === NEWLINE || c === RETURN) break;
        i++;
      }
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    i++;
    if (c === COMMA) field++;
    else {
      if (c === RETURN && text.charCodeAt(i) === NEWLINE) i++;
      record++;
      field = 0;
    }
  }
  return null;
}

/** Parses CSV text; `file` only labels error messages. */
export function parseCsv(text: string, file: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const nul = body.indexOf('\0');
  if (nul >= 0) {
    throw new InputError(`${file}: line ${lineAt(body, nul)} contains a NUL character: this is a binary file, not CSV text`);
  }
  const quote = findQuoteProblem(body);
  if (quote) {
    // The header ends before the problem, so it parses; name the column when it has one.
    const column = quote.record === 0 ? undefined : csvParseRows(body.slice(0, quote.offset))[0]?.[quote.field]?.trim();
    const where =
      quote.record === 0
        ? `in the header, column ${quote.field + 1}`
        : `at row ${quote.record}, ${column ? `column ${showCell(column)}` : `field ${quote.field + 1}`}`;
    const what =
      quote.problem === 'unterminated'
        ? `a quoted field opened on line ${quote.line} is never closed`
        : `text after the closing quote on line ${quote.line} (a quoted field must end at a comma or line end)`;
    throw new InputError(`${file}: invalid quoting ${where}: ${what}`, quote.record || undefined, column);
  }
  const all = csvParseRows(body);
  // Trailing blank lines parse as rows holding one empty cell; drop them.
  while (all.length > 0 && all[all.length - 1].every((cell) => cell.trim() === '')) all.pop();
  if (all.length === 0) throw new InputError(`${file}: the file is empty (expected a header row and data rows)`);
  const header = all[0].map((h) => h.trim());
  if (all.length === 1) throw new InputError(`${file}: the file has a header but no data rows`);
  const seen = new Set<string>();
  for (const [i, name] of header.entries()) {
    if (name === '') throw new InputError(`${file}: header column ${i + 1} has no name`, 0, `#${i + 1}`);
    if (seen.has(name)) throw new InputError(`${file}: column ${showCell(name)} appears twice in the header`, 0, name);
    seen.add(name);
  }
  const rows = all.slice(1);
  for (const [i, row] of rows.entries()) {
    if (row.length === 1 && row[0].trim() === '' && header.length > 1) {
      throw new InputError(`${file}: row ${i + 1} is blank (remove blank lines between data rows)`, i + 1);
    }
    if (row.length !== header.length) {
      throw new InputError(
        `${file}: row ${i + 1} has ${row.length} fields but the header has ${header.length}`,
        i + 1,
      );
    }
  }
  return { file, header, rows };
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong forms,
 * surrogates and code points above U+10FFFF included), or -1 when the bytes are valid UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + len > n) return i;
    const second = bytes[i + 1];
    if (second < lo || second > hi) return i;
    for (let k = 2; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/** Rejects bytes that are not a UTF-8 text file, naming the file and line. */
function checkTextBytes(bytes: Uint8Array, path: string): void {
  const line = (offset: number) => {
    let l = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 10) l++;
    return l;
  };
  // UTF-32 first: its little-endian byte-order mark starts with the UTF-16 one.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    throw new InputError(`${path}: the file is UTF-32 text; save it as UTF-8 CSV`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${path}: the file is UTF-16 text; save it as UTF-8 CSV`);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new InputError(`${path}: the file is a zip archive (a spreadsheet such as .xlsx?), not CSV text; export it as CSV`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(`${path}: line ${line(nul)} contains a NUL byte: this is a binary file, not CSV text`);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    throw new InputError(`${path}: line ${line(bad)} is not UTF-8 text (byte 0x${hex}); save the file as UTF-8 CSV`);
  }
}

/**
 * Counts the records of an open file in 1 MiB chunks (memory independent of its size): line ends
 * outside quoted fields, plus a last line without one. Returns the data rows (header excluded).
 */
function countDataRows(fd: number): { rows: number; bytes: number } {
  const chunk = Buffer.allocUnsafe(1 << 20);
  let records = 0;
  let bytes = 0;
  let inQuotes = false;
  let last = NEWLINE;
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, bytes);
    if (n === 0) break;
    for (let i = 0; i < n; i++) {
      const b = chunk[i];
      if (b === QUOTE) inQuotes = !inQuotes;
      else if (b === NEWLINE && !inQuotes) records++;
    }
    last = chunk[n - 1];
    bytes += n;
  }
  if (bytes > 0 && last !== NEWLINE) records++;
  return { rows: Math.max(0, records - 1), bytes };
}

function tooLarge(path: string, rows: number, bytes: number): InputError | null {
  if (rows > MAX_ROWS) return new InputError(`${path}: file too large: ${grouped(rows)} rows; limit ${grouped(MAX_ROWS)} rows`);
  if (bytes > MAX_BYTES) {
    return new InputError(`${path}: file too large: ${grouped(bytes)} bytes; limit ${grouped(MAX_BYTES)} bytes (${MAX_BYTES / 1024 / 1024} MiB)`);
  }
  return null;
}

/**
 * Reads and parses a CSV file from disk: UTF-8 text (with or without BOM) only, at most
 * {@link MAX_ROWS} data rows and {@link MAX_BYTES} bytes (checked by streaming before reading it whole).
 */
export function readCsvFile(path: string): CsvTable {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
    const size = countDataRows(fd);
    const error = tooLarge(path, size.rows, size.bytes);
    if (error) throw error;
    bytes = readFileSync(fd);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read the file${code ? ` (${code})` : ''}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // The file may have grown between the count and the read.
  if (bytes.length > MAX_BYTES) throw tooLarge(path, 0, bytes.length)!;
  checkTextBytes(bytes, path);
  return parseCsv(bytes.toString('utf8'), path);
}

/** Index of a named column; throws naming the columns that do exist. */
export function columnIndex(table: CsvTable, name: string, role = 'column'): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    const only = table.header.length === 1 ? /[;\t|]/.exec(table.header[0]) : null;
    const hint = only ? `; is the file separated by ${JSON.stringify(only[0])} instead of commas?` : '';
    throw new InputError(
      `${table.file}: no ${role} named ${showCell(name)} (columns are: ${showList(table.header)})${hint}`,
      undefined,
      name,
    );
  }
  return index;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal number (`12`, `-0.5`, `1e3`); NaN for anything else (`0x10`, `Infinity`, `1_000`, empty). */
export function parseDecimal(text: string): number {
  const s = text.trim();
  return DECIMAL.test(s) ? Number(s) : Number.NaN;
}

function cellError(table: CsvTable, what: string, row: number, column: string, cell: string, rule: string): InputError {
  return new InputError(
    `${table.file}: invalid ${what} at row ${row + 1}, column ${showCell(column)}: ${showCell(cell)} (${rule})`,
    row + 1,
    column,
  );
}

/**
 * Reads a column of times: decimal numbers from 0 to `max` (default {@link MAX_TIME}). Empty, NaN,
 * infinite, negative or larger values are errors.
 */
export function timeColumn(table: CsvTable, name: string, max = MAX_TIME): number[] {
  const j = columnIndex(table, name, 'time column');
  return table.rows.map((row, i) => {
    const value = parseDecimal(row[j]);
    if (!Number.isFinite(value) || value < 0) {
      const tooLarge = value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY;
      throw cellError(table, 'time', i, name, row[j], tooLarge ? 'too large: not a finite number' : 'expected a number ≥ 0');
    }
    if (value > max) throw cellError(table, 'time', i, name, row[j], `too large: times are at most ${max}`);
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

/**
 * Reads a column of labels (trimmed strings); empty cells become `null` (missing). Labels end up
 * in reports and on the site, so control characters (line breaks inside quotes, terminal escape
 * sequences, bidi overrides) are errors.
 */
export function labelColumn(table: CsvTable, name: string, role = 'column'): (string | null)[] {
  const j = columnIndex(table, name, role);
  return table.rows.map((row, i) => {
    const cell = row[j].trim();
    if (cell.length > MAX_LABEL_LENGTH) {
      throw cellError(table, 'value', i, name, row[j], `labels are at most ${MAX_LABEL_LENGTH} characters`);
    }
    if (hasUnsafeChars(cell)) throw cellError(table, 'value', i, name, row[j], 'control characters are not allowed');
    if (INVISIBLE.test(cell)) {
      throw cellError(table, 'value', i, name, row[j], 'invisible characters (zero-width or direction marks) are not allowed: two labels could look the same');
    }
    return cell === '' ? null : cell;
  });
}

/**
 * Characters that print as nothing: zero-width space/joiners, word joiner and invisible operators,
 * a byte-order mark inside text, the soft hyphen, the Arabic letter mark, the Mongolian vowel
 * separator and the combining grapheme joiner. (Bidi overrides and LRM/RLM are already refused as
 * unsafe.) With them, "yes" and "ye\u200bs" would be two groups that look the same.
 */
const INVISIBLE = /[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

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
        `${table.file}: duplicated ${what} at row ${i + 1}, column ${showCell(name)}: ${showCell(cell)} (first seen at row ${earlier + 1})`,
        i + 1,
        name,
      );
    }
    firstRow.set(cell, i);
  }
}
