/**
 * A static file server for the built site, behaving like a production static host: the base path,
 * directory index, `404.html`, gzip for text, `immutable` caching for hashed files in `_astro/`,
 * and the headers of the build's `_headers` file (CSP, nosniff, …). One implementation for the
 * Lighthouse runner, the toggle benchmark and the end-to-end tests.
 * Hand-written, not sirv: sirv serves only pre-compressed .gz/.br files (dist/ has none) and knows nothing of `_headers`.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile } from '../security/headers-file.ts';
import { InputError } from '../stats/validate.ts';

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
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.csv', '.webmanifest']);

export interface DistServer {
  readonly origin: string;
  /** Origin + base, ending in `/`. */
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Send the headers of the build's `_headers` file (CSP, nosniff, …) as Netlify would (default true). */
  readonly headersFile?: boolean;
  /** Remove the CSP <meta> tag from pages, so that only the header delivers the policy (tests). */
  readonly stripCspMeta?: boolean;
  /** Extra response headers for HTML documents (e.g. a test's own Content-Security-Policy). */
  readonly htmlHeaders?: Readonly<Record<string, string>>;
}

/**
 * Serves `dir` under `base` like a production static host: gzip for text, `immutable` caching for
 * the hashed files in `_astro/`, directory index, `404.html` for what is missing, and the headers
 * of the build's `_headers` file.
 */
export async function serveDist(dir: string, base = '/', options: ServeOptions = {}): Promise<DistServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new InputError(`${dir}/index.html not found: run \`npm run build\` first`);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const cache = new Map<string, Buffer>();
  const headersFile = join(root, '_headers');
  const rules = options.headersFile !== false && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
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
    let status = 200;
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    // Hosts read _headers and never serve it.
    if (!existsSync(file) || file === headersFile) {
      status = 404;
      file = join(root, '404.html');
      if (!existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
    }
    const ext = extname(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
    headers['cache-control'] = path.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    Object.assign(headers, headersFor(rules, url.pathname));
    if (ext === '.html') Object.assign(headers, options.htmlHeaders);
    let body: Buffer = readFileSync(file);
    if (options.stripCspMeta && ext === '.html') body = Buffer.from(body.toString('utf8').replace(/<meta http-equiv="content-security-policy"[^>]*>/i, ''));
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const key = `${file}:${statSync(file).mtimeMs}:${options.stripCspMeta ? 1 : 0}`;
      body = cache.get(key) ?? gzipSync(body, { level: 9 });
      cache.set(key, body);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server: Server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { origin, url: `${origin}${prefix}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
