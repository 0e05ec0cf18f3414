import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { StoryFrontmatter } from '../../../src/components/story/schema.ts';
import { paper } from '../../../src/lib/paper.ts';

function frontmatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  return parse(m[1]) as Record<string, unknown>;
}

describe('content/story.mdx front matter', () => {
  const raw = frontmatter('content/story.mdx');
  const fm = StoryFrontmatter.parse(raw);

  it('holds only the story\'s own words: its title (not the article\'s) and its summary', () => {
    expect(Object.keys(raw).sort()).toEqual(['description', 'title']);
    expect(fm.title).not.toBe(paper.title);
  });

  it('refuses a copy of the bibliographic record (one source: data/published/article.json)', () => {
    expect(StoryFrontmatter.safeParse({ ...fm, doi: paper.doi }).success).toBe(false);
    expect(StoryFrontmatter.safeParse({ ...fm, authors: paper.authors }).success).toBe(false);
    const { description: _description, ...rest } = fm;
    expect(StoryFrontmatter.safeParse(rest).success).toBe(false);
  });
});
