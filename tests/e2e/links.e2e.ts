/**
 * The link checker (src/cli/check-links.ts) on the built site, at the root and under a sub-path:
 * every internal href/src, #fragment, CSS url(), sitemap entry and robots.txt line resolves.
 * The sub-path build goes to dist-subpath/ (built here from the same src/generated/ when missing
 * or older than dist/), then is also loaded in Chromium to check every request succeeds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkLinks, formatReport } from '../../src/cli/check-links.ts';
import { launchChromium, serveStatic } from './harness.ts';

const SUB = '/supplementary/hbsn-2019-06-02/';
const SUB_DIR = 'dist-subpath';

function subpathBuildIsFresh(): boolean {
  return existsSync(`${SUB_DIR}/index.html`) && statSync(`${SUB_DIR}/index.html`).mtimeMs >= statSync('dist/index.html').mtimeMs;
}

let browser: Browser;

beforeAll(() => {
  if (!subpathBuildIsFresh()) {
    // Vitest copies import.meta.env into process.env (BASE_URL=/ among them); Astro would inline
    // that BASE_URL over the configured base, so the child gets the environment without them.
    const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: SUB, ASTRO_TELEMETRY_DISABLED: '1' };
    for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV']) delete env[key];
    execFileSync('npx', ['astro', 'build', '--outDir', SUB_DIR], {
      env,
      stdio: 'pipe',
      timeout: 600_000,
    });
  }
}, 660_000);
afterAll(async () => {
  await browser?.close();
});

describe('internal links of the built site', () => {
  it('dist/ (built for /): 0 broken links', () => {
    const report = checkLinks({ dir: 'dist', base: '/' });
    expect(report.pages).toBeGreaterThan(3);
    expect(report.checked).toBeGreaterThan(100);
    expect(report.broken, formatReport(report, { listExternal: false })).toEqual([]);
  });

  it(`${SUB_DIR}/ (built for ${SUB}): 0 broken links`, () => {
    const report = checkLinks({ dir: SUB_DIR, base: SUB });
    expect(report.checked).toBeGreaterThan(100);
    expect(report.broken, formatReport(report, { listExternal: false })).toEqual([]);
  });

  it(`under ${SUB} the story loads every request it makes, and the sticky figure works`, async () => {
    const server = await serveStatic(SUB_DIR, SUB);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
    await page.goto(server.url, { waitUntil: 'load' });
    await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ behavior: 'instant' }));
    await page.waitForSelector('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
    expect(failed).toEqual([]);
    const hrefs = await page.$$eval('a[href^="/"], link[href^="/"], script[src^="/"]', (els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''));
    for (const h of hrefs) expect(h.startsWith(SUB), h).toBe(true);
    await page.close();
    await server.close();
  });
});
