/**
 * Types of the audit of the paper's printed numbers.
 *
 * A {@link Finding} is one checked number (or one checked group of numbers, such as a row
 * whose levels should add up): where it is printed, which check ran, what is printed, what we
 * recomputed, a verdict and a plain-language explanation. Findings are plain JSON (no Maps, no
 * classes) so they go straight into `src/generated/audit.json` for the pages.
 */
import type { PageRef } from '../published/schemas.ts';

/**
 * - `consistent`: the printed value is what the other printed numbers give, by ordinary rounding
 *   or by one of the named benign mechanisms in `explainedBy` (truncation, rounding twice,
 *   adjusting a column to add up to 100, …). A number a benign mechanism explains is never
 *   inconsistent.
 * - `consistent-other-test`: a printed P value matches another usual test than its legend names.
 * - `note`: a neutral remark: notation (a missing % sign or `+` mark) or the choice of a test.
 * - `inconsistent`: neither rounding nor any benign mechanism explains it.
 * - `recomputed`: the paper prints N/A or nothing; we report our own number.
 * - `cannot-check`: it cannot be recomputed from what is printed (needs patient data), or the
 *   only comparison would be with a value fitted to it.
 */
export type Verdict = 'consistent' | 'consistent-other-test' | 'note' | 'inconsistent' | 'recomputed' | 'cannot-check';

export const VERDICTS: readonly Verdict[] = ['consistent', 'consistent-other-test', 'note', 'inconsistent', 'recomputed', 'cannot-check'];

/**
 * What an `inconsistent` finding affects, by consequence (statcheck calls the first a "gross
 * inconsistency"): `conclusion` when it changes a conclusion or which side of the significance
 * threshold a result falls; `number` when a reported number cannot be right as printed;
 * `presentation` when the numbers may be right but the reporting is unclear (a label, a level
 * left out). `null` for every other verdict.
 */
export type Consequence = 'conclusion' | 'number' | 'presentation' | null;

export const CONSEQUENCES: readonly Exclude<Consequence, null>[] = ['conclusion', 'number', 'presentation'];

/** Which check produced a finding (one file per check in `src/audit/`). */
export type CheckId =
  | 'percentage'
  | 'denominators'
  | 'categorical-p'
  | 'continuous'
  | 'cox'
  | 'cox-duplicate-ci'
  | 'claim'
  | 'text-number'
  | 'text-vs-text'
  | 'cross-table'
  | 'group-sizes'
  | 'survival'
  | 'pooled-median'
  | 'identical-rows'
  | 'inclusion'
  | 'test-choice';

/** Part of the paper a finding belongs to: used for counts by table and for filters. */
export type Scope = 'Table 1' | 'Table 2' | 'Table 3' | 'Table S1' | 'Figures' | 'Text';

export const SCOPES: readonly Scope[] = ['Table 1', 'Table 2', 'Table 3', 'Table S1', 'Figures', 'Text'];

export interface FindingLocation {
  /** `Table 2`, `Figure 2A`, or `null` for prose. */
  readonly table: string | null;
  /** Printed section header (`Primary tumor`), text section (`Abstract`), or `null`. */
  readonly section: string | null;
  /** Row as printed, with its variable for a level: `ASA class › II`. */
  readonly row: string;
  /** Column as printed (`Calcifications present (N=12), N (%)`, `P value`), or `null`. */
  readonly column: string | null;
  readonly page: PageRef | null;
}

/** The P values of one contingency table (R's `fisher.test` and `chisq.test` semantics). */
export interface TestPs {
  /** Two-sided Fisher (Freeman–Halton for r × c). */
  readonly fisher: number;
  /** Pearson χ² without continuity correction (what Stata's `tabulate, chi2` prints); `null` when an expected count is 0. */
  readonly chisq: number | null;
  /** Pearson χ² with Yates' correction, 2 × 2 tables only. */
  readonly chisqYates?: number | null;
  /** One-sided Fisher, 2 × 2 only: the smaller tail, as Stata's "1-sided Fisher's exact". */
  readonly fisherOneSided?: number;
  /** Two-sided mid-p of Fisher's test, 2 × 2 only. */
  readonly fisherMidP?: number;
  /** Likelihood-ratio (G) test; `null` when fewer than two non-empty rows or columns. */
  readonly likelihoodRatio?: number | null;
}

/** A contingency table the audit tests, with its P values. */
export interface TestedTable {
  /** `main`, `column-n` (binary: the printed group sizes as denominators), `with-unlisted` (a level implied but not printed). */
  readonly variant: string;
  /** What was assumed, in words. */
  readonly description: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  readonly counts: readonly (readonly number[])[];
  readonly ps: TestPs;
  /** Tests whose P rounds to the printed one. */
  readonly matches: readonly TestName[];
}

export type TestName = 'fisher' | 'chisq' | 'chisqYates' | 'fisherOneSided' | 'fisherMidP' | 'likelihoodRatio';

/** What the audit recomputed; which fields are present depends on the check. */
export interface Recomputed {
  readonly fisher?: number;
  readonly chisq?: number | null;
  readonly chisqYates?: number | null;
  readonly fisherOneSided?: number;
  readonly fisherMidP?: number;
  readonly likelihoodRatio?: number | null;
  /** Exact percentage count/denominator × 100. */
  readonly percent?: number;
  /** Denominators used (for a cell: one; for a row: one per column). */
  readonly denominators?: readonly number[];
  /** Other denominators (1..N) under which the printed percentage would be right. */
  readonly otherDenominators?: readonly number[];
  /** Reporting habits that reproduce the printed number. */
  readonly mechanisms?: readonly Mechanism[];
  /** Contingency tables tested, the first one being the one the verdict rests on. */
  readonly tables?: readonly TestedTable[];
  readonly [key: string]: unknown;
}

/** A way of turning an exact value into the printed one (`other-denominator` is a lead, not a benign mechanism). */
export type Mechanism = 'rounding' | 'truncation' | 'double-rounding' | 'whole-percent' | 'sum-to-100' | 'other-denominator';

/**
 * The benign mechanisms the audit recognises, each named in the explanation of a number it
 * explains (src/audit/mechanisms.ts holds their words).
 */
export type BenignMechanism =
  | 'rounding-half-up'
  | 'rounding-half-even'
  | 'truncation'
  | 'whole-percent'
  | 'double-rounding'
  | 'largest-remainder'
  | 'adjusted-to-100'
  | 'missing-data-denominator'
  | 'one-sided-test'
  | 'other-test'
  | 'hr-truncation';

export interface Finding {
  /** Stable id, e.g. `t2-asa-p-pvalue`. */
  readonly id: string;
  readonly scope: Scope;
  readonly location: FindingLocation;
  readonly check: CheckId;
  /** What the paper prints, exactly (several values joined by ` · `). */
  readonly printed: string;
  readonly recomputed: Recomputed;
  readonly verdict: Verdict;
  readonly consequence: Consequence;
  /** Benign mechanisms that explain the printed value (empty when ordinary rounding does). */
  readonly explainedBy: readonly BenignMechanism[];
  /** One or two plain sentences with the numbers. */
  readonly explanation: string;
  /** Ids of the cells on /tables/ that carry this finding's badge (first = link target). */
  readonly cells: readonly string[];
  /** Ids of other cells the finding speaks about (linked, not badged). */
  readonly related: readonly string[];
}

export interface AuditSummary {
  /** Number of findings (numbers or groups of numbers checked). */
  readonly checked: number;
  readonly byVerdict: Readonly<Record<Verdict, number>>;
  /** Inconsistent findings (distinct problems) split by consequence. */
  readonly byConsequence: Readonly<Record<Exclude<Consequence, null>, number>>;
  /** Consistent findings that a named benign mechanism (not ordinary rounding) explains. */
  readonly explainedByMechanism: number;
  readonly byTable: Readonly<Record<Scope, Readonly<Record<Verdict, number>> & { readonly total: number }>>;
  readonly byCheck: Readonly<Partial<Record<CheckId, number>>>;
}

export interface AuditResult {
  readonly summary: AuditSummary;
  readonly findings: readonly Finding[];
}
