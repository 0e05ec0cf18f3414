/**
 * `npm run bench`: times our Kaplan–Meier, log-rank and Cox (one binary covariate) on 1e3 … 1e6
 * synthetic patients, and R's survfit / survdiff / coxph on the same data in the same run when
 * `Rscript` is available. Prints each median time, the ours/R ratio, and time/(n log n) so that
 * the growth rate can be read off.
 *
 * Options: --sizes 1000,10000,100000,1000000  --reps 5  --no-r
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { kaplanMeier } from '../stats/kaplan-meier.ts';
import { logRank } from '../stats/log-rank.ts';
import { coxph } from '../stats/cox.ts';
import { InputError } from '../stats/validate.ts';
import { mulberry32 } from '../lib/mulberry32.ts';
import { parseArgs, usage } from './args.ts';
import { isMain } from './is-main.ts';
import { reportInputError } from './io.ts';

const SPEC = {
  sizes: { type: 'string', help: 'comma-separated sample sizes (default 1000,10000,100000,1000000)' },
  reps: { type: 'string', help: 'timed repetitions per method and size; the median is reported (default 5)' },
  'no-r': { type: 'boolean', help: 'skip R even when Rscript is available' },
  help: { type: 'boolean', help: 'show this help' },
} as const;

/** Deterministic synthetic cohort: exponential event times, HR 1.5 for group 1, uniform censoring, ties from rounding. */
export function syntheticCohort(n: number, seed = 20200201) {
  const rand = mulberry32(seed);
  const time = new Array<number>(n);
  const status = new Array<0 | 1>(n);
  const group = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const g = rand() < 0.5 ? 0 : 1;
    const rate = 0.02 * (g === 1 ? 1.5 : 1);
    const event = -Math.log(1 - rand()) / rate;
    const censor = rand() * 120;
    // Round to 0.1 month so that ties occur, as in real data.
    time[i] = Math.round(Math.min(event, censor) * 10) / 10;
    status[i] = event <= censor ? 1 : 0;
    group[i] = g;
  }
  return { time, status, group };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeIt(f: () => unknown, reps: number): number {
  f(); // warm-up (JIT)
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

function hasRscript(): boolean {
  return spawnSync('Rscript', ['--version'], { stdio: 'ignore' }).status === 0;
}

function fmt(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

export function runBench(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      process.stdout.write(usage('npm run bench --', SPEC));
      return 0;
    }
    const sizes = (args.sizes ?? '1000,10000,100000,1000000').split(',').map(Number);
    if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new InputError('invalid --sizes: expected whole numbers ≥ 10');
    const reps = Number(args.reps ?? 5);
    if (!Number.isInteger(reps) || reps < 1) throw new InputError('invalid --reps: expected a whole number ≥ 1');
    const withR = !args['no-r'] && hasRscript();
    const dir = mkdtempSync(join(tmpdir(), 'nelm-bench-'));
    const rows: string[][] = [];
    try {
      for (const n of sizes) {
        const { time, status, group } = syntheticCohort(n);
        const x = group.map((g) => [g]);
        const ours = {
          km: timeIt(() => kaplanMeier(time, status), reps),
          logrank: timeIt(() => logRank(time, status, group), reps),
          cox: timeIt(() => coxph(time, status, x, ['group']), reps),
        };
        let r: Record<string, number> | null = null;
        if (withR) {
          const csv = join(dir, `n${n}.csv`);
          const lines = ['time,status,group'];
          for (let i = 0; i < n; i++) lines.push(`${time[i]},${status[i]},${group[i]}`);
          writeFileSync(csv, `${lines.join('\n')}\n`);
          const res = spawnSync('Rscript', ['--vanilla', 'bench/bench.R', csv, String(reps)], { encoding: 'utf8', maxBuffer: 1 << 20 });
          if (res.status !== 0) throw new Error(`R failed: ${res.stderr}`);
          r = JSON.parse(res.stdout.trim().split('\n').pop()!);
        }
        const nlogn = n * Math.log2(n);
        for (const method of ['km', 'logrank', 'cox'] as const) {
          const o = ours[method];
          const rm = r ? r[method] : null;
          rows.push([
            String(n),
            method,
            fmt(o),
            fmt(rm),
            rm ? (o / rm).toFixed(2) : '—',
            ((o * 1e6) / nlogn).toFixed(2),
          ]);
        }
        process.stderr.write(`bench: n = ${n} done\n`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const header = ['n', 'method', 'ours ms', 'R ms', 'ours/R', 'ns per n·log2 n'];
    const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
    const line = (cells: string[]) => cells.map((c, j) => (j < 2 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
    process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
    process.stdout.write(
      `\nMedian of ${reps} runs after one warm-up; Node ${process.version}; ${withR ? 'R timed with system.time on the same data' : 'R not run'}.\n`,
    );
    return 0;
  } catch (err) {
    return reportInputError(err, (t) => process.stderr.write(t));
  }
}

if (isMain(import.meta.url)) process.exitCode = runBench(process.argv.slice(2));
