import { describe, expect, it } from 'vitest';
import { absoluteUrl, isDynamic, pagePath, robotsTxt, sitemapXml } from '../../../src/components/story/sitemap.ts';

describe('sitemap helpers', () => {
  it('pagePath maps page files to site paths with trailing slashes', () => {
    expect(pagePath('./index.astro')).toBe('');
    expect(pagePath('./explore/index.astro')).toBe('explore/');
    expect(pagePath('./journal-club/handout/index.astro')).toBe('journal-club/handout/');
    expect(pagePath('./about.md')).toBe('about/');
  });

  it('pagePath leaves out 404, 500 and _underscored files, and fills dynamic parameters', () => {
    expect(pagePath('./404.astro')).toBeNull();
    expect(pagePath('./500.astro')).toBeNull();
    expect(pagePath('./_draft.astro')).toBeNull();
    expect(pagePath('./explore/embed/[view].astro', { view: 'calcification-os' })).toBe('explore/embed/calcification-os/');
    expect(pagePath('./explore/embed/[view].astro')).toBeNull();
    expect(pagePath('./docs/[...slug].astro', { slug: 'a/b' })).toBe('docs/a/b/');
    expect(isDynamic('./x/[id].astro')).toBe(true);
    expect(isDynamic('./x/index.astro')).toBe(false);
  });

  it('absoluteUrl joins the site origin, the base path and the page path', () => {
    expect(absoluteUrl('https://example.org', '/', '')).toBe('https://example.org/');
    expect(absoluteUrl('https://example.org/ignored/', '/', 'explore/')).toBe('https://example.org/explore/');
    expect(absoluteUrl('https://example.org', '/supplementary/hbsn-2019-06-02/', 'explore/')).toBe(
      'https://example.org/supplementary/hbsn-2019-06-02/explore/',
    );
    expect(absoluteUrl('https://example.org', 'supplementary/hbsn-2019-06-02', 'sitemap.xml')).toBe(
      'https://example.org/supplementary/hbsn-2019-06-02/sitemap.xml',
    );
  });

  it('sitemapXml is sorted, de-duplicated and escaped', () => {
    const xml = sitemapXml(['https://e.org/b/', 'https://e.org/a/?x=1&y=2', 'https://e.org/b/']);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://e.org/a/?x=1&amp;y=2</loc></url>\n  <url><loc>https://e.org/b/</loc></url>\n</urlset>\n',
    );
  });

  it('robotsTxt allows everything and points to the sitemap', () => {
    expect(robotsTxt('https://e.org/sub/sitemap.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://e.org/sub/sitemap.xml\n');
  });
});
