/**
 * `npm run check-links`: checks every internal link of a built site without a server.
 *
 * Crawls the HTML files of `--dir` (default dist/) and checks each internal `href`, `src`,
 * `srcset`, `poster`, `action`, SVG `href`/`xlink:href`, CSS `url()` (in `<style>`, `style`
 * attributes and .css files), the sitemap's `<loc>`s and robots.txt's `Sitemap:` line:
 *
 * - the target file exists below the base path the site was built for (`--base`, default `/`);
 * - a `#fragment` names an element id (or `<a name>`) on the target page;
 * - every page is listed in sitemap.xml (404 and HTML partials excepted).
 *
 * Absolute URLs on the site's own origin (`--site`, default $SITE_URL or the astro.config default)
 * count as internal. Links to other origins are listed, never fetched; a script, stylesheet, image or
 * other resource the page loads by itself from another origin is an error. Exit code 1 if anything
 * is broken.
 * Hand-written, not linkinator: linkinator fetches links over HTTP; it does not check sitemap coverage or the base path, and fails no page for loading a resource from another origin.
 *
 *   npm run check-links
 *   npm run check-links -- --dir dist-subpath --base /supplementary/hbsn-2019-06-02/
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { parseArgs, usage } from './args.ts';
import type { OptionSpec } from './args.ts';
import { isMain } from './is-main.ts';
import { InputError } from '../stats/validate.ts';
import { filesBelow, servedPath } from '../lib/built-files.ts';
import { reportInputError } from './io.ts';

export const DEFAULT_SITE = process.env.SITE_URL || 'https://nelm-ct.example.org';

export interface LinkProblem {
  /** Site path of the page (or file) the link is on, e.g. `/explore/`. */
  readonly from: string;
  /** The link as written. */
  readonly link: string;
  readonly reason: string;
}

export interface LinkReport {
  readonly pages: number;
  readonly files: number;
  /** Internal links checked (each occurrence). */
  readonly checked: number;
  readonly broken: readonly LinkProblem[];
  /** External URLs and how often each occurs. */
  readonly external: ReadonlyMap<string, number>;
}

export interface CheckOptions {
  readonly dir: string;
  readonly base?: string;
  readonly site?: string;
}

interface Page {
  readonly file: string;
  /** URL path below the origin, with the base, e.g. `/sub/explore/`. */
  readonly path: string;
  readonly ids: Set<string>;
  readonly partial: boolean;
}

function normaliseBase(base: string): string {
  const b = `/${base.replace(/^\/+|\/+$/g, '')}/`;
  return b === '//' ? '/' : b;
}

/** URL path of a file in the build: `dist/explore/index.html` → `/base/explore/`. */
function filePath(root: string, file: string, base: string): string {
  return base + servedPath(relative(root, file).split(sep).join('/'));
}

/** The file a URL path points at, or null when it is outside the base or missing. */
function resolveFile(root: string, urlPath: string, base: string): string | null {
  let p: string;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!p.startsWith(base) && `${p}/` !== base) return null;
  const rel = p.slice(base.length);
  const full = join(root, rel);
  if (!full.startsWith(root)) return null;
  if (rel === '' || rel.endsWith('/')) return existsSync(join(full, 'index.html')) ? join(full, 'index.html') : null;
  if (existsSync(full) && statSync(full).isFile()) return full;
  // A directory URL written without its slash is served by a redirect: accept it.
  if (existsSync(join(full, 'index.html'))) return join(full, 'index.html');
  return null;
}

const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => m[2].trim()).filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
}

/** One URL of a page; `resource` when the browser fetches it by itself to show the page. */
interface PageLink {
  readonly url: string;
  readonly resource: boolean;
}

/** `<link rel>` values whose target the browser loads with the page (stylesheets, scripts, icons, …). */
const RESOURCE_RELS = new Set(['stylesheet', 'modulepreload', 'preload', 'prefetch', 'icon', 'apple-touch-icon', 'manifest', 'mask-icon']);

/** Links of one HTML document, in document order. */
function htmlLinks(document: Document): PageLink[] {
  const out: PageLink[] = [];
  const attr = (selector: string, name: string, resource: boolean) => {
    for (const el of document.querySelectorAll(selector)) {
      const v = el.getAttribute(name);
      if (v !== null) out.push({ url: v, resource });
    }
  };
  attr('a[href], area[href]', 'href', false);
  for (const el of document.querySelectorAll('link[href]')) {
    const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    out.push({ url: el.getAttribute('href') ?? '', resource: rels.some((r) => RESOURCE_RELS.has(r)) });
  }
  attr('img[src], script[src], iframe[src], source[src], video[src], audio[src], track[src], embed[src], input[src]', 'src', true);
  attr('video[poster]', 'poster', true);
  attr('object[data]', 'data', true);
  attr('form[action]', 'action', false);
  for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const part of (el.getAttribute('srcset') ?? '').split(',')) {
      const url = part.trim().split(/\s+/)[0];
      if (url) out.push({ url, resource: true });
    }
  }
  // SVG references: <use href>, <image href>, xlink:href.
  for (const el of document.querySelectorAll('use, image, feImage, textPath')) {
    const v = el.getAttribute('href') ?? el.getAttribute('xlink:href');
    if (v !== null) out.push({ url: v, resource: true });
  }
  for (const el of document.querySelectorAll('meta[property="og:image"], meta[name="twitter:image"], meta[property="og:url"]')) {
    const v = el.getAttribute('content');
    if (v) out.push({ url: v, resource: false });
  }
  for (const style of document.querySelectorAll('style')) out.push(...cssUrls(style.textContent ?? '').map((url) => ({ url, resource: true })));
  for (const el of document.querySelectorAll('[style]')) out.push(...cssUrls(el.getAttribute('style') ?? '').map((url) => ({ url, resource: true })));
  return out;
}

const SKIP_SCHEMES = /^(mailto|tel|data|javascript|blob|about):/i;

/** Checks the built site in `dir`. */
export function checkLinks(options: CheckOptions): LinkReport {
  const rootDir = resolve(options.dir);
  if (!existsSync(join(rootDir, 'index.html'))) throw new InputError(`${options.dir}/index.html not found: build the site first`);
  const base = normaliseBase(options.base ?? '/');
  const site = new URL(options.site ?? DEFAULT_SITE);
  const files = filesBelow(rootDir).map((f) => join(rootDir, f));
  const htmlFiles = files.filter((f) => f.endsWith('.html'));

  // Parse every page once: ids for fragment checks, links for checking.
  const pages = new Map<string, Page>();
  const docs = new Map<string, Document>();
  for (const file of htmlFiles) {
    const html = readFileSync(file, 'utf8');
    const partial = !/<html[\s>]/i.test(html);
    const { document } = parseHTML(partial ? `<!doctype html><html><body>${html}</body></html>` : html);
    const ids = new Set<string>();
    for (const el of document.querySelectorAll('[id]')) ids.add(el.getAttribute('id') ?? '');
    for (const el of document.querySelectorAll('a[name]')) ids.add(el.getAttribute('name') ?? '');
    pages.set(file, { file, path: filePath(rootDir, file, base), ids, partial });
    docs.set(file, document as unknown as Document);
  }

  const broken: LinkProblem[] = [];
  const external = new Map<string, number>();
  let checked = 0;

  /** `resource`: fetched by the browser to show the page, so it must come from the site's own origin. */
  const check = (from: string, fromUrl: URL, link: string, resource = false) => {
    const raw = link.trim();
    if (!raw || SKIP_SCHEMES.test(raw)) return;
    let url: URL;
    try {
      url = new URL(raw, fromUrl);
    } catch {
      broken.push({ from, link: raw, reason: 'not a valid URL' });
      return;
    }
    if (url.origin !== site.origin) {
      // A script, stylesheet or image from another host (e.g. a BASE_PATH of //evil.example/)
      // runs or shows that host's content on every page: never merely "external".
      if (resource) {
        broken.push({ from, link: raw, reason: `loads from another origin (${url.origin}); the site must load everything from its own` });
        return;
      }
      if (/^https?:$/.test(url.protocol)) external.set(url.toString(), (external.get(url.toString()) ?? 0) + 1);
      return;
    }
    checked++;
    const target = resolveFile(rootDir, url.pathname, base);
    if (!target) {
      const outside = !decodeURIComponent(url.pathname).startsWith(base);
      broken.push({ from, link: raw, reason: outside ? `outside the base path ${base}` : 'no such file' });
      return;
    }
    const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
    if (!fragment) return;
    // A fragment must name an element on the target page (fragments into other files are not checked).
    const page = pages.get(target);
    if (page && !page.ids.has(fragment)) broken.push({ from, link: raw, reason: `no element with id "${fragment}" on ${page.path}` });
  };

  for (const [file, document] of docs) {
    const page = pages.get(file)!;
    const fromUrl = new URL(page.path, site);
    for (const link of htmlLinks(document)) check(page.path, fromUrl, link.url, link.resource);
  }
  for (const file of files.filter((f) => f.endsWith('.css'))) {
    const path = filePath(rootDir, file, base);
    for (const link of cssUrls(readFileSync(file, 'utf8'))) check(path, new URL(path, site), link, true);
  }

  // The sitemap: every <loc> resolves, every page is listed.
  const sitemapFile = join(rootDir, 'sitemap.xml');
  if (existsSync(sitemapFile)) {
    const xml = readFileSync(sitemapFile, 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    const listed = new Set<string>();
    for (const loc of locs) {
      check(`${base}sitemap.xml`, new URL(`${base}sitemap.xml`, site), loc);
      try {
        const u = new URL(loc);
        if (u.origin !== site.origin) broken.push({ from: `${base}sitemap.xml`, link: loc, reason: `not on the site's origin ${site.origin}` });
        listed.add(decodeURIComponent(u.pathname));
      } catch {
        // reported by check()
      }
    }
    // A build without SITE_URL has an empty sitemap (a sitemap lists absolute URLs only) and no
    // Sitemap: line in robots.txt; a sitemap with entries must list every page.
    const unconfigured = locs.length === 0 && !/^Sitemap:/im.test(existsSync(join(rootDir, 'robots.txt')) ? readFileSync(join(rootDir, 'robots.txt'), 'utf8') : '');
    for (const page of unconfigured ? [] : pages.values()) {
      if (page.partial || /(^|\/)404\.html$/.test(page.file)) continue;
      if (!listed.has(page.path)) broken.push({ from: `${base}sitemap.xml`, link: page.path, reason: 'page missing from the sitemap' });
    }
  } else {
    broken.push({ from: base, link: `${base}sitemap.xml`, reason: 'no sitemap.xml' });
  }
  const robotsFile = join(rootDir, 'robots.txt');
  if (existsSync(robotsFile)) {
    for (const m of readFileSync(robotsFile, 'utf8').matchAll(/^Sitemap:\s*(\S+)/gim)) {
      check(`${base}robots.txt`, new URL(`${base}robots.txt`, site), m[1]);
    }
  }

  return { pages: htmlFiles.length, files: files.length, checked, broken, external };
}

export function formatReport(r: LinkReport, options: { readonly listExternal?: boolean } = {}): string {
  const lines = [`check-links: ${r.pages} HTML page(s), ${r.files} file(s), ${r.checked} internal link(s) checked, ${r.broken.length} broken, ${r.external.size} external URL(s) not fetched`];
  // One line per broken target, with the pages it is on.
  const groups = new Map<string, { link: string; reason: string; from: Map<string, number> }>();
  for (const b of r.broken) {
    const key = `${b.link}\u0000${b.reason}`;
    const g = groups.get(key) ?? { link: b.link, reason: b.reason, from: new Map<string, number>() };
    g.from.set(b.from, (g.from.get(b.from) ?? 0) + 1);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const from = [...g.from].map(([page, n]) => (n > 1 ? `${page} (×${n})` : page)).join(', ');
    lines.push(`  BROKEN ${g.link}: ${g.reason} — on ${from}`);
  }
  if (options.listExternal ?? true) {
    for (const [url, n] of [...r.external].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`  external ${url}${n > 1 ? ` (×${n})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

const SPEC = {
  dir: { type: 'string', help: 'built site (default dist)' },
  base: { type: 'string', help: 'base path it was built for (default $BASE_PATH or /)' },
  site: { type: 'string', help: `origin of the site (default $SITE_URL or ${DEFAULT_SITE})` },
  quiet: { type: 'boolean', help: 'do not list external URLs' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies OptionSpec;

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

export function runCheckLinks(argv: readonly string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): number {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      io.out(usage('npm run check-links --', SPEC));
      return 0;
    }
    const report = checkLinks({ dir: args.dir ?? 'dist', base: args.base ?? process.env.BASE_PATH ?? '/', site: args.site });
    io.out(formatReport(report, { listExternal: !args.quiet }));
    return report.broken.length ? 1 : 0;
  } catch (err) {
    return reportInputError(err, (t) => io.err(t));
  }
}

if (isMain(import.meta.url)) process.exitCode = runCheckLinks(process.argv.slice(2));
