/**
 * Build-time half of the offline feature: which files of the built site the service worker
 * precaches, the cache version (a hash of their contents), and the service worker's source.
 * Pure functions plus one directory walk; the Astro integration (offline-integration.ts) calls
 * them after the build and writes `sw.js` at the root of the site's base.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesBelow, servedPath } from '../../lib/built-files.ts';

/** Name of the generated service worker, at the root of the base path. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Whether a built file goes into the precache. Left out: the service worker itself, source maps,
 * the legacy font formats (.woff, .ttf, .eot) that stylesheets list after .woff2, since every
 * browser that runs service workers reads .woff2 and never asks for the others, and the static
 * host's own configuration (`_headers`, `_redirects`), which hosts do not serve: one 404 in the
 * list would make the worker's install fail.
 */
export function isPrecached(path: string): boolean {
  if (path === SERVICE_WORKER_FILE || path === '_headers' || path === '_redirects') return false;
  return !/\.(map|woff|ttf|eot)$/i.test(path);
}

/**
 * The URL (relative to the base) under which a file is cached: pages by their directory URL
 * (`journal-club/index.html` → `journal-club/`, `index.html` → `./`), as browsers request them,
 * so navigations hit the cache without a redirect.
 */
export function precacheUrl(path: string): string {
  return servedPath(path) || './';
}

/** Short content hash over (path, bytes) of every precached file: changes whenever any file does. */
export function cacheVersion(files: readonly { readonly path: string; readonly bytes: Uint8Array }[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    h.update(f.path);
    h.update('\0');
    h.update(f.bytes);
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

export interface Precache {
  readonly version: string;
  readonly urls: readonly string[];
  readonly bytes: number;
}

/** Reads the built site and decides the precache list and version. */
export function buildPrecache(dir: string): Precache {
  const files = filesBelow(dir)
    .filter(isPrecached)
    .map((path) => ({ path, bytes: readFileSync(join(dir, path)) }));
  return {
    version: cacheVersion(files),
    urls: files.map((f) => precacheUrl(f.path)),
    bytes: files.reduce((n, f) => n + f.bytes.length, 0),
  };
}

/** The service worker: the template with the version and URL list filled in. */
export function serviceWorkerSource(template: string, precache: Precache): string {
  const head = `const VERSION = ${JSON.stringify(precache.version)};\nconst PRECACHE = ${JSON.stringify(precache.urls)};\n`;
  if (!template.includes('/* PRECACHE */')) throw new Error('service worker template lacks the /* PRECACHE */ marker');
  return template.replace('/* PRECACHE */', head);
}
