/**
 * `npm run repro-check`: two clean builds of the same sources must give a byte-identical site.
 *
 * Copies the project's sources (what git tracks plus untracked files that are not ignored; never
 * src/generated/, dist*, .astro/ or node_modules/) into two fresh directories at different absolute
 * paths, gives each its own node_modules/ (symlinks to the project's packages, but its own
 * .astro/ and .vite/ caches), runs `npm run data` and `astro build` in each (the second in another
 * time zone and locale), and compares a sorted
 * list of the sha256 of every built file. Prints the files that differ and exits 1 if any do.
 *
 *   npm run repro-check
 *   npm run repro-check -- --base /supplementary/hbsn-2019-06-02/   # the sub-path build
 *   npm run repro-check -- --keep --hashes repro.sha256             # keep the builds, write the list
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, usage } from './args.ts';
import type { OptionSpec } from './args.ts';
import { isMain } from './is-main.ts';
import { InputError } from '../stats/validate.ts';
import { filesBelow } from '../lib/built-files.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { reportInputError } from './io.ts';

const SPEC = {
  base: { type: 'string', help: 'BASE_PATH to build for (default /)' },
  work: { type: 'string', help: 'directory for the two build trees (default the system temp directory)' },
  hashes: { type: 'string', help: 'also write the sorted sha256 list of the first build to this file' },
  keep: { type: 'boolean', help: 'keep the two build trees' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies OptionSpec;

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

/** Never copied: build outputs, caches, generated data, dependencies, local scratch. */
const EXCLUDED = /^(node_modules|\.git|\.astro|dist[^/]*|src\/generated|tests\/output|tmp[^/]*)(\/|$)/;

/** The project's source files, relative to `root`. */
export function sourceFiles(root: string): string[] {
  let files: string[];
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    files = out.split('\0').filter(Boolean);
  } catch {
    files = filesBelow(root, (rel) => EXCLUDED.test(rel));
  }
  return files.filter((f) => !EXCLUDED.test(f) && existsSync(join(root, f)) && statSync(join(root, f)).isFile()).sort();
}

/** `sha256  path` for every file below `dir`, sorted by path. */
export function hashList(dir: string): string[] {
  return filesBelow(dir, (rel) => EXCLUDED.test(rel))
    .map((f) => `${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}  ${f}`)
    .sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : a.slice(66) > b.slice(66) ? 1 : 0));
}

/** Files that differ between two hash lists: changed, or present in one only. */
export function compareHashLists(a: readonly string[], b: readonly string[]): string[] {
  const map = (list: readonly string[]) => new Map(list.map((l) => [l.slice(66), l.slice(0, 64)]));
  const ma = map(a);
  const mb = map(b);
  const out: string[] = [];
  for (const path of [...new Set([...ma.keys(), ...mb.keys()])].sort()) {
    const x = ma.get(path);
    const y = mb.get(path);
    if (x === y) continue;
    out.push(x === undefined ? `only in the second build: ${path}` : y === undefined ? `only in the first build: ${path}` : `differs: ${path}`);
  }
  return out;
}

/** Copies the sources into `dest` and links the project's packages into its own node_modules/. */
function prepareTree(root: string, dest: string, files: readonly string[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(root, f), join(dest, f));
  }
  const modules = join(dest, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache' || name === '.vitest') continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
}

/**
 * The second build runs in another time zone and locale: a date, a number or a sort that depends
 * on them shows up as a difference.
 */
const VARIANTS: readonly Record<string, string>[] = [
  { TZ: 'UTC', LANG: 'C.UTF-8' },
  { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' },
];

function cleanEnv(base: string | undefined, variant: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...variant, ASTRO_TELEMETRY_DISABLED: '1' };
  // Vitest copies import.meta.env into process.env; Astro would inline that BASE_URL.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV', 'BASE_PATH']) delete env[key];
  if (base) env.BASE_PATH = base;
  return env;
}

function build(tree: string, base: string | undefined, variant: Record<string, string>, io: Io): void {
  rmSync(join(tree, 'src', 'generated'), { recursive: true, force: true });
  for (const [cmd, args] of [
    ['npm', ['run', '--silent', 'data']],
    ['npx', ['astro', 'build', '--outDir', 'dist']],
  ] as const) {
    const started = Date.now();
    const r = spawnSync(cmd, [...args], { cwd: tree, env: cleanEnv(base, variant), encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) {
      io.err(r.stdout ?? '');
      io.err(r.stderr ?? '');
      throw new Error(`${cmd} ${args.join(' ')} failed in ${tree} (exit ${r.status ?? r.signal})`);
    }
    io.out(`  ${cmd} ${args.join(' ')} in ${tree} (TZ=${variant.TZ} LANG=${variant.LANG}): ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

export function runReproCheck(argv: readonly string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): number {
  let work: string | null = null;
  let keep = false;
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      io.out(usage('npm run repro-check --', SPEC));
      return 0;
    }
    keep = !!args.keep;
    const root = resolve('.');
    if (!existsSync(join(root, 'package.json')) || !existsSync(join(root, 'node_modules'))) throw new InputError('run from the project root after `npm ci`');
    const files = sourceFiles(root);
    work = mkdtempSync(join(args.work ?? tmpdir(), 'repro-'));
    // Different absolute paths (and path lengths) on purpose: no build output may contain them.
    const trees = [join(work, 'a'), join(work, 'second-tree')];
    io.out(`repro-check: ${files.length} source files, two clean builds${args.base ? ` for ${args.base}` : ''} in ${work}\n`);
    const lists: string[][] = [];
    for (const [i, tree] of trees.entries()) {
      prepareTree(root, tree, files);
      build(tree, args.base, VARIANTS[i], io);
      lists.push(hashList(join(tree, 'dist')));
    }
    const diff = compareHashLists(lists[0], lists[1]);
    const digest = createHash('sha256').update(lists[0].join('\n')).digest('hex');
    if (args.hashes) writeFileAtomic(args.hashes, `${lists[0].join('\n')}\n`);
    if (diff.length) {
      io.err(`repro-check: the two builds differ in ${diff.length} of ${lists[0].length} files:\n${diff.map((d) => `  ${d}`).join('\n')}\n`);
      if (!keep) io.err('  (rerun with --keep to inspect them)\n');
      return 1;
    }
    io.out(`repro-check: ${lists[0].length} files, byte-identical; sha256 of the hash list ${digest}\n`);
    return 0;
  } catch (err) {
    return reportInputError(err, (t) => io.err(t));
  } finally {
    if (work && !keep) rmSync(work, { recursive: true, force: true });
    else if (work) io.out(`repro-check: kept ${work}\n`);
  }
}

if (isMain(import.meta.url)) process.exitCode = runReproCheck(process.argv.slice(2));
