/**
 * Building the whole site from a real-data drop-in (`data/patients.csv`) in a throw-away copy of
 * the project, with the real `npm run build` (stats step, astro build into a temporary folder,
 * swap into dist/). Nothing of the repository is written: the copy holds package.json, the Astro
 * config, src/ (without src/generated/), content/, public/ and data/ (published and reconstructed,
 * as a user's checkout has them), with node_modules/ as a symlink.
 */
import { runChild } from '../unit/robustness/harness.ts';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A hang guard for one full build, far above its two minutes on a busy 2-core machine. */
export const BUILD_TIMEOUT_MS = 1_200_000;

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

export interface DropInBuild {
  readonly root: string;
  readonly dist: string;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly remove: () => void;
}

/** A runnable copy of the project with `patients` at data/patients.csv. */
export function dropInProject(patients: string | Uint8Array): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'drop-in-'));
  for (const file of ['package.json', 'tsconfig.json', 'astro.config.mjs']) cpSync(join(REPO, file), join(root, file));
  const generated = join(REPO, 'src/generated');
  cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true, filter: (src) => src !== generated && !src.startsWith(generated + sep) });
  for (const dir of ['content', 'public', 'data/published', 'data/reconstructed']) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'data/patients.csv'), patients);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Runs `npm run build` in a drop-in copy (no BASE_PATH or SITE_URL: the root build). The variables
 * Vitest adds to the environment are removed: Astro would inline its BASE_URL over the config's.
 */
export async function buildDropIn(patients: string | Uint8Array, timeoutMs = 900_000): Promise<DropInBuild> {
  const { root, remove } = dropInProject(patients);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', npm_config_update_notifier: 'false' };
  for (const key of ['BASE_PATH', 'SITE_URL', 'FRAME_ANCESTORS', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV']) {
    delete env[key];
  }
  const run = await runChild('nice', ['-n', '10', 'npm', 'run', '--silent', 'build'], { cwd: root, env }, timeoutMs);
  return { root, dist: join(root, 'dist'), ...run, remove };
}

