import type { APIRoute } from 'astro';
import { absoluteUrl, robotsTxt } from '../components/story/sitemap.ts';

/** robots.txt pointing to the sitemap (absolute URL, base path included). */
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(absoluteUrl(site ?? new URL('https://example.org'), import.meta.env.BASE_URL, 'sitemap.xml')), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
