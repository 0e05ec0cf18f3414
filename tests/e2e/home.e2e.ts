import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, openBrowser } from './browsers.ts';
import type { TestBrowser } from './browsers.ts';

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
});
afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('home page in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads, shows the paper title, logs no console errors and requests nothing from other origins', async () => {
    const page = await browser.newPage();
    expect(await page.goto(server.url, { waitUntil: 'networkidle' })).toBe(200);
    expect(await page.text('h1')).toContain('Radiographic characteristics of neuroendocrine liver metastases');
    expect(page.watch.consoleErrors).toEqual([]);
    expect(page.watch.foreignRequests).toEqual([]);
    await page.close();
  });
});
