/**
 * Properties of the input parsers and the error plumbing (fast-check, fixed seeds):
 * - CSV: any table written by a standard writer reads back as it was; the quoting check
 *   flags nothing in it, and flags an unclosed quote wherever it is added;
 * - UTF-8: our locator of invalid bytes agrees with the WHATWG decoder (fatal mode);
 * - JSON: the error locator agrees with JSON.parse on validity, never flags valid JSON, and finds
 *   duplicated keys that JSON.parse hides;
 * - numbers: `parseDecimal` reads back every finite double and refuses what Number() would guess at;
 * - messages: an InputError is always one line of printable text.
 */
import { csvFormatRows } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuoteProblem, firstInvalidUtf8, parseCsv, parseDecimal } from '../../../src/io/csv.ts';
import { findJsonProblem, parseJsonText } from '../../../src/published/read-json.ts';
import { hasUnsafeChars, InputError, oneLine } from '../../../src/stats/validate.ts';
import { runs } from './arbitraries.ts';

/** Cell text: anything but NUL and the byte-order mark, with commas, quotes and line breaks likely. */
const cellArb = fc.string({ maxLength: 8, unit: fc.oneof(fc.constantFrom(',', '"', '\n', '\r', ' ', 'a', 'é', '😀'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })) }).map((s) =>
  s.replace(/[\u0000\ufeff]/g, 'x'),
);

const csvTableArb = fc.integer({ min: 2, max: 4 }).chain((c) =>
  fc.tuple(
    fc.uniqueArray(cellArb.map((s) => s.trim()).filter((s) => s !== ''), { minLength: c, maxLength: c }),
    fc.array(fc.array(cellArb, { minLength: c, maxLength: c }), { minLength: 1, maxLength: 5 }),
  ),
);

describe('parsers: properties', () => {
  it('CSV: a table written by d3-dsv (RFC 4180 quoting) reads back unchanged, with no quoting problem', () => {
    fc.assert(
      fc.property(csvTableArb, fc.constantFrom('\n', '\r\n'), ([header, rows], eol) => {
        // The last row must not be all blank: trailing blank lines are dropped by design.
        fc.pre(rows[rows.length - 1].some((cell) => cell.trim() !== ''));
        const text = csvFormatRows([header, ...rows]).replace(/\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g, eol) + eol;
        expect(findQuoteProblem(text)).toBeNull();
        const table = parseCsv(text, 'prop.csv');
        expect(table.header).toEqual(header);
        expect(table.rows).toEqual(rows);
      }),
      runs(20240601, 300),
    );
  });

  it('CSV: an unclosed quote opening any field is reported, never silently read', () => {
    fc.assert(
      fc.property(csvTableArb, fc.nat(), ([header, rows], k) => {
        const cells = [header, ...rows];
        const i = k % cells.length;
        const j = Math.floor(k / cells.length) % header.length;
        const text = csvFormatRows(cells);
        // Replace the field (i, j) and everything after it with an opening quote and some text.
        const upTo = csvFormatRows(cells.slice(0, i)) + (i > 0 ? '\n' : '') + csvFormatRows([cells[i].slice(0, j)]) + (j > 0 ? ',' : '');
        expect(text.startsWith(upTo)).toBe(true);
        const broken = `${upTo}"unclosed, 1\n2,3\n`;
        const problem = findQuoteProblem(broken);
        expect(problem).not.toBeNull();
        expect(problem?.problem).toBe('unterminated');
        expect(problem?.field).toBe(j);
        expect(() => parseCsv(broken, 'prop.csv')).toThrow(/invalid quoting .*is never closed/);
      }),
      runs(20240602, 300),
    );
  });

  it('UTF-8: firstInvalidUtf8 agrees with TextDecoder(fatal) and the bytes before it decode', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const bytesArb = fc.oneof(
      fc.uint8Array({ maxLength: 24 }),
      fc.string({ unit: 'binary', maxLength: 12 }).map((s) => new TextEncoder().encode(s)),
      // valid text with one byte changed
      fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([s, i, b]) => {
        const bytes = new TextEncoder().encode(s);
        bytes[i % bytes.length] = b;
        return bytes;
      }),
    );
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        const bad = firstInvalidUtf8(bytes);
        expect(bad === -1).toBe(valid(bytes));
        if (bad >= 0) expect(valid(bytes.subarray(0, bad))).toBe(true);
      }),
      runs(20240603, 1000),
    );
  });

  it('JSON: valid JSON is never flagged; on any text, JSON.parse fails exactly when a syntax problem is found', () => {
    const parses = (s: string) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    };
    const validArb = fc.tuple(fc.jsonValue(), fc.constantFrom(undefined, 0, 2, '\t')).map(([v, indent]) => JSON.stringify(v, null, indent));
    const mutatedArb = fc
      .tuple(validArb, fc.nat(), fc.constantFrom('delete', 'insert'), fc.constantFrom(',', '}', ']', '"', ':', '\\', 'x', '0', '-', ' ', '\n', '\u0001'))
      .map(([s, i, op, c]) => {
        const at = s.length === 0 ? 0 : i % s.length;
        return op === 'delete' ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + c + s.slice(at);
      });
    fc.assert(
      fc.property(validArb, (s) => {
        expect(findJsonProblem(s)).toBeNull();
      }),
      runs(20240604, 300),
    );
    fc.assert(
      fc.property(fc.oneof(mutatedArb, fc.string({ maxLength: 12 })), (s) => {
        const problem = findJsonProblem(s);
        const ok = parses(s);
        if (ok) expect(problem === null || problem.kind === 'duplicate-key').toBe(true);
        else {
          expect(problem?.kind).toBe('syntax');
          expect(problem?.offset).toBeGreaterThanOrEqual(0);
          expect(problem?.offset).toBeLessThanOrEqual(s.length);
        }
      }),
      runs(20240605, 1000),
    );
  });

  it('JSON: a key repeated in one object is found, wherever the object is', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), (v, key, x) => {
        const k = JSON.stringify(key);
        const dup = `{${k}:${JSON.stringify(x)},"~":${JSON.stringify(v)},${k}:null}`;
        const wrapped = `[${JSON.stringify(v)},{"a":${dup}}]`;
        const problem = findJsonProblem(wrapped);
        expect(problem?.kind).toBe('duplicate-key');
        expect(JSON.parse(wrapped)).toBeTruthy();
      }),
      runs(20240606, 200),
    );
  });

  it('JSON nested deeper than the call stack is still one line (valid: parsed; invalid: named)', () => {
    const deep = 200_000;
    expect(parseJsonText(`${'['.repeat(deep)}${']'.repeat(deep)}`, 'deep.json')).toBeInstanceOf(Array);
    expect(() => parseJsonText('['.repeat(deep), 'deep.json')).toThrow(/^deep\.json: cannot read JSON: [^\n]+$/);
  });

  it('parseDecimal reads back every finite double and rejects hex, Infinity, NaN, empty and separators', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        expect(parseDecimal(String(d))).toBe(d === 0 ? 0 : d);
      }),
      runs(20240607, 500),
    );
    for (const s of ['0x10', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '', ' ', '1_000', '1,5', '--1', '1e', '.', 'e5']) {
      expect(parseDecimal(s), s).toBeNaN();
    }
  });

  it('InputError messages are one printable line, whatever the text put in them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const message = new InputError(`data.csv: invalid value ${s}`).message;
        expect(message).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(hasUnsafeChars(message)).toBe(false);
        if (!hasUnsafeChars(s)) expect(oneLine(s)).toBe(s);
      }),
      runs(20240608, 500),
    );
  });
});
