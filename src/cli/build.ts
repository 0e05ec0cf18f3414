/**
 * `npm run build`: checks the hosting settings, runs the stats step (`npm run data`), then
 * `astro build` into a new temporary folder beside `dist/`, and only when that build completed
 * swaps it into place. A failure at any step leaves the previous `dist/` exactly as it was, so a
 * half-built site is never published; the temporary folder is removed.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, renameSync, rmSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { siteSettings } from '../security/site-settings.ts';
import { InputError } from '../stats/validate.ts';
import { runBuildData } from './build-data.ts';
import { isMain } from './is-main.ts';
import { PROCESS_IO, reportInputError } from './io.ts';
import type { CliIO } from './io.ts';

const DIST = 'dist';

/** Refuses a `dist` that is anything but a folder (or absent): the swap would replace it. */
function checkDist(dist: string): void {
  let stats;
  try {
    stats = lstatSync(dist);
  } catch {
    return;
  }
  if (!stats.isDirectory()) throw new InputError(`${dist}: cannot replace the built site (it is not a folder)`);
}

/** Runs astro build into `outDir`; returns its exit status (its own output goes to the terminal). */
export type AstroBuild = (outDir: string, root: string) => number;

const runAstro: AstroBuild = (outDir, root) => {
  const astro = join(root, 'node_modules', '.bin', 'astro');
  const result = spawnSync(astro, ['build', '--outDir', outDir], { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
};

/** Replaces `dist` with the complete build in `fresh`: two renames, the old site removed afterwards. */
export function swapInto(fresh: string, dist: string): void {
  const old = existsSync(dist) ? `${fresh}-old` : null;
  if (old) renameSync(dist, old);
  try {
    renameSync(fresh, dist);
  } catch (err) {
    if (old) renameSync(old, dist);
    throw err;
  }
  if (old) rmSync(old, { recursive: true, force: true });
}

export function runBuild(argv: readonly string[], io: CliIO = PROCESS_IO, root = '.', astroBuild: AstroBuild = runAstro): number {
  let fresh: string | null = null;
  try {
    if (argv.length) throw new InputError(`npm run build takes no options (got ${argv.join(' ')}); settings come from BASE_PATH, SITE_URL and FRAME_ANCESTORS`);
    // Settings first: a bad BASE_PATH should not cost a data step.
    siteSettings(process.env);
    const dist = resolve(root, DIST);
    checkDist(dist);
    const data = runBuildData([], io, root);
    if (data !== 0) return data;
    // Same parent folder as dist/, so the swap is a rename; `dist-*` is ignored by git.
    fresh = mkdtempSync(join(resolve(root), `${DIST}-build-`));
    const status = astroBuild(fresh, resolve(root));
    if (status !== 0 || !existsSync(join(fresh, 'index.html'))) {
      throw new InputError(`astro build failed${status !== 0 ? ` (exit code ${status})` : ' (no index.html)'}: ${DIST}/ was left as it was`);
    }
    swapInto(fresh, dist);
    fresh = null;
    return 0;
  } catch (err) {
    return reportInputError(err, (t) => io.stderr(t));
  } finally {
    if (fresh) rmSync(fresh, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) process.exitCode = runBuild(process.argv.slice(2));
