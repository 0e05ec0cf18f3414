/**
 * Formatting numbers for people. Estimators never format; pages, the CLI and chart labels do,
 * through these functions, so a p-value reads the same everywhere.
 */

const MINUS = '\u2212';

/** Fixed decimals with a true minus sign; `null`/non-finite become an en dash. */
export function formatFixed(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const s = x.toFixed(digits);
  // Avoid "−0.00".
  if (/^-0(\.0+)?$/.test(s)) return s.slice(1);
  return s.replace('-', MINUS);
}

/**
 * A p-value as journals print it: three decimals, `< 0.001` below that, never `0.000` or `1.000`
 * rounded up from below (0.9996 shows as `> 0.999`).
 */
export function formatP(p: number | null | undefined, digits = 3): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  const floor = 10 ** -digits;
  if (p < floor) return `< ${floor.toFixed(digits)}`;
  if (p > 1 - floor / 2 && p < 1) return `> ${(1 - floor).toFixed(digits)}`;
  return p.toFixed(digits);
}

/** `p = 0.772` or `p < 0.001`. */
export function formatPEquals(p: number | null | undefined, digits = 3): string {
  const s = formatP(p, digits);
  return s.startsWith('<') || s.startsWith('>') ? `p ${s}` : `p = ${s}`;
}

/** A confidence interval `0.45–2.21`; either bound missing shows as an en dash. */
export function formatInterval(lower: number | null | undefined, upper: number | null | undefined, digits = 2): string {
  return `${formatFixed(lower, digits)}–${formatFixed(upper, digits)}`;
}

/** `2.50 (0.92–6.81)`: an estimate with its interval. */
export function formatEstimateCI(
  est: number | null | undefined,
  lower: number | null | undefined,
  upper: number | null | undefined,
  digits = 2,
): string {
  if (est === null || est === undefined || !Number.isFinite(est)) return 'not estimable';
  return `${formatFixed(est, digits)} (${formatInterval(lower, upper, digits)})`;
}

/** Months for prose: whole months when whole, one decimal otherwise; `null` = "not reached". */
export function formatMonths(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'not reached';
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/** A percentage with fixed decimals, e.g. `21.1%`. */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)}%`;
}
