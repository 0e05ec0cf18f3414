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
 * - `consistent`: the printed value is what the other printed numbers give (rounding-aware).
 * - `consistent-other-test`: a printed P value matches a different test than its footnote names.
 * - `inconsistent`: no value within the printed rounding explains it.
 * - `recomputed`: the paper prints N/A or nothing; we report our own number.
 * - `cannot-check`: it cannot be recomputed from what is printed (needs patient data).
 */
export type Verdict = 'consistent' | 'consistent-other-test' | 'inconsistent' | 'recomputed' | 'cannot-check';

export const VERDICTS: readonly Verdict[] = ['consistent', 'consistent-other-test', 'inconsistent', 'recomputed', 'cannot-check'];

/**
 * How serious an `inconsistent` finding is: `minor` when a known reporting habit explains it
 * (truncating instead of rounding, rounding twice, whole percentages) or it is off by one unit
 * in its last printed digit; `major` otherwise. `null` for every other verdict.
 */
export type Severity = 'minor' | 'major' | null;

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
  | 'survival';

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

export type TestName = 'fisher' | 'chisq' | 'chisqYates' | 'fisherOneSided';

/** What the audit recomputed; which fields are present depends on the check. */
export interface Recomputed {
  readonly fisher?: number;
  readonly chisq?: number | null;
  readonly chisqYates?: number | null;
  readonly fisherOneSided?: number;
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

/** A way of turning an exact value into the printed one. */
export type Mechanism = 'rounding' | 'truncation' | 'double-rounding' | 'whole-percent' | 'other-denominator';

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
  readonly severity: Severity;
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
  /** Inconsistent findings split by severity. */
  readonly bySeverity: Readonly<Record<'minor' | 'major', number>>;
  readonly byTable: Readonly<Record<Scope, Readonly<Record<Verdict, number>> & { readonly total: number }>>;
  readonly byCheck: Readonly<Partial<Record<CheckId, number>>>;
}

export interface AuditResult {
  readonly summary: AuditSummary;
  readonly findings: readonly Finding[];
}
