import { describe, expect, it } from 'vitest';
import { citationMetaTags, scholarlyArticle, storyJsonLd } from '../../../src/components/cite/jsonld.ts';
import { hostAsArticle } from '../../../src/components/cite/hosting.ts';
import { paper } from '../../../src/lib/paper.ts';

describe('structured data of the story page', () => {
  const ld = storyJsonLd({ url: 'https://example.org/sub/', name: 'Headline', description: 'Summary', image: 'https://example.org/sub/og.png' }, paper);

  it('is a WebPage that isBasedOn the ScholarlyArticle (not the article itself)', () => {
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('WebPage');
    expect(ld.url).toBe('https://example.org/sub/');
    const article = ld.isBasedOn as Record<string, unknown>;
    expect(article['@type']).toBe('ScholarlyArticle');
    expect(article['@id']).toBe('https://doi.org/10.21037/hbsn.2019.06.02');
  });

  it('describes the article: DOI, nine authors, pages, issue → volume → periodical with ISSN', () => {
    const a = scholarlyArticle(paper) as Record<string, any>;
    expect(a.identifier).toEqual({ '@type': 'PropertyValue', propertyID: 'DOI', value: '10.21037/hbsn.2019.06.02' });
    expect(a.headline).toBe(paper.title);
    expect(a.author).toHaveLength(9);
    expect(a.author[0]).toEqual({ '@type': 'Person', givenName: 'Emily A.', familyName: 'Armstrong', name: 'Emily A. Armstrong' });
    expect([a.pageStart, a.pageEnd]).toEqual(['1', '12']);
    expect(a.isPartOf['@type']).toBe('PublicationIssue');
    expect(a.isPartOf.issueNumber).toBe('1');
    expect(a.isPartOf.isPartOf['@type']).toBe('PublicationVolume');
    expect(a.isPartOf.isPartOf.volumeNumber).toBe('9');
    expect(a.isPartOf.isPartOf.isPartOf).toEqual({
      '@type': 'Periodical',
      name: 'HepatoBiliary Surgery and Nutrition',
      alternateName: 'Hepatobiliary Surg Nutr',
    });
  });

  it('survives JSON serialisation (what Base.astro writes)', () => {
    expect(JSON.parse(JSON.stringify(ld))).toEqual(ld);
  });
});

describe('Google Scholar citation_* tags', () => {
  it('citationMetaTags(paper): title, one citation_author per author, date, journal, volume, issue, pages, DOI', () => {
    const tags = citationMetaTags(paper);
    const get = (name: string) => tags.filter((t) => t.name === name).map((t) => t.content);
    expect(get('citation_title')).toEqual([paper.title]);
    expect(get('citation_author')).toHaveLength(9);
    expect(get('citation_publication_date')).toEqual(['2020/02']);
    expect(get('citation_firstpage')).toEqual(['1']);
    expect(get('citation_lastpage')).toEqual(['12']);
    expect(get('citation_doi')).toEqual(['10.21037/hbsn.2019.06.02']);
  });

  it('hostAsArticle: only HOST_AS_ARTICLE=1/true/yes switches them on', () => {
    expect(hostAsArticle({})).toBe(false);
    expect(hostAsArticle({ HOST_AS_ARTICLE: '' })).toBe(false);
    expect(hostAsArticle({ HOST_AS_ARTICLE: '0' })).toBe(false);
    expect(hostAsArticle({ HOST_AS_ARTICLE: '1' })).toBe(true);
    expect(hostAsArticle({ HOST_AS_ARTICLE: 'true' })).toBe(true);
    expect(hostAsArticle({ HOST_AS_ARTICLE: ' YES ' })).toBe(true);
  });
});
