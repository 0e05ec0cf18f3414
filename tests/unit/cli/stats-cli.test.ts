import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStats } from '../../../src/cli/stats.ts';
import { kaplanMeier } from '../../../src/stats/kaplan-meier.ts';
import { logRank } from '../../../src/stats/log-rank.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stats-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = runStats(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

// aml (R survival): Maintained vs Nonmaintained.
const AML = [
  [9, 1, 'Maintained'], [13, 1, 'Maintained'], [13, 0, 'Maintained'], [18, 1, 'Maintained'], [23, 1, 'Maintained'],
  [28, 0, 'Maintained'], [31, 1, 'Maintained'], [34, 1, 'Maintained'], [45, 0, 'Maintained'], [48, 1, 'Maintained'],
  [161, 0, 'Maintained'], [5, 1, 'Nonmaintained'], [5, 1, 'Nonmaintained'], [8, 1, 'Nonmaintained'], [8, 1, 'Nonmaintained'],
  [12, 1, 'Nonmaintained'], [16, 0, 'Nonmaintained'], [23, 1, 'Nonmaintained'], [27, 1, 'Nonmaintained'], [30, 1, 'Nonmaintained'],
  [33, 1, 'Nonmaintained'], [43, 1, 'Nonmaintained'], [45, 1, 'Nonmaintained'],
] as const;
const amlCsv = `id,time,status,x\n${AML.map((r, i) => `${i + 1},${r[0]},${r[1]},${r[2]}`).join('\n')}\n`;

describe('npm run stats on valid input', () => {
  it('aml: writes the documented JSON fields, equal to the statistics core', () => {
    const input = file('aml.csv', amlCsv);
    const out = join(dir, 'aml.json');
    const { code, out: stdout, err } = run(['--in', input, '--time', 'time', '--event', 'status', '--group', 'x', '--out', out]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Log-rank test');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.n).toBe(23);
    expect(json.groups).toEqual(['Maintained', 'Nonmaintained']);
    for (const key of ['km', 'quantiles', 'riskTable', 'logrank', 'cox']) expect(json).toHaveProperty(key);
    for (const key of ['time', 'nRisk', 'nEvent', 'nCensor', 'surv', 'se', 'lower', 'upper']) {
      expect(json.km.Maintained).toHaveProperty(key);
    }
    const fit = kaplanMeier(AML.filter((r) => r[2] === 'Maintained').map((r) => r[0]), AML.filter((r) => r[2] === 'Maintained').map((r) => r[1]));
    expect(json.km.Maintained.surv).toEqual(fit.surv);
    // R: survdiff(Surv(time, status) ~ x, data = aml) → chisq 3.396388699
    expect(json.logrank.chisq).toBeCloseTo(3.396388699, 8);
    expect(json.logrank.chisq).toBe(logRank(AML.map((r) => r[0]), AML.map((r) => r[1]), AML.map((r) => r[2])).chisq);
    // R: coxph(Surv(time, status) ~ x, data = aml) → coef 0.915532575
    expect(json.cox.ties).toBe('efron');
    expect(json.cox.terms[0].term).toBe('Nonmaintained');
    expect(json.cox.terms[0].coef).toBeCloseTo(0.915532575, 8);
    expect(json.riskTable.times).toEqual([0, 20, 40, 60]);
    expect(json.riskTable.groups.Maintained.atRisk[0]).toBe(11);
    expect(json.quantiles.Maintained.median.est).toBe(31);
  });

  it('--ref, --times and --conf-type change the result as documented', () => {
    const input = file('aml2.csv', amlCsv);
    const out = join(dir, 'aml2.json');
    const { code } = run(['--in', input, '--time', 'time', '--event', 'status', '--group', 'x', '--ref', 'Nonmaintained', '--times', '0,10,30', '--conf-type', 'log-log', '--out', out, '--quiet']);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.reference).toBe('Nonmaintained');
    expect(json.cox.terms[0].term).toBe('Maintained');
    expect(json.cox.terms[0].coef).toBeCloseTo(-0.915532575, 8);
    expect(json.riskTable.times).toEqual([0, 10, 30]);
    expect(json.confType).toBe('log-log');
  });

  it('accepts a UTF-8 BOM, CRLF line ends, quoted fields with commas and trailing blank lines', () => {
    const text = `\ufeffid,time,status,"arm, label"\r\n1,5,1,"a, b"\r\n2,6,0,"a, b"\r\n3,7,1,c\r\n4,9,1,c\r\n\r\n\r\n`;
    const input = file('messy.csv', text);
    const out = join(dir, 'messy.json');
    const { code, err } = run(['--in', input, '--time', 'time', '--event', 'status', '--group', 'arm, label', '--out', out, '--quiet']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).groups).toEqual(['a, b', 'c']);
  });

  it('without --group reports one curve and no test', () => {
    const out = join(dir, 'single.json');
    const { code } = run(['--in', file('single.csv', amlCsv), '--time', 'time', '--event', 'status', '--out', out, '--quiet']);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.groups).toEqual(['all']);
    expect(json.logrank).toBeNull();
    expect(json.cox).toBeNull();
  });
});

describe('npm run stats on bad input: one line naming file, row and column; exit 1; nothing written', () => {
  const cases: [string, string, string[], RegExp][] = [
    ['missing column', 'id,t,status\n1,5,1\n2,6,0\n', [], /no time column named "time" \(columns are: id, t, status\)/],
    ['misnamed event column', 'id,time,dead\n1,5,1\n2,6,0\n', [], /no event column named "status"/],
    ['non-numeric time', 'id,time,status\n1,5,1\n2,abc,0\n', [], /invalid time at row 2, column "time": "abc"/],
    ['negative time', 'id,time,status\n1,5,1\n2,-3,0\n', [], /invalid time at row 2, column "time": "-3"/],
    ['infinite time', 'id,time,status\n1,Infinity,1\n2,3,0\n', [], /invalid time at row 1, column "time": "Infinity"/],
    ['empty time', 'id,time,status\n1,5,1\n2,,0\n', [], /invalid time at row 2, column "time": ""/],
    ['NaN time', 'id,time,status\n1,NaN,1\n2,3,0\n', [], /invalid time at row 1, column "time": "NaN"/],
    ['event not 0/1', 'id,time,status\n1,5,1\n2,6,2\n', [], /invalid event at row 2, column "status": "2" \(expected 0 or 1\)/],
    ['empty file', '', [], /the file is empty/],
    ['header only', 'id,time,status\n', [], /has a header but no data rows/],
    ['ragged row', 'id,time,status\n1,5,1\n2,6\n', [], /row 2 has 2 fields but the header has 3/],
    ['single-level grouping', 'id,time,status,g\n1,5,1,a\n2,6,0,a\n', ['--group', 'g'], /column "g" has a single level \("a"\)/],
    ['unknown reference', 'id,time,status,g\n1,5,1,a\n2,6,0,b\n', ['--group', 'g', '--ref', 'z'], /--ref "z" is not a value of column "g"/],
    ['bad --times', 'id,time,status\n1,5,1\n2,6,0\n', ['--times', '0,x'], /invalid --times value "x"/],
    ['bad --conf-type', 'id,time,status\n1,5,1\n2,6,0\n', ['--conf-type', 'logit'], /invalid --conf-type "logit"/],
  ];
  for (const [name, text, extra, message] of cases) {
    it(name, () => {
      const input = file(`${name.replace(/\W+/g, '-')}.csv`, text);
      const out = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      const { code, err, out: stdout } = run(['--in', input, '--time', 'time', '--event', 'status', ...extra, '--out', out]);
      expect(code).toBe(1);
      expect(err).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
      // Data problems name the file; option problems name the option.
      if (!extra.some((a) => a === '--times' || a === '--conf-type')) expect(err).toContain(input);
      expect(stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a duplicated patient id is named with both rows (drop-in patients file)', async () => {
    const { parsePatientsCsv } = await import('../../../src/io/patients.ts');
    const text = 'id,calcification,enhancement,rfs_months,rfs_event,os_months,os_event\nA,no,hypo,5,1,9,0\nB,yes,,3,0,3,0\nA,no,,4,1,8,1\n';
    expect(() => parsePatientsCsv(text, 'patients.csv')).toThrow(
      'patients.csv: duplicated patient id at row 3, column "id": "A" (first seen at row 1)',
    );
  });

  it('a missing input file is one line', () => {
    const { code, err } = run(['--in', join(dir, 'nope.csv'), '--time', 't', '--event', 'e']);
    expect(code).toBe(1);
    expect(err).toMatch(/nope\.csv: cannot read the file \(ENOENT\)/);
  });

  it('unknown options are rejected', () => {
    const { code, err } = run(['--in', 'x.csv', '--time', 't', '--event', 'e', '--colour', 'red']);
    expect(code).toBe(1);
    expect(err).toMatch(/unknown option --colour/);
  });
});

describe('npm run stats --out never destroys anything (issue 16)', () => {
  const args = (input: string, out: string) => ['--in', input, '--time', 'time', '--event', 'status', '--group', 'x', '--out', out, '--quiet'];

  it('a symlink to the input, or the input through a symlinked folder, is the input: refused, input unchanged', () => {
    const sub = join(dir, 'sym-case');
    mkdirSync(sub);
    const input = join(sub, 'in.csv');
    writeFileSync(input, amlCsv);
    symlinkSync(input, join(sub, 'link.csv'));
    symlinkSync(sub, join(dir, 'sym-alias'));
    for (const [inPath, outPath] of [
      [join(sub, 'link.csv'), input],
      [input, join(sub, 'link.csv')],
      [input, join(dir, 'sym-alias', 'in.csv')],
    ]) {
      const { code, out, err } = run(args(inPath, outPath));
      expect(err).toBe(`error: --out ${outPath} is the input file: choose another file for the JSON result\n`);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(readFileSync(input, 'utf8')).toBe(amlCsv);
    }
  });

  it('a named pipe or a folder at --out is refused before anything is computed', () => {
    const input = file('aml-fifo.csv', amlCsv);
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const { code, err } = run(args(input, fifo));
    expect(err).toBe(`error: ${fifo}: cannot write the file (it is a named pipe, not a regular file)\n`);
    expect(code).toBe(1);
    expect(statSync(fifo).isFIFO()).toBe(true);
    const { err: folderErr } = run(args(input, dir));
    expect(folderErr).toBe(`error: ${dir}: cannot write the file (it is a folder, not a regular file)\n`);
  });

  it('--out= and --times "" are refused with one line, not ignored', () => {
    const input = file('aml-empty.csv', amlCsv);
    expect(run(['--in', input, '--time', 'time', '--event', 'status', '--out=']).err).toBe('error: option --out needs a value (got an empty one)\n');
    expect(run(['--in', input, '--time', 'time', '--event', 'status', '--times', '']).err).toBe('error: option --times needs a value (got an empty one)\n');
  });
});

describe('group labels are data, never object keys (issue 16)', () => {
  const LABELS = ['__proto__', 'constructor', 'times', 'toString', 'all', 'hasOwnProperty', 'groups'];

  it.each(LABELS.map((l) => [l]))('a group called %s round-trips exactly through the JSON and the report', (label) => {
    const other = label === 'all' ? 'times' : 'all';
    const rows = AML.map((r, i) => `${i + 1},${r[0]},${r[1]},${r[2] === 'Maintained' ? label : other}`);
    const input = file(`label-${label}.csv`, `id,time,status,x\n${rows.join('\n')}\n`);
    const out = join(dir, `label-${label}.json`);
    const { code, err, out: report } = run(['--in', input, '--time', 'time', '--event', 'status', '--group', 'x', '--out', out]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(report).toContain(`${label} (11)`);
    const text = readFileSync(out, 'utf8');
    const json = JSON.parse(text);
    const groups = [label, other].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(json.groups).toEqual(groups);
    // Every object keyed by group has exactly the two labels as its own keys, with real values.
    for (const obj of [json.groupSizes, json.km, json.quantiles, json.riskTable.groups, json.logrank.observed, json.logrank.expected]) {
      expect(Object.keys(obj).sort()).toEqual([...groups].sort());
      expect(Object.prototype.hasOwnProperty.call(obj, label)).toBe(true);
    }
    expect(json.groupSizes[label]).toBe(11);
    expect(json.groupSizes[other]).toBe(12);
    expect(json.riskTable.times).toEqual([0, 20, 40, 60]);
    expect(json.riskTable.groups[label].atRisk[0]).toBe(11);
    expect(json.km[label].time[0]).toBe(9);
    // The JSON text holds the label as a key (JSON.parse defines "__proto__" as an own key).
    expect(text).toContain(`${JSON.stringify(label)}: 11`);
  });
});
