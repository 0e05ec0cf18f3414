import type { APIRoute } from 'astro';
import { absoluteUrl, robotsTxt } from '../components/story/sitemap.ts';

/** robots.txt pointing to the sitemap (absolute URL, base path included); no pointer without SITE_URL. */
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site ? absoluteUrl(site, import.meta.env.BASE_URL, 'sitemap.xml') : null), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
