/**
 * Pearson's χ² test of independence for an r × c contingency table, with R's `chisq.test`
 * semantics.
 *
 * Expected counts Eᵢⱼ = rᵢ cⱼ / N; statistic X² = Σ (|nᵢⱼ − Eᵢⱼ| − y)² / Eᵢⱼ on (r − 1)(c − 1)
 * degrees of freedom, where y = 0, or for a 2 × 2 table with `correct` (Yates' continuity
 * correction) y = min(0.5, minᵢⱼ |nᵢⱼ − Eᵢⱼ|) exactly as R computes it. p = P(χ²_df ≥ X²).
 *
 * Reference: R `chisq.test(x, correct = TRUE)` (stats); Yates, Suppl. J. R. Stat. Soc. 1934.
 */
import { chiSquareUpperTail } from './special.ts';
import { checkTable } from './fisher-exact.ts';

/** Options for {@link chiSquareTest}. */
export interface ChiSquareOptions {
  /** Yates' continuity correction for 2 × 2 tables (R's default `correct = TRUE`). */
  readonly correct?: boolean;
}

/** Result of {@link chiSquareTest}. */
export interface ChiSquareResult {
  /** X²; `null` when a row or column is empty (R returns NaN: an expected count is 0). */
  readonly statistic: number | null;
  readonly df: number;
  /** Upper-tail χ² p-value; `null` with the statistic. */
  readonly p: number | null;
  /** Expected counts under independence, rᵢ cⱼ / N. */
  readonly expected: readonly (readonly number[])[];
  /** True when the continuity correction was applied (2 × 2, `correct`, and y > 0). */
  readonly corrected: boolean;
  /** Any expected count below 5: R warns "Chi-squared approximation may be incorrect". */
  readonly lowExpected: boolean;
}

/**
 * Pearson's χ² test. Validates the table (at least 2 × 2, rectangular, whole-number counts
 * ≥ 0, not all zero) and throws `InputError` otherwise.
 *
 * R: `chisq.test(matrix(c(...), nrow = r, byrow = TRUE), correct = TRUE)`.
 */
export function chiSquareTest(table: readonly (readonly number[])[], options: ChiSquareOptions = {}): ChiSquareResult {
  checkTable(table);
  return chiSquareTestCore(table, options);
}

/** {@link chiSquareTest} without input checks. */
export function chiSquareTestCore(table: readonly (readonly number[])[], options: ChiSquareOptions = {}): ChiSquareResult {
  const correct = options.correct ?? true;
  const r = table.length;
  const c = table[0].length;
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = table[0].map((_, j) => table.reduce((a, row) => a + row[j], 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  const expected = rowSums.map((ri) => colSums.map((cj) => (ri * cj) / n));
  const df = (r - 1) * (c - 1);
  let lowExpected = false;
  let empty = false;
  for (const row of expected) {
    for (const e of row) {
      if (e < 5) lowExpected = true;
      if (e === 0) empty = true;
    }
  }
  let yates = 0;
  if (correct && r === 2 && c === 2) {
    yates = 0.5;
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) yates = Math.min(yates, Math.abs(table[i][j] - expected[i][j]));
  }
  if (empty) return { statistic: null, df, p: null, expected, corrected: yates > 0, lowExpected };
  let statistic = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const d = Math.abs(table[i][j] - expected[i][j]) - yates;
      statistic += (d * d) / expected[i][j];
    }
  }
  return { statistic, df, p: chiSquareUpperTail(statistic, df), expected, corrected: yates > 0, lowExpected };
}
