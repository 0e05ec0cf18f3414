// Calibration (src/audit/calibration.ts, `npm run validate:audit`) on the tables of
// tests/oracle/audit-calibration.R: R's colon, lung and pbc printed under each convention, with R's own
// fisher.test / chisq.test, and copies with one seeded error each. One test per benign mechanism: the
// clean tables printed with it have no inconsistent finding, and the audit names it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate, type CalibrationFixture } from '../../../src/audit/calibration.ts';
import { auditTableFile, parseTableFile } from '../../../src/audit/table-file/audit-table-file.ts';
import type { BenignMechanism } from '../../../src/audit/types.ts';

const fixture = JSON.parse(readFileSync('tests/fixtures/audit-calibration.json', 'utf8')) as CalibrationFixture;
const audited = fixture.clean.map((c) => ({ ...c, result: auditTableFile(parseTableFile(c.table, c.id)) }));

describe('npm run validate:audit targets', () => {
  const report = calibrate(fixture);
  it('no inconsistent finding on any clean table, under every convention', () => {
    expect(report.clean.tables).toBeGreaterThanOrEqual(35);
    expect(report.clean.examples).toEqual([]);
    expect(report.clean.inconsistent).toBe(0);
  });
  it('at least 95% of seeded errors found at their row and column, for every error type', () => {
    expect(report.seeded.tables).toBeGreaterThanOrEqual(90);
    expect(report.seeded.sensitivity).toBeGreaterThanOrEqual(0.95);
    expect(Object.keys(report.seeded.byError).sort()).toEqual(
      ['count-not-total', 'other-cell-percentage', 'p-from-other-row', 'p-other-test', 'pooled-median', 'transposed-digits', 'wrong-denominator'],
    );
  });
});

describe('each benign mechanism, on tables R printed with it', () => {
  const named = (percent: string, m: BenignMechanism) =>
    audited.filter((c) => c.percent === percent).flatMap((c) => c.result.findings).filter((f) => f.explainedBy.includes(m));
  const clean = (pred: (c: (typeof audited)[number]) => boolean) =>
    audited.filter(pred).flatMap((c) => c.result.findings).filter((f) => f.verdict === 'inconsistent');
  const cases: [string, BenignMechanism][] = [
    ['truncation', 'truncation'],
    ['double-rounding', 'double-rounding'],
    ['whole-percent', 'whole-percent'],
    ['largest-remainder', 'largest-remainder'],
    ['adjusted-to-100', 'adjusted-to-100'],
  ];
  for (const [percent, m] of cases) {
    it(`${percent}: named, never inconsistent`, () => {
      expect(named(percent, m).length).toBeGreaterThan(0);
      expect(clean((c) => c.percent === percent)).toEqual([]);
    });
  }
  it('half-up (integer arithmetic in R) and half-even (R sprintf): plain rounding, never inconsistent', () => {
    expect(clean((c) => c.percent === 'half-up' || c.percent === 'half-even')).toEqual([]);
  });
  it('missing-data denominators (rows with NA, marked +): named', () => {
    expect(audited.flatMap((c) => c.result.findings).some((f) => f.explainedBy.includes('missing-data-denominator'))).toBe(true);
  });
  for (const test of ['appropriate', 'fisher', 'pearson', 'lr', 'midp']) {
    it(`P values by ${test} (R: fisher.test, chisq.test, G and mid-p from dhyper/pchisq) match the test the legend names`, () => {
      const ps = audited.filter((c) => c.test === test).flatMap((c) => c.result.findings).filter((f) => f.check === 'categorical-p');
      expect(ps.length).toBeGreaterThan(5);
      expect(ps.every((f) => f.verdict === 'consistent')).toBe(true);
    });
  }
  it('one-sided Fisher P values (R: fisher.test(m, alternative = "less" / "greater"), the smaller) printed where the legend names Fisher: another test, never inconsistent', () => {
    const ps = audited.filter((c) => c.test === 'one-sided').flatMap((c) => c.result.findings).filter((f) => f.check === 'categorical-p');
    expect(ps.some((f) => f.explainedBy.includes('one-sided-test'))).toBe(true);
    expect(ps.every((f) => f.verdict === 'consistent' || (f.verdict === 'consistent-other-test' && f.explainedBy.includes('one-sided-test')))).toBe(true);
  });
  it('another usual test than the legend names (seeded: χ² printed where Fisher is named, or the reverse) is flagged as such', () => {
    const seeded = fixture.seeded.filter((s) => s.error === 'p-other-test');
    for (const s of seeded) {
      const f = auditTableFile(parseTableFile(s.table, s.id)).findings.find((x) => x.location.row === s.at.row && x.location.column === 'p')!;
      expect(f.verdict, s.id).toBe('consistent-other-test');
      expect(f.explainedBy).toEqual(['other-test']);
    }
  });
});
