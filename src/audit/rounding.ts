/**
 * Rounding-aware comparison of printed numbers, as statcheck and GRIM do it.
 *
 * A number printed with d decimals stands for every value in [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; both
 * ends are included, so a value exactly half-way counts as rounding either way (journals and
 * software differ). Percentages of counts are compared exactly, in integers: 100·k/n rounds to
 * V·10⁻ᵈ when |200·k·10ᵈ − 2·V·n| ≤ n.
 *
 * References: Brown & Heathers, "The GRIM test", Soc Psychol Personal Sci 2017;8:363–369;
 * Nuijten et al., statcheck, Behav Res Methods 2016;48:1205–1226.
 */

/** A printed decimal number as an integer of units in its last digit: `64.1` → { units: 641, decimals: 1 }. */
export interface PrintedDecimal {
  readonly units: number;
  readonly decimals: number;
}

/** Parses the first decimal number of a printed string (`64.1`, `59.5%`, `0.017*`, `<0.001`). */
export function printedDecimal(printed: string): PrintedDecimal | null {
  const m = /(\d+)(?:\.(\d+))?/.exec(printed);
  if (!m) return null;
  const decimals = m[2]?.length ?? 0;
  return { units: Number(m[1] + (m[2] ?? '')), decimals };
}

/** The percentage token of a count cell: `34 (64.1)+` → `64.1`. */
export function percentToken(cellPrinted: string): string | null {
  const m = /\((\d+(?:\.\d+)?)\)/.exec(cellPrinted);
  return m ? m[1] : null;
}

/**
 * The integers that num/den rounds to: one, or two when num/den is exactly half-way.
 * `den` > 0, `num` ≥ 0, both whole numbers small enough to be exact in a double.
 */
export function roundings(num: number, den: number): readonly number[] {
  const q = Math.floor(num / den);
  const twice = 2 * (num - q * den);
  if (twice < den) return [q];
  if (twice > den) return [q + 1];
  return [q, q + 1];
}

/** True when 100·count/den, rounded to `decimals` places (half-way either way), is `units`·10⁻ᵈ. */
export function percentRoundsTo(count: number, den: number, { units, decimals }: PrintedDecimal): boolean {
  if (den <= 0) return false;
  return roundings(100 * count * 10 ** decimals, den).includes(units);
}

/** True when 100·count/den with its extra digits cut off (truncated) is `units`·10⁻ᵈ. */
export function percentTruncatesTo(count: number, den: number, { units, decimals }: PrintedDecimal): boolean {
  if (den <= 0) return false;
  return Math.floor((100 * count * 10 ** decimals) / den) === units;
}

/** True when rounding first to d + 1 decimals and then to d gives the printed value (e.g. 4.348 → 4.35 → 4.4). */
export function percentDoubleRoundsTo(count: number, den: number, { units, decimals }: PrintedDecimal): boolean {
  if (den <= 0) return false;
  return roundings(100 * count * 10 ** (decimals + 1), den).some((r) => roundings(r, 10).includes(units));
}

/** True when the printed value ends in zeros (`65.0`) and the percentage rounded to a whole number gives it. */
export function percentWholeRoundsTo(count: number, den: number, { units, decimals }: PrintedDecimal): boolean {
  if (den <= 0 || decimals === 0 || units % 10 ** decimals !== 0) return false;
  return roundings(100 * count, den).includes(units / 10 ** decimals);
}

/** Half a unit of the last printed digit: `0.017` → 0.0005, `64.1` → 0.05, `21` → 0.5. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** The interval a printed number stands for. */
export function printedInterval(value: number, decimals: number): readonly [number, number] {
  const h = halfUnit(decimals);
  return [value - h, value + h];
}

// Floating-point slack when comparing a computed double with a printed interval end.
const SLACK = 1e-9;

/**
 * True when `x` could be printed as `value` with `decimals` places (half-way either way).
 * `relation` `<` (as in `<0.001`) accepts anything below the printed value.
 */
export function printsAs(x: number, value: number, decimals: number, relation: '=' | '<' | '>' = '='): boolean {
  if (relation === '<') return x < value + SLACK * Math.max(1, Math.abs(value));
  if (relation === '>') return x > value - SLACK * Math.max(1, Math.abs(value));
  const [lo, hi] = printedInterval(value, decimals);
  const slack = SLACK * Math.max(1, Math.abs(value));
  return x >= lo - slack && x <= hi + slack;
}

/** True when two intervals share at least one point. */
export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] <= b[1] + SLACK && b[0] <= a[1] + SLACK;
}

