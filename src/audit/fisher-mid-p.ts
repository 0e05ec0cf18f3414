/**
 * Two-sided mid-p of Fisher's exact test for a 2 × 2 table [[a, b], [c, d]]: the probability of
 * the tables less likely than the observed one plus half the probability of those exactly as
 * likely (Lancaster 1961; Agresti, Categorical Data Analysis, 3rd ed., §3.5.3). With the
 * margins fixed, a follows the hypergeometric distribution. R has no built-in; the oracle
 * (tests/oracle/audit.R) computes it from `dhyper` the same way.
 */
import { logFactorial } from '../stats/special.ts';

const logChoose = (n: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

// Relative tolerance for "as likely as the observed table", as R's fisher.test (1 + 1e-7).
const REL = 1e-7;

export function fisherMidP(table: readonly (readonly number[])[]): number {
  const [[a, b], [c, d]] = table;
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const n = r1 + r2;
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  const logDen = logChoose(n, c1);
  const prob = (x: number) => Math.exp(logChoose(r1, x) + logChoose(r2, c1 - x) - logDen);
  const observed = prob(a);
  let less = 0;
  let equal = 0;
  for (let x = lo; x <= hi; x++) {
    const px = prob(x);
    if (px < observed * (1 - REL)) less += px;
    else if (px <= observed * (1 + REL)) equal += px;
  }
  return Math.min(1, less + equal / 2);
}
