import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectableHazardRatio, freedmanEvents, powerForHazardRatio, schoenfeldEvents } from '../../../src/stats/survival-power.ts';
import { expectClose, expectInputError } from '../helpers.ts';

// Fixture: tests/oracle/power.R (the formulas evaluated in R with qnorm/pnorm).
interface Design {
  alpha: number;
  allocation: number;
  sides: 1 | 2;
  call: string;
}
interface PowerFixture {
  events: (Design & { hazardRatio: number; power: number; schoenfeld: number; freedman: number })[];
  detectable: (Design & {
    events: number;
    power: number;
    schoenfeld: { below: number | null; above: number | null };
    freedman: { below: number | null; above: number | null };
  })[];
  power: (Design & { hazardRatio: number; events: number; schoenfeld: number; freedman: number })[];
}
const fixture: PowerFixture = JSON.parse(readFileSync(new URL('../../fixtures/power.json', import.meta.url), 'utf8'));


describe('events needed (tests/oracle/power.R)', () => {
  for (const e of fixture.events) {
    it(e.call, () => {
      const input = { hazardRatio: e.hazardRatio, alpha: e.alpha, power: e.power, allocation: e.allocation, sides: e.sides };
      expectClose(schoenfeldEvents(input), e.schoenfeld, 1e-6, 'Schoenfeld');
      expectClose(freedmanEvents(input), e.freedman, 1e-6, 'Freedman');
    });
  }
});

describe('detectable hazard ratio (tests/oracle/power.R)', () => {
  for (const e of fixture.detectable) {
    it(e.call, () => {
      const input = { events: e.events, alpha: e.alpha, power: e.power, allocation: e.allocation, sides: e.sides };
      const s = detectableHazardRatio({ ...input, method: 'schoenfeld' });
      const f = detectableHazardRatio({ ...input, method: 'freedman' });
      expectClose(s.below, e.schoenfeld.below, 1e-6, 'Schoenfeld below');
      expectClose(s.above, e.schoenfeld.above, 1e-6, 'Schoenfeld above');
      expectClose(f.below, e.freedman.below, 1e-6, 'Freedman below');
      expectClose(f.above, e.freedman.above, 1e-6, 'Freedman above');
    });
  }
});

describe('power for a hazard ratio (tests/oracle/power.R)', () => {
  for (const e of fixture.power) {
    it(e.call, () => {
      const input = { hazardRatio: e.hazardRatio, events: e.events, alpha: e.alpha, allocation: e.allocation, sides: e.sides };
      expectClose(powerForHazardRatio({ ...input, method: 'schoenfeld' }), e.schoenfeld, 1e-6, 'Schoenfeld');
      expectClose(powerForHazardRatio({ ...input, method: 'freedman' }), e.freedman, 1e-6, 'Freedman');
    });
  }
});

describe('REFERENCES.md checks (α 0.05 two-sided, 80% power, 1:1)', () => {
  it('HR 0.75 needs 379.35 events (Schoenfeld) and 384.60 (Freedman)', () => {
    expect(Math.abs(schoenfeldEvents({ hazardRatio: 0.75 }) - 379.35)).toBeLessThan(0.005);
    expect(Math.abs(freedmanEvents({ hazardRatio: 0.75 }) - 384.6)).toBeLessThan(0.005);
  });
  it('50 events detect HR 0.453 or 2.21', () => {
    const { below, above } = detectableHazardRatio({ events: 50 });
    expect(Math.abs((below as number) - 0.453)).toBeLessThan(0.0005);
    expect(Math.abs((above as number) - 2.21)).toBeLessThan(0.005);
  });
});

describe('consistency', () => {
  it('power of the events a formula asks for is the requested power', () => {
    for (const power of [0.8, 0.9]) {
      for (const hr of [0.6, 1.4]) {
        for (const allocation of [1, 2]) {
          const events = schoenfeldEvents({ hazardRatio: hr, power, allocation });
          expectClose(powerForHazardRatio({ hazardRatio: hr, events, allocation }), power, 1e-12);
          const eventsF = freedmanEvents({ hazardRatio: hr, power, allocation });
          expectClose(powerForHazardRatio({ hazardRatio: hr, events: eventsF, allocation, method: 'freedman' }), power, 1e-12);
        }
      }
    }
  });
  it('the detectable hazard ratios need exactly the given events', () => {
    const { below, above } = detectableHazardRatio({ events: 120, allocation: 2, method: 'freedman' });
    expectClose(freedmanEvents({ hazardRatio: below as number, allocation: 2 }), 120, 1e-12);
    expectClose(freedmanEvents({ hazardRatio: above as number, allocation: 2 }), 120, 1e-12);
  });
  it('HR and 1/HR need the same Schoenfeld events; one-sided needs fewer', () => {
    expectClose(schoenfeldEvents({ hazardRatio: 0.8 }), schoenfeldEvents({ hazardRatio: 1.25 }), 1e-12);
    expect(schoenfeldEvents({ hazardRatio: 0.8, sides: 1 })).toBeLessThan(schoenfeldEvents({ hazardRatio: 0.8 }));
  });
  it('Freedman with too few events detects no HR (null, not NaN)', () => {
    expect(detectableHazardRatio({ events: 5, method: 'freedman' })).toEqual({ below: null, above: null });
  });
});

describe('validation errors (one line)', () => {
  it('hazard ratio of 1', () =>
    expectInputError(() => schoenfeldEvents({ hazardRatio: 1 }), 'invalid hazardRatio: 1 (expected a positive number other than 1)'));
  it('negative hazard ratio', () =>
    expectInputError(() => freedmanEvents({ hazardRatio: -0.5 }), 'invalid hazardRatio: -0.5 (expected a positive number other than 1)'));
  it('alpha out of range', () =>
    expectInputError(() => schoenfeldEvents({ hazardRatio: 0.7, alpha: 5 }), 'invalid alpha: 5 (expected a number between 0 and 1)'));
  it('power out of range', () =>
    expectInputError(() => schoenfeldEvents({ hazardRatio: 0.7, power: 80 }), 'invalid power: 80 (expected a number between 0 and 1)'));
  it('allocation not positive', () =>
    expectInputError(() => schoenfeldEvents({ hazardRatio: 0.7, allocation: 0 }), 'invalid allocation: 0 (expected a positive number)'));
  it('sides not 1 or 2', () =>
    expectInputError(() => schoenfeldEvents({ hazardRatio: 0.7, sides: 3 as 2 }), 'invalid sides: 3 (expected 1 or 2)'));
  it('events not positive', () => expectInputError(() => detectableHazardRatio({ events: 0 }), 'invalid events: 0 (expected a positive number)'));
  it('unknown method', () =>
    expectInputError(() => powerForHazardRatio({ hazardRatio: 0.7, events: 50, method: 'lachin' as 'freedman' }), 'invalid method: lachin (expected "schoenfeld" or "freedman")'));
});
