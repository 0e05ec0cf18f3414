/**
 * Shared pieces of the end-to-end tests: a static server for the built site and a Chromium
 * launcher with the flags this machine needs (no sandbox as root, no background networking).
 * `E2E_DIST` names the build the tests look at (default dist/); browsers.ts runs a test in
 * Chromium and Firefox through one small page interface.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { serveDist } from '../../src/lib/static-server.ts';
import { htmlFilesBelow, servedPath } from '../../src/lib/built-files.ts';
import type { DistServer } from '../../src/lib/static-server.ts';

/** A running server: origin plus base path (`url`, ending in `/`) and `close()`. */
export type StaticServer = DistServer;

/** The built site the end-to-end tests load: `E2E_DIST`, default `dist`. */
export const DIST = process.env.E2E_DIST ?? 'dist';

export interface BuiltPage {
  /** Path of the HTML file below the build directory, `/`-separated: `explore/index.html`. */
  file: string;
  /** Its URL path below the base: `explore/`, `` for the root, `404.html`. */
  path: string;
  /** An HTML fragment fetched into another page (no <html>), not a document of its own. */
  partial: boolean;
  html: string;
}

/** Every HTML file of a build (sorted), read from the directory rather than listed by hand. */
export function builtPages(dir = DIST): BuiltPage[] {
  return htmlFilesBelow(dir).map((file) => {
    const html = readFileSync(join(dir, file), 'utf8');
    return { file, path: servedPath(file), partial: !/<html[\s>]/i.test(html), html };
  });
}

export interface ServeOptions {
  /** Extra response headers for HTML documents (e.g. a Content-Security-Policy). */
  htmlHeaders?: Record<string, string>;
}

/**
 * Serves `dir` (default {@link DIST}) under `base` (default `/`) on a free localhost port, with
 * the project's static server (src/lib/static-server.ts) minus the `_headers` file, so that the
 * meta-tag CSP is what the pages are tested under unless a test passes its own headers.
 */
export function serveStatic(dir = DIST, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  return serveDist(dir, base, { headersFile: false, htmlHeaders: options.htmlHeaders });
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches Debian's Chromium headless through playwright-core (no browser download). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A test file's static server of the build and its one Chromium: started before its tests (and
 * handed to `ready`), closed after them.
 */
export function withChromiumAndServer(ready: (server: StaticServer, browser: Browser) => void): void {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic();
    browser = await launchChromium();
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Collects console errors, page errors and requests to origins other than `origin`. */
export function watchPage(page: Page, origin: string) {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('request', (req: Request) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:')) return;
    if (!u.startsWith(origin)) foreignRequests.push(u);
  });
  return { consoleErrors, foreignRequests };
}
