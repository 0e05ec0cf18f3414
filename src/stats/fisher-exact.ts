/**
 * Fisher's exact test for an r × c contingency table (the Freeman–Halton extension), with
 * the conditional maximum-likelihood odds ratio and its exact confidence interval for 2 × 2
 * tables, as R's `fisher.test` computes them.
 *
 * Given the margins (row sums rᵢ, column sums cⱼ, total N), a table T has probability
 *   P(T) = Πᵢ rᵢ! Πⱼ cⱼ! / (N! Πᵢⱼ nᵢⱼ!).
 * The two-sided p-value sums P(T) over all tables with the observed margins and
 * P(T) ≤ P(observed)·(1 + 10⁻⁷) (R's relative tolerance for ties in probability).
 *
 * Reference: R `fisher.test(x)` (stats); Freeman & Halton, Biometrika 1951;38:141–149;
 * Mehta & Patel, JASA 1983;78:427–434 (the network algorithm of R's FEXACT), which prunes as
 * here: a partial table whose every completion is (or none is) at most as probable as the
 * observed one is added (or dropped) whole.
 *
 * Tolerance: R's 2 × 2 code uses the relative 1e-7 above; FEXACT (r × c) compares log
 * probabilities with a tolerance of 3.45e-7. The two can differ only for a table whose
 * probability lies within 3.5e-7 (relative) of the observed one without being equal to it.
 */
import { logFactorial } from './special.ts';
import { InputError } from './validate.ts';

/** Options for {@link fisherExact}. */
export interface FisherExactOptions {
  /** Confidence level of the odds-ratio interval (2 × 2 tables), default 0.95. */
  readonly confLevel?: number;
}

/**
 * Conditional maximum-likelihood odds ratio of a 2 × 2 table with its exact interval, as in
 * R's `fisher.test`. `null` stands for +∞ (R prints `Inf`), which happens when n₁₁ is at its
 * largest possible value given the margins (e.g. a zero off-diagonal cell).
 */
export interface FisherOddsRatio {
  /** Conditional MLE of the odds ratio; 0 when n₁₁ is at its smallest possible value, null for +∞. */
  readonly estimate: number | null;
  /** Lower confidence limit (0 when n₁₁ is at its smallest possible value). */
  readonly lower: number;
  /** Upper confidence limit; null for +∞. */
  readonly upper: number | null;
  readonly confLevel: number;
}

/** Result of {@link fisherExact}. */
export interface FisherExactResult {
  /** Two-sided p-value. */
  readonly p: number;
  readonly rows: number;
  readonly cols: number;
  /** Total count N. */
  readonly n: number;
  /**
   * 2 × 2 tables only: the conditional MLE odds ratio and its interval; `null` when the margins
   * allow a single table (a zero row or column), where the odds ratio is not identifiable
   * (R reports 0 with the interval 0–Inf).
   */
  readonly oddsRatio?: FisherOddsRatio | null;
}

/** R's relative tolerance when comparing table probabilities with the observed one. */
const REL_ERR = 1 + 1e-7;

/**
 * Fisher's exact test. Validates the table (at least 2 × 2, rectangular, counts that are
 * whole numbers ≥ 0, not all zero) and throws {@link InputError} otherwise.
 *
 * Empty rows or columns are allowed and change nothing (each contributes 0! = 1), which is
 * also what R gives; a table whose margins admit only one table has p = 1.
 *
 * R: `fisher.test(matrix(c(...), nrow = r, byrow = TRUE))`.
 *
 * @param table counts, one array per row
 */
export function fisherExact(table: readonly (readonly number[])[], options: FisherExactOptions = {}): FisherExactResult {
  checkTable(table);
  const { confLevel } = options;
  if (confLevel !== undefined && !(typeof confLevel === 'number' && confLevel > 0 && confLevel < 1)) {
    throw new InputError(`invalid confLevel: ${String(confLevel)} (expected a number between 0 and 1)`, undefined, 'confLevel');
  }
  return fisherExactCore(table, options);
}

/**
 * Validates a contingency table for the table tests (shared with `chiSquareTest`): at least
 * 2 rows and 2 columns, rectangular, whole-number counts ≥ 0, not all zero.
 */
export function checkTable(table: unknown): asserts table is readonly (readonly number[])[] {
  if (!Array.isArray(table) || table.length < 2) {
    throw new InputError('invalid table: need at least 2 rows and 2 columns', undefined, 'table');
  }
  const cols = Array.isArray(table[0]) ? table[0].length : 0;
  if (cols < 2) throw new InputError('invalid table: need at least 2 rows and 2 columns', undefined, 'table');
  let total = 0;
  for (let i = 0; i < table.length; i++) {
    const row = table[i];
    if (!Array.isArray(row) || row.length !== cols) {
      throw new InputError(`invalid table: row ${i + 1} has ${Array.isArray(row) ? row.length : 0} columns but row 1 has ${cols}`, i + 1, 'table');
    }
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        throw new InputError(`invalid count at row ${i + 1}, column ${j + 1}: ${String(v)} (expected a whole number ≥ 0)`, i + 1, 'table');
      }
      total += v;
    }
  }
  if (total === 0) throw new InputError('invalid table: every count is 0', undefined, 'table');
}

/** {@link fisherExact} without input checks. */
export function fisherExactCore(table: readonly (readonly number[])[], options: FisherExactOptions = {}): FisherExactResult {
  const rows = table.length;
  const cols = table[0].length;
  let n = 0;
  for (const row of table) for (const v of row) n += v;
  const logFact = logFactorials(n);
  if (rows === 2 && cols === 2) {
    const twoByTwo = fisher2x2(table, logFact, options.confLevel ?? 0.95);
    return { p: twoByTwo.p, rows, cols, n, oddsRatio: twoByTwo.oddsRatio };
  }
  return { p: freemanHalton(table, logFact), rows, cols, n };
}

/** log k! for k = 0..n. */
function logFactorials(n: number): Float64Array {
  const f = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) f[k] = logFactorial(k);
  return f;
}

// ---------------------------------------------------------------------------------------------
// r × c: enumeration column by column, merging equivalent partial tables, with bounds

/** Tables that share the remaining row margins (as a multiset) after the first columns. */
interface StageNode {
  /** remaining row margins, ascending */
  readonly rem: Int32Array;
  /** distinct values of S so far (Σ log n! of the filled cells) → [S, number of partial tables] */
  readonly past: Map<number, [number, number]>;
}

/**
 * Two-sided p-value for an r × c table, column by column, as in Mehta & Patel's network
 * algorithm (R's FEXACT).
 *
 * With S(T) = Σ log nᵢⱼ!, P(T) = exp(K − S(T)) where K = Σ log rᵢ! + Σ log cⱼ! − log N!, and T
 * counts when S(T) ≥ S(observed) − log(1 + 10⁻⁷). After the first j columns are filled, what
 * matters is the multiset of remaining row margins (a node) and S so far (a past value):
 * partial tables with the same node are merged, and identical past values are counted once
 * with a multiplicity. For each past value, bounds on S over the node's completions decide
 * whether all completions count (their probability is added in closed form:
 * exp(K − S + log N'! − Σ log r'ᵢ! − Σ log c'ⱼ!) for the remaining margins), none count, or the
 * next column has to be enumerated. The last two columns are handled by {@link lastTwoColumns}.
 */
function freemanHalton(table: readonly (readonly number[])[], logFact: Float64Array): number {
  // Drop empty rows and columns, then put the smaller dimension in the rows.
  const rowAll = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colAll = table[0].map((_, j) => table.reduce((a, row) => a + row[j], 0));
  const keepRows = rowAll.flatMap((v, i) => (v > 0 ? [i] : []));
  const keepCols = colAll.flatMap((v, j) => (v > 0 ? [j] : []));
  if (keepRows.length < 2 || keepCols.length < 2) return 1;
  let cells = keepRows.map((i) => keepCols.map((j) => table[i][j]));
  if (keepRows.length > keepCols.length) cells = cells[0].map((_, j) => cells.map((row) => row[j]));
  const rowSums = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = cells[0].map((_, j) => cells.reduce((a, row) => a + row[j], 0));
  const r = rowSums.length;
  const c = colSums.length;
  // Columns ascending: the two largest come last, where they are handled in closed form.
  const colTotal = Int32Array.from(colSums).sort();
  const N = rowSums.reduce((a, b) => a + b, 0);

  let sObs = 0;
  for (const row of cells) for (const v of row) sObs += logFact[v];
  const ctx: FisherContext = {
    r,
    logFact,
    K: rowSums.reduce((a, v) => a + logFact[v], 0) + colTotal.reduce((a, v) => a + logFact[v], 0) - logFact[N],
    threshold: sObs - Math.log(REL_ERR),
    p: 0,
  };
  // Σ log c'ⱼ! and N' over the columns from j on.
  const colLogFactFrom = new Float64Array(c + 1);
  const totalFrom = new Int32Array(c + 1);
  for (let j = c - 1; j >= 0; j--) {
    colLogFactFrom[j] = colLogFactFrom[j + 1] + logFact[colTotal[j]];
    totalFrom[j] = totalFrom[j + 1] + colTotal[j];
  }
  const logMassOf = (rem: Int32Array, j: number): number => {
    let m = logFact[totalFrom[j]] - colLogFactFrom[j];
    for (let i = 0; i < r; i++) m -= logFact[rem[i]];
    return m;
  };

  let stage = new Map<string, StageNode>();
  const start = Int32Array.from(rowSums).sort();
  stage.set(start.join(','), { rem: start, past: new Map([[0, [0, 1]]]) });
  const v = new Int32Array(r);
  const work = new Int32Array(r);

  for (let j = 0; j < c - 2; j++) {
    const next = new Map<string, StageNode>();
    for (const node of stage.values()) {
      const { rem } = node;
      // Bounds on the rest of the table from splitting each column on its own (the row
      // margins as caps) and each row on its own; the tighter of the two is kept.
      let loCols = 0;
      let hiCols = 0;
      for (let jj = j; jj < c; jj++) {
        loCols += splitMin(rem, 0, r, colTotal[jj], logFact);
        hiCols += splitMax(rem, 0, r, colTotal[jj], logFact);
      }
      let loRows = 0;
      let hiRows = 0;
      for (let i = 0; i < r; i++) {
        loRows += splitMin(colTotal, j, c, rem[i], logFact);
        hiRows += splitMax(colTotal, j, c, rem[i], logFact);
      }
      const lo = Math.max(loCols, loRows);
      const hi = Math.min(hiCols, hiRows);
      const expand: number[] = [];
      const logMass = logMassOf(rem, j);
      for (const [s, w] of node.past.values()) {
        if (s + lo >= ctx.threshold) ctx.p += w * Math.exp(ctx.K - s + logMass);
        else if (s + hi >= ctx.threshold) expand.push(s, w);
      }
      if (expand.length === 0) continue;
      // Every way to fill column j, each leading to the node of the margins left over.
      const visitColumn = (i: number, left: number, delta: number): void => {
        if (i === r - 1) {
          if (left > rem[i]) return;
          v[i] = left;
          const childRem = new Int32Array(r);
          for (let k = 0; k < r; k++) childRem[k] = rem[k] - v[k];
          childRem.sort();
          const key = childRem.join(',');
          let child = next.get(key);
          if (!child) {
            child = { rem: childRem, past: new Map() };
            next.set(key, child);
          }
          const d = delta + logFact[left];
          for (let e = 0; e < expand.length; e += 2) {
            const sNew = expand[e] + d;
            // merge values equal up to rounding (the same cells met in another order)
            const k = Math.round(sNew * 1e9);
            const entry = child.past.get(k);
            if (entry) entry[1] += expand[e + 1];
            else child.past.set(k, [sNew, expand[e + 1]]);
          }
          return;
        }
        let capBelow = 0;
        for (let k = i + 1; k < r; k++) capBelow += rem[k];
        const to = Math.min(rem[i], left);
        for (let x = Math.max(0, left - capBelow); x <= to; x++) {
          v[i] = x;
          visitColumn(i + 1, left - x, delta + logFact[x]);
        }
      };
      visitColumn(0, colTotal[j], 0);
    }
    stage = next;
  }

  // The last two columns.
  const A = colTotal[c - 2];
  for (const node of stage.values()) {
    const { rem } = node;
    const lo = twoColumnMin(rem, r, A, logFact, work);
    const hi = twoColumnMax(rem, r, A, logFact);
    const logMass = logMassOf(rem, c - 2);
    const open: number[] = [];
    for (const [s, w] of node.past.values()) {
      if (s + lo >= ctx.threshold) ctx.p += w * Math.exp(ctx.K - s + logMass);
      else if (s + hi >= ctx.threshold) open.push(s, w);
    }
    if (open.length === 0) continue;
    if (open.length <= 16) {
      for (let e = 0; e < open.length; e += 2) lastTwoColumns(ctx, rem, 0, A, open[e], open[e + 1]);
    } else {
      // Many past values reach this node: list its completions once, sorted by S, and answer
      // each past value by bisection.
      const completions = twoColumnCompletions(rem, r, A, logFact);
      for (let e = 0; e < open.length; e += 2) ctx.p += open[e + 1] * completions.massAbove(ctx.threshold - open[e], ctx.K - open[e]);
    }
  }
  return Math.max(0, Math.min(1, ctx.p));
}

interface FisherContext {
  readonly r: number;
  readonly logFact: Float64Array;
  readonly K: number;
  readonly threshold: number;
  p: number;
}

/**
 * Bisection on the integers x < y, where `before(x)` holds and `before(y)` does not and `before`
 * changes once between them: the adjacent pair [x′, x′ + 1] where it changes.
 */
function crossing(x: number, y: number, before: (v: number) => boolean): [number, number] {
  while (y - x > 1) {
    const mid = (x + y) >> 1;
    if (before(mid)) x = mid;
    else y = mid;
  }
  return [x, y];
}

/**
 * The last two columns for one past value s (with multiplicity w): column c−2 gets `left` more
 * counts in rows i..r−1, column c−1 what each row has left. Rows up to r−3 are enumerated; the
 * last two rows form a 2 × 2 table whose cell v is hypergeometric, so h(v) = Σ log(cell)! is
 * convex with its minimum at the hypergeometric mode: the included v (s + h(v) ≥ threshold)
 * form two tails, found by bisection, and a slice that is included whole is added in closed form.
 */
function lastTwoColumns(ctx: FisherContext, rem: Int32Array, i: number, left: number, s: number, w: number): void {
  const { r, logFact, K } = ctx;
  if (i < r - 2) {
    let capBelow = 0;
    for (let k = i + 1; k < r; k++) capBelow += rem[k];
    const to = Math.min(rem[i], left);
    for (let x = Math.max(0, left - capBelow); x <= to; x++) {
      lastTwoColumns(ctx, rem, i + 1, left - x, s + logFact[x] + logFact[rem[i] - x], w);
    }
    return;
  }
  const r1 = rem[r - 2];
  const r2 = rem[r - 1];
  const a = left;
  const lo = Math.max(0, a - r2);
  const hi = Math.min(r1, a);
  const t = ctx.threshold - s;
  const mode = Math.min(hi, Math.max(lo, Math.floor(((a + 1) * (r1 + 1)) / (r1 + r2 + 2))));
  if (cells2x2(mode, r1, r2, a, logFact) >= t) {
    const n2 = r1 + r2;
    ctx.p += w * Math.exp(K - s + logFact[n2] - logFact[r1] - logFact[r2] - logFact[a] - logFact[n2 - a]);
    return;
  }
  if (cells2x2(lo, r1, r2, a, logFact) >= t) {
    // largest v in [lo, mode) with h(v) ≥ t (h decreases on [lo, mode])
    const [x] = crossing(lo, mode, (v) => cells2x2(v, r1, r2, a, logFact) >= t);
    // sum from the crossing outwards with the ratio of neighbouring hypergeometric terms,
    // P(u − 1)/P(u) = u (r2 − a + u) / ((r1 − u + 1)(a − u + 1)): one exp per tail
    let term = w * Math.exp(K - s - cells2x2(x, r1, r2, a, logFact));
    let sum = 0;
    for (let u = x; u >= lo && term > 0; u--) {
      sum += term;
      term *= (u * (r2 - a + u)) / ((r1 - u + 1) * (a - u + 1));
    }
    ctx.p += sum;
  }
  if (cells2x2(hi, r1, r2, a, logFact) >= t) {
    // smallest v in (mode, hi] with h(v) ≥ t (h increases on [mode, hi])
    const [, y] = crossing(mode, hi, (v) => cells2x2(v, r1, r2, a, logFact) < t);
    // P(u + 1)/P(u) = (r1 − u)(a − u) / ((u + 1)(r2 − a + u + 1))
    let term = w * Math.exp(K - s - cells2x2(y, r1, r2, a, logFact));
    let sum = 0;
    for (let u = y; u <= hi && term > 0; u++) {
      sum += term;
      term *= ((r1 - u) * (a - u)) / ((u + 1) * (r2 - a + u + 1));
    }
    ctx.p += sum;
  }
}

/**
 * All completions of the last two columns for the margins `rem`, sorted by h = Σ log(cell)!,
 * with suffix sums of e^{hmin − h}: `massAbove(t, base)` = Σ_{h ≥ t} e^{base − h}.
 */
function twoColumnCompletions(rem: Int32Array, r: number, A: number, logFact: Float64Array): { massAbove(t: number, base: number): number } {
  const values: number[] = [];
  const walk = (i: number, left: number, h: number): void => {
    if (i === r - 1) {
      if (left > rem[i]) return;
      values.push(h + logFact[left] + logFact[rem[i] - left]);
      return;
    }
    let capBelow = 0;
    for (let k = i + 1; k < r; k++) capBelow += rem[k];
    const to = Math.min(rem[i], left);
    for (let x = Math.max(0, left - capBelow); x <= to; x++) walk(i + 1, left - x, h + logFact[x] + logFact[rem[i] - x]);
  };
  walk(0, A, 0);
  const h = Float64Array.from(values).sort();
  const hmin = h[0];
  const suffix = new Float64Array(h.length + 1);
  for (let k = h.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + Math.exp(hmin - h[k]);
  return {
    massAbove(t: number, base: number): number {
      let lo = 0;
      let hi = h.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (h[mid] >= t) hi = mid;
        else lo = mid + 1;
      }
      return suffix[lo] === 0 ? 0 : Math.exp(base - hmin) * suffix[lo];
    },
  };
}

/**
 * Smallest Σ log nₖ! when `total` is split into cells k ∈ [from, to) with nₖ ≤ caps[k]
 * (caps ascending): as even as the caps allow (water-filling).
 */
function splitMin(caps: Int32Array, from: number, to: number, total: number, logFact: Float64Array): number {
  let left = total;
  let s = 0;
  for (let k = from; k < to; k++) {
    const rest = to - k;
    const share = Math.floor(left / rest);
    if (caps[k] <= share) {
      s += logFact[caps[k]];
      left -= caps[k];
    } else {
      // every remaining cell has room for share + 1: split evenly
      const extra = left - share * rest;
      return s + (rest - extra) * logFact[share] + extra * logFact[share + 1];
    }
  }
  return s;
}

/** Largest Σ log nₖ! for the same split: fill the largest caps first. */
function splitMax(caps: Int32Array, from: number, to: number, total: number, logFact: Float64Array): number {
  let left = total;
  let s = 0;
  for (let k = to - 1; k >= from && left > 0; k--) {
    const take = Math.min(caps[k], left);
    s += logFact[take];
    left -= take;
  }
  return s;
}

/** Σ log(cell)! of the 2 × 2 table [[v, r1 − v], [a − v, r2 − a + v]]. */
function cells2x2(v: number, r1: number, r2: number, a: number, logFact: Float64Array): number {
  return logFact[v] + logFact[r1 - v] + logFact[a - v] + logFact[r2 - a + v];
}

/**
 * Smallest Σᵢ [log vᵢ! + log(capᵢ − vᵢ)!] over vᵢ ∈ [0, capᵢ] with Σ vᵢ = total: the least
 * extreme way to split the last two columns. The objective is separable and convex, so adding
 * one count at a time where it costs least (log((vᵢ+1)/(capᵢ−vᵢ))) is exact.
 */
function twoColumnMin(cap: Int32Array, r: number, total: number, logFact: Float64Array, v: Int32Array): number {
  v.fill(0);
  for (let unit = 0; unit < total; unit++) {
    let best = -1;
    let bestCost = Infinity;
    for (let i = 0; i < r; i++) {
      if (v[i] >= cap[i]) continue;
      const cost = (v[i] + 1) / (cap[i] - v[i]);
      if (cost < bestCost) {
        bestCost = cost;
        best = i;
      }
    }
    v[best]++;
  }
  let s = 0;
  for (let i = 0; i < r; i++) s += logFact[v[i]] + logFact[cap[i] - v[i]];
  return s;
}

/**
 * Largest Σᵢ [log vᵢ! + log(capᵢ − vᵢ)!] over the same set: a convex function is largest at a
 * vertex, where every vᵢ but one is 0 or capᵢ (both give log capᵢ!).
 */
function twoColumnMax(cap: Int32Array, r: number, total: number, logFact: Float64Array): number {
  let base = 0;
  for (let i = 0; i < r; i++) base += logFact[cap[i]];
  let best = -Infinity;
  for (let f = 0; f < r; f++) {
    const others = base - logFact[cap[f]];
    for (let mask = 0; mask < 1 << r; mask++) {
      if (mask & (1 << f)) continue;
      let full = 0;
      for (let i = 0; i < r; i++) if (mask & (1 << i)) full += cap[i];
      const vf = total - full;
      if (vf < 0 || vf > cap[f]) continue;
      const value = others + logFact[vf] + logFact[cap[f] - vf];
      if (value > best) best = value;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// 2 × 2: R's hypergeometric computations, root-finding included

interface TwoByTwo {
  readonly p: number;
  readonly oddsRatio: FisherOddsRatio | null;
}

/**
 * p-value, conditional MLE and exact CI of the odds ratio for a 2 × 2 table, following R's
 * `fisher.test` line by line: n₁₁ ~ noncentral hypergeometric with support lo..hi; the MLE
 * solves E[n₁₁; ψ] = x and the limits solve P(n₁₁ ≥ x; ψ) = α/2 and P(n₁₁ ≤ x; ψ) = α/2, each
 * with R's `uniroot` (Brent, tol = ε^¼) on ψ ∈ [0, 1] or 1/ψ ∈ [ε, 1], so the results agree
 * with R's to all printed digits.
 */
function fisher2x2(table: readonly (readonly number[])[], logFact: Float64Array, confLevel: number): TwoByTwo {
  const m = table[0][0] + table[1][0];
  const nn = table[0][1] + table[1][1];
  const k = table[0][0] + table[0][1];
  const x = table[0][0];
  const lo = Math.max(0, k - nn);
  const hi = Math.min(k, m);
  const size = hi - lo + 1;
  const support = Float64Array.from({ length: size }, (_, i) => lo + i);
  const lchoose = (a: number, b: number) => logFact[a] - logFact[b] - logFact[a - b];
  const logdc = support.map((s) => lchoose(m, s) + lchoose(nn, k - s) - lchoose(m + nn, k));

  const dnhyper = (ncp: number): Float64Array => {
    const d = new Float64Array(size);
    const lncp = Math.log(ncp);
    let max = -Infinity;
    for (let i = 0; i < size; i++) {
      d[i] = logdc[i] + lncp * support[i];
      if (d[i] > max) max = d[i];
    }
    let sum = 0;
    for (let i = 0; i < size; i++) {
      d[i] = Math.exp(d[i] - max);
      sum += d[i];
    }
    for (let i = 0; i < size; i++) d[i] /= sum;
    return d;
  };
  const mnhyper = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Infinity) return hi;
    const d = dnhyper(ncp);
    let s = 0;
    for (let i = 0; i < size; i++) s += support[i] * d[i];
    return s;
  };
  const pnhyper = (q: number, ncp: number, upperTail: boolean): number => {
    if (ncp === 0) return upperTail ? Number(q <= lo) : Number(q >= lo);
    if (ncp === Infinity) return upperTail ? Number(q <= hi) : Number(q >= hi);
    const d = dnhyper(ncp);
    let s = 0;
    for (let i = 0; i < size; i++) if (upperTail ? support[i] >= q : support[i] <= q) s += d[i];
    return s;
  };

  const d1 = dnhyper(1);
  const dObs = d1[x - lo] * REL_ERR;
  let p = 0;
  for (let i = 0; i < size; i++) if (d1[i] <= dObs) p += d1[i];
  // A sum of probabilities that should be 1 can round to 1 + 2⁻⁵²; R: p.value = max(0, min(1, PVAL)).
  p = Math.max(0, Math.min(1, p));

  if (lo === hi) return { p, oddsRatio: null };

  const EPS = 2 ** -52;
  const mle = (): number => {
    if (x === lo) return 0;
    if (x === hi) return Infinity;
    const mu = mnhyper(1);
    if (mu > x) return uniroot((t) => mnhyper(t) - x, 0, 1);
    if (mu < x) return 1 / uniroot((t) => mnhyper(1 / t) - x, EPS, 1);
    return 1;
  };
  const ncpUpper = (alpha: number): number => {
    if (x === hi) return Infinity;
    const p1 = pnhyper(x, 1, false);
    if (p1 < alpha) return uniroot((t) => pnhyper(x, t, false) - alpha, 0, 1);
    if (p1 > alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, false) - alpha, EPS, 1);
    return 1;
  };
  const ncpLower = (alpha: number): number => {
    if (x === lo) return 0;
    const p1 = pnhyper(x, 1, true);
    if (p1 > alpha) return uniroot((t) => pnhyper(x, t, true) - alpha, 0, 1);
    if (p1 < alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, true) - alpha, EPS, 1);
    return 1;
  };
  const alpha = (1 - confLevel) / 2;
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    p,
    oddsRatio: { estimate: finite(mle()), lower: ncpLower(alpha), upper: finite(ncpUpper(alpha)), confLevel },
  };
}

/**
 * R's `uniroot(f, c(a, b))$root` with its defaults (tol = ε^¼, maxiter = 1000): Brent's method
 * as in R's C function `R_zeroin2`, ported step by step so the root agrees with R's to the bit
 * in ordinary cases (R's answer is only accurate to about 1e-4 on this scale).
 */
function uniroot(f: (x: number) => number, ax: number, bx: number, tol = 2 ** -13, maxIter = 1000): number {
  const EPSILON = 2 ** -52;
  let a = ax;
  let b = bx;
  let fa = f(a);
  let fb = f(b);
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  let maxit = maxIter + 1;
  while (maxit--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qq = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1));
        q = (qq - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
