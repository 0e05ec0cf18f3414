/**
 * Fuzzing the audit with schema-valid edits of data/published (fast-check, fixed seed): lower
 * counts with percentages that match, other P values and hazard ratios, other numbers at risk,
 * other group sizes. Whatever the numbers say, the files still validate, so the audit must finish
 * with findings — never crash on numbers a typo could produce.
 *
 * Level counts that add up to more than their column N are covered by a unit test of
 * src/audit/contingency.ts (tests/unit/audit/categorical-p.test.ts); the edits here only lower counts.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../../src/lib/mulberry32.ts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/audit/run-audit.ts';
import { loadPublished } from '../../../src/published/load.ts';
import { tempDir } from '../robustness/harness.ts';
import { runs } from './arbitraries.ts';

const FILES = ['table1.json', 'table2.json', 'table3.json', 'tableS1.json', 'text.json', 'claims.json', 'survival.json'];
const original = Object.fromEntries(FILES.map((f) => [f, readFileSync(join('data/published', f), 'utf8')]));

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** Lowers count cells (percent and printed follow, so every cell stays consistent with itself). */
function editTable(t: any, rnd: () => number, rate: number): void {
  const cellsOf = (row: any) => (row.kind === 'categorical' ? row.levels.map((l: any) => l.cells) : [row.cells]);
  for (const row of t.rows) {
    for (const cells of cellsOf(row)) {
      for (const cell of Object.values<any>(cells)) {
        if ('count' in cell && rnd() < rate) {
          const count = Math.floor(rnd() * (cell.count + 1));
          const n = cell.denominator ?? Math.max(count, 1);
          const percent = Math.round((1000 * count) / n) / 10;
          const marks = (cell.marks ?? []).join('');
          Object.assign(cell, { count, percent, printed: `${count} (${percent.toFixed(1)})${marks}` });
        }
        if ('median' in cell && rnd() < rate) {
          const [q1, median, q3] = [cell.q1, cell.median, cell.q3].map((v: number) => Math.round(v * (0.5 + rnd())));
          const [a, b, c] = [q1, median, q3].sort((x, y) => x - y);
          const pct = cell.unit === '%' ? '%' : '';
          Object.assign(cell, { q1: a, median: b, q3: c, printed: `${b}${pct} [${a}${pct}–${c}${pct}]${(cell.marks ?? []).join('')}` });
        }
      }
    }
    if (row.p && row.p.value !== null && rnd() < rate) {
      const value = pick(rnd, [0.001, 0.05, 0.5, 0.999, 1]);
      const marks = (row.p.marks ?? []).join('');
      const text = value === 1 ? '1.000' : String(value);
      Object.assign(row.p, { value: Number(text), printed: `${text}${marks}`, relation: '=' });
    }
  }
}

function editS1(t: any, rnd: () => number, rate: number): void {
  const estimates = t.rows.flatMap((row: any) => (row.kind === 'categorical' ? row.levels.map((l: any) => l.estimate) : [row.estimate]));
  for (const e of estimates) {
    if (e.printed === 'Ref.' || rnd() >= rate) continue;
    const hr = pick(rnd, [0.1, 0.5, 1, 2, 9.99]);
    const lower = Math.round(hr * 0.5 * 100) / 100;
    const upper = Math.round(hr * 2 * 100) / 100;
    Object.assign(e, { hr, lower, upper, printed: `${hr.toFixed(2)} (${lower.toFixed(2)}, ${upper.toFixed(2)})` });
  }
}

function editSurvival(s: any, rnd: () => number, rate: number): void {
  for (const fig of s.figures) {
    for (const group of Object.keys(fig.atRisk)) {
      if (rnd() < rate) fig.atRisk[group] = fig.atRisk[group].map((v: string) => String(Math.floor(rnd() * (Number(v) + 1))));
    }
    if (rnd() < rate) {
      const value = pick(rnd, [0.001, 0.05, 0.5, 0.999]);
      Object.assign(fig.logrankP, { value, printed: String(value) });
    }
  }
}

describe('audit fuzz: schema-valid edits of data/published', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('audit-fuzz-');
  });
  afterAll(() => tmp.remove());

  it('the audit finishes (with findings) on any edited copy that validates', () => {
    let validated = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0.1, 0.3, 0.6), (seed, rate) => {
        // A deterministic stream driven by the fast-check seed.
        const rnd = mulberry32(seed);
        const dir = join(tmp.dir, String(seed));
        cpSync('data/published', dir, { recursive: true });
        const json = Object.fromEntries(FILES.map((f) => [f, JSON.parse(original[f])]));
        for (const f of ['table1.json', 'table2.json', 'table3.json']) editTable(json[f], rnd, rate);
        editS1(json['tableS1.json'], rnd, rate);
        editSurvival(json['survival.json'], rnd, rate);
        for (const f of FILES) writeFileSync(join(dir, f), JSON.stringify(json[f]));
        const published = loadPublished(dir); // throws (fails the property) if an edit broke the schema
        validated++;
        const result = runAudit(published, {});
        expect(result.findings.length).toBeGreaterThan(100);
        expect(result.summary.checked).toBe(result.findings.length);
      }),
      runs(20240501, 8),
    );
    expect(validated).toBeGreaterThanOrEqual(1);
  });
});
