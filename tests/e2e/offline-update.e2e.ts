/**
 * The offline service worker across a broken deploy (issue 16), in Chromium: a new version whose
 * precache list names a file the server does not have (a 404 mid-deploy) must not install; the
 * previous version keeps serving its complete cache, the cache opened for the failed attempt is
 * deleted, and the next visit tries again and succeeds once the file is there.
 *
 * Works on a throw-away copy of the build (the copy's sw.js is edited), never on dist/ itself.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DIST, launchChromium, serveStatic, type StaticServer } from './harness.ts';

let site: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'sw-update-'));
  cpSync(DIST, site, { recursive: true });
  server = await serveStatic(site);
  browser = await launchChromium();
  context = await browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** The version the active worker reports, and the offline caches of this origin. */
async function state(page: Page): Promise<{ active: string | null; keys: string[] }> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const worker = reg?.active;
    const active = worker
      ? await new Promise<string | null>((resolve) => {
          const channel = (event: MessageEvent) => {
            if (event.data?.version) {
              navigator.serviceWorker.removeEventListener('message', channel);
              resolve(event.data.version as string);
            }
          };
          navigator.serviceWorker.addEventListener('message', channel);
          worker.postMessage('version');
          setTimeout(() => resolve(null), 3000);
        })
      : null;
    const keys = (await caches.keys()).filter((k) => k.startsWith('nelm-offline-')).sort();
    return { active, keys };
  });
}

/** Asks for an update and waits until the new worker (if any) has either activated or been discarded. */
async function updateAndSettle(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const reg = (await navigator.serviceWorker.getRegistration())!;
    await reg.update().catch(() => undefined);
    const worker = reg.installing ?? reg.waiting;
    if (!worker) return 'no update';
    if (worker.state === 'activated' || worker.state === 'redundant') return worker.state;
    return new Promise<string>((resolve) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'activated' || worker.state === 'redundant') resolve(worker.state);
      });
    });
  });
}

const NEW_VERSION = 'feedfacecafebeef';
const MISSING = 'added-in-this-deploy.txt';

describe('service worker update across a deploy with a missing file', () => {
  it('keeps the old version, deletes the failed attempt’s cache, and retries successfully on the next visit', async () => {
    const page = await context.newPage();
    await page.goto(server.url + 'journal-club/');
    await page.locator('[data-offline-status][data-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    const first = await state(page);
    expect(first.active).toMatch(/^[0-9a-f]{16}$/);
    expect(first.keys).toEqual([`nelm-offline-${first.active}`]);

    // The deploy: a new sw.js whose precache list names a file the server does not have yet.
    const swPath = join(site, 'sw.js');
    const original = readFileSync(swPath, 'utf8');
    const broken = original
      .replace(/const VERSION = "[0-9a-f]{16}";/, `const VERSION = "${NEW_VERSION}";`)
      .replace(/const PRECACHE = \[/, `const PRECACHE = [${JSON.stringify(MISSING)},`);
    expect(broken).not.toBe(original);
    writeFileSync(swPath, broken);

    expect(await updateAndSettle(page)).toBe('redundant');
    const afterFailure = await state(page);
    expect(afterFailure.active).toBe(first.active);
    // No empty or partial cache of the failed version is left behind.
    expect(afterFailure.keys).toEqual([`nelm-offline-${first.active}`]);

    // The old version still serves the site offline.
    await context.setOffline(true);
    const offline = await page.reload();
    expect(offline?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toContain('Journal club');
    await context.setOffline(false);

    // The file arrives; the next visit installs the new version and removes the old cache.
    writeFileSync(join(site, MISSING), 'now deployed\n');
    await page.goto(server.url + 'journal-club/');
    const result = await updateAndSettle(page);
    expect(['activated', 'no update']).toContain(result);
    await expect.poll(async () => (await state(page)).active, { timeout: 15_000 }).toBe(NEW_VERSION);
    await expect.poll(async () => (await state(page)).keys, { timeout: 15_000 }).toEqual([`nelm-offline-${NEW_VERSION}`]);
    await page.close();
  });
});
