/**
 * A small ensemble for tests, made from the committed reconstruction (data/reconstructed/patients.csv)
 * by seeded perturbations: each member moves every time by up to ±`jitter` months (rfs ≤ os kept)
 * and swaps the calcification readings of a few pairs of patients. Not a reconstruction: only
 * something with known, controllable spread to test the ensemble code against.
 */
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../../src/lib/mulberry32.ts';
import { parsePatientsCsv, PATIENT_COLUMNS } from '../../src/io/patients.ts';
import type { Patient } from '../../src/io/patients.ts';

export const BASE_PATIENTS: readonly Patient[] = parsePatientsCsv(
  readFileSync(new URL('../../data/reconstructed/patients.csv', import.meta.url), 'utf8'),
  'data/reconstructed/patients.csv',
);

export function perturbedMembers(m: number, seed: number, jitter = 3, swaps = 3): Patient[][] {
  const random = mulberry32(seed);
  const members: Patient[][] = [];
  for (let k = 0; k < m; k++) {
    const ps = BASE_PATIENTS.map((p) => {
      const os = Math.max(0.1, Math.round((p.osMonths + (random() * 2 - 1) * jitter) * 10) / 10);
      const rfs = Math.min(os, Math.max(0.1, Math.round((p.rfsMonths + (random() * 2 - 1) * jitter) * 10) / 10));
      return { ...p, osMonths: os, rfsMonths: rfs };
    });
    const assessed = ps.map((p, i) => (p.calcification !== null ? i : -1)).filter((i) => i >= 0);
    for (let s = 0; s < swaps; s++) {
      const i = assessed[Math.floor(random() * assessed.length)];
      const j = assessed[Math.floor(random() * assessed.length)];
      const ci = ps[i].calcification;
      ps[i] = { ...ps[i], calcification: ps[j].calcification };
      ps[j] = { ...ps[j], calcification: ci };
    }
    members.push(ps);
  }
  return members;
}

/** Members as ensemble.csv text: `member`, then the patients.csv columns. */
export function ensembleCsv(members: readonly (readonly Patient[])[]): string {
  const lines = [['member', ...PATIENT_COLUMNS].join(',')];
  members.forEach((ps, k) => {
    for (const p of ps) {
      lines.push([k + 1, p.id, p.calcification ?? '', p.enhancement ?? '', p.rfsMonths, p.rfsEvent, p.osMonths, p.osEvent].join(','));
    }
  });
  return `${lines.join('\n')}\n`;
}
