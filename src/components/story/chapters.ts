/**
 * The story's chapters, read from content/story.mdx itself: their order there is their number, and
 * the contents list, the chapter headings and every "chapter N" in the prose come from here, so
 * moving or adding a chapter in the MDX renumbers everything.
 */
import storySource from '../../../content/story.mdx?raw';

export interface StoryChapter {
  readonly id: string;
  readonly n: number;
  readonly title: string;
}

/** `<Chapter id="…" title="…">` or `title={'…'}`, in the order they appear. */
const CHAPTER = /<Chapter\s+id="([^"]+)"\s+title=(?:"([^"]*)"|\{'([^']*)'\})\s*>/g;

/** The chapters of an MDX source, numbered from 1 in order of appearance. */
export function chaptersOf(source: string): StoryChapter[] {
  return [...source.matchAll(CHAPTER)].map((m, i) => ({ id: m[1], n: i + 1, title: m[2] ?? m[3] }));
}

const chapters = chaptersOf(storySource);

export function storyChapters(): readonly StoryChapter[] {
  return chapters;
}

/** The number of chapter `id`; throws for an unknown id, so a renamed chapter cannot leave a wrong reference. */
export function chapterNumber(id: string): number {
  const chapter = chapters.find((c) => c.id === id);
  if (!chapter) throw new Error(`story: no chapter "${id}" in content/story.mdx (chapters: ${chapters.map((c) => c.id).join(', ')})`);
  return chapter.n;
}
