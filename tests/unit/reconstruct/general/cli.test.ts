/**
 * `npm run reconstruct -- --summary <file> --out <dir>` on a summary from outside this paper (one
 * endpoint in days, one 3-group grouping, its own times and sizes), and on bad input.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReconstructCli } from '../../../../src/cli/reconstruct.ts';
import { createRandom } from '../../../../src/reconstruct/random.ts';
import { kaplanMeier, logRank, survivalQuartiles } from '../../../../src/stats/index.ts';

/** A summary of simulated data: 48 patients, arms a/b/c (4 not assessed), times in days. */
function simulatedSummary(): Record<string, unknown> {
  const rng = createRandom(2024);
  const arms = ['a', 'b', 'c'];
  const rows = Array.from({ length: 48 }, (_, i) => {
    const arm = i < 4 ? null : arms[i % 3];
    const rate = arm === 'c' ? 1 / 250 : 1 / 400;
    const t = Math.max(1, Math.round(-Math.log(1 - rng.float()) / rate));
    const censor = Math.round(150 + 600 * rng.float());
    return { arm, time: Math.min(t, censor), event: t <= censor ? 1 : 0 };
  });
  const times = [0, 120, 240, 360];
  const quartile = (v: number | null) => (v === null ? 'NR' : String(Math.round(v)));
  const assessed = rows.filter((r) => r.arm !== null);
  const p = logRank(assessed.map((r) => r.time), assessed.map((r) => r.event as 0 | 1), assessed.map((r) => r.arm as string), { levels: arms }).p as number;
  return {
    timeUnit: 'days',
    n: rows.length,
    endpoints: ['pfs'],
    groupings: [{ id: 'arm', n: assessed.length, groups: arms.map((a) => ({ id: a, n: assessed.filter((r) => r.arm === a).length })) }],
    atRisk: [{ endpoint: 'pfs', grouping: 'arm', times, groups: Object.fromEntries(arms.map((a) => [a, times.map((t) => assessed.filter((r) => r.arm === a && r.time >= t).length)])) }],
    logrankP: [{ endpoint: 'pfs', grouping: 'arm', p: p < 0.001 ? '<0.001' : p.toFixed(3) }],
    quartiles: arms.map((a) => {
      const g = assessed.filter((r) => r.arm === a);
      const q = survivalQuartiles(kaplanMeier(g.map((r) => r.time), g.map((r) => r.event as 0 | 1)));
      return { endpoint: 'pfs', grouping: 'arm', group: a, median: quartile(q.median.est) };
    }),
  };
}

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

describe('npm run reconstruct -- --summary', () => {
  it('reconstructs a summary of its own shape and writes the three files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recon-'));
    const summary = join(dir, 'summary.json');
    writeFileSync(summary, JSON.stringify(simulatedSummary(), null, 2));
    const outDir = join(dir, 'out');
    const { out, io: cliIo } = io();
    const code = await runReconstructCli(['--summary', summary, '--out', outDir, '--ensemble', '4', '--workers', '1', '--seed', '9'], cliIo);
    expect(out.stderr).toMatch(/hard (\d+)\/\1,/);
    expect(code).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(['ensemble.csv', 'fidelity.json', 'patients.csv']);
    const patients = readFileSync(join(outDir, 'patients.csv'), 'utf8').trim().split('\n');
    expect(patients[0]).toBe('id,arm,pfs_days,pfs_event');
    expect(patients).toHaveLength(49);
    const ensemble = readFileSync(join(outDir, 'ensemble.csv'), 'utf8').trim().split('\n');
    expect(ensemble[0]).toBe('member,id,arm,pfs_days,pfs_event');
    expect(ensemble).toHaveLength(1 + 4 * 48);
    const fidelity = JSON.parse(readFileSync(join(outDir, 'fidelity.json'), 'utf8'));
    expect(fidelity.summary.hard.met).toBe(fidelity.summary.hard.total);
    expect(fidelity.summary.soft.passed).toBe(fidelity.summary.soft.total);
  }, 600_000);

  it('refuses a bad summary in one line and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recon-bad-'));
    const summary = join(dir, 'summary.json');
    const bad = simulatedSummary() as { groupings: { groups: { n: number }[] }[] };
    bad.groupings[0].groups[0].n += 1;
    writeFileSync(summary, JSON.stringify(bad));
    const outDir = join(dir, 'out');
    const { out, io: cliIo } = io();
    expect(await runReconstructCli(['--summary', summary, '--out', outDir], cliIo)).toBe(1);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/summary\.json: groupings\.0\.groups: sizes add up to \d+, not the grouping's n \d+/);
    expect(existsSync(outDir)).toBe(false);
  });

  it('needs --out with --summary, and the reverse', async () => {
    const { out, io: cliIo } = io();
    expect(await runReconstructCli(['--summary', 'x.json'], cliIo)).toBe(1);
    expect(await runReconstructCli(['--out', 'somewhere'], cliIo)).toBe(1);
    expect(out.stderr).toContain('--summary needs --out');
    expect(out.stderr).toContain('--out needs --summary');
  });
});

describe('npm run reconstruct -- --summary --out: nothing it must not replace (issue 16)', () => {
  it('refuses, before computing, an --out folder where an output name is the summary itself or a named pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reconstruct-out-'));
    // The summary saved as <out>/fidelity.json: writing the report would destroy the input.
    const summary = join(dir, 'fidelity.json');
    writeFileSync(summary, JSON.stringify(simulatedSummary()));
    const before = readFileSync(summary, 'utf8');
    const a = io();
    expect(await runReconstructCli(['--summary', summary, '--out', dir], a.io)).toBe(1);
    expect(a.out.stderr).toBe(`${join(dir, 'fidelity.json')}: cannot write the file (it is the input file ${summary})\n`);
    expect(readFileSync(summary, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['fidelity.json']);
    // A named pipe where patients.csv goes is never replaced by a file.
    const other = mkdtempSync(join(tmpdir(), 'reconstruct-out-'));
    execFileSync('mkfifo', [join(other, 'patients.csv')]);
    const b = io();
    expect(await runReconstructCli(['--summary', summary, '--out', other], b.io)).toBe(1);
    expect(b.out.stderr).toBe(`${join(other, 'patients.csv')}: cannot write the file (it is a named pipe, not a regular file)\n`);
    expect(lstatSync(join(other, 'patients.csv')).isFIFO()).toBe(true);
    expect(readdirSync(other)).toEqual(['patients.csv']);
  });
});
