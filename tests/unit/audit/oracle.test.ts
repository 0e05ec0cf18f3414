// The audit's contingency tables against R (tests/oracle/audit.R → tests/fixtures/audit-tables.json):
// fisher.test(m), fisher.test(m, alternative = "less" / "greater"), chisq.test(m, correct = FALSE / TRUE), mid-p from dhyper, G from pchisq.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testTable } from '../../../src/audit/check-categorical-p.ts';
import { exportTables, TABLES_INPUT } from '../../../src/audit/export-tables.ts';
import { fisherOneSided } from '../../../src/audit/fisher-one-sided.ts';
import { expectClose } from '../helpers.ts';
import { published } from './shared.ts';

interface RTest {
  readonly p: number | null;
}
interface RTable {
  readonly id: string;
  readonly variant: string;
  readonly counts: number[][];
  readonly fisher: RTest;
  readonly chisq: RTest;
  readonly chisqYates?: RTest;
  readonly fisherOneSided?: { less: number; greater: number; smaller: number };
  readonly fisherMidP?: RTest;
  readonly likelihoodRatio?: RTest;
}

const fixture = JSON.parse(readFileSync('tests/fixtures/audit-tables.json', 'utf8')) as { tables: RTable[] };

const same3 = (a: number | null, b: number | null) => expect(a === null ? null : a.toFixed(3)).toBe(b === null ? null : b.toFixed(3));

describe('oracle input', () => {
  it(`${TABLES_INPUT} is exactly what the audit builds now (regenerate: npx tsx src/audit/export-tables.ts)`, () => {
    expect(readFileSync(TABLES_INPUT, 'utf8')).toBe(exportTables(published));
  });
  it('R tested the same tables, in the same order', () => {
    const input = JSON.parse(readFileSync(TABLES_INPUT, 'utf8')) as { tables: { id: string; variant: string; counts: number[][] }[] };
    expect(fixture.tables.map((t) => [t.id, t.variant, t.counts])).toEqual(input.tables.map((t) => [t.id, t.variant, t.counts]));
  });
});

describe('Fisher and χ² P values equal R to 3 decimals and 1e-6 relative', () => {
  it.each(fixture.tables.map((t) => [`${t.id} (${t.variant})`, t] as const))('%s', (_name, t) => {
    const ps = testTable(t.counts);
    same3(ps.fisher, t.fisher.p);
    expectClose(ps.fisher, t.fisher.p, 1e-6, 'fisher');
    same3(ps.chisq, t.chisq.p);
    expectClose(ps.chisq, t.chisq.p, 1e-6, 'chisq');
    if (t.chisqYates) {
      same3(ps.chisqYates ?? null, t.chisqYates.p);
      expectClose(ps.chisqYates, t.chisqYates.p, 1e-6, 'chisqYates');
    }
    // Mid-p (2 × 2) and the likelihood-ratio test: the "other usual tests" the audit accepts as benign.
    if (t.fisherMidP) expectClose(ps.fisherMidP, t.fisherMidP.p, 1e-6, 'fisherMidP');
    if (t.likelihoodRatio) {
      if (t.likelihoodRatio.p === null) expect(ps.likelihoodRatio).toBeNull();
      else expectClose(ps.likelihoodRatio, t.likelihoodRatio.p, 1e-6, 'likelihoodRatio');
    }
    if (t.fisherOneSided) {
      const one = fisherOneSided(t.counts);
      expectClose(one.less, t.fisherOneSided.less, 1e-6, 'less');
      expectClose(one.greater, t.fisherOneSided.greater, 1e-6, 'greater');
      expectClose(ps.fisherOneSided, t.fisherOneSided.smaller, 1e-6, 'smaller');
    }
  });
});
