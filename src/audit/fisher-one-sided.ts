/**
 * One-sided Fisher exact P values of a 2 × 2 table [[a, b], [c, d]].
 *
 * With the margins fixed, a follows the hypergeometric distribution
 *   P(a = x) = C(r₁, x) C(r₂, c₁ − x) / C(N, c₁).
 * `less` = P(a ≤ observed), `greater` = P(a ≥ observed), as R's
 * `fisher.test(x, alternative = "less" | "greater")`. Stata's `tabulate, exact` prints the
 * one-sided P in the direction of the observed table, which is the smaller of the two.
 */
import { logFactorial } from '../stats/special.ts';

export interface OneSidedFisher {
  readonly less: number;
  readonly greater: number;
  /** min(less, greater): Stata's "1-sided Fisher's exact". */
  readonly smaller: number;
}

const logChoose = (n: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

export function fisherOneSided(table: readonly (readonly number[])[]): OneSidedFisher {
  const [[a, b], [c, d]] = table;
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const n = r1 + r2;
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  const logDen = logChoose(n, c1);
  let less = 0;
  let greater = 0;
  for (let x = lo; x <= hi; x++) {
    const px = Math.exp(logChoose(r1, x) + logChoose(r2, c1 - x) - logDen);
    if (x <= a) less += px;
    if (x >= a) greater += px;
  }
  less = Math.min(1, less);
  greater = Math.min(1, greater);
  return { less, greater, smaller: Math.min(less, greater) };
}
