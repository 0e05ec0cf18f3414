/**
 * Content collections (Astro 5 content layer): the story in MDX (front matter checked by zod) and
 * the article's reference list as validated data, the journal club's prose (content/journal-club)
 * and the reconstruction page's prose (content/reconstruction.mdx).
 */
import { defineCollection, z } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { Reference, StoryFrontmatter } from './components/story/schema.ts';

const story = defineCollection({
  loader: glob({ pattern: 'story.mdx', base: './content' }),
  schema: StoryFrontmatter,
});

/** The journal club's prose: the discussion guide with its model answers. */
const journalClub = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/journal-club' }),
  schema: z.object({ title: z.string(), description: z.string() }),
});

/** The prose of /reconstruction/ (its optional sections are imported from content/reconstruction/). */
const reconstruction = defineCollection({
  loader: glob({ pattern: 'reconstruction.mdx', base: './content' }),
  schema: z.object({ title: z.string(), description: z.string() }),
});

const references = defineCollection({
  loader: file('./content/references.json'),
  schema: Reference,
});

export const collections = { story, journalClub, reconstruction, references };
