/**
 * Zod schemas for a number as the paper prints it.
 *
 * The paper is kept as printed: every value keeps its printed string beside the parsed number,
 * typos included. Corrections are the audit's business, never the data's.
 */
import { z } from 'zod';

/** Footnote marks used in the paper: `*` Fisher's exact test, `+` percentages of patients with available data. */
export const FootnoteMark = z.enum(['*', '+']);
export type FootnoteMark = z.infer<typeof FootnoteMark>;

/**
 * A single printed value: the exact characters (e.g. `"0.017*"`, `"<0.001"`, `"N/A"`, `"65.0"`)
 * and the number they stand for (`null` when they stand for none, as with `N/A`).
 */
export const PrintedNumber = z
  .object({
    printed: z.string().min(1),
    value: z.number().finite().nullable(),
    /** Footnote marks attached to the value as printed. */
    marks: z.array(FootnoteMark).default([]),
    /** `<` or `>` when the paper prints an inequality such as `<0.001`. */
    relation: z.enum(['=', '<', '>']).default('='),
  })
  .strict();
export type PrintedNumber = z.infer<typeof PrintedNumber>;

/** Where a value sits in the paper: page as printed in the running header, plus table/figure/section coordinates. */
export const Location = z
  .object({
    page: z.number().int().min(1).max(12),
    table: z.string().optional(),
    figure: z.string().optional(),
    section: z.string().optional(),
    row: z.string().optional(),
    column: z.string().optional(),
  })
  .strict();
export type Location = z.infer<typeof Location>;
