/**
 * Sum-to-100 adjustment: printing the percentages of a column so that they add up to exactly
 * 100, which ordinary rounding does not guarantee (3 of 57, 5 of 57 and 49 of 57 round to 5.3,
 * 8.8 and 86.0, which add up to 100.1). Two ways are common:
 * - the largest-remainder (Hamilton) method: every value is cut to the printed decimals, then
 *   the values with the largest remainders get one more unit until the column adds up to 100;
 * - any other adjustment that moves a value to its other rounding (down instead of up, or up
 *   instead of down) until the column adds up to 100 ("adjusted-to-100").
 * All arithmetic in integers of the last printed unit, so nothing depends on floating point.
 */

/** The largest-remainder allocation of 100 % among `counts` of `den`, in units of 10^-decimals %. */
export function largestRemainder(counts: readonly number[], den: number, decimals: number): number[] {
  const scale = 100 * 10 ** decimals;
  const floors = counts.map((c) => Math.floor((c * scale) / den));
  const remainders = counts.map((c, i) => c * scale - floors[i] * den);
  let missing = scale - floors.reduce((a, b) => a + b, 0);
  const order = counts.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  const out = [...floors];
  for (const i of order) {
    if (missing <= 0) break;
    if (remainders[i] === 0) continue;
    out[i]++;
    missing--;
  }
  return out;
}

export type SumTo100 = 'largest-remainder' | 'adjusted-to-100' | null;

/**
 * Whether the printed percentages (`units`, integers of the last digit, all with the same
 * `decimals`) are the percentages of `counts` of `den` adjusted to add up to 100: the largest-
 * remainder method reproduces them, or they add up to exactly 100 and each is the exact value
 * rounded down or up. `null` when neither holds or the counts do not cover the whole column.
 */
export function sumTo100(counts: readonly number[], den: number, units: readonly number[], decimals: number): SumTo100 {
  if (den <= 0 || counts.length < 2 || counts.reduce((a, b) => a + b, 0) !== den) return null;
  const scale = 100 * 10 ** decimals;
  if (units.reduce((a, b) => a + b, 0) !== scale) return null;
  const lr = largestRemainder(counts, den, decimals);
  if (lr.every((u, i) => u === units[i])) return 'largest-remainder';
  const adjacent = counts.every((c, i) => {
    const lo = Math.floor((c * scale) / den);
    const hi = Math.ceil((c * scale) / den);
    return units[i] === lo || units[i] === hi;
  });
  return adjacent ? 'adjusted-to-100' : null;
}
