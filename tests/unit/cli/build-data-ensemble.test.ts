/**
 * `npm run data` with reconstructed data reads data/reconstructed/ensemble.csv: a bad or missing
 * file stops it with one line naming file, row and column, exit 1, and nothing written.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuildData } from '../../../src/cli/build-data.ts';
import { fingerprint, fingerprintDiff, makeProject } from '../robustness/harness.ts';
import { ensembleCsv, perturbedMembers } from '../ensemble-fixture.ts';

function run(root: string) {
  let stdout = '';
  let stderr = '';
  const code = runBuildData([], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, root);
  return { code, stdout, stderr };
}

function expectRefused(edit: (file: string) => void, error: (file: string) => string) {
  const p = makeProject({ reconstructed: true });
  try {
    const file = join(p.root, 'data/reconstructed/ensemble.csv');
    edit(file);
    const before = fingerprint(p.root);
    const r = run(p.root);
    expect(r.stderr).toBe(`error: ${error(file)}\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(fingerprintDiff(before, fingerprint(p.root))).toEqual([]);
  } finally {
    p.remove();
  }
}

describe('npm run data: the ensemble of reconstructions', () => {
  it('a small valid ensemble builds, and uncertainty.json counts its members', () => {
    const p = makeProject({ reconstructed: true });
    try {
      writeFileSync(join(p.root, 'data/reconstructed/ensemble.csv'), ensembleCsv(perturbedMembers(3, 11)));
      const r = run(p.root);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const u = JSON.parse(readFileSync(join(p.root, 'src/generated/uncertainty.json'), 'utf8'));
      expect(u.members).toBe(3);
      expect(u.views.find((v: { id: string }) => v.id === 'calcification-os').hazardRatios[0].term).toBe('yes');
    } finally {
      p.remove();
    }
  });

  it('missing', () => {
    expectRefused(
      (file) => rmSync(file),
      (file) => `${file}: missing (the site runs on reconstructed data and shows every number with the ensemble's uncertainty; npm run reconstruct writes it)`,
    );
  });

  it('a bad cell', () => {
    const lines = ensembleCsv(perturbedMembers(2, 5)).split('\n');
    const cells = lines[83].split(','); // row 83 = member 2's first patient
    cells[2] = 'maybe';
    lines[83] = cells.join(',');
    expectRefused(
      (file) => writeFileSync(file, lines.join('\n')),
      (file) => `${file}: invalid calcification at row 83, column "calcification": "maybe" (expected no, yes or empty)`,
    );
  });

  it('a member without one of the groups the site compares', () => {
    const members = perturbedMembers(2, 5);
    members[1] = members[1].map((p) => ({ ...p, calcification: p.calcification === null ? null : 'no' }));
    expectRefused(
      (file) => writeFileSync(file, ensembleCsv(members)),
      (file) => `${file} (member 2): column "calcification" has a single level ("no"): the site compares no, yes against no, so at least two levels are needed`,
    );
  });
});
