/**
 * Bad-input corpus for data/published (and data/reconstructed): each case in
 * tests/corpus/published/ is a small edit (JSON Patch, text edit or whole contents) of one real file,
 * applied to a copy in a temporary project. `npm run audit` and `npm run data` must each stop with one
 * line naming the file and the JSON path (or line and column for broken JSON), exit code 1, and write
 * nothing. Every listed entry point runs in-process; the one named in `child` also runs as the real
 * npm script in a child process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAuditCli } from '../../../src/cli/audit.ts';
import { runBuildData } from '../../../src/cli/build-data.ts';
import { CHILD_TEST_TIMEOUT_MS, CORPUS, caseNames, editedText, fill, fingerprint, fingerprintDiff, makeProject, readSidecar, runNpm, type PublishedCase } from './harness.ts';

const cases = caseNames('published').map((name) => ({ name, ...readSidecar<PublishedCase>('published', name) }));
const BASELINE_PATIENTS = readFileSync(join(CORPUS, 'patients/_baseline.csv'));

/** A temp project holding the case's edited file; the real data/patients.csv stand-in unless the case edits the reconstruction. */
function project(c: PublishedCase, runnable = false) {
  const reconstructed = (c.dir ?? 'data/published') === 'data/reconstructed';
  const p = makeProject(reconstructed ? { reconstructed: true, runnable } : { patients: BASELINE_PATIENTS, runnable });
  const edit = editedText(c);
  writeFileSync(join(p.root, c.dir ?? 'data/published', c.file), edit.text);
  const expected = (dir: string) => `error: ${fill(c.error, { dir, line: edit.line ?? '{line}', column: edit.column ?? '{column}' })}\n`;
  return { ...p, expected, dirName: c.dir ?? 'data/published' };
}

function io() {
  const r = { stdout: '', stderr: '' };
  return { r, io: { stdout: (t: string) => (r.stdout += t), stderr: (t: string) => (r.stderr += t) } };
}

describe('published corpus: in-process (runAuditCli, runBuildData in a temp project)', () => {
  it('has cases for both entry points', () => {
    expect(cases.filter((c) => c.entry.includes('audit')).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.entry.includes('data')).length).toBeGreaterThanOrEqual(10);
  });

  // `npm run data` in a child process: it pools all 200 reconstructions (about 30 s), and a test
  // worker busy for a minute without yielding (easily, on a loaded machine) makes vitest's own
  // messages time out. The edited cases below stay in-process (each stops early).
  it('control: the unedited project (the reconstruction, no data/patients.csv) builds and audits', async () => {
    const p = makeProject({ reconstructed: true, runnable: true });
    try {
      const data = await runNpm(p.root, 'data');
      expect(data.stderr).toBe('');
      expect(data.code).toBe(0);
      const site = JSON.parse(readFileSync(join(p.root, 'src/generated/site.json'), 'utf8'));
      expect(site).toMatchObject({ reconstructed: true, patientFile: 'data/reconstructed/patients.csv' });
      expect(JSON.parse(readFileSync(join(p.root, 'src/generated/ensemble.json'), 'utf8'))).not.toBeNull();
      const uncertainty = JSON.parse(readFileSync(join(p.root, 'src/generated/uncertainty.json'), 'utf8'));
      expect(uncertainty).toMatchObject({ file: 'data/reconstructed/ensemble.csv' });
      expect(uncertainty.members).toBeGreaterThanOrEqual(2);
      const audit = io();
      const dir = join(p.root, 'data');
      expect(runAuditCli(['--dir', join(dir, 'published'), '--fidelity', join(dir, 'reconstructed/fidelity.json'), '--json'], audit.io)).toBe(0);
      expect(JSON.parse(audit.r.stdout).findings.length).toBeGreaterThan(100);
    } finally {
      p.remove();
    }
  }, CHILD_TEST_TIMEOUT_MS);

  for (const c of cases) {
    for (const entry of c.entry) {
      it(`${c.name} → npm run ${entry}: ${c.description}`, () => {
        const p = project(c);
        try {
          const before = fingerprint(p.root);
          const { r, io: cli } = io();
          const dir = join(p.root, p.dirName);
          let code: number;
          if (entry === 'audit') {
            const fidelity = p.dirName === 'data/reconstructed' ? ['--fidelity', join(dir, 'fidelity.json')] : [];
            code = runAuditCli(['--dir', join(p.root, 'data/published'), ...fidelity], cli);
          } else {
            code = runBuildData([], cli, p.root);
          }
          expect(r.stderr).toBe(p.expected(dir));
          expect(code).toBe(1);
          expect(r.stdout).toBe('');
          expect(fingerprintDiff(before, fingerprint(p.root))).toEqual([]);
        } finally {
          p.remove();
        }
      });
    }
  }
});

describe('published corpus: the real npm scripts in a child process', () => {
  const childCases = cases.filter((c) => c.child);
  it('runs both `npm run audit` and `npm run data`', () => {
    expect(new Set(childCases.map((c) => c.child))).toEqual(new Set(['audit', 'data']));
  });

  for (const c of childCases) {
    it(`${c.name} (npm run ${c.child}, child process)`, async () => {
      const p = project(c, true);
      try {
        const before = fingerprint(p.root);
        const { code, stdout, stderr } = await runNpm(p.root, c.child as string);
        expect(stderr).toBe(p.expected(p.dirName));
        expect(code).toBe(1);
        expect(stdout).toBe('');
        expect(fingerprintDiff(before, fingerprint(p.root))).toEqual([]);
      } finally {
        p.remove();
      }
    }, CHILD_TEST_TIMEOUT_MS);
  }
});
