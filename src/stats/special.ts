/**
 * Special functions used by the estimators, taken from stdlib's well-tested base packages.
 *
 * Upper tails are computed directly (regularized upper incomplete gamma, erfc), never as
 * `1 - cdf`, so that p-values far below machine epsilon keep their relative precision.
 */
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import erfc from '@stdlib/math-base-special-erfc';
import normalQuantileStdlib from '@stdlib/stats-base-dists-normal-quantile';

/** ln(n!) computed as ln Γ(n + 1). */
export function logFactorial(n: number): number {
  return gammaln(n + 1);
}

/**
 * Upper tail of the χ² distribution, P(X ≥ x) for X ~ χ²(df).
 * Equals Q(df/2, x/2), the regularized upper incomplete gamma function.
 * R: `pchisq(x, df, lower.tail = FALSE)`.
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return gammainc(x / 2, df / 2, true, true);
}

/**
 * Upper tail of the standard normal distribution, P(Z ≥ z) = erfc(z/√2)/2.
 * R: `pnorm(z, lower.tail = FALSE)`.
 */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Standard normal CDF, P(Z ≤ z) = erfc(−z/√2)/2. R: `pnorm(z)`. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Two-sided normal p-value for a z statistic: 2·P(Z ≥ |z|). */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}

/** Standard normal quantile z_p with P(Z ≤ z_p) = p. R: `qnorm(p)`. */
export function normalQuantile(p: number): number {
  return normalQuantileStdlib(p, 0, 1);
}
