/**
 * Distinct survival times, with near-equal times merged the way R's survival does it.
 *
 * R's `survfit`, `survdiff` and `coxph` call `aeqSurv()` (argument `timefix = TRUE`) before
 * anything else: among the sorted distinct times y₁ < y₂ < …, a time whose gap to its
 * predecessor is at most `tol` (absolute) or at most `tol·mean|y|` (relative), with
 * tol = √ε ≈ 1.49e-8, is treated as the same time, and every time is replaced by the first
 * time of its run ("cut"). This keeps `0.1 + 0.2` and `0.3` together, and matters in large
 * data sets with continuous times: with 10⁶ patients, thousands of neighbours are that close.
 */

/** √(machine epsilon), R's `sqrt(.Machine$double.eps)`: the tolerance of `aeqSurv` and `quantile.survfit`. */
export const SQRT_EPSILON = 1.4901161193847656e-8;

/** The distinct (tie-merged) times of a data set and, for each row, the position of its time. */
export interface TimeIndex {
  /** Distinct times after merging near-ties, ascending (each run represented by its smallest time). */
  readonly times: Float64Array;
  /** For row i, the position in {@link TimeIndex.times} of its (merged) time. */
  readonly index: Int32Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Row order that sorts non-negative finite numbers ascending (stable), by a least-significant-digit
 * radix sort on their IEEE-754 bits (for non-negative doubles the bit patterns, read as unsigned
 * integers, sort like the numbers): four passes of 16 bits, O(n), no comparator calls.
 * Passes in which every key has the same digit are skipped.
 */
export function sortOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!LITTLE_ENDIAN) return order.sort((a, b) => values[a] - values[b] || a - b);
  const keys = new Float64Array(n);
  // + 0 turns −0 into +0, whose bits sort first.
  for (let i = 0; i < n; i++) keys[i] = values[i] + 0;
  const words = new Uint32Array(keys.buffer);
  let scratch = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1; // 0: low 32 bits, 1: high 32 bits
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(words[2 * i + word] >>> shift) & 0xffff]++;
    if (n === 0 || count[(words[word] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      scratch[count[(words[2 * i + word] >>> shift) & 0xffff]++] = i;
    }
    const swap = order;
    order = scratch;
    scratch = swap;
  }
  return order;
}

/**
 * Sorts the times once and maps every row to its distinct, tie-merged time, as `aeqSurv` does.
 *
 * Cost: one radix sort ({@link sortOrder}, O(n)) and three linear passes.
 * Trusts its input: finite, non-negative numbers.
 * R: `survival::aeqSurv(Surv(time, status))` followed by `sort(unique(time))`.
 */
export function indexTimes(time: ArrayLike<number>): TimeIndex {
  const n = time.length;
  const order = sortOrder(time);

  // Distinct values, ascending.
  const unique = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const t = time[order[k]];
    if (m === 0 || t !== unique[m - 1]) unique[m++] = t;
  }

  // aeqSurv: a distinct time is a new cut unless it is within tol, or tol·mean|y|, of its predecessor.
  let sum = 0;
  for (let j = 0; j < m; j++) sum += unique[j];
  const mean = m > 0 ? sum / m : 0;
  const cuts = new Float64Array(m);
  let c = 0;
  for (let j = 0; j < m; j++) {
    if (j === 0) {
      cuts[c++] = unique[0];
      continue;
    }
    const dy = unique[j] - unique[j - 1];
    if (!(dy <= SQRT_EPSILON || dy / mean <= SQRT_EPSILON)) cuts[c++] = unique[j];
  }
  const times = cuts.slice(0, c);

  // Row -> position of the largest cut ≤ its time (R: findInterval(time, cuts)), in sorted order.
  const index = new Int32Array(n);
  let position = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const t = time[i];
    while (position + 1 < c && times[position + 1] <= t) position++;
    index[i] = position;
  }
  return { times, index };
}
