/** Resource limits of the CSV reader and the patients file (issue 16): one line, never a crash or a leak. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_BYTES, readCsvFile } from '../../../src/io/csv.ts';
import { runBuildData } from '../../../src/cli/build-data.ts';
import { expectInputError } from '../helpers.ts';
import { fingerprint, fingerprintDiff, makeProject } from '../robustness/harness.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'csv-limits-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readCsvFile limits', () => {
  it('a file over the byte limit is refused before it is read whole (a sparse file: no disk used)', () => {
    const path = join(dir, 'huge.csv');
    writeFileSync(path, 'time,status\n');
    truncateSync(path, MAX_BYTES + 1);
    expectInputError(() => readCsvFile(path), `${path}: file too large: 67,108,865 bytes; limit 67,108,864 bytes (64 MiB)`);
  });

  it('line ends inside quoted fields are not rows', () => {
    const path = join(dir, 'quoted.csv');
    writeFileSync(path, 'a,b\n"x\ny",1\n"p""q",2');
    expect(readCsvFile(path).rows.length).toBe(2);
  });

  it('a folder is refused in one line', () => {
    expectInputError(() => readCsvFile(dir), `${dir}: cannot read the file (EISDIR)`);
  });
});

describe('a symlinked data/patients.csv never echoes the file it points to', () => {
  it('a link to a file outside the project is refused without quoting any of its contents', () => {
    const secret = join(dir, 'shadow');
    writeFileSync(secret, 'root:$6$SECRETHASH:19000:0:99999:7:::\n');
    const project = makeProject({ reconstructed: true });
    try {
      const link = join(project.root, 'data/patients.csv');
      symlinkSync(secret, link);
      const before = fingerprint(project.root);
      let stderr = '';
      const code = runBuildData([], { stdout: () => {}, stderr: (t) => (stderr += t) }, project.root);
      expect(code).toBe(1);
      expect(stderr).toBe(`error: ${link}: is a symbolic link to a file outside the project (or to nothing); copy the data into ${link} instead\n`);
      expect(stderr).not.toMatch(/SECRET|root:/);
      expect(fingerprintDiff(before, fingerprint(project.root))).toEqual([]);
    } finally {
      project.remove();
    }
  });

  it('a link to a file inside the project is read as usual', () => {
    const project = makeProject({ reconstructed: true });
    try {
      mkdirSync(join(project.root, 'data/real'));
      writeFileSync(join(project.root, 'data/real/p.csv'), 'id,calcification\n1,no\n');
      symlinkSync(join(project.root, 'data/real/p.csv'), join(project.root, 'data/patients.csv'));
      let stderr = '';
      runBuildData([], { stdout: () => {}, stderr: (t) => (stderr += t) }, project.root);
      expect(stderr).toMatch(/no column named "enhancement"/);
    } finally {
      project.remove();
    }
  });
});
