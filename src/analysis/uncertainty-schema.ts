/**
 * The contract of `src/generated/uncertainty.json` (written by src/analysis/uncertainty.ts, read
 * through src/lib/generated.ts, which validates it with this schema): pooled hazard ratios and
 * ensemble ranges of the numbers computed from reconstructed data. Its own file so that pages can
 * validate the JSON without importing the statistics.
 */
import { z } from 'zod';

/** The quantiles that bound an ensemble range: the middle 95% of the members. */
export const RANGE_PROBABILITIES = [0.025, 0.975] as const;

const Range = z.object({ lower: z.number(), upper: z.number() }).strict();

const PooledHazardRatio = z
  .object({
    /** The level compared with the reference. */
    term: z.string(),
    reference: z.string(),
    /** exp of the pooled log HR, and of its pooled CI limits. */
    hr: z.number(),
    lower: z.number(),
    upper: z.number(),
    /** Pooled Wald p (t distribution on Rubin's df). */
    p: z.number(),
    /** Rubin's df, and λ = the share of the total variance due to the disagreement between members. */
    df: z.number(),
    lambda: z.number(),
    /** Members whose Cox model estimated this HR (all, unless a group had no event). */
    members: z.number().int(),
    /** 2.5th–97.5th percentile of the members' own HRs. */
    memberRange: Range,
    /** Members' events in the two groups compared (what the power of the comparison rests on). */
    events: Range,
    /** Members' log-rank p of the pair alone (for three groups, the pairwise test). */
    logrankP: Range,
  })
  .strict();

const ViewUncertainty = z
  .object({
    id: z.string(),
    /** Members' omnibus log-rank p (null for a view without groups). */
    logrankP: Range.nullable(),
    /** Members' events per group, and in all groups together. */
    events: z.record(z.string(), Range),
    eventsTotal: Range,
    hazardRatios: z.array(PooledHazardRatio),
    /** Members' pairwise log-rank p, raw and Holm-adjusted (null for fewer than three groups). */
    pairwise: z.array(z.object({ a: z.string(), b: z.string(), p: Range, pHolm: Range }).strict()).nullable(),
  })
  .strict();

export const UncertaintyFile = z
  .object({
    /** Where the members came from, relative to the project root. */
    file: z.string(),
    members: z.number().int().min(2),
    probabilities: z.tuple([z.number(), z.number()]),
    /** Members' number of patients assessed for both signs, for one sign only, and for neither. */
    assessed: z.object({ both: Range, calcificationOnly: Range, enhancementOnly: Range, neither: Range }).strict(),
    views: z.array(ViewUncertainty),
  })
  .strict();

export type EnsembleRange = z.infer<typeof Range>;
export type PooledHazardRatio = z.infer<typeof PooledHazardRatio>;
export type ViewUncertainty = z.infer<typeof ViewUncertainty>;
export type Uncertainty = z.infer<typeof UncertaintyFile>;
