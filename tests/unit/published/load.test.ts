import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flattenPublished, loadPublished, rowIds, PUBLISHED_FILES } from '../../../src/published/load.ts';
import { parsePrinted } from '../../../src/published/parse-printed.ts';
import { InputError } from '../../../src/stats/validate.ts';

const DATA = 'data/published';

describe('loadPublished(data/published)', () => {
  const p = loadPublished(DATA);
  const flat = flattenPublished(p);

  it('loads and validates all seven files', () => {
    expect(Object.keys(p).sort()).toEqual(Object.keys(PUBLISHED_FILES).sort());
  });

  it('has the printed number of rows, levels and P values per table', () => {
    const shape = (file: 'table1' | 'table2' | 'table3') => ({
      rows: p[file].rows.length,
      levels: p[file].rows.reduce((a, r) => a + (r.kind === 'categorical' ? r.levels.length : 0), 0),
      pValues: p[file].rows.filter((r) => r.p).length,
    });
    expect(shape('table1')).toEqual({ rows: 25, levels: 28, pValues: 0 });
    expect(shape('table2')).toEqual({ rows: 23, levels: 21, pValues: 23 });
    expect(shape('table3')).toEqual({ rows: 24, levels: 20, pValues: 24 });
    expect(p.tableS1.rows.length).toBe(15);
    expect(p.tableS1.rows.reduce((a, r) => a + (r.kind === 'categorical' ? r.levels.length : 0), 0)).toBe(13);
    expect(p.text.entries.length).toBe(81);
    expect(p.claims.claims.length).toBe(32); // 30 comparisons, the Methods' inclusion statement and its rule for choosing tests
  });

  it('flattens to 538 printed values (1074 numbers) with unique ids', () => {
    const count = (file: string) => flat.filter((v) => v.file === file).length;
    expect(flat.length).toBe(538);
    expect(new Set(flat.map((v) => v.id)).size).toBe(flat.length);
    expect([count('table1'), count('table2'), count('table3'), count('tableS1'), count('survival'), count('text')]).toEqual([45, 134, 172, 41, 65, 81]);
    expect(flat.reduce((a, v) => a + Object.keys(v.numbers).length, 0)).toBe(1074);
  });

  it('every flattened table and survival value re-parses from its printed string to the same numbers', () => {
    // Survival quantiles are printed as prose ("32 (IQR: 16–49) months") and prose values are checked by the schema.
    for (const v of flat.filter((x) => x.file.startsWith('table') || (x.file === 'survival' && x.kind !== 'quantiles'))) {
      const parsed = parsePrinted(v.printed);
      expect(parsed, v.id).not.toBeNull();
      if (parsed?.kind === 'count') expect(v.numbers, v.id).toEqual({ count: parsed.count, percent: parsed.percent });
      if (parsed?.kind === 'quantiles') expect(v.numbers, v.id).toEqual({ median: parsed.median, q1: parsed.q1, q3: parsed.q3 });
      if (parsed?.kind === 'hr') expect(v.numbers, v.id).toEqual({ hr: parsed.hr, lower: parsed.lower, upper: parsed.upper });
      if (parsed?.kind === 'na' || parsed?.kind === 'ref') expect(v.numbers, v.id).toEqual({});
      if (parsed?.kind === 'number') expect(Object.values(v.numbers)[0], v.id).toBe(parsed.value);
    }
  });

  it('every flattened value has a page and its full location', () => {
    for (const v of flat) {
      expect(v.location.page, v.id).toBeDefined();
      expect(v.id, v.id).toBe(`${v.file}/${v.location.row}/${v.location.column}`);
      if (v.file.startsWith('table')) expect(v.location.table, v.id).toMatch(/^Table (1|2|3|S1)$/);
    }
  });

  it('count cells carry the column N as denominator unless marked "+"', () => {
    const female = flat.find((v) => v.id === 'table1/gender-female/total');
    expect(female).toMatchObject({ printed: '48 (58.5)', denominator: 82, groupN: 82, marks: [] });
    const priv = flat.find((v) => v.id === 'table2/insurance.private/total');
    expect(priv).toMatchObject({ printed: '34 (64.1)+', denominator: null, groupN: 57, marks: ['+'], variable: 'Health insurance', label: 'Private' });
  });

  it('keeps sections as printed ("Liver Metastasis" in Table 1, "Liver metastasis" in Tables 2 and 3)', () => {
    expect(p.table1.rows.find((r) => r.id === 'liver-size')?.section).toBe('Liver Metastasis');
    expect(p.table2.rows.find((r) => r.id === 'liver-size')?.section).toBe('Liver metastasis');
    expect(p.table1.rows.find((r) => r.id === 'age')?.section).toBeNull();
    expect(p.table3.rows.find((r) => r.id === 'symptomatic')?.section).toBe('Primary tumor');
  });

  it('every text refersTo and claim row resolves', () => {
    const ids = new Set(flat.map((v) => v.id));
    const rows = rowIds(p);
    for (const e of p.text.entries) for (const r of e.refersTo) expect(ids.has(r), `${e.id} -> ${r}`).toBe(true);
    for (const c of p.claims.claims) for (const r of c.rows) expect(rows.has(r), `${c.id} -> ${r}`).toBe(true);
  });
});

describe('loadPublished: a corrupted copy fails with one line naming file and JSON path', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  /** Copies data/published to a temp dir, applies `edit` to one file, and returns the error message of loading it. */
  function corrupt(file: string, edit: (json: any) => void): string {
    dir = mkdtempSync(join(tmpdir(), 'published-'));
    cpSync(DATA, dir, { recursive: true });
    const path = join(dir, file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    edit(json);
    writeFileSync(path, JSON.stringify(json));
    try {
      loadPublished(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const message = (err as Error).message;
      expect(message).not.toContain('\n');
      return message;
    }
    throw new Error(`loading a corrupted ${file} did not fail`);
  }

  it('wrong type: a median stored as a string', () => {
    const m = corrupt('table1.json', (t) => (t.rows[0].cells.total.median = '58'));
    expect(m).toMatch(/table1\.json: rows\.0\.cells\.total\.median: Expected number, received string$/);
  });

  it('parsed count not matching the printed string', () => {
    const m = corrupt('table2.json', (t) => (t.rows[2].levels[0].cells.total.count = 52));
    expect(m).toMatch(/table2\.json: rows\.2\.levels\.0\.cells\.total\.count: printed "53 \(93\.0\)" parses to count 53, but 52 is stored$/);
  });

  it('parsed IQR not matching the printed string', () => {
    const m = corrupt('table3.json', (t) => (t.rows[0].cells.hyper.q3 = 65));
    expect(m).toMatch(/table3\.json: rows\.0\.cells\.hyper\.q3: printed "57\.5 \[52–66\]" parses to q3 66, but 65 is stored$/);
  });

  it('P value not matching the printed string, or losing its mark', () => {
    expect(corrupt('table3.json', (t) => (t.rows[1].p.value = 0.58))).toMatch(/table3\.json: rows\.1\.p\.value: printed "0\.850" parses to value 0\.85/);
    expect(corrupt('table2.json', (t) => delete t.rows[2].p.marks)).toMatch(/table2\.json: rows\.2\.p\.marks: printed "0\.623\*" parses to marks \["\*"\]/);
  });

  it('a printed string that is not a cell', () => {
    const m = corrupt('table1.json', (t) => (t.rows[1].cells.total.printed = '48 (58.5'));
    expect(m).toMatch(/table1\.json: rows\.1\.cells\.total\.printed: printed "48 \(58\.5" is not a count cell/);
  });

  it('a denominator that breaks the "+" rule', () => {
    expect(corrupt('table1.json', (t) => (t.rows[1].cells.total.denominator = 81))).toMatch(
      /table1\.json: rows\.1\.cells\.total\.denominator: denominator must be the column N 82, not 81$/,
    );
  });

  it('cells that do not match the columns', () => {
    const m = corrupt('table2.json', (t) => (t.rows[0].cells.maybe = t.rows[0].cells.yes));
    expect(m).toMatch(/table2\.json: rows\.0\.cells: cells .* do not match columns/);
  });

  it('missing field: a Table S1 P value', () => {
    expect(corrupt('tableS1.json', (t) => delete t.rows[0].p)).toMatch(/tableS1\.json: rows\.0\.p: Required$/);
  });

  it('a hazard ratio not matching its printed string', () => {
    expect(corrupt('tableS1.json', (t) => (t.rows[4].estimate.upper = 0.69))).toMatch(/tableS1\.json: rows\.4\.estimate\.upper: printed "0\.86 \(0\.76, 0\.96\)" parses to upper 0\.96/);
  });

  it('a text value not matching its printed fragment', () => {
    const i = JSON.parse(readFileSync(join(DATA, 'text.json'), 'utf8')).entries.findIndex((e: any) => e.id === 'abs-female');
    const m = corrupt('text.json', (t) => (t.entries[i].values[1].value = 58.5));
    expect(m).toMatch(new RegExp(`text\\.json: entries\\.${i}\\.values\\.1\\.value: printed "59\\.5%" parses to 59\\.5, but 58\\.5 is stored$`));
  });

  it('unknown value id in text refersTo', () => {
    expect(corrupt('text.json', (t) => (t.entries[1].refersTo[0] = 'table1/age/nope'))).toMatch(/text\.json: entries\.1\.refersTo\.0: unknown value "table1\/age\/nope"$/);
  });

  it('unknown row id in claims', () => {
    expect(corrupt('claims.json', (t) => (t.claims[0].rows[0] = 'table1/nope'))).toMatch(/claims\.json: claims\.0\.rows\.0: unknown row "table1\/nope"$/);
  });

  it('unknown text entry in claims values', () => {
    expect(corrupt('claims.json', (t) => (t.claims[0].values[0] = 'nope'))).toMatch(/claims\.json: claims\.0\.values\.0: unknown text entry "nope"$/);
  });

  it('duplicate row id', () => {
    expect(corrupt('table3.json', (t) => (t.rows[1].id = 'age'))).toMatch(/table3\.json: rows\.1\.id: duplicate id "age"$/);
  });

  it('unknown key (strict objects)', () => {
    expect(corrupt('claims.json', (t) => (t.claims[0].rowz = []))).toMatch(/claims\.json: claims\.0: Unrecognized key\(s\) in object: 'rowz'$/);
  });

  it('invalid JSON', () => {
    dir = mkdtempSync(join(tmpdir(), 'published-'));
    cpSync(DATA, dir, { recursive: true });
    writeFileSync(join(dir, 'table1.json'), '{ "id": ');
    expect(() => loadPublished(dir)).toThrow(/table1\.json: cannot read JSON: /);
  });
});
