/**
 * Log-rank tests between every pair of groups, with Holm and Bonferroni adjusted p-values.
 */
import { logRankCore } from './log-rank.ts';
import type { LogRankOptions } from './log-rank.ts';
import { adjustPValuesCore } from './p-adjust.ts';
import { checkSurvivalData, encodeTestGroups } from './validate.ts';
import type { EventFlag, GroupLabel } from './validate.ts';

/** One pairwise comparison. */
export interface PairwiseLogRankRow {
  /** First group of the pair (earlier in level order). */
  readonly a: string;
  /** Second group of the pair. */
  readonly b: string;
  /** Patients in each of the two groups. */
  readonly n: readonly [number, number];
  readonly observed: readonly [number, number];
  readonly expected: readonly [number, number];
  readonly chisq: number;
  readonly df: number;
  /** Unadjusted p; `null` when the pair allows no test (df < 1). */
  readonly p: number | null;
  /** Holm-adjusted p over all pairs with a p-value. */
  readonly pHolm: number | null;
  /** Bonferroni-adjusted p over all pairs with a p-value. */
  readonly pBonferroni: number | null;
}

/** All pairwise log-rank tests. */
export interface PairwiseLogRankResult {
  readonly groups: readonly string[];
  /** Pairs in the order (1,2), (1,3), …, (1,k), (2,3), … as R's `combn`. */
  readonly comparisons: readonly PairwiseLogRankRow[];
}

/** {@link pairwiseLogRank} for groups coded 0…k−1, without input checks. */
export function pairwiseLogRankCore(
  time: ArrayLike<number>,
  event: ArrayLike<EventFlag | number>,
  codes: ArrayLike<number>,
  names: readonly string[],
): PairwiseLogRankResult {
  const k = names.length;
  const rows: Omit<PairwiseLogRankRow, 'pHolm' | 'pBonferroni'>[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let size = 0;
      for (let i = 0; i < codes.length; i++) if (codes[i] === a || codes[i] === b) size++;
      const t = new Float64Array(size);
      const e = new Uint8Array(size);
      const c = new Int32Array(size);
      for (let i = 0, j = 0; i < codes.length; i++) {
        if (codes[i] !== a && codes[i] !== b) continue;
        t[j] = time[i];
        e[j] = event[i] === 1 || event[i] === true ? 1 : 0;
        c[j] = codes[i] === a ? 0 : 1;
        j++;
      }
      const s = logRankCore(t, e, c, 2);
      rows.push({
        a: names[a],
        b: names[b],
        n: [s.n[0], s.n[1]],
        observed: [s.observed[0], s.observed[1]],
        expected: [s.expected[0], s.expected[1]],
        chisq: s.chisq,
        df: s.df,
        p: s.p,
      });
    }
  }
  const raw = rows.map((r) => r.p);
  const holm = adjustPValuesCore(raw, 'holm');
  const bonferroni = adjustPValuesCore(raw, 'bonferroni');
  return { groups: [...names], comparisons: rows.map((r, i) => ({ ...r, pHolm: holm[i], pBonferroni: bonferroni[i] })) };
}

/**
 * Pairwise log-rank tests: for each pair of groups, the 2-group log-rank test on that pair's
 * patients only ({@link logRank} restricted to the pair), with p-values adjusted over all pairs
 * by Holm and by Bonferroni ({@link adjustPValues}). Pairs without a test (df < 1) have `null`
 * p-values and are left out of the adjustment, as `NA` in R's `p.adjust`.
 *
 * R: `for (pair in combn(levels, 2, simplify = FALSE)) survdiff(Surv(time, status) ~ group,
 * subset = group %in% pair)`, then `p.adjust(p, "holm")` and `p.adjust(p, "bonferroni")`.
 */
export function pairwiseLogRank(time: readonly number[], event: readonly EventFlag[], group: readonly GroupLabel[], options: LogRankOptions = {}): PairwiseLogRankResult {
  checkSurvivalData(time, event, group);
  const { names, codes } = encodeTestGroups(group, options.levels, 'pairwise log-rank tests need');
  return pairwiseLogRankCore(time, event, codes, names);
}
