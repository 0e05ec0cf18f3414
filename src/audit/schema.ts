/**
 * The zod schema of `src/generated/audit.json` (the audit with its calibration), so that the pages
 * read it validated (src/lib/generated.ts): a stale or damaged file stops the build naming the bad
 * field. src/lib/generated.ts assigns the parsed value to {@link AuditResult} and
 * {@link CalibrationReport}, so the compiler checks that this schema and those types agree.
 */
import { z } from 'zod';
import { PageRef } from '../published/schemas.ts';
import { CONSEQUENCES, SCOPES, VERDICTS } from './types.ts';
import type { Verdict, Scope } from './types.ts';

const Verdict = z.enum(VERDICTS as [Verdict, ...Verdict[]]);
const Scope = z.enum(SCOPES as [Scope, ...Scope[]]);
const ConsequenceKind = z.enum(CONSEQUENCES as ['conclusion', 'number', 'presentation']);
const CheckId = z.enum([
  'percentage', 'denominators', 'categorical-p', 'continuous', 'cox', 'cox-duplicate-ci', 'claim', 'text-number',
  'text-vs-text', 'cross-table', 'group-sizes', 'survival', 'pooled-median', 'identical-rows', 'inclusion', 'test-choice',
]);
const TestName = z.enum(['fisher', 'chisq', 'chisqYates', 'fisherOneSided', 'fisherMidP', 'likelihoodRatio']);
const Mechanism = z.enum(['rounding', 'truncation', 'double-rounding', 'whole-percent', 'sum-to-100', 'other-denominator']);
const BenignMechanism = z.enum([
  'rounding-half-up', 'rounding-half-even', 'truncation', 'whole-percent', 'double-rounding', 'largest-remainder',
  'adjusted-to-100', 'missing-data-denominator', 'one-sided-test', 'other-test', 'hr-truncation',
]);

const TestPs = z.object({
  fisher: z.number(),
  chisq: z.number().nullable(),
  chisqYates: z.number().nullable().optional(),
  fisherOneSided: z.number().optional(),
  fisherMidP: z.number().optional(),
  likelihoodRatio: z.number().nullable().optional(),
});

const TestedTable = z.object({
  variant: z.string(),
  description: z.string(),
  rowLabels: z.array(z.string()),
  colLabels: z.array(z.string()),
  counts: z.array(z.array(z.number())),
  ps: TestPs,
  matches: z.array(TestName),
});

const Recomputed = z
  .object({
    fisher: z.number().optional(),
    chisq: z.number().nullable().optional(),
    chisqYates: z.number().nullable().optional(),
    fisherOneSided: z.number().optional(),
    fisherMidP: z.number().optional(),
    likelihoodRatio: z.number().nullable().optional(),
    percent: z.number().optional(),
    denominators: z.array(z.number()).optional(),
    otherDenominators: z.array(z.number()).optional(),
    mechanisms: z.array(Mechanism).optional(),
    tables: z.array(TestedTable).optional(),
  })
  .catchall(z.unknown());

const Finding = z.object({
  id: z.string(),
  scope: Scope,
  location: z.object({
    table: z.string().nullable(),
    section: z.string().nullable(),
    row: z.string(),
    column: z.string().nullable(),
    page: PageRef.nullable(),
  }),
  check: CheckId,
  printed: z.string(),
  recomputed: Recomputed,
  verdict: Verdict,
  consequence: ConsequenceKind.nullable(),
  explainedBy: z.array(BenignMechanism),
  explanation: z.string(),
  cells: z.array(z.string()),
  related: z.array(z.string()),
});

/** A record with every key of `keys` (zod's enum-keyed record allows missing keys). */
function complete<K extends string, V extends z.ZodTypeAny>(keys: readonly K[], value: V) {
  return z
    .record(z.enum(keys as [K, ...K[]]), value)
    .superRefine((r, ctx) => {
      for (const k of keys) if (!(k in r)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `missing key ${k}` });
    })
    .transform((r) => r as Record<K, z.output<V>>);
}

const ByVerdict = complete(VERDICTS, z.number());

/** Counts by verdict and their total, every key present. */
const VerdictCountsWithTotal = z
  .object(Object.fromEntries([...VERDICTS, 'total'].map((k) => [k, z.number()])))
  .strict()
  .transform((r) => r as Record<Verdict, number> & { total: number });

const AuditSummary = z.object({
  checked: z.number(),
  byVerdict: ByVerdict,
  byConsequence: complete(CONSEQUENCES, z.number()),
  explainedByMechanism: z.number(),
  byTable: complete(SCOPES, VerdictCountsWithTotal),
  byCheck: z.record(CheckId, z.number()),
});

const Count = z.object({ tables: z.number(), inconsistent: z.number() });
const SeedLocation = z.object({ row: z.string(), level: z.string().nullable().optional(), column: z.string() });

const CalibrationReport = z.object({
  clean: z.object({
    tables: z.number(),
    checks: z.number(),
    inconsistent: z.number(),
    falsePositiveRate: z.number(),
    byPercent: z.record(z.string(), Count),
    byTest: z.record(z.string(), Count),
    examples: z.array(z.object({ table: z.string(), finding: z.string(), explanation: z.string() })),
  }),
  seeded: z.object({
    tables: z.number(),
    found: z.number(),
    sensitivity: z.number(),
    byError: z.record(z.string(), z.object({ seeded: z.number(), found: z.number(), sensitivity: z.number() })),
    missed: z.array(z.object({ table: z.string(), at: SeedLocation })),
  }),
  targets: z.object({ noFalsePositives: z.boolean(), sensitivityAtLeast95: z.boolean() }),
});

/** `src/generated/audit.json`: the findings and summary, with the calibration (null without its fixture). */
export const AuditFile = z.object({ summary: AuditSummary, findings: z.array(Finding), calibration: CalibrationReport.nullable() }).strict();
