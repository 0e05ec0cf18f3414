/**
 * Structured data for the story page. The page is a `WebPage` that `isBasedOn` the
 * `ScholarlyArticle` (it retells the article; it is not the article). Google Scholar's
 * `citation_*` meta tags are emitted only when the site is configured as the article's own page
 * (HOST_AS_ARTICLE, see ./hosting.ts): otherwise they would create a duplicate record.
 */
import type { CitablePaper } from './formats.ts';
import { doiLink } from './formats.ts';

export interface WebPageInput {
  /** Absolute URL of the page; none without a configured SITE_URL. */
  readonly url?: string;
  readonly name: string;
  readonly description: string;
  /** Absolute URL of the social image. */
  readonly image?: string;
  readonly inLanguage?: string;
}

/** The `ScholarlyArticle` with its periodical, volume and issue nested as schema.org expects. */
export function scholarlyArticle(p: CitablePaper): Record<string, unknown> {
  return {
    '@type': 'ScholarlyArticle',
    '@id': doiLink(p.doi),
    headline: p.title,
    name: p.title,
    identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: p.doi },
    url: doiLink(p.doi),
    sameAs: doiLink(p.doi),
    datePublished: p.date,
    author: p.authors.map((a) => ({ '@type': 'Person', givenName: a.given, familyName: a.family, name: `${a.given} ${a.family}` })),
    pageStart: p.firstPage,
    pageEnd: p.lastPage,
    pagination: p.pages,
    isPartOf: {
      '@type': 'PublicationIssue',
      issueNumber: p.issue,
      datePublished: p.date,
      isPartOf: {
        '@type': 'PublicationVolume',
        volumeNumber: p.volume,
        isPartOf: { '@type': 'Periodical', name: p.journal, alternateName: p.journalAbbrev },
      },
    },
  };
}

/** JSON-LD of the story page. */
export function storyJsonLd(page: WebPageInput, p: CitablePaper): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    ...(page.url ? { '@id': page.url, url: page.url } : {}),
    name: page.name,
    description: page.description,
    inLanguage: page.inLanguage ?? 'en',
    ...(page.image ? { primaryImageOfPage: { '@type': 'ImageObject', url: page.image, width: 1200, height: 630 } } : {}),
    isBasedOn: scholarlyArticle(p),
    about: { '@id': doiLink(p.doi) },
  };
}

/** Highwire Press `citation_*` tags (Google Scholar), for a page that IS the article. */
export function citationMetaTags(p: CitablePaper): readonly { readonly name: string; readonly content: string }[] {
  const [y, m] = p.date.split('-');
  return [
    { name: 'citation_title', content: p.title },
    ...p.authors.map((a) => ({ name: 'citation_author', content: `${a.family}, ${a.given}` })),
    { name: 'citation_publication_date', content: m ? `${y}/${m}` : y },
    { name: 'citation_journal_title', content: p.journal },
    { name: 'citation_journal_abbrev', content: p.journalAbbrev },
    { name: 'citation_volume', content: p.volume },
    { name: 'citation_issue', content: p.issue },
    { name: 'citation_firstpage', content: p.firstPage },
    { name: 'citation_lastpage', content: p.lastPage },
    { name: 'citation_doi', content: p.doi },
  ];
}
