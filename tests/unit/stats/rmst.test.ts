import { describe, expect, it } from 'vitest';
import { rmst, rmstCompare } from '../../../src/stats/rmst.ts';
import { expectClose } from '../helpers.ts';
import { curveData, dataset, expectInputError, loadFixture } from './survival-fixtures.ts';

interface Arm {
  group: string;
  call: string;
  est: number;
  se: number;
  lower: number;
  upper: number;
}
interface RmstCase {
  dataset: string;
  tau: number;
  groups: string[];
  arms: Arm[];
  call?: string;
  difference?: { est: number; se: number; lower: number; upper: number; p: number };
  ratio?: { est: number; seLog: number; lower: number; upper: number; p: number };
}

const cases = loadFixture<{ cases: RmstCase[] }>('rmst').cases;

function expectFieldsClose(actual: Record<string, unknown>, expected: Record<string, unknown>, label: string): void {
  for (const key of Object.keys(expected)) {
    if (typeof expected[key] !== 'number') continue;
    const e = expected[key] as number;
    // An SE that is exactly 0 in exact arithmetic can be ~1e-17 in either implementation.
    if (Math.abs(e) < 1e-12) expect(Math.abs(actual[key] as number), `${label} ${key}`).toBeLessThan(1e-10);
    else expectClose(actual[key] as number, e, 1e-6, `${label} ${key}`);
  }
}

describe('rmst against survival rmean and survRM2 rmst1/rmst2 (tests/fixtures/survival-rmst.json)', () => {
  for (const c of cases) {
    for (const arm of c.arms) {
      it(`${c.dataset}, tau = ${c.tau}: ${arm.call}`, () => {
        const { time, status } = curveData(c.dataset, arm.group);
        const r = rmst(time, status, c.tau);
        expect(r.tau).toBe(c.tau);
        expectFieldsClose(r as unknown as Record<string, unknown>, arm as unknown as Record<string, unknown>, arm.group);
      });
    }
    if (c.difference && c.ratio) {
      it(`${c.dataset}, tau = ${c.tau}: ${c.call}`, () => {
        const d = dataset(c.dataset);
        const r = rmstCompare(d.time, d.status, d.group, c.tau, { levels: c.groups });
        expect(r.groups).toEqual(c.groups);
        expectFieldsClose(r.difference as unknown as Record<string, unknown>, c.difference!, 'difference');
        expectFieldsClose(r.ratio as unknown as Record<string, unknown>, c.ratio!, 'ratio');
      });
    }
  }
});

describe('rmst: published numbers (REFERENCES.md)', () => {
  it('aml, τ = 40: Maintained 28.8977 (SE 3.46758), Nonmaintained 21.9306 (SE 3.83564); difference 6.9672, SE 5.1707, p 0.1778', () => {
    const d = dataset('aml');
    const r = rmstCompare(d.time, d.status, d.group, 40);
    expect(r.groups).toEqual(['Maintained', 'Nonmaintained']);
    expect(Math.abs(r.arms[0].est - 28.8977)).toBeLessThan(5e-5);
    expect(Math.abs(r.arms[0].se - 3.46758)).toBeLessThan(5e-6);
    expect(Math.abs(r.arms[1].est - 21.9306)).toBeLessThan(5e-5);
    expect(Math.abs(r.arms[1].se - 3.83564)).toBeLessThan(5e-6);
    expect(Math.abs(r.difference.est - 6.9672)).toBeLessThan(5e-5);
    expect(Math.abs(r.difference.se - 5.1707)).toBeLessThan(5e-5);
    expect(Math.abs((r.difference.p as number) - 0.1778)).toBeLessThan(5e-5);
  });
});

describe('rmst: hand-built and errors', () => {
  it('no events: RMST = τ with SE 0; one event: area of the steps', () => {
    expect(rmst([5, 6], [0, 0], 4)).toMatchObject({ est: 4, se: 0 });
    // S = 1 on [0, 2), 0.5 on [2, 4]: area 2 + 1 = 3; Var = (∫_2^4 S)² · 1/(2·1) = 1/2
    const r = rmst([2, 4], [1, 0], 4);
    expect(r.est).toBe(3);
    expectClose(r.se, Math.sqrt(0.5), 1e-12);
  });
  const t = curveData('aml', '(all)');
  const d = dataset('aml');
  it('tau must be positive and finite', () => {
    expectInputError(() => rmst(t.time, t.status, 0), 'invalid tau: 0 (must be a positive number)');
    expectInputError(() => rmst(t.time, t.status, -1), 'invalid tau: -1 (must be a positive number)');
    expectInputError(() => rmst(t.time, t.status, Number.NaN), 'invalid tau: NaN (must be a positive number)');
  });
  it('tau beyond the follow-up', () => {
    expectInputError(() => rmst(t.time, t.status, 200), 'tau = 200 is beyond the largest follow-up time (161)');
    expectInputError(() => rmstCompare(d.time, d.status, d.group, 100), 'tau = 100 is beyond the largest follow-up time of group "Nonmaintained" (45)');
  });
  it('exactly two groups', () => {
    const v = dataset('veteran_celltype');
    expectInputError(() => rmstCompare(v.time, v.status, v.group, 10), 'the RMST comparison needs exactly 2 groups, but the data have 4 ("adeno", "large", "smallcell", "squamous")');
  });
  it('confLevel', () => {
    expectInputError(() => rmst(t.time, t.status, 10, { confLevel: 1 }), 'invalid confLevel: 1 (must be between 0 and 1)');
  });
});
