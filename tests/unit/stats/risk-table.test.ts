import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../../src/stats/kaplan-meier.ts';
import { riskTable, riskTableFromFit } from '../../../src/stats/risk-table.ts';
import { curveData, expectInputError, loadFixture } from './survival-fixtures.ts';

interface RiskEntry {
  dataset: string;
  curve: string;
  call: string;
  times: number[];
  atRisk: number[];
  events: number[];
  censored: number[];
}

const tables = loadFixture<{ tables: RiskEntry[] }>('risk-table').tables;
const summaries = loadFixture<{ summaries: { dataset: string; curve: string; byConfType: { log: { call: string; nRisk: number[] } } }[] }>('summary').summaries;

describe('riskTable against R counts (tests/fixtures/survival-risk-table.json)', () => {
  for (const entry of tables) {
    const { time, status } = curveData(entry.dataset, entry.curve);
    it(`${entry.dataset} [${entry.curve}]: ${entry.call}`, () => {
      const table = riskTable(time, status, entry.times);
      expect(table).toEqual({ times: entry.times, atRisk: entry.atRisk, events: entry.events, censored: entry.censored });
      for (let i = 0; i < entry.times.length; i++) {
        expect(table.atRisk[i] + table.events[i] + table.censored[i]).toBe(time.length);
      }
    });
    const summary = summaries.find((s) => s.dataset === entry.dataset && s.curve === entry.curve)!.byConfType.log;
    it(`${entry.dataset} [${entry.curve}]: riskTableFromFit at risk = n.risk of ${summary.call}`, () => {
      const table = riskTableFromFit(kaplanMeier(time, status), entry.times);
      expect(table.atRisk).toEqual(summary.nRisk);
      expect(table.atRisk.map((a, i) => a + table.events[i] + table.censored[i])).toEqual(entry.times.map(() => time.length));
    });
    // The fit merges times within √ε (R's aeqSurv); the raw counts do not. They differ only when a
    // requested time falls inside such a run, as in near_ties_2g.
    if (entry.dataset !== 'near_ties_2g') {
      it(`${entry.dataset} [${entry.curve}]: riskTableFromFit(kaplanMeier(...)) gives the raw counts`, () => {
        const table = riskTableFromFit(kaplanMeier(time, status), entry.times);
        expect(table).toEqual({ times: entry.times, atRisk: entry.atRisk, events: entry.events, censored: entry.censored });
      });
    }
  }
});

describe('riskTable: conventions, hand-built', () => {
  // times 1 2 2 3 4 5 5, status 1 0 1 1 0 1 1
  const time = [1, 2, 2, 3, 4, 5, 5];
  const status: (0 | 1)[] = [1, 0, 1, 1, 0, 1, 1];

  it('a patient with an event or censoring exactly at t is still at risk at t; counts before t are cumulative', () => {
    expect(riskTable(time, status, [0, 2, 2.5, 5, 6])).toEqual({
      times: [0, 2, 2.5, 5, 6],
      atRisk: [7, 6, 4, 2, 0],
      events: [0, 1, 2, 3, 5],
      censored: [0, 0, 1, 2, 2],
    });
  });

  it('keeps the order of the requested times', () => {
    expect(riskTable(time, status, [5, 0]).atRisk).toEqual([2, 7]);
  });

  it('input errors', () => {
    expectInputError(() => riskTable(time, status, [1, -1]), 'invalid times at row 2: -1');
    expectInputError(() => riskTable([1, 2], [1], [0]), 'event has 1 values but time has 2');
    expectInputError(() => riskTable([], [], [0]), 'no observations: time is empty');
    expectInputError(() => riskTableFromFit(kaplanMeier(time, status), [Number.NaN]), 'invalid times at row 1: NaN');
  });
});
