import { describe, expect, it } from 'vitest';
import { crosshairStops, dataTableRows, eventTimes, riskAt, stepPoints, valueAt } from '../../../src/charts/km-data.ts';
import { syntheticView } from './synthetic.ts';

describe('km-data readers', () => {
  const view = syntheticView('enhancement', 'rfs');
  const a = view.analysis;

  it('riskAt reads the analysis risk table and refuses a time the data step did not compute', () => {
    for (const g of a.groups) {
      const table = a.riskTable.groups[g];
      a.riskTable.times.forEach((t, k) => {
        const r = riskAt(view, g, t);
        expect(r).toEqual({ atRisk: table.atRisk[k], events: table.events[k], censored: table.censored[k] });
        expect(r.atRisk + r.events + r.censored).toBe(a.groupSizes[g]);
      });
    }
    expect(() => riskAt(view, a.groups[0], 17.5)).toThrow(/no risk-table counts for .* at 17.5 months/);
  });

  it('valueAt reads at risk off the fit with the same "time ≥ t" rule as the risk table', () => {
    for (const g of a.groups) {
      a.riskTable.times.forEach((t, k) => {
        const v = valueAt(a.km[g], t);
        if (v) expect(v.atRisk).toBe(a.riskTable.groups[g].atRisk[k]);
      });
    }
  });

  it('valueAt(curve, t) is the step value at the last time ≤ t, and null after the last time', () => {
    const c = a.km[a.groups[0]];
    expect(valueAt(c, 0)).toMatchObject({ s: 1, lower: 1, upper: 1, atRisk: a.groupSizes[a.groups[0]] });
    const i = c.nEvent.findIndex((d) => d > 0);
    expect(valueAt(c, c.time[i])?.s).toBe(c.surv[i]);
    expect(valueAt(c, c.time[i])?.atRisk).toBe(c.nRisk[i]);
    expect(valueAt(c, c.time[c.time.length - 1] + 1)).toBeNull();
  });

  it('stepPoints starts at (0, 1), is clipped at tMax and ends at the curve end', () => {
    const c = a.km[a.groups[0]];
    const p = stepPoints(c, 40);
    expect(p[0]).toEqual({ t: 0, s: 1, lower: 1, upper: 1 });
    expect(p.every((q) => q.t <= 40)).toBe(true);
    expect(p[p.length - 1].t).toBe(Math.min(40, c.time[c.time.length - 1]));
  });

  it('crosshairStops are 0, the event times and the end, ascending and unique', () => {
    const stops = crosshairStops(view, 60);
    expect(stops[0]).toBe(0);
    expect(new Set(stops).size).toBe(stops.length);
    expect([...stops].sort((x, y) => x - y)).toEqual(stops);
    for (const t of eventTimes(view, 60)) expect(stops).toContain(t);
  });

  it('dataTableRows holds the ticks and every event time, with the at-risk numbers of R', () => {
    const g = a.groups[1];
    const rows = dataTableRows(a.km[g], [0, 20, 40, 60]);
    expect(rows.filter((r) => r.tick).map((r) => r.t)).toEqual([0, 20, 40, 60]);
    const events = a.km[g].time.filter((_, i) => a.km[g].nEvent[i] > 0);
    for (const t of events) expect(rows.some((r) => r.t === t && r.events > 0)).toBe(true);
  });
});
