/**
 * Rubin's rules: pooling one scalar estimate over m completed data sets (multiple imputations, or
 * here the members of an ensemble of reconstructions), so that its interval carries both the
 * uncertainty within each data set and the disagreement between them.
 *
 * With estimates Q₁…Q_m and their variances U₁…U_m (squared standard errors):
 *
 * - pooled estimate  Q̄ = (1/m) Σ Qᵢ
 * - within variance  W = Ū = (1/m) Σ Uᵢ
 * - between variance B = 1/(m − 1) Σ (Qᵢ − Q̄)²
 * - total variance   T = W + (1 + 1/m) B
 * - relative increase in variance r = (1 + 1/m) B / W; λ = (1 + 1/m) B / T
 * - Rubin's (1987) degrees of freedom ν_old = (m − 1) / λ² = (m − 1)(1 + W / ((1 + 1/m) B))²
 * - with a complete-data df ν_com, Barnard & Rubin's (1999) small-sample df
 *   ν_obs = (ν_com + 1)/(ν_com + 3) · ν_com (1 − λ), ν = ν_old ν_obs / (ν_old + ν_obs)
 * - fraction of missing information γ = (r + 2/(ν + 3)) / (r + 1)
 * - interval Q̄ ± t_{ν, (1+level)/2} √T, and p = 2 P(t_ν ≥ |Q̄| / √T) for Q̄ = 0
 *
 * These are the formulas of R's `mice::pool` (mice 3.x, `pool.scalar` and `barnard.rubin`), including
 * its floor λ ≥ 10⁻⁴, which keeps ν finite when the data sets agree exactly (B = 0: ν = (m − 1)·10⁸,
 * whose t quantile equals the normal one to 8 digits). References: Rubin, Multiple Imputation for
 * Nonresponse in Surveys (1987), ch. 3; Barnard & Rubin, Biometrika 1999;86:948–955; van Buuren,
 * Flexible Imputation of Missing Data, 2nd ed. (2018), §2.3–2.4.
 *
 * R: the formulas written out in tests/oracle/rubin.R (mice is not needed to rerun it).
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { InputError } from './validate.ts';

/** Input of {@link rubinPool}. */
export interface RubinInput {
  /** One estimate per completed data set (e.g. a log hazard ratio). */
  readonly estimates: readonly number[];
  /** Its variance (squared standard error) in the same data set, > 0. */
  readonly variances: readonly number[];
  /**
   * Degrees of freedom of the estimate with complete data; `Infinity` (default) for large-sample
   * estimates such as a Cox coefficient. A finite value gives the Barnard–Rubin df.
   */
  readonly dfComplete?: number;
  /** Confidence level of the interval, default 0.95. */
  readonly confLevel?: number;
}

/** The pooled estimate and its parts, named as in `mice::pool`'s `pooled` table where it has one. */
export interface RubinPooled {
  /** Number of data sets pooled. */
  readonly m: number;
  /** Q̄, the mean of the estimates (`qbar`). */
  readonly estimate: number;
  /** W, the mean within-data-set variance (`ubar`). */
  readonly within: number;
  /** B, the sample variance of the estimates (`b`). */
  readonly between: number;
  /** T = W + (1 + 1/m) B (`t`). */
  readonly total: number;
  /** √T, the pooled standard error. */
  readonly se: number;
  /** r = (1 + 1/m) B / W (`riv`). */
  readonly riv: number;
  /** λ = (1 + 1/m) B / T, the share of T due to the disagreement between data sets (`lambda`). */
  readonly lambda: number;
  /** γ, the fraction of missing information (`fmi`). */
  readonly fmi: number;
  /** The df used for the interval: Rubin's (ν_com infinite) or Barnard–Rubin's (`df`). */
  readonly df: number;
  /** Rubin's (1987) df, (m − 1)/λ², whatever ν_com. */
  readonly dfRubin: number;
  readonly confLevel: number;
  /** Q̄ − t √T. */
  readonly lower: number;
  /** Q̄ + t √T. */
  readonly upper: number;
  /** Q̄ / √T. */
  readonly statistic: number;
  /** Two-sided p for Q̄ = 0 on the t distribution with {@link df} degrees of freedom. */
  readonly p: number;
}

/** `mice`'s floor on λ (see the header). */
const LAMBDA_FLOOR = 1e-4;

function fail(field: string, message: string, row?: number): never {
  throw new InputError(message, row, field);
}

/** {@link rubinPool} without input checks: m ≥ 2, finite estimates, variances > 0. */
export function rubinPoolCore(estimates: readonly number[], variances: readonly number[], dfComplete: number, confLevel: number): RubinPooled {
  const m = estimates.length;
  let qbar = 0;
  let ubar = 0;
  for (let i = 0; i < m; i++) {
    qbar += estimates[i];
    ubar += variances[i];
  }
  qbar /= m;
  ubar /= m;
  let b = 0;
  for (let i = 0; i < m; i++) b += (estimates[i] - qbar) ** 2;
  b /= m - 1;
  const inflated = (1 + 1 / m) * b;
  const t = ubar + inflated;
  const riv = inflated / ubar;
  const lambda = inflated / t;
  const lambdaFloored = Math.max(lambda, LAMBDA_FLOOR);
  const dfRubin = (m - 1) / lambdaFloored ** 2;
  let df = dfRubin;
  if (Number.isFinite(dfComplete)) {
    const dfObs = ((dfComplete + 1) / (dfComplete + 3)) * dfComplete * (1 - lambdaFloored);
    df = (dfRubin * dfObs) / (dfRubin + dfObs);
  }
  const fmi = (riv + 2 / (df + 3)) / (riv + 1);
  const se = Math.sqrt(t);
  const q = tQuantile((1 + confLevel) / 2, df);
  const statistic = qbar / se;
  return {
    m,
    estimate: qbar,
    within: ubar,
    between: b,
    total: t,
    se,
    riv,
    lambda,
    fmi,
    df,
    dfRubin,
    confLevel,
    lower: qbar - q * se,
    upper: qbar + q * se,
    statistic,
    p: Math.min(1, 2 * tCdf(-Math.abs(statistic), df)),
  };
}

/**
 * Pools one estimate over m ≥ 2 data sets by Rubin's rules (formulas in the file header).
 * Throws {@link InputError} for m < 2 (the between variance needs two data sets), arrays of
 * different lengths, a non-finite estimate, a variance that is not finite and > 0, a complete-data
 * df that is not > 0, or a confidence level outside (0, 1).
 *
 * R (tests/oracle/rubin.R): `qbar <- mean(q); ubar <- mean(u); b <- var(q); t <- ubar + (1 + 1/m) * b; …`
 */
export function rubinPool(input: RubinInput): RubinPooled {
  const { estimates, variances } = input;
  if (!Array.isArray(estimates)) fail('estimates', 'estimates must be an array of numbers');
  if (!Array.isArray(variances)) fail('variances', 'variances must be an array of numbers');
  if (estimates.length !== variances.length) {
    fail('variances', `estimates and variances differ in length (${estimates.length} and ${variances.length})`);
  }
  if (estimates.length < 2) {
    fail('estimates', `Rubin's rules need at least 2 data sets to estimate the between variance (got ${estimates.length})`);
  }
  for (let i = 0; i < estimates.length; i++) {
    const q = estimates[i];
    if (typeof q !== 'number' || !Number.isFinite(q)) fail('estimates', `invalid estimates at row ${i + 1}: ${String(q)} (expected a finite number)`, i + 1);
    const u = variances[i];
    if (typeof u !== 'number' || !Number.isFinite(u) || !(u > 0)) {
      fail('variances', `invalid variances at row ${i + 1}: ${String(u)} (expected a finite number > 0)`, i + 1);
    }
  }
  const dfComplete = input.dfComplete ?? Number.POSITIVE_INFINITY;
  if (typeof dfComplete !== 'number' || Number.isNaN(dfComplete) || !(dfComplete > 0)) {
    fail('dfComplete', `invalid dfComplete: ${String(dfComplete)} (expected a number > 0 or Infinity)`);
  }
  const confLevel = input.confLevel ?? 0.95;
  if (typeof confLevel !== 'number' || !(confLevel > 0 && confLevel < 1)) {
    fail('confLevel', `invalid confLevel: ${String(confLevel)} (expected a number between 0 and 1)`);
  }
  return rubinPoolCore(estimates, variances, dfComplete, confLevel);
}
