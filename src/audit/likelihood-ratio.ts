/**
 * Likelihood-ratio (G) test of independence for an r × c table:
 *   G = 2 Σ O ln(O / E),  E = row total × column total / N,  df = (r − 1)(c − 1),
 * with 0 · ln 0 = 0 and P from the χ² distribution (Agresti, Categorical Data Analysis, 3rd ed.,
 * §3.2.1). What Stata's `tabulate, lrchi2` and SPSS's "Likelihood Ratio" print. Rows or columns
 * that are all zero are dropped first, as those programs do. `null` when fewer than two rows or
 * columns remain.
 */
import { chiSquareUpperTail } from '../stats/special.ts';

export interface LikelihoodRatioResult {
  readonly g: number;
  readonly df: number;
  readonly p: number;
}

export function likelihoodRatioTest(table: readonly (readonly number[])[]): LikelihoodRatioResult | null {
  const rows = table.filter((r) => r.some((x) => x > 0));
  if (rows.length < 2) return null;
  const keep = rows[0].map((_, j) => rows.some((r) => r[j] > 0));
  const m = rows.map((r) => r.filter((_, j) => keep[j]));
  if (m[0].length < 2) return null;
  const rowSums = m.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = m[0].map((_, j) => m.reduce((a, r) => a + r[j], 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  let g = 0;
  m.forEach((r, i) =>
    r.forEach((o, j) => {
      if (o > 0) g += o * Math.log((o * n) / (rowSums[i] * colSums[j]));
    }),
  );
  g *= 2;
  const df = (m.length - 1) * (m[0].length - 1);
  return { g, df, p: chiSquareUpperTail(Math.max(g, 0), df) };
}
