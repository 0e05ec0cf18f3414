/**
 * Random small patient files for the drop-in property tests (tests/unit/properties/
 * patients-files.test.ts) and the seeded real builds (tests/e2e/drop-in-random.e2e.ts): valid cell
 * by cell, with any group, any event column and any cell possibly empty.
 */
import fc from 'fast-check';

export const HEADER = 'id,calcification,enhancement,rfs_months,rfs_event,os_months,os_event';

export interface Row {
  readonly calc: '' | 'no' | 'yes';
  readonly enh: '' | 'hypo' | 'hyper' | 'mixed';
  readonly rfs: number;
  readonly extra: number;
  readonly re: 0 | 1;
  readonly oe: 0 | 1;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  calc: fc.constantFrom('', 'no', 'yes'),
  enh: fc.constantFrom('', 'hypo', 'hyper', 'mixed'),
  rfs: fc.integer({ min: 0, max: 1200 }).map((m) => m / 10),
  extra: fc.integer({ min: 0, max: 300 }).map((m) => m / 10),
  re: fc.constantFrom(0 as const, 1 as const),
  oe: fc.constantFrom(0 as const, 1 as const),
});

/**
 * Files of 1–15 rows. A third of them have every event column 0 (all censored), so that "no
 * events" is common; the rest are as drawn, where groups are often missing at these sizes.
 */
export const fileArb: fc.Arbitrary<Row[]> = fc
  .tuple(fc.array(rowArb, { minLength: 1, maxLength: 15 }), fc.nat(2))
  .map(([rows, mode]) => (mode === 0 ? rows.map((r) => ({ ...r, re: 0 as const, oe: 0 as const })) : rows));

export function csv(rows: readonly Row[]): string {
  return `${HEADER}\n${rows.map((r, i) => `P${i + 1},${r.calc},${r.enh},${r.rfs},${r.re},${Math.round((r.rfs + r.extra) * 10) / 10},${r.oe}`).join('\n')}\n`;
}
