// `npm run audit -- --table <file.json>` (src/audit/table-file/): the schema rejects bad files with one
// line naming the field; the paper's Tables 1–3 written as table files get the same verdicts as the
// paper's audit, cell by cell, because both go through src/audit/audit-tables.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditTableFile, parseTableFile } from '../../../src/audit/table-file/audit-table-file.ts';
import { tableFileFromPublished } from '../../../src/audit/table-file/from-published.ts';
import { runAuditCli } from '../../../src/cli/audit.ts';
import { audit, published } from './shared.ts';

const EXAMPLE = 'tests/fixtures/audit-tables/example.json';
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8'));

const cli = (argv: string[]) => {
  const out = { stdout: '', stderr: '' };
  const code = runAuditCli(argv, { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) });
  return { code, ...out };
};

/** Writes `value` to a temporary table file and runs the CLI on it. */
function runOn(value: unknown, extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'audit-table-'));
  try {
    const file = join(dir, 'table.json');
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return cli(['--table', file, ...extra]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('table files: bad input is one line naming the field, exit 1, nothing on stdout', () => {
  const cases: [string, (t: ReturnType<typeof example>) => unknown, RegExp][] = [
    ['a cell that is neither n (pct) nor a median', (t) => ((t.rows[0].cells.no = '28 (62.2'), t), /rows\.0\.cells\.no: "28 \(62\.2" is neither/],
    ['a missing column', (t) => (delete t.rows[1].levels[2].cells.yes, t), /rows\.1\.levels\.2\.cells\.yes: missing/],
    ['an unknown total column', (t) => ((t.totalColumn = 'all'), t), /totalColumn: "all" is not a column id/],
    ['a count above the column n', (t) => ((t.rows[0].cells.yes = '13 (108.3)'), t), /rows\.0\.cells\.yes: count 13 is larger than the column's n 12/],
    ['a P value that is not one', (t) => ((t.rows[0].p = 'ns'), t), /rows\.0\.p: "ns" is not a P value/],
    ['a test the audit does not know', (t) => ((t.pTests['*'] = 'anova'), t), /pTests\.\*: /],
    ['a row with both cells and levels', (t) => ((t.rows[1].cells = t.rows[0].cells), t), /rows\.1: needs either "cells" or "levels"/],
    ['an unknown field', (t) => ((t.extra = 1), t), /\(top level\): Unrecognized key/],
    ['a column n that is not a whole number', (t) => ((t.columns[1].n = 44.5), t), /columns\.1\.n: /],
  ];
  for (const [name, edit, message] of cases) {
    it(name, () => {
      const r = runOn(edit(example()));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/table\.json: /);
      expect(r.stderr).toMatch(message);
    });
  }
  it('text that is not JSON', () => {
    const r = runOn('{ "title": ');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read JSON/);
  });
});

describe('table files: the README example', () => {
  it('audits the example: ASA 4.5 by the largest-remainder method, female 60.0 as a whole percent, ASA P matches Fisher', () => {
    const r = auditTableFile(parseTableFile(example(), 'example.json'));
    const at = (row: string, level: string | null, column: string | null, check: string) =>
      r.findings.find((f) => f.location.row === row && f.location.level === level && f.location.column === column && f.check === check)!;
    expect(at('ASA class', 'II', 'no', 'percentage').explainedBy).toEqual(['largest-remainder']);
    expect(at('Gender, female', null, 'total', 'percentage').explainedBy).toEqual(['whole-percent']);
    expect(at('ASA class', null, 'p', 'categorical-p').verdict).toBe('consistent');
    expect(r.summary.byVerdict.inconsistent).toBe(0);
    expect(Object.values(r.summary.byVerdict).reduce((a, b) => a + b, 0)).toBe(r.summary.checked);
  });
  it('--json prints { summary, findings } with locations in the file\'s terms', () => {
    const r = cli(['--table', EXAMPLE, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['summary', 'findings']);
    expect(json.findings[0].location).toHaveProperty('level');
    expect(json.findings.some((f: { location: { table: string; column: string } }) => f.location.table === 'Table 2' && f.location.column === 'yes')).toBe(true);
  });
});

describe("the paper's Tables 1–3 as table files get the paper audit's verdicts", () => {
  const PER_TABLE = new Set(['percentage', 'denominators', 'categorical-p', 'continuous', 'pooled-median', 'identical-rows', 'test-choice']);
  for (const file of ['table1', 'table2', 'table3'] as const) {
    it(file, () => {
      const t = published[file];
      const r = auditTableFile(parseTableFile(tableFileFromPublished(t, { testsAsAppropriate: file !== 'table1' }), `${file}.json`));
      // Internal ids r<i>/l<j> back to the paper's row and level ids.
      // A table file with groups is audited as a subgroup table (ids `t2-…`), one without as Table 1 (`t1-…`).
      const filePrefix = t.columns.length > 1 ? 't2' : 't1';
      const prefix = file === 'table1' ? 't1' : file === 'table2' ? 't2' : 't3';
      const rename = (id: string) =>
        id.replace(new RegExp(`^${filePrefix}-r(\\d+)(?:-l(\\d+))?`), (_m, i: string, j?: string) => {
          const row = t.rows[Number(i) - 1];
          const level = j && row.kind === 'categorical' ? `-${row.levels[Number(j) - 1].id}` : '';
          return `${prefix}-${row.id}${level}`;
        }).replace(/-same-as-r(\d+)$/, (_m, i: string) => `-same-as-${t.rows[Number(i) - 1].id}`);
      const fromFile = new Map(r.findings.map((f) => [rename(f.id), f]));
      const paper = audit.findings.filter((f) => f.scope === t.label && PER_TABLE.has(f.check));
      expect(paper.length).toBeGreaterThan(30);
      for (const f of paper) {
        const g = fromFile.get(f.id);
        expect(g, f.id).toBeDefined();
        expect([g!.verdict, g!.explainedBy], f.id).toEqual([f.verdict, f.explainedBy]);
      }
      expect(r.findings.length).toBe(paper.length);
    });
  }
});
