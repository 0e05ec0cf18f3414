/**
 * Astro integration: after `astro build`, adds `<link rel="modulepreload">` to each page for the
 * chunks its module scripts import statically (transitively), so the browser fetches them together
 * with the entry script instead of one round trip later. On /explore/ the figure's script imports a
 * shared chunk: without the preload that second request started only once the first had arrived
 * (one more round trip before the figure works, and in Lighthouse's simulation of a slow phone
 * sometimes before the largest paint). Dynamic imports are left alone: they are loaded on demand.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFilesBelow, servedPath } from '../lib/built-files.ts';
import { staticImports } from '../cli/size.ts';

const ORIGIN = 'http://site.invalid';

/** The URL paths of the chunks the page's module scripts import statically, in a fixed order. */
export function preloadsFor(html: string, pageUrl: string, dir: string, base: string): string[] {
  const fileOf = (path: string): string | null => {
    if (!path.startsWith(base)) return null;
    const file = join(dir, decodeURIComponent(path.slice(base.length)));
    return existsSync(file) && statSync(file).isFile() ? file : null;
  };
  const entries = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*>/gi)) entries.add(new URL(m[1], new URL(pageUrl, ORIGIN)).pathname);
  const present = new Set([...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/gi)].map((m) => new URL(m[1], new URL(pageUrl, ORIGIN)).pathname));
  const found: string[] = [];
  const seen = new Set(entries);
  const queue = [...entries];
  while (queue.length) {
    const path = queue.shift()!;
    const file = fileOf(path);
    if (!file || !file.endsWith('.js')) continue;
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      const dep = new URL(spec, new URL(path, ORIGIN)).pathname;
      if (seen.has(dep)) continue;
      seen.add(dep);
      queue.push(dep);
      if (!present.has(dep) && fileOf(dep)) found.push(dep);
    }
  }
  return found;
}

/** Inserts the preload links before `</head>`; pages without a head are left alone. */
export function withModulePreloads(html: string, paths: readonly string[]): string {
  if (!paths.length || !/<\/head>/i.test(html)) return html;
  // The paths carry the base path: escaped like any attribute value, whatever BASE_PATH was.
  const links = paths.map((p) => `<link rel="modulepreload" href="${p.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`).join('');
  return html.replace(/<\/head>/i, `${links}</head>`);
}

export function modulePreload(): AstroIntegration {
  let base = '/';
  return {
    name: 'nelm-module-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        let links = 0;
        for (const rel of htmlFilesBelow(root)) {
          const file = join(root, rel);
          const pageUrl = base + servedPath(rel);
          const html = readFileSync(file, 'utf8');
          const paths = preloadsFor(html, pageUrl, root, base);
          const out = withModulePreloads(html, paths);
          if (out === html) continue;
          links += paths.length;
          writeFileSync(file, out);
        }
        logger.info(`${links} modulepreload link(s) for statically imported chunks`);
      },
    },
  };
}
