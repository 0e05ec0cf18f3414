/**
 * The test harness itself (browsers.ts, axe.ts), on a small page made for the purpose: in each
 * browser the watcher sees console errors and requests to other origins, JavaScript really is off
 * when asked, the colour scheme, reduced motion and forced colours are what the page asked for, and
 * axe-core reports a planted violation with JavaScript on and off — so a passing suite means the
 * checks ran, not that they could not see.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, openBrowser, tabTo } from './browsers.ts';
import type { TestBrowser } from './browsers.ts';
import { axeViolations } from './axe.ts';

const FIXTURE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Harness fixture</title><script src="app.js" defer></script></head>
<body>
<main>
<h1>Harness fixture</h1>
<p id="js">no script</p>
<img src="missing.png">
<p><a href="#one" id="one">One</a> <button type="button" id="two">Two</button> <a href="#three" id="three">Three</a></p>
<noscript><p id="noscript">noscript shown</p></noscript>
</main>
</body>
</html>
`;
const APP = `document.getElementById('js').textContent = 'script ran';
console.error('planted error');
// Another origin (a host name instead of the address) that answers.
fetch('http://localhost:' + location.port + '/elsewhere').catch(() => {});
`;

let dir: string;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-harness-'));
  writeFileSync(join(dir, 'index.html'), FIXTURE);
  writeFileSync(join(dir, 'app.js'), APP);
  server = await serveStatic(dir);
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(BROWSERS)('the test harness in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('with JavaScript on: sees console errors, requests to other origins and an axe violation', async () => {
    const page = await browser.newPage();
    expect(await page.goto(server.url)).toBe(200);
    await page.waitForFunction(() => document.getElementById('js')?.textContent === 'script ran');
    await expect.poll(() => page.watch.foreignRequests.length).toBeGreaterThan(0);
    expect(page.watch.foreignRequests[0]).toContain('//localhost:');
    expect(page.watch.consoleErrors.join('\n')).toContain('planted error');
    expect(page.watch.failedRequests.join('\n')).toMatch(/404 .*missing\.png/);
    expect((await axeViolations(page)).map((v) => v.split(':')[0])).toEqual(['image-alt']);
    expect(await page.isVisible('#noscript')).toBe(false);
    await page.close();
  });

  it('with JavaScript off: no script runs, <noscript> shows, and axe still runs', async () => {
    const page = await browser.newPage({ javaScript: false });
    expect(await page.goto(server.url)).toBe(200);
    expect(await page.textContent('#js')).toBe('no script');
    expect(await page.isVisible('#noscript')).toBe(true);
    expect(page.watch.consoleErrors.join('\n')).not.toContain('planted error');
    expect(page.watch.foreignRequests).toEqual([]);
    expect((await axeViolations(page)).map((v) => v.split(':')[0])).toEqual(['image-alt']);
    await page.close();
  });

  it('media features follow the page options', async () => {
    const media = () =>
      page.evaluate(() => ({
        dark: matchMedia('(prefers-color-scheme: dark)').matches,
        reduce: matchMedia('(prefers-reduced-motion: reduce)').matches,
        forced: matchMedia('(forced-colors: active)').matches,
      }));
    let page = await browser.newPage();
    await page.goto(server.url);
    expect(await media()).toEqual({ dark: false, reduce: false, forced: false });
    await page.close();
    page = await browser.newPage({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await page.goto(server.url);
    expect(await media()).toEqual({ dark: true, reduce: true, forced: false });
    await page.close();
    page = await browser.newPage({ forcedColors: 'active', colorScheme: 'dark' });
    await page.goto(server.url);
    expect(await media()).toEqual({ dark: true, reduce: false, forced: true });
    await page.close();
  });

  it('keyboard: Tab and Shift+Tab move focus in document order; the viewport is the one asked for', async () => {
    const page = await browser.newPage({ viewport: { width: 500, height: 400 } });
    await page.goto(server.url);
    expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([500, 400]);
    await tabTo(page, '#three');
    await page.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('two');
    await tabTo(page, '#one');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('one');
    await page.close();
  });
});
