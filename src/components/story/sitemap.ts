/**
 * Sitemap helpers: page files of src/pages → site paths, and the sitemap XML with absolute URLs
 * (`Astro.site` + base), so a journal hosting the site under a sub-path gets correct addresses.
 */
import { escapeXml } from '../../charts/svg.ts';

/** Dynamic parameters in a page path, e.g. `[slug]` or `[...rest]`. */
const DYNAMIC = /\[(\.\.\.)?([^\]]+)\]/g;

/**
 * `./explore/index.astro` → `explore/`, `./tables/[id].astro` + params `{ id: 'table2' }` →
 * `tables/table2/`. Returns null for pages that are not listed (404, 500, files starting with `_`).
 */
export function pagePath(file: string, params: Readonly<Record<string, string | undefined>> = {}): string | null {
  const rel = file.replace(/^\.\//, '').replace(/\.(astro|md|mdx|html)$/, '');
  if (rel.split('/').some((part) => part.startsWith('_'))) return null;
  if (/^(404|500)$/.test(rel)) return null;
  let path = rel.replace(/(^|\/)index$/, '$1');
  let missing = false;
  path = path.replace(DYNAMIC, (_m, _rest, name: string) => {
    const v = params[name];
    if (v === undefined) missing = true;
    return v ?? '';
  });
  if (missing) return null;
  path = path.replace(/\/+/g, '/').replace(/^\//, '');
  return path === '' || path.endsWith('/') ? path : `${path}/`;
}

export function isDynamic(file: string): boolean {
  return /\[[^\]]+\]/.test(file);
}

/** Absolute URL of a site path: origin of `site` + `base` + path. */
export function absoluteUrl(site: URL | string, base: string, path: string): string {
  const origin = new URL(site);
  const b = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return new URL(b + path.replace(/^\/+/, ''), origin.origin).toString();
}

/** The sitemap document (sitemaps.org 0.9), sorted and de-duplicated. */
export function sitemapXml(urls: readonly string[]): string {
  const unique = [...new Set(urls)].sort();
  const body = unique.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** robots.txt that allows everything and points to the sitemap (when its absolute URL is known). */
export function robotsTxt(sitemapUrl: string | null): string {
  return sitemapUrl === null ? 'User-agent: *\nAllow: /\n' : `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
