import { describe, expect, it } from 'vitest';
import { countPValues, impliedDenominators, multiplicity, plusRows } from '../../../src/components/jc/discussion-data.ts';
import { loadPublished } from '../../../src/published/load.ts';

const published = loadPublished();

describe('discussion numbers from data/published', () => {
  it('Table 2 prints 23 p-values, 3 below 0.05 (ASA 0.017, ECOG 0.049, hypertension 0.039)', () => {
    const t2 = countPValues(published.table2);
    expect(t2.printed).toBe(23);
    expect(t2.notAvailable).toBe(0);
    expect(t2.below.map((b) => b.printed)).toEqual(['0.017*', '0.049*', '0.039*']);
  });

  it('Table 3 prints 18 p-values and 6 N/A; below 0.05: arterial HU <0.001, venous HU 0.004, size 0.046', () => {
    const t3 = countPValues(published.table3);
    expect(t3.printed).toBe(18);
    expect(t3.notAvailable).toBe(6);
    expect(t3.below.map((b) => b.printed)).toEqual(['<0.001', '0.004', '0.046']);
  });

  it('41 true-null tests at 0.05: about 2 false positives expected, 88% chance of at least one', () => {
    const m = multiplicity(41);
    expect(m.expected).toBeCloseTo(2.05, 10);
    expect(m.atLeastOne).toBeCloseTo(1 - 0.95 ** 41, 12);
    expect(m.atLeastOne).toBeGreaterThan(0.87);
  });

  it('GRIM denominators: 12 (15.2%) is 12/79; 12 (21.1%) is 12/57', () => {
    expect(impliedDenominators(12, 15.2, 82)).toEqual([79]);
    expect(impliedDenominators(12, 21.1, 82)).toEqual([57]);
  });

  it('Table 1 "+" rows: grade known for 55, enhancement for 51, calcification for 57 of 82', () => {
    const rows = Object.fromEntries(plusRows(published.table1).map((r) => [r.id, r]));
    expect(rows['primary-grade'].known).toBe(55);
    expect(rows['enhancement'].known).toBe(51);
    expect(rows['calcifications'].known).toBe(57);
    expect(rows['race']).toBeUndefined();
    expect(rows['primary-grade'].cohort).toBe(82);
  });
});
