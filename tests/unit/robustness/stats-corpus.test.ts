/**
 * Bad-input corpus for `npm run stats` (tests/corpus/stats/): every case must stop with exactly one
 * line on stderr (`error: …` naming the file, row and column where there is one), exit code 1,
 * nothing on stdout, and no --out file. Every case runs in-process through `runStats`; the cases
 * marked `child` also run through the real `npm run stats` in a temporary copy of the project.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStats } from '../../../src/cli/stats.ts';
import { CHILD_TEST_TIMEOUT_MS, caseNames, fill, fingerprint, fingerprintDiff, makeProject, readSidecar, runNpm, statsInput, tempDir, type StatsCase } from './harness.ts';

const names = caseNames('stats');
const cases = names.map((name) => ({ name, ...readSidecar<StatsCase>('stats', name) }));

function runInProcess(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = runStats(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('stats corpus: in-process (runStats)', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('corpus-stats-');
  });
  afterAll(() => tmp.remove());

  for (const c of cases) {
    it(`${c.name}: ${c.description}`, () => {
      const input = join(tmp.dir, `${c.name}.csv`);
      const bytes = statsInput(c.name, c);
      writeFileSync(input, bytes);
      if (c.generate) expect(bytes.length).toBeGreaterThanOrEqual(5_000_000);
      const out = c.outIsIn ? input : join(tmp.dir, `${c.name}.out.json`);
      const { code, stdout, stderr } = runInProcess(['--in', input, ...c.args, '--out', out]);
      expect(stderr).toBe(`error: ${fill(c.error, { file: input })}\n`);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      if (c.outIsIn) expect(readFileSync(input).equals(bytes)).toBe(true);
      else expect(existsSync(out)).toBe(false);
    });
  }
});

describe('stats corpus: the real `npm run stats` in a child process', () => {
  const childCases = cases.filter((c) => c.child);

  it('covers at least three cases', () => expect(childCases.length).toBeGreaterThanOrEqual(3));

  for (const c of childCases) {
    it(`${c.name} (child process)`, async () => {
      const project = makeProject({ runnable: true });
      try {
        writeFileSync(join(project.root, 'input.csv'), statsInput(c.name, c));
        const before = fingerprint(project.root);
        const { code, stdout, stderr } = await runNpm(project.root, 'stats', ['--in', 'input.csv', ...c.args, '--out', 'out.json']);
        expect(stderr).toBe(`error: ${fill(c.error, { file: 'input.csv' })}\n`);
        expect(code).toBe(1);
        expect(stdout).toBe('');
        expect(existsSync(join(project.root, 'out.json'))).toBe(false);
        expect(fingerprintDiff(before, fingerprint(project.root))).toEqual([]);
      } finally {
        project.remove();
      }
    }, CHILD_TEST_TIMEOUT_MS);
  }

  it('control: a valid file through the same harness exits 0 and writes --out', async () => {
    const project = makeProject({ runnable: true });
    try {
      writeFileSync(join(project.root, 'input.csv'), 'id,time,status,g\n1,5,1,a\n2,6,0,a\n3,7,1,b\n4,9,1,b\n5,3,0,b\n');
      const { code, stderr } = await runNpm(project.root, 'stats', ['--in', 'input.csv', '--time', 'time', '--event', 'status', '--group', 'g', '--out', 'out.json', '--quiet']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(JSON.parse(readFileSync(join(project.root, 'out.json'), 'utf8')).groups).toEqual(['a', 'b']);
    } finally {
      project.remove();
    }
  }, CHILD_TEST_TIMEOUT_MS);
});

describe('stats: hostile text that is valid data is kept as plain text', () => {
  it('formula-looking group labels end up verbatim in the JSON and the report, never evaluated or altered', () => {
    const tmp = tempDir('corpus-stats-formula-');
    try {
      const labels = ["=cmd|' /C calc'!A0", '+SUM(A1:A2)', '@HYPERLINK("http://x")', '-2+3'];
      const rows = labels.flatMap((g, k) => [`${2 * k + 1},${k + 2},1,"${g.replace(/"/g, '""')}"`, `${2 * k + 2},${k + 5},0,"${g.replace(/"/g, '""')}"`]);
      const input = join(tmp.dir, 'formula.csv');
      writeFileSync(input, `id,time,status,g\n${rows.join('\n')}\n`);
      const out = join(tmp.dir, 'formula.json');
      const { code, stdout, stderr } = runInProcess(['--in', input, '--time', 'time', '--event', 'status', '--group', 'g', '--out', out]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(readFileSync(out, 'utf8'));
      expect([...json.groups].sort()).toEqual([...labels].sort());
      for (const g of labels) expect(stdout).toContain(g);
    } finally {
      tmp.remove();
    }
  });

  it('--out into a folder is one line, exit 1, and leaves the folder as it was', () => {
    const tmp = tempDir('corpus-stats-outdir-');
    try {
      const input = join(tmp.dir, 'in.csv');
      writeFileSync(input, 'id,time,status\n1,5,1\n2,6,0\n');
      const before = fingerprint(tmp.dir);
      const { code, stdout, stderr } = runInProcess(['--in', input, '--time', 'time', '--event', 'status', '--out', tmp.dir]);
      expect(stderr).toBe(`error: ${tmp.dir}: cannot write the file (it is a folder, not a regular file)\n`);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(fingerprintDiff(before, fingerprint(tmp.dir))).toEqual([]);
    } finally {
      tmp.remove();
    }
  });
});
