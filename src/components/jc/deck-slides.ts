/**
 * The presenter's own text slides (title, study design, take-home): their prose is
 * content/journal-club/slides.mdx (one `<Slide slide="…">` per slide); this file gives it the
 * numbers and the bibliographic record it quotes, from the generated data and
 * data/published/article.json, so that nothing in the slides is typed by hand.
 */
import slidesSource from '../../../content/journal-club/slides.mdx?raw';
import { formatPercent } from '../../format/number.ts';
import { paper, shortAuthors } from '../../lib/paper.ts';

/** The `slide` of every `<Slide slide="…">` of an MDX source, in order. */
export function deckSlidesOf(source: string): string[] {
  return [...source.matchAll(/<Slide\s+slide="([^"]+)"/g)].map((m) => m[1]);
}

export const DECK_SLIDES: readonly string[] = deckSlidesOf(slidesSource);

/** What the text slides quote. */
export interface DeckSlideNumbers {
  /** The article's title and its citation (`Authors. Journal year;volume(issue):pages.`). */
  readonly title: string;
  readonly citation: string;
  readonly institution: string;
  /** Patients in the cohort (this build's data). */
  readonly patients: number;
  /** Every hazard ratio's 95% interval includes 1. */
  readonly allCross: boolean;
  /** The intervals' level, `95%` (the analysis's confLevel). */
  readonly level: string;
}

/** Pure apart from the bibliographic record: the same counts give the same numbers. */
export function deckSlideNumbers(patients: number, allCross: boolean, confLevel: number): DeckSlideNumbers {
  return {
    title: paper.title,
    citation: `${shortAuthors().replace(/\.$/, '')}. ${paper.journal} ${paper.year};${paper.volume}(${paper.issue}):${paper.pages}.`,
    institution: paper.institution,
    patients,
    allCross,
    level: formatPercent(confLevel, 0),
  };
}
