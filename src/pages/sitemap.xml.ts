import type { APIRoute } from 'astro';
import { absoluteUrl, isDynamic, pagePath, sitemapXml } from '../components/story/sitemap.ts';

type StaticPaths = () => Promise<readonly { params: Record<string, string | undefined> }[]> | readonly { params: Record<string, string | undefined> }[];
type PageModule = { getStaticPaths?: StaticPaths; partial?: boolean };

/**
 * Every HTML page of the site with absolute URLs (`Astro.site` + base): all .astro/.md/.mdx pages,
 * dynamic routes expanded with their getStaticPaths, HTML partials (`export const partial = true`)
 * and 404 left out.
 */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const modules = import.meta.glob<PageModule>('./**/*.{astro,md,mdx}');
  const paths: string[] = [];
  for (const [file, load] of Object.entries(modules)) {
    const mod = await load();
    if (mod.partial) continue;
    if (!isDynamic(file)) {
      const p = pagePath(file);
      if (p !== null) paths.push(p);
      continue;
    }
    for (const entry of (await mod.getStaticPaths?.()) ?? []) {
      const p = pagePath(file, entry.params);
      if (p !== null) paths.push(p);
    }
  }
  // A sitemap lists absolute URLs only: without SITE_URL it stays empty rather than name a placeholder.
  const xml = sitemapXml(site ? paths.map((p) => absoluteUrl(site, base, p)) : []);
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
