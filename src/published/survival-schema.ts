/**
 * Schema of `data/published/survival.json`: the survival numbers the paper prints
 * (group sizes, numbers at risk under Figures 2 and 3, log-rank p-values, medians with IQRs,
 * median follow-up). These are the targets of the reconstruction and the reference the
 * figure's stats panel shows beside our own numbers.
 */
import { z } from 'zod';
import { proseNumbers } from './parse-printed.ts';
import { Location } from './printed.ts';
import { CheckedNumber } from './schemas.ts';

export const Endpoint = z.enum(['rfs', 'os']);
export type Endpoint = z.infer<typeof Endpoint>;

export const GroupingId = z.enum(['calcification', 'enhancement']);
export type GroupingId = z.infer<typeof GroupingId>;

/** A printed group size: its value must be the number printed (see `CheckedNumber`). */
const Count = CheckedNumber.refine((v) => v.value !== null && Number.isInteger(v.value) && v.value >= 0, {
  message: 'must be a whole number',
});

/** Integer count printed as a bare string, e.g. "45". */
const PrintedCount = z.string().regex(/^\d+$/, 'must be a whole number as printed, e.g. "45"');

const Quartiles = z
  .object({
    id: z.string(),
    /** As printed in the prose, e.g. `32 (IQR: 16–49) months`: the median, then q25 and q75. */
    printed: z.string(),
    median: CheckedNumber,
    q25: CheckedNumber,
    q75: CheckedNumber,
    location: Location,
  })
  .strict();

type QuartilesValue = z.infer<typeof Quartiles>;

/** The numbers of `printed` must be the median, q25 and q75 as stored, in that order. */
function checkQuartiles(q: QuartilesValue, ctx: z.RefinementCtx, path: (string | number)[]): void {
  const tokens = proseNumbers(q.printed).map((t) => t.printed);
  const stored = [q.median.printed, q.q25.printed, q.q75.printed];
  if (tokens.join('|') !== stored.join('|')) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'printed'],
      message: `printed ${JSON.stringify(q.printed)} holds the numbers ${JSON.stringify(tokens)}, but median, q25 and q75 are printed ${JSON.stringify(stored)}`,
    });
  }
}

export const SurvivalFile = z
  .object({
    $comment: z.string().optional(),
    groupings: z
      .array(
        z
          .object({
            id: GroupingId,
            label: z.string(),
            n: Count,
            location: Location,
            groups: z.array(z.object({ id: z.string(), label: z.string(), n: Count }).strict()).min(2),
          })
          .strict(),
      )
      .length(2),
    cohort: z.object({ n: Count, location: Location }).strict(),
    figures: z.array(
      z
        .object({
          id: z.string(),
          figure: z.string(),
          page: z.number().int(),
          endpoint: Endpoint,
          grouping: GroupingId,
          times: z.array(z.number().nonnegative()).min(1),
          atRisk: z.record(z.string(), z.array(PrintedCount)),
          logrankP: CheckedNumber,
          note: z.string().optional(),
        })
        .strict(),
    ),
    quantiles: z.array(
      Quartiles.extend({
        endpoint: Endpoint,
        grouping: z.union([GroupingId, z.literal('all')]),
        group: z.string(),
      }).strict(),
    ),
    followUp: Quartiles,
  })
  .strict()
  .superRefine((file, ctx) => {
    file.quantiles.forEach((q, i) => {
      checkQuartiles(q, ctx, ['quantiles', i]);
      if (q.grouping === 'all' ? q.group !== 'all' : !file.groupings.find((g) => g.id === q.grouping)?.groups.some((g) => g.id === q.group)) {
        ctx.addIssue({ code: 'custom', path: ['quantiles', i, 'group'], message: `unknown group "${q.group}" of grouping "${q.grouping}"` });
      }
    });
    checkQuartiles(file.followUp, ctx, ['followUp']);
    for (const [i, fig] of file.figures.entries()) {
      const grouping = file.groupings.find((g) => g.id === fig.grouping);
      for (const [group, counts] of Object.entries(fig.atRisk)) {
        if (!grouping?.groups.some((g) => g.id === group)) {
          ctx.addIssue({ code: 'custom', path: ['figures', i, 'atRisk', group], message: `unknown group "${group}"` });
        }
        if (counts.length !== fig.times.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['figures', i, 'atRisk', group],
            message: `has ${counts.length} counts for ${fig.times.length} times`,
          });
        }
      }
    }
  });
export type SurvivalFile = z.infer<typeof SurvivalFile>;
