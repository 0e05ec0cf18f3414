/**
 * The two-group log-rank test laid out one event time per row, for teaching: at each distinct
 * event time, who is at risk in each group, how many events happened, how many the first group
 * would expect if both groups shared one hazard, and that time's share of the variance.
 *
 * It reuses the statistics core's tie handling (`indexTimes`, R's `aeqSurv`), validation and χ²
 * tail, and its totals equal `logRank` on the same data (tests/unit/jc/log-rank-steps.test.ts).
 *
 * At event time j with n_j at risk (n_1j in group 1) and d_j events (d_1j in group 1):
 *   E_1j = d_j n_1j / n_j,  V_j = d_j (n_j − d_j)/(n_j − 1) · (n_1j/n_j)(1 − n_1j/n_j),
 *   O − E = Σ (d_1j − E_1j),  χ² = (O − E)² / Σ V_j on 1 df.
 * R: `survdiff(Surv(time, status) ~ group)`.
 */
import { chiSquareUpperTail } from '../../stats/special.ts';
import { indexTimes } from '../../stats/tied-times.ts';
import { checkSurvivalData, encodeGroups, InputError } from '../../stats/validate.ts';
import type { EventFlag, GroupLabel } from '../../stats/validate.ts';

/** One row of the walk-through: an event time. Pairs are [first group, second group]. */
export interface LogRankStep {
  readonly time: number;
  readonly atRisk: readonly [number, number];
  readonly events: readonly [number, number];
  /** Expected events in the first group, d n_1 / n. */
  readonly expected: number;
  /** Hypergeometric variance of the first group's events at this time. */
  readonly variance: number;
}

export interface LogRankSteps {
  readonly groups: readonly [string, string];
  readonly steps: readonly LogRankStep[];
  /** Observed events per group. */
  readonly observed: readonly [number, number];
  /** Expected events per group (they add up to the total events). */
  readonly expected: readonly [number, number];
  /** Σ V_j: the variance of O − E in either group. */
  readonly variance: number;
  /** (O_1 − E_1)² / V; 0 when V = 0 (as R's generalized inverse). */
  readonly chisq: number;
  /** P(χ²₁ ≥ chisq); `null` when a group has no one at risk at any event (no test, as logRank). */
  readonly p: number | null;
}

/**
 * Walk-through of the two-group log-rank test. Validates as the core does; throws an
 * `InputError` unless the data (or `levels`) have exactly two groups.
 */
export function logRankSteps(
  time: readonly number[],
  event: readonly EventFlag[],
  group: readonly GroupLabel[],
  levels?: readonly GroupLabel[],
): LogRankSteps {
  checkSurvivalData(time, event, group);
  const { names, codes } = encodeGroups(group, levels);
  if (names.length !== 2) throw new InputError(`the walk-through compares exactly 2 groups, not ${names.length}`, undefined, 'group');
  const { times, index } = indexTimes(time);
  const m = times.length;
  const deaths = new Int32Array(m * 2);
  const removed = new Int32Array(m * 2);
  const risk = [0, 0];
  const observed: [number, number] = [0, 0];
  for (let i = 0; i < time.length; i++) {
    const cell = index[i] * 2 + codes[i];
    removed[cell]++;
    risk[codes[i]]++;
    if (event[i] === 1 || event[i] === true) {
      deaths[cell]++;
      observed[codes[i]]++;
    }
  }
  const steps: LogRankStep[] = [];
  let expected1 = 0;
  let expected2 = 0;
  let variance = 0;
  for (let j = 0; j < m; j++) {
    const d1 = deaths[2 * j];
    const d2 = deaths[2 * j + 1];
    const d = d1 + d2;
    const n = risk[0] + risk[1];
    if (d > 0) {
      const e1 = (d * risk[0]) / n;
      const v = n > 1 ? ((d * (n - d)) / (n - 1)) * (risk[0] / n) * (1 - risk[0] / n) : 0;
      expected1 += e1;
      expected2 += (d * risk[1]) / n;
      variance += v;
      steps.push({ time: times[j], atRisk: [risk[0], risk[1]], events: [d1, d2], expected: e1, variance: v });
    }
    risk[0] -= removed[2 * j];
    risk[1] -= removed[2 * j + 1];
  }
  // As survdiff: a group nobody expects events in leaves no test (df 0).
  const testable = expected1 > 0 && expected2 > 0;
  const u = observed[0] - expected1;
  const chisq = testable && variance > 0 ? (u * u) / variance : 0;
  return {
    groups: [names[0], names[1]],
    steps,
    observed,
    expected: [expected1, expected2],
    variance,
    chisq,
    p: testable ? chiSquareUpperTail(chisq, 1) : null,
  };
}
