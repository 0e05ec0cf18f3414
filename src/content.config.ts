/**
 * Content collections (Astro 5 content layer): the story in MDX (front matter checked by zod) and
 * the article's reference list as validated data.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { Reference, StoryFrontmatter } from './components/story/schema.ts';

const story = defineCollection({
  loader: glob({ pattern: 'story.mdx', base: './content' }),
  schema: StoryFrontmatter,
});

const references = defineCollection({
  loader: file('./content/references.json'),
  schema: Reference,
});

export const collections = { story, references };
