/**
 * The link checker (src/cli/check-links.ts) on the built site, at the root and under a sub-path:
 * every internal href/src, #fragment, CSS url(), sitemap entry and robots.txt line resolves.
 * The sub-path build goes to dist-subpath/ (`E2E_DIST_SUBPATH`; built here from the same
 * src/generated/ when missing or older than the root build, `E2E_DIST`), then is also loaded in
 * Chromium and Firefox to check every request succeeds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, formatReport } from '../../src/cli/check-links.ts';
import { SUB_SITE_URL } from './builds.ts';
import { DIST, serveStatic } from './harness.ts';
import { BROWSERS, openBrowser } from './browsers.ts';

const SUB = '/supplementary/hbsn-2019-06-02/';
const SUB_DIR = process.env.E2E_DIST_SUBPATH ?? 'dist-subpath';

function subpathBuildIsFresh(): boolean {
  return existsSync(`${SUB_DIR}/index.html`) && statSync(`${SUB_DIR}/index.html`).mtimeMs >= statSync(`${DIST}/index.html`).mtimeMs;
}

beforeAll(() => {
  if (!subpathBuildIsFresh()) {
    // Vitest copies import.meta.env into process.env (BASE_URL=/ among them); Astro would inline
    // that BASE_URL over the configured base, so the child gets the environment without them.
    const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: SUB, SITE_URL: process.env.SITE_URL || SUB_SITE_URL, ASTRO_TELEMETRY_DISABLED: '1' };
    for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV']) delete env[key];
    execFileSync('npx', ['astro', 'build', '--outDir', SUB_DIR], {
      env,
      stdio: 'pipe',
      timeout: 600_000,
    });
  }
}, 660_000);

describe('internal links of the built site', () => {
  it(`${DIST}/ (built for /): 0 broken links`, () => {
    const report = checkLinks({ dir: DIST, base: '/' });
    expect(report.pages).toBeGreaterThan(3);
    expect(report.checked).toBeGreaterThan(100);
    expect(report.broken, formatReport(report, { listExternal: false })).toEqual([]);
  });

  it(`${SUB_DIR}/ (built for ${SUB}): 0 broken links`, () => {
    const report = checkLinks({ dir: SUB_DIR, base: SUB, site: process.env.SITE_URL || SUB_SITE_URL });
    expect(report.checked).toBeGreaterThan(100);
    expect(report.broken, formatReport(report, { listExternal: false })).toEqual([]);
  });
});

describe.each(BROWSERS)(`the sub-path build in %s`, (name) => {
  it(`under ${SUB} the story loads every request it makes, and the sticky figure works`, async () => {
    const server = await serveStatic(SUB_DIR, SUB);
    const browser = await openBrowser(name);
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ behavior: 'instant' }));
      await page.waitFor('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
      expect(page.watch.failedRequests).toEqual([]);
      const hrefs = await page.evaluate(() =>
        [...document.querySelectorAll('a[href^="/"], link[href^="/"], script[src^="/"]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
      );
      for (const h of hrefs) expect(h.startsWith(SUB), h).toBe(true);
      await page.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
