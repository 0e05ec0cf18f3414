import { describe, expect, it } from 'vitest';
import {
  ALLOCATION_STEPS,
  DEFAULT_SETTINGS,
  HAZARD_RATIO_STEPS,
  allocationLabel,
  comparisonsOfView,
  nearestStep,
  powerRow,
  sampleSize,
} from '../../../src/components/jc/power-lab.ts';
import type { PowerComparison } from '../../../src/components/jc/power-lab.ts';
import { planCellsOf, rowCells, rowCellsOf } from '../../../src/components/jc/power-format.ts';
import { powerForHazardRatio } from '../../../src/stats/survival-power.ts';
import type { SurvivalView } from '../../../src/analysis/site-data.ts';
import { analyseSurvival } from '../../../src/analysis/survival-analysis.ts';

/** A comparison with D events in two equal groups and every patient having an event. */
function balanced(events: number): PowerComparison {
  return {
    id: 'test', grouping: 'g', endpoint: 'os', endpointShort: 'OS', reference: 'a', exposed: 'b',
    referenceLabel: 'A', exposedLabel: 'B', nReference: events / 2, nExposed: events / 2,
    eventsReference: events / 2, eventsExposed: events / 2, events, allocation: 1, eventProportion: 1,
    assessed: events, cohort: events, hazardRatio: null, logrankP: null, limit: null, hrReason: null,
  };
}

describe('power lab against REFERENCES.md (α 0.05 two-sided, power 0.8, 1:1)', () => {
  it('HR 0.75 needs 379.35 events (Schoenfeld) and 384.60 (Freedman): a design rounds up to 380 and 385', () => {
    const s = sampleSize(balanced(50), { ...DEFAULT_SETTINGS, hazardRatio: 0.75, allocation: 1 });
    expect(s.events).toEqual({ schoenfeld: 380, freedman: 385 });
    // event proportion 1: patients = events
    expect(s.patients).toEqual({ schoenfeld: 380, freedman: 385 });
  });

  it('D = 50 events detect HR 0.453 or 2.21 (Schoenfeld)', () => {
    const row = powerRow(balanced(50), { ...DEFAULT_SETTINGS, allocation: 1 });
    expect(row.detectable.schoenfeld.below).toBeCloseTo(0.453, 3);
    expect(row.detectable.schoenfeld.above).toBeCloseTo(2.21, 2);
    // Freedman is more conservative below 1: the detectable HR is further from 1.
    expect(row.detectable.freedman.below!).toBeLessThan(row.detectable.schoenfeld.below!);
  });

  it('the power at the detectable HR is the power asked for (the formulas invert each other)', () => {
    const row = powerRow(balanced(50), { ...DEFAULT_SETTINGS, allocation: 1 });
    const p = powerForHazardRatio({ hazardRatio: row.detectable.schoenfeld.below!, events: 50 });
    expect(p).toBeCloseTo(0.8, 10);
    const pf = powerForHazardRatio({ hazardRatio: row.detectable.freedman.below!, events: 50, method: 'freedman' });
    expect(pf).toBeCloseTo(0.8, 10);
  });

  it('uses the observed allocation unless one is chosen; unequal groups lose power', () => {
    const c = { ...balanced(40), nReference: 45, nExposed: 12, allocation: 12 / 45 };
    const observed = powerRow(c, DEFAULT_SETTINGS);
    const equal = powerRow(c, { ...DEFAULT_SETTINGS, allocation: 1 });
    expect(observed.allocation).toBeCloseTo(12 / 45, 12);
    expect(observed.power.schoenfeld).toBeLessThan(equal.power.schoenfeld);
    expect(observed.detectable.schoenfeld.below!).toBeLessThan(equal.detectable.schoenfeld.below!);
  });

  it('patients = events / observed event proportion, cohort = patients × cohort / assessed', () => {
    const c = { ...balanced(20), nReference: 45, nExposed: 12, events: 20, eventProportion: 20 / 57, assessed: 57, cohort: 82, allocation: 12 / 45 };
    const s = sampleSize(c, DEFAULT_SETTINGS);
    expect(s.patients.schoenfeld).toBe(Math.ceil(s.events.schoenfeld / (20 / 57)));
    expect(s.cohort.schoenfeld).toBe(Math.ceil((s.patients.schoenfeld * 82) / 57));
    expect(s.timesActual).toBeCloseTo(s.patients.schoenfeld / 57, 12);
  });
});

describe('comparisonsOfView', () => {
  const data = {
    time: [5, 8, 12, 20, 22, 30, 31, 40, 41, 50, 6, 9, 15, 28, 33],
    event: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0] as (0 | 1)[],
    group: ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'yes', 'yes', 'yes', 'yes', 'yes'],
  };
  const analysis = analyseSurvival(data, { levels: ['no', 'yes'], reference: 'no' });
  const view = {
    id: 'calcification-os', grouping: 'calcification', endpoint: 'os', endpointShort: 'OS',
    groupLabels: { no: 'No calcifications', yes: 'Calcifications' }, analysis,
  } as unknown as SurvivalView;

  it('counts events per group from the Kaplan–Meier tables and takes HR, CI and p from the analysis', () => {
    const [c] = comparisonsOfView(view, 20);
    expect(c.id).toBe('calcification-os-yes');
    expect([c.nReference, c.nExposed]).toEqual([10, 5]);
    expect([c.eventsReference, c.eventsExposed, c.events]).toEqual([7, 3, 10]);
    expect(c.eventProportion).toBeCloseTo(10 / 15, 12);
    expect(c.allocation).toBeCloseTo(0.5, 12);
    expect([c.assessed, c.cohort]).toEqual([15, 20]);
    expect(c.logrankP).toBe(analysis.logrank!.p);
    expect(c.hazardRatio!.est).toBe(analysis.cox!.terms[0].hr);
    // events equal the log-rank observed counts
    expect(c.eventsReference).toBe(analysis.logrank!.observed.no);
  });
});

describe('slider steps and labels', () => {
  it('HR steps skip 1 and are sorted; allocation steps include 1:1', () => {
    expect(HAZARD_RATIO_STEPS.includes(1)).toBe(false);
    expect([...HAZARD_RATIO_STEPS].sort((a, b) => a - b)).toEqual(HAZARD_RATIO_STEPS);
    expect(ALLOCATION_STEPS[nearestStep(ALLOCATION_STEPS, 1)]).toBe(1);
    expect(HAZARD_RATIO_STEPS[nearestStep(HAZARD_RATIO_STEPS, 0.5)]).toBe(0.5);
    expect(ALLOCATION_STEPS[nearestStep(ALLOCATION_STEPS, 12 / 45)]).toBe(0.25);
  });
  it('allocationLabel(k) reads reference : exposed', () => {
    expect(allocationLabel(1)).toBe('1 : 1');
    expect(allocationLabel(12 / 45)).toBe('3.75 : 1');
    expect(allocationLabel(2)).toBe('1 : 2');
  });
});

describe('power lab with reconstructed data: every number at both ends of the events range', () => {
  const c = balanced(50);
  const rec: PowerComparison = { ...c, reconstructed: { hrRange: '0.9–1.1', note: 'reconstructed: …', logrankP: '0.5', events: { lower: 40, upper: 60 } } };
  it('without a range the cells are the counted ones', () => {
    expect(rowCellsOf(c, DEFAULT_SETTINGS)).toEqual(rowCells(powerRow(c, DEFAULT_SETTINGS)));
  });
  it('with a range, detectable HRs and power span the values at 40 and at 60 events', () => {
    const at = (d: number) => rowCells(powerRow({ ...c, events: d, eventProportion: d / 50 }, DEFAULT_SETTINGS));
    const cells = rowCellsOf(rec, DEFAULT_SETTINGS);
    const [b40, a40] = at(40)['detect-s'].split(' or ');
    const [b60, a60] = at(60)['detect-s'].split(' or ');
    expect(cells['detect-s']).toBe(`${b40}–${b60} or ${a60}–${a40}`);
    expect(cells['power-s']).toBe(`${at(40)['power-s']}–${at(60)['power-s']}`);
  });
  it('the planner gives the events it had as a range, and fewer patients at the end with more events', () => {
    const plan = planCellsOf(rec, DEFAULT_SETTINGS);
    expect(plan['events-actual']).toBe('40–60');
    const [lo, hi] = plan['patients-s'].split('–').map(Number);
    expect(lo).toBeLessThan(hi);
    expect(plan['events-s']).toBe(String(sampleSize(c, DEFAULT_SETTINGS).events.schoenfeld));
  });
});
