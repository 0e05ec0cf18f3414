/**
 * Bad-input corpus for the real-data drop-in (tests/corpus/patients/*.csv placed at
 * data/patients.csv) as `npm run data` reads it: one line on stderr naming the file, row and
 * column, exit code 1, and src/generated/ untouched (hash, size and mtime of every file). Every case
 * runs in-process through `runBuildData` in a temporary project copy; the cases marked `child`
 * also run through the real `npm run data`. The real repo's data/ and src/generated/ are never used.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuildData } from '../../../src/cli/build-data.ts';
import { parsePatientsCsv } from '../../../src/io/patients.ts';
import { CHILD_TEST_TIMEOUT_MS, caseNames, CORPUS, fill, fingerprint, fingerprintDiff, makeProject, patientsInput, readSidecar, runNpm, type PatientsCase } from './harness.ts';

const cases = caseNames('patients').map((name) => ({ name, ...readSidecar<PatientsCase>('patients', name) }));
const BASELINE = readFileSync(join(CORPUS, 'patients/_baseline.csv'));

function runInProcess(root: string) {
  let stdout = '';
  let stderr = '';
  const code = runBuildData([], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, root);
  return { code, stdout, stderr };
}

describe('patients corpus: in-process (runBuildData in a temp project)', () => {
  it('control: the baseline file builds and writes all of src/generated', () => {
    expect(parsePatientsCsv(BASELINE.toString('utf8'), 'baseline').length).toBe(12);
    const project = makeProject({ patients: BASELINE });
    try {
      const before = fingerprint(join(project.root, 'src/generated'));
      const { code, stderr, stdout } = runInProcess(project.root);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^data: wrote 8 files/);
      const changed = fingerprintDiff(before, fingerprint(join(project.root, 'src/generated')));
      expect(changed.sort()).toEqual(['audit.json', 'ensemble.json', 'power.json', 'published.json', 'reconstruction.json', 'site.json', 'uncertainty.json', 'views.json'].map((f) => `changed ${f}`));
      const site = JSON.parse(readFileSync(join(project.root, 'src/generated/site.json'), 'utf8'));
      expect(site).toMatchObject({ reconstructed: false, patientFile: 'data/patients.csv', patients: 12 });
      // Real data: no ensemble, so no pooled intervals or ranges; the numbers are shown as computed.
      expect(readFileSync(join(project.root, 'src/generated/uncertainty.json'), 'utf8')).toBe('null\n');
    } finally {
      project.remove();
    }
  });

  for (const c of cases) {
    it(`${c.name}: ${c.description}`, () => {
      const project = makeProject({ patients: patientsInput(c.name) });
      try {
        const before = fingerprint(project.root);
        const { code, stdout, stderr } = runInProcess(project.root);
        expect(stderr).toBe(`error: ${fill(c.error, { file: join(project.root, 'data/patients.csv') })}\n`);
        expect(code).toBe(1);
        expect(stdout).toBe('');
        expect(fingerprintDiff(before, fingerprint(project.root))).toEqual([]);
      } finally {
        project.remove();
      }
    });
  }

  it('a write that fails part-way leaves every generated file as it was (temp files first, then renames)', () => {
    const project = makeProject({ patients: BASELINE });
    try {
      // A folder where views.json should go: the write of that one file must fail.
      const views = join(project.root, 'src/generated/views.json');
      rmSync(views);
      mkdirSync(views);
      const before = fingerprint(project.root);
      const { code, stdout, stderr } = runInProcess(project.root);
      expect(stderr).toBe(`error: ${views}: cannot write the file (it is a folder, not a regular file)\n`);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(fingerprintDiff(before, fingerprint(project.root))).toEqual([]);
    } finally {
      project.remove();
    }
  });
});

describe('patients corpus: the real `npm run data` in a child process', () => {
  const childCases = cases.filter((c) => c.child);
  it('covers at least two cases', () => expect(childCases.length).toBeGreaterThanOrEqual(2));

  for (const c of childCases) {
    it(`${c.name} (child process)`, async () => {
      const project = makeProject({ patients: patientsInput(c.name), runnable: true });
      try {
        const before = fingerprint(project.root);
        const { code, stdout, stderr } = await runNpm(project.root, 'data');
        expect(stderr).toBe(`error: ${fill(c.error, { file: 'data/patients.csv' })}\n`);
        expect(code).toBe(1);
        expect(stdout).toBe('');
        expect(fingerprintDiff(before, fingerprint(project.root))).toEqual([]);
      } finally {
        project.remove();
      }
    }, CHILD_TEST_TIMEOUT_MS);
  }
});
