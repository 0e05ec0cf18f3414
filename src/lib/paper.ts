/**
 * Bibliographic facts about the article this site is an edition of: one source for the header,
 * the citation formats, JSON-LD and the footer. The record itself is data, kept as printed in
 * `data/published/article.json` and validated by its schema on import.
 */
import articleJson from '../../data/published/article.json';
import { ArticleFile } from '../published/article-schema.ts';

const article = ArticleFile.parse(articleJson);

export const paper = {
  title: article.title,
  authors: article.authors,
  journal: article.journal,
  journalAbbrev: article.journalAbbrev,
  year: article.year,
  /** Issue date as printed in the running header (February 2020). */
  date: article.date,
  volume: article.volume,
  issue: article.issue,
  pages: article.pages,
  firstPage: article.pages.split('-')[0],
  lastPage: article.pages.split('-')[1],
  doi: article.doi,
  submitted: article.submitted,
  accepted: article.accepted,
  institution: article.institution,
} as const;

export type Paper = typeof paper;

/** The DOI as a resolvable link. */
export const doiUrl = `https://doi.org/${paper.doi}`;

/** "Armstrong EA, Beal EW, Shah M, et al." — Vancouver style, first three authors. */
export function shortAuthors(max = 3): string {
  const names = paper.authors.map((a) => `${a.family} ${a.initials}`);
  return names.length > max ? `${names.slice(0, max).join(', ')}, et al.` : names.join(', ');
}
