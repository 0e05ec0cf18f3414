/**
 * Shared pieces of the end-to-end tests: a static server for the built site and a Chromium
 * launcher with the flags this machine needs (no sandbox as root, no background networking).
 * `E2E_DIST` names the build the tests look at (default dist/); browsers.ts runs a test in
 * Chromium and Firefox through one small page interface.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import type { Browser, Page, Request } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.zip': 'application/zip',
};

export interface StaticServer {
  /** Origin plus base path, ending in `/`, e.g. `http://127.0.0.1:40123/`. */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

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
  const root = resolve(dir);
  const out: BuiltPage[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) {
        const file = relative(root, full).split(sep).join('/');
        const html = readFileSync(full, 'utf8');
        const path = file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
        out.push({ file, path, partial: !/<html[\s>]/i.test(html), html });
      }
    }
  };
  walk(root);
  return out;
}

export interface ServeOptions {
  /** Extra response headers for HTML documents (e.g. a Content-Security-Policy). */
  htmlHeaders?: Record<string, string>;
}

/** Serves `dir` (default {@link DIST}) under `base` (default `/`) on a free localhost port. */
export async function serveStatic(dir = DIST, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${dir}/index.html not found: run \`npm run build\` first`);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix) && `${path}/` !== prefix) {
      res.writeHead(404).end('outside base');
      return;
    }
    path = path.slice(prefix.length - 1) || '/';
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, ...(type.startsWith('text/html') ? options.htmlHeaders : {}) });
    res.end(readFileSync(file));
  };
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
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
