/**
 * Which builds the hardening tests (security, HTML validity, budgets, Lighthouse) look at:
 * `E2E_DIST` (default dist/, built for /) and `E2E_DIST_SUBPATH` (default dist-subpath/, built for
 * SUB_PATH here when missing or older than the root build, as links.e2e.ts does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export const DIST = process.env.E2E_DIST ?? 'dist';
export const SUB_PATH = '/supplementary/hbsn-2019-06-02/';
export const SUB_DIST = process.env.E2E_DIST_SUBPATH ?? 'dist-subpath';
/** The origin the sub-path build is made for (a journal's site). */
export const SUB_SITE_URL = 'https://journal.example';

/** Builds SUB_DIST for SUB_PATH from the current src/generated unless it is newer than DIST. */
export function ensureSubpathBuild(): void {
  const fresh = existsSync(`${SUB_DIST}/index.html`) && statSync(`${SUB_DIST}/index.html`).mtimeMs >= statSync(`${DIST}/index.html`).mtimeMs;
  if (fresh) return;
  // Vitest copies import.meta.env into process.env (BASE_URL=/ among them); Astro would inline
  // that BASE_URL over the configured base, so the child gets the environment without them.
  // The sub-path build is the journal-hosted one, so it also has a SITE_URL (absolute canonical links,
  // Open Graph and sitemap); the root build has none.
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: SUB_PATH, SITE_URL: process.env.SITE_URL || SUB_SITE_URL, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV']) delete env[key];
  execFileSync('npx', ['astro', 'build', '--outDir', SUB_DIST], { env, stdio: 'pipe', timeout: 600_000 });
}
