/**
 * Zod schemas of the JSON `npm run data` writes for the pages (src/generated/site.json,
 * views.json, ensemble.json). src/lib/generated.ts parses every file with them, so a stale or
 * damaged file stops the build with the path of the bad field instead of drawing wrong numbers.
 * The types they produce are checked against the estimators' types where they are assigned
 * (src/lib/generated.ts), so the contract is declared by src/analysis and src/stats only.
 */
import { z } from 'zod';
import { ENDPOINT_IDS, GROUPING_IDS } from './views.ts';

const num = z.number();
const nullableNum = z.number().nullable();
const numbers = z.array(num);
const byGroup = <T extends z.ZodTypeAny>(value: T) => z.record(z.string(), value);

export const SiteInfoSchema = z
  .object({
    reconstructed: z.boolean(),
    patientFile: z.string(),
    patients: z.number().int().nonnegative(),
    calcificationAssessed: z.number().int().nonnegative(),
    enhancementAssessed: z.number().int().nonnegative(),
    bothAssessed: z.number().int().nonnegative(),
  })
  .strict();

const CurveTableSchema = z.object({
  time: numbers,
  nRisk: numbers,
  nEvent: numbers,
  nCensor: numbers,
  surv: numbers,
  se: z.array(nullableNum),
  lower: z.array(nullableNum),
  upper: z.array(nullableNum),
});

/** `p`: the probability of the quantile (0.25, 0.5, 0.75), as survivalQuartiles writes it. */
const QuantileCISchema = z.object({ p: num.optional(), est: nullableNum, lower: nullableNum, upper: nullableNum });
const TestSchema = z.object({ statistic: nullableNum, df: num, p: nullableNum });

export const SurvivalAnalysisSchema = z.object({
  n: z.number().int().nonnegative(),
  groups: z.array(z.string()),
  groupSizes: byGroup(z.number().int().nonnegative()),
  reference: z.string().nullable(),
  confLevel: num,
  confType: z.enum(['log', 'log-log', 'plain']),
  km: byGroup(CurveTableSchema),
  quantiles: byGroup(z.object({ q25: QuantileCISchema, median: QuantileCISchema, q75: QuantileCISchema })),
  riskTable: z.object({
    times: numbers,
    groups: byGroup(z.object({ atRisk: numbers, events: numbers, censored: numbers })),
  }),
  logrank: z
    .object({ chisq: num, df: num, p: nullableNum, observed: byGroup(num), expected: byGroup(num) })
    .nullable(),
  pairwise: z
    .array(z.object({ a: z.string(), b: z.string(), chisq: num, p: nullableNum, pHolm: nullableNum, pBonferroni: nullableNum }))
    .nullable(),
  cox: z
    .object({
      ties: z.enum(['efron', 'breslow']),
      terms: z.array(
        z.object({ term: z.string(), coef: nullableNum, se: nullableNum, hr: nullableNum, lower: nullableNum, upper: nullableNum, p: nullableNum }),
      ),
      wald: TestSchema,
      likelihoodRatio: TestSchema,
      score: TestSchema,
      problems: z.array(z.string()),
    })
    .nullable(),
});

const PublishedViewSchema = z.object({
  figure: z.string().nullable(),
  logrankP: z.object({ printed: z.string(), value: nullableNum }).nullable(),
  times: numbers,
  atRisk: byGroup(numbers).nullable(),
  quartiles: byGroup(z.object({ q25: nullableNum, median: nullableNum, q75: nullableNum, printed: z.string() })),
});

export const SurvivalViewSchema = z.object({
  id: z.string(),
  grouping: z.enum(GROUPING_IDS),
  endpoint: z.enum(ENDPOINT_IDS),
  groupingLabel: z.string(),
  endpointLabel: z.string(),
  endpointShort: z.string(),
  yLabel: z.string(),
  groupLabels: byGroup(z.string()),
  analysis: SurvivalAnalysisSchema,
  limits: z.object({ emptyGroups: z.array(z.string()), groupsWithoutEvents: z.array(z.string()), noEvents: z.boolean() }),
  published: PublishedViewSchema,
});

export const ViewsFileSchema = z.array(SurvivalViewSchema).min(1);

const BandSchema = z.object({ time: numbers, lower: numbers, upper: numbers });

/** ensemble.json: the bands of the reconstructions per view and group, or null (real data, or none yet). */
export const EnsembleFileSchema = z
  .object({ members: z.number().int().positive().nullable(), views: byGroup(byGroup(BandSchema)) })
  .nullable();
