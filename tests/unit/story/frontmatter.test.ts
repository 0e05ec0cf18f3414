import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { StoryFrontmatter } from '../../../src/components/story/schema.ts';
import { paper } from '../../../src/lib/paper.ts';

function frontmatter(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  return parse(m[1]);
}

describe('content/story.mdx front matter', () => {
  const fm = StoryFrontmatter.parse(frontmatter('content/story.mdx'));

  it('passes the zod schema of the content collection', () => {
    expect(fm.doi).toMatch(/^10\./);
  });

  it('agrees with src/lib/paper.ts: DOI, journal, date, volume, issue, pages; its title is our own', () => {
    expect(fm.title).not.toBe(paper.title);
    expect(fm.doi).toBe(paper.doi);
    expect(fm.journal).toBe(paper.journal);
    expect(fm.date).toBe(paper.date);
    expect(fm.volume).toBe(paper.volume);
    expect(fm.issue).toBe(paper.issue);
    expect(fm.pages).toBe(paper.pages);
  });

  it('agrees with src/lib/paper.ts: every author, in order', () => {
    expect(fm.authors).toEqual(paper.authors.map((a) => ({ given: a.given, family: a.family })));
  });

  it('rejects front matter with a wrong DOI or a missing field', () => {
    expect(StoryFrontmatter.safeParse({ ...fm, doi: 'doi:10.1/x' }).success).toBe(false);
    const { journal: _journal, ...rest } = fm;
    expect(StoryFrontmatter.safeParse(rest).success).toBe(false);
  });
});
