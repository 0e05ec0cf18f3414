import { describe, expect, it } from 'vitest';
import { KM_CSV_HEADER, RISK_CSV_HEADER, csvField, kmTableCsv, riskTableCsv } from '../../../src/charts/km-csv.ts';
import { syntheticView } from './synthetic.ts';

describe('km-csv', () => {
  const view = syntheticView('calcification', 'os');
  it('kmTableCsv: header and one row per group and distinct time, full precision', () => {
    const lines = kmTableCsv(view).trimEnd().split('\r\n');
    expect(lines[0]).toBe(KM_CSV_HEADER.join(','));
    const rows = view.analysis.groups.reduce((n, g) => n + view.analysis.km[g].time.length, 0);
    expect(lines.length).toBe(1 + rows);
    const first = lines[1].split(',');
    const c = view.analysis.km.no;
    expect(first.slice(0, 3)).toEqual(['no', 'No calcifications', String(c.time[0])]);
    expect(Number(first[6])).toBe(c.surv[0]);
  });
  it('riskTableCsv: at risk, censored and events at each tick, equal to the analysis risk table', () => {
    const lines = riskTableCsv(view, [0, 20, 40, 60]).trimEnd().split('\r\n');
    expect(lines[0]).toBe(RISK_CSV_HEADER.join(','));
    expect(lines.length).toBe(1 + 2 * 4);
    const table = view.analysis.riskTable.groups.yes;
    expect(lines[5]).toBe(`yes,Calcifications,0,${table.atRisk[0]},${table.censored[0]},${table.events[0]}`);
  });
  it('csvField quotes commas and quotes, and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
  });
});
