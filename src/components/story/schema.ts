/**
 * Zod schemas of the story's content: the MDX front matter (the story's own title and summary; the
 * article's bibliographic record lives in data/published/article.json only) and the reference list.
 * Used by the content collections (src/content.config.ts) and by the unit tests.
 */
import { z } from 'zod';

const DOI = /^10\.\d{4,9}\/\S+$/;

export const StoryFrontmatter = z
  .object({
    /**
     * The story's own title (our words). The article's bibliographic record (title, authors, DOI,
     * journal, issue) is data, in data/published/article.json only (src/lib/paper.ts): `.strict()`
     * refuses a copy of it here.
     */
    title: z.string().min(1),
    /** The story's summary (our words), for search results and link previews. */
    description: z.string().min(50).max(200),
  })
  .strict();
export type StoryFrontmatter = z.infer<typeof StoryFrontmatter>;

/** One entry of the article's reference list (content/references.json). */
export const Reference = z
  .object({
    /** `ref-1` … `ref-29`: the anchor the story links to. */
    id: z.string().regex(/^ref-\d+$/),
    /** Number as printed in the article. */
    n: z.number().int().positive(),
    /** Authors as printed, Vancouver style (`Yao JC`). */
    authors: z.array(z.string().min(1)).min(1),
    /** True when the printed list ends in "et al." */
    etAl: z.boolean(),
    title: z.string().min(1),
    journal: z.string().min(1),
    year: z.number().int().min(1900).max(2100),
    volume: z.string().min(1),
    pages: z.string().min(1),
    /** Only identifiers known for certain; otherwise null (never guessed). */
    doi: z.string().regex(DOI).nullable(),
    pmid: z.string().regex(/^\d{1,9}$/).nullable(),
  })
  .strict()
  .refine((r) => r.id === `ref-${r.n}`, { message: 'id must be ref-<n>' });
export type Reference = z.infer<typeof Reference>;

/** The whole list: numbered 1..N without gaps. */
export const ReferenceList = z
  .array(Reference)
  .min(1)
  .superRefine((list, ctx) => {
    list.forEach((r, i) => {
      if (r.n !== i + 1) ctx.addIssue({ code: 'custom', path: [i, 'n'], message: `expected reference ${i + 1}, found ${r.n}` });
    });
  });
