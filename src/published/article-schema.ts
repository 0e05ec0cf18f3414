/** Schema of `data/published/article.json`: the article's bibliographic record as printed. */
import { z } from 'zod';
import { Location } from './printed.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD');

export const ArticleFile = z
  .object({
    $comment: z.string().optional(),
    title: z.string().min(1),
    authors: z
      .array(z.object({ family: z.string().min(1), given: z.string().min(1), initials: z.string().regex(/^[A-Z]+$/) }).strict())
      .min(1),
    journal: z.string().min(1),
    journalAbbrev: z.string().min(1),
    year: z.number().int(),
    date: IsoDate,
    volume: z.string().min(1),
    issue: z.string().min(1),
    pages: z.string().regex(/^\d+-\d+$/),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/),
    submitted: IsoDate,
    accepted: IsoDate,
    institution: z.string().min(1),
    location: Location,
  })
  .strict();
export type ArticleFile = z.infer<typeof ArticleFile>;
