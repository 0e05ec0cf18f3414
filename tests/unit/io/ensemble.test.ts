import { describe, expect, it } from 'vitest';
import { parseEnsembleCsv, readEnsembleCsv } from '../../../src/io/ensemble.ts';
import { expectInputError } from '../helpers.ts';
import { BASE_PATIENTS, ensembleCsv, perturbedMembers } from '../ensemble-fixture.ts';

const F = 'ensemble.csv';
const HEADER = 'member,id,calcification,enhancement,rfs_months,rfs_event,os_months,os_event';
const row = (member: number | string, id: string, rest = 'no,hypo,10,1,12,0') => `${member},${id},${rest}`;
const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;

describe('parseEnsembleCsv', () => {
  it('reads a perturbed ensemble back member by member', () => {
    const members = perturbedMembers(4, 7);
    const read = parseEnsembleCsv(ensembleCsv(members), F);
    expect(read.length).toBe(4);
    expect(read.map((m) => m.length)).toEqual([BASE_PATIENTS.length, BASE_PATIENTS.length, BASE_PATIENTS.length, BASE_PATIENTS.length]);
    expect(read[2]).toEqual(members[2]);
  });

  it('reads the committed ensemble (data/reconstructed/ensemble.csv)', () => {
    const members = readEnsembleCsv('data/reconstructed/ensemble.csv');
    expect(members.length).toBeGreaterThanOrEqual(2);
    for (const m of members) expect(m.length).toBe(BASE_PATIENTS.length);
  });

  it('refuses other columns, naming them', () => {
    expectInputError(
      () => parseEnsembleCsv('id,member,calcification,enhancement,rfs_months,rfs_event,os_months,os_event\nP1,1,no,hypo,1,1,2,1\n', F),
      'ensemble.csv: column 1 is "id" where "member" is expected (the columns must be member,id,calcification,enhancement,rfs_months,rfs_event,os_months,os_event)',
    );
    expectInputError(
      () => parseEnsembleCsv(`${HEADER},note\n${row(1, 'P1')},x\n`, F),
      'ensemble.csv: column 9 is "note" where no further column is expected (the columns must be member,id,calcification,enhancement,rfs_months,rfs_event,os_months,os_event)',
    );
    expectInputError(
      () => parseEnsembleCsv('member,id,calcification\n1,P1,no\n', F),
      'ensemble.csv: column 4 is missing where "enhancement" is expected (the columns must be member,id,calcification,enhancement,rfs_months,rfs_event,os_months,os_event)',
    );
  });

  it('refuses a member that is not a whole number ≥ 1', () => {
    expectInputError(() => parseEnsembleCsv(csv(row(1, 'P1'), row('1.5', 'P2')), F), 'ensemble.csv: invalid member at row 2, column "member": "1.5" (expected a whole number ≥ 1)');
    expectInputError(() => parseEnsembleCsv(csv(row(0, 'P1')), F), 'ensemble.csv: invalid member at row 1, column "member": "0" (expected a whole number ≥ 1)');
  });

  it('refuses a gap in the numbering, and a member whose rows are split', () => {
    expectInputError(
      () => parseEnsembleCsv(csv(row(1, 'P1'), row(3, 'P1')), F),
      'ensemble.csv: invalid member at row 2, column "member": 3 (members must be numbered 1, 2, … in order; expected 1 or 2)',
    );
    expectInputError(
      () => parseEnsembleCsv(csv(row(1, 'P1'), row(2, 'P1'), row(1, 'P2')), F),
      'ensemble.csv: invalid member at row 3, column "member": 1 (member 1\'s rows must be together; member 2 has begun)',
    );
  });

  it('refuses an id twice in one member, but not once in each', () => {
    expect(parseEnsembleCsv(csv(row(1, 'P1'), row(2, 'P1')), F).length).toBe(2);
    expectInputError(
      () => parseEnsembleCsv(csv(row(1, 'P1'), row(1, 'P1')), F),
      'ensemble.csv: duplicated patient id at row 2, column "id": "P1" (already in member 1 at row 1)',
    );
    expectInputError(() => parseEnsembleCsv(csv(row(1, '')), F), 'ensemble.csv: invalid patient id at row 1, column "id": "" (every row needs a patient id)');
  });

  it('refuses a single member and members of different sizes', () => {
    expectInputError(() => parseEnsembleCsv(csv(row(1, 'P1'), row(1, 'P2')), F), 'ensemble.csv: a single member: the spread between reconstructions needs at least 2');
    expectInputError(
      () => parseEnsembleCsv(csv(row(1, 'P1'), row(1, 'P2'), row(2, 'P1')), F),
      'ensemble.csv: invalid member at row 3, column "member": member 2 has 1 patients, member 1 has 2 (every reconstruction holds the whole cohort)',
    );
  });

  it('checks every cell as the patients file does, with the row of the whole file', () => {
    expectInputError(
      () => parseEnsembleCsv(csv(row(1, 'P1'), row(2, 'P1', 'no,hypo,14,1,12,0')), F),
      'ensemble.csv: invalid rfs_months at row 2, column "rfs_months": 14 is later than os_months 12 (recurrence-free time cannot exceed overall survival time)',
    );
    expectInputError(
      () => parseEnsembleCsv(csv(row(1, 'P1'), row(2, 'P1', 'maybe,hypo,10,1,12,0')), F),
      'ensemble.csv: invalid calcification at row 2, column "calcification": "maybe" (expected no, yes or empty)',
    );
  });
});
