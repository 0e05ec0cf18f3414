import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chapterNumber, chaptersOf, storyChapters } from '../../../src/components/story/chapters.ts';

describe('story chapters, read from the MDX', () => {
  it('numbers the chapters of a source in their order, both title forms', () => {
    const src = `<Chapter id="a" title="First">\n\n</Chapter>\n<Chapter id="b" title={'Say "so"'}>\n</Chapter>`;
    expect(chaptersOf(src)).toEqual([
      { id: 'a', n: 1, title: 'First' },
      { id: 'b', n: 2, title: 'Say "so"' },
    ]);
  });

  it('finds every <Chapter> of content/story.mdx, and the prose types no chapter number', () => {
    const mdx = readFileSync('content/story.mdx', 'utf8');
    expect(storyChapters().length).toBe((mdx.match(/<Chapter\s/g) ?? []).length);
    expect(storyChapters().length).toBeGreaterThan(5);
    expect(mdx).not.toMatch(/\bchapters? \d/);
    expect(mdx).not.toMatch(/<Chapter[^>]*\sn=/);
  });

  it('chapterNumber throws for an unknown id', () => {
    expect(chapterNumber(storyChapters()[0].id)).toBe(1);
    expect(() => chapterNumber('nope')).toThrow(/no chapter "nope"/);
  });
});
