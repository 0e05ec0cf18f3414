/**
 * Fuzzing the two data entry points with random files (fast-check, fixed seeds):
 * - `npm run stats` (in-process `runStats`) on CSV text built from a hostile alphabet of cells
 *   (numbers, words, hex, overflow, quotes, NUL, escapes, formulas, empty) with random options:
 *   it always ends with exit 0 and no stderr, or exit 1, exactly one `error: …` line and no stdout
 *   and no --out file. Never an exception, never a second line.
 * - the site's build step on random patient files that are valid cell by cell, whatever groups
 *   or events they hold (`parsePatientsCsv`, `buildSurvivalViews`): each yields the six views,
 *   never an exception (a TypeError in the analysis, an InputError for a group without patients)
 *   and never a NaN in the JSON.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSurvivalViews } from '../../../src/analysis/site-data.ts';
import { runStats } from '../../../src/cli/stats.ts';
import { parsePatientsCsv } from '../../../src/io/patients.ts';
import { readPublishedJson } from '../../../src/published/read-json.ts';
import { SurvivalFile } from '../../../src/published/survival-schema.ts';
import { tempDir } from '../robustness/harness.ts';
import { runs } from './arbitraries.ts';

const TOKENS = [
  '0', '1', '1', '0', '2', '3.5', '12', '0.0001', '1e3', '-1', '-0', '', ' ', 'NaN', 'Infinity', '0x10', '1e309', '1.0', 'yes',
  'a', 'b', 'B', 'é', '"', '""', '"a,b"', '"x\ny"', ',', '=cmd|\' /C calc\'!A0', '\u0000', '\u001b[2J', '\u202e', '\ufeff', '\r',
];
const cellArb = fc.constantFrom(...TOKENS);

const csvArb = fc
  .tuple(
    fc.constantFrom('id,time,status,g', 'id,time,status', 'time,status,g,g', 'id;time;status', '', 'id,time,status,g,extra'),
    fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([header, rows, eol, final]) => [header, ...rows.map((r) => r.join(','))].join(eol) + (final ? eol : ''));

/** Mostly well-formed numeric data, so that the analysis itself runs often. */
const numericCsvArb = fc
  .array(
    fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom(0, 1), fc.constantFrom('a', 'b', 'c', '', 'a')),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) => `id,time,status,g\n${rows.map(([t, e, g], i) => `${i},${t},${e},${g}`).join('\n')}\n`);

/** Mostly valid options (so the data get read), sometimes anything. */
const optionsArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      group: fc.constantFrom(undefined, 'g', 'g'),
      ref: fc.constantFrom(undefined, undefined, 'a'),
      times: fc.constantFrom(undefined, '0,10,20', '0', '2.5,1e1'),
      confType: fc.constantFrom(undefined, 'log', 'log-log', 'plain'),
      confLevel: fc.constantFrom(undefined, '0.9', '0.5'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      group: fc.constantFrom(undefined, 'g', 'id', 'status', 'nope'),
      ref: fc.constantFrom(undefined, 'a', 'b', 'zz'),
      times: fc.constantFrom(undefined, '0,10,20', '0,0x10', '5,1', '0'),
      confType: fc.constantFrom(undefined, 'log', 'log-log', 'plain', 'logit'),
      confLevel: fc.constantFrom(undefined, '0.9', '1', '0x1'),
    }),
  },
);

describe('CLI fuzz', () => {
  let tmp: ReturnType<typeof tempDir>;
  let k = 0;
  beforeAll(() => {
    tmp = tempDir('cli-fuzz-');
  });
  afterAll(() => tmp.remove());

  type Options = { group?: string; ref?: string; times?: string; confType?: string; confLevel?: string };
  function check(text: string, o: Options): void {
    const input = join(tmp.dir, `in-${k}.csv`);
    const out = join(tmp.dir, `out-${k++}.json`);
    writeFileSync(input, text);
    const args = ['--in', input, '--time', 'time', '--event', 'status', '--out', out, '--quiet'];
    if (o.group !== undefined) args.push('--group', o.group);
    if (o.ref !== undefined) args.push('--ref', o.ref);
    if (o.times !== undefined) args.push('--times', o.times);
    if (o.confType !== undefined) args.push('--conf-type', o.confType);
    if (o.confLevel !== undefined) args.push('--conf-level', o.confLevel);
    let stdout = '';
    let stderr = '';
    const code = runStats(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    if (code === 0) {
      expect(stderr).toBe('');
      const json = JSON.parse(readFileSync(out, 'utf8'));
      expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
    } else {
      expect(code).toBe(1);
      expect(stderr).toMatch(/^error: [^\n\r]+\n$/);
      expect(stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    }
  }

  it('npm run stats: any hostile file and options end in exit 0, or exit 1 with one error line and nothing written', () => {
    fc.assert(
      fc.property(csvArb, optionsArb, (text, o) => {
        check(text, o);
      }),
      runs(20240701, 300),
    );
  });

  it('npm run stats: well-formed numeric files with random options', () => {
    fc.assert(
      fc.property(numericCsvArb, optionsArb, (text, o) => {
        check(text, o);
      }),
      runs(20240702, 150),
    );
  });

  it('build step: every random patient file that is valid cell by cell builds all six views', () => {
    const survival = readPublishedJson('data/published/survival.json', SurvivalFile);
    const patientArb = fc.record({
      calc: fc.constantFrom('no', 'yes', '', 'no', 'yes'),
      enh: fc.constantFrom('hypo', 'hyper', 'mixed', ''),
      rfs: fc.integer({ min: 0, max: 60 }),
      extra: fc.integer({ min: 0, max: 30 }),
      re: fc.constantFrom(0, 1),
      oe: fc.constantFrom(0, 1),
    });
    fc.assert(
      fc.property(fc.array(patientArb, { minLength: 1, maxLength: 20 }), (rows) => {
        const text =
          'id,calcification,enhancement,rfs_months,rfs_event,os_months,os_event\n' +
          rows.map((r, i) => `P${i},${r.calc},${r.enh},${r.rfs},${r.re},${r.rfs + r.extra},${r.oe}`).join('\n');
        const views = buildSurvivalViews(parsePatientsCsv(text, 'fuzz.csv'), survival);
        expect(views.length).toBe(6);
        expect(JSON.stringify(views)).not.toMatch(/NaN|Infinity/);
      }),
      runs(20240703, 150),
    );
  });
});
