import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../src/io/patients.ts';
import { riskTable } from '../../../src/stats/index.ts';
import { ENDPOINTS, GROUPINGS } from '../../../src/reconstruct/targets.ts';
import { committedPatients, targets } from './shared.ts';

const patients = committedPatients();
const t = targets();

function label(p: Patient, grouping: 'calcification' | 'enhancement'): string | null {
  return grouping === 'calcification' ? p.calcification : p.enhancement;
}

describe('data/reconstructed/patients.csv: hard constraints', () => {
  it('has 82 patients, 57 assessed for calcification and 51 for enhancement', () => {
    expect(patients).toHaveLength(82);
    expect(patients.filter((p) => p.calcification !== null)).toHaveLength(57);
    expect(patients.filter((p) => p.enhancement !== null)).toHaveLength(51);
  });

  it('has the published group sizes (45/12; 23/10/18)', () => {
    for (const grouping of GROUPINGS) {
      for (const g of t.groupings[grouping].groups) {
        expect(patients.filter((p) => label(p, grouping) === g.group).length, `${grouping}=${g.group}`).toBe(g.n.value);
      }
    }
  });

  it('reproduces all 40 numbers at risk (riskTable: time ≥ t) exactly', () => {
    let checked = 0;
    for (const grouping of GROUPINGS) {
      for (const endpoint of ENDPOINTS) {
        for (const g of t.groupings[grouping].groups) {
          const members = patients.filter((p) => label(p, grouping) === g.group);
          const time = members.map((p) => (endpoint === 'os' ? p.osMonths : p.rfsMonths));
          const event = members.map((p) => (endpoint === 'os' ? p.osEvent : p.rfsEvent));
          const table = riskTable(time, event, [...t.times]);
          expect(table.atRisk, `${endpoint} ${grouping}=${g.group}`).toEqual(g.atRisk[endpoint].map((x) => x.value));
          checked += t.times.length;
        }
      }
    }
    expect(checked).toBe(40);
  });

  it('has RFS ≤ OS for every patient, and RFS censored at the OS time when there is no recurrence', () => {
    for (const p of patients) {
      expect(p.rfsMonths, p.id).toBeLessThanOrEqual(p.osMonths);
      if (p.rfsEvent === 0) expect(p.rfsMonths, p.id).toBe(p.osMonths);
    }
  });

  it('has a consistent overlap: m ≥ 57 + 51 − 82 in both subcohorts, m − 26 in neither', () => {
    const both = patients.filter((p) => p.calcification !== null && p.enhancement !== null).length;
    const neither = patients.filter((p) => p.calcification === null && p.enhancement === null).length;
    expect(both).toBeGreaterThanOrEqual(26);
    expect(neither).toBe(both - 26);
  });

  it('OS at 60 months: 16 of the enhancement subcohort at risk, 15 of the calcification subcohort, so someone is in the first only', () => {
    const atRisk = patients.filter((p) => p.osMonths >= 60);
    expect(atRisk.filter((p) => p.enhancement !== null)).toHaveLength(16);
    expect(atRisk.filter((p) => p.calcification !== null)).toHaveLength(15);
    expect(atRisk.filter((p) => p.enhancement !== null && p.calcification === null).length).toBeGreaterThanOrEqual(1);
  });

  it('writes months with one decimal and events as 0/1, with the exact header', async () => {
    const { readFileSync } = await import('node:fs');
    const { ROOT } = await import('./shared.ts');
    const lines = readFileSync(`${ROOT}data/reconstructed/patients.csv`, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('id,calcification,enhancement,rfs_months,rfs_event,os_months,os_event');
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^P\d+,(no|yes|),(hypo|hyper|mixed|),\d+\.\d,[01],\d+\.\d,[01]$/);
    }
  });
});
