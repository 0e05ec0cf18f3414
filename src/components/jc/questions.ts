/**
 * The questions of the discussion guide, in order, read from content/journal-club/discussion.mdx
 * (its `<Question id="…" title="…">` elements), shared by the guide (with model answers), the
 * presenter's last slide and the printable handout.
 */
import discussionSource from '../../../content/journal-club/discussion.mdx?raw';
import { getView } from '../../lib/generated.ts';
import { fillPlaceholders } from '../../format/placeholders.ts';

export interface Question {
  readonly id: string;
  readonly title: string;
}

/** Values a title may name in braces: `{printedP}`. */
export interface TitleValues {
  /** The paper's log-rank p for calcification and overall survival, as printed. */
  readonly printedP: string;
}

const QUESTION = /<Question\s+id="([^"]+)"\s+title="([^"]*)"/g;

/** A title with its `{name}` placeholders filled; throws on an unknown name. */
export function fillTitle(title: string, values: TitleValues): string {
  return fillPlaceholders(title, { ...values });
}

/** The questions of an MDX source, in order of appearance, titles filled. */
export function questionsOf(source: string, values: TitleValues): Question[] {
  return [...source.matchAll(QUESTION)].map((m) => ({ id: m[1], title: fillTitle(m[2], values) }));
}

/** The values the titles name, from the generated data. */
export function titleValues(): TitleValues {
  return { printedP: getView('calcification', 'os').published.logrankP?.printed ?? '–' };
}

/** `printedP` is the paper's log-rank p for calcification and overall survival, as printed. */
export function questions(printedP: string): Question[] {
  return questionsOf(discussionSource, { printedP });
}
