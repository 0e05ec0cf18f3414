/** Shared loaders for the reconstruction tests: the committed files and the targets. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Patient } from '../../../src/io/patients.ts';
import { readPatientsCsv } from '../../../src/io/patients.ts';
import { loadTargets } from '../../../src/reconstruct/targets.ts';
import type { Targets } from '../../../src/reconstruct/targets.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function targets(): Targets {
  return loadTargets(`${ROOT}data/published/survival.json`);
}

export function committedPatients(): Patient[] {
  return readPatientsCsv(`${ROOT}data/reconstructed/patients.csv`);
}

export function committedJson<T = Record<string, unknown>>(name: 'fidelity' | 'ensemble'): T {
  return JSON.parse(readFileSync(`${ROOT}data/reconstructed/${name}.json`, 'utf8')) as T;
}
