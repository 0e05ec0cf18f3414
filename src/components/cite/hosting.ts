/**
 * Build-time switch for a journal that hosts this site as the article's own page.
 *
 *   HOST_AS_ARTICLE=1 npm run build
 *
 * adds Google Scholar's `citation_*` meta tags to the story page. Leave it unset everywhere else:
 * an edition that claims to be the article creates a duplicate Scholar record.
 * Read at build time (pages are prerendered in Node), never shipped to the browser.
 */
export function hostAsArticle(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const v = (env.HOST_AS_ARTICLE ?? '').trim().toLowerCase();
  return v === '1' || v === 'true' || v === 'yes';
}
