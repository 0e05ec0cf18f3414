/**
 * GRIM-style check of one printed percentage of a count: which reporting habits and which
 * denominators reproduce it.
 *
 * Reference: Brown & Heathers, "The GRIM test", Soc Psychol Personal Sci 2017;8:363–369.
 */
import type { Mechanism } from './types.ts';
import {
  percentDoubleRoundsTo,
  percentRoundsTo,
  percentTruncatesTo,
  percentWholeRoundsTo,
  roundings,
  type PrintedDecimal,
} from './rounding.ts';

export interface PercentCheck {
  readonly count: number;
  readonly denominator: number;
  /** 100·count/denominator. */
  readonly exact: number;
  /** True when ordinary rounding (half-way either way) gives the printed value. */
  readonly rounds: boolean;
  /** Habits that reproduce the printed value with this denominator (`rounding` first when it does). */
  readonly mechanisms: readonly Mechanism[];
  /** Other denominators in 1..maxN under which the count rounds to the printed percentage. */
  readonly otherDenominators: readonly number[];
  /** Counts out of `denominator` whose percentage rounds to the printed one (classic GRIM). */
  readonly countsThatFit: readonly number[];
  /** Distance, in units of the last printed digit, between the printed value and the nearest correct rounding. */
  readonly unitsOff: number;
}

/** Denominators n in [lo, hi] for which count/n rounds to the printed percentage. */
export function denominatorsFor(count: number, printed: PrintedDecimal, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let n = Math.max(1, lo); n <= hi; n++) if (percentRoundsTo(count, n, printed)) out.push(n);
  return out;
}

/** Checks `count` of `denominator` against a printed percentage; `maxN` bounds the search for other denominators. */
export function checkPercent(count: number, denominator: number, printed: PrintedDecimal, maxN: number): PercentCheck {
  const exact = (100 * count) / denominator;
  const rounds = percentRoundsTo(count, denominator, printed);
  const mechanisms: Mechanism[] = [];
  if (rounds) mechanisms.push('rounding');
  else {
    if (percentTruncatesTo(count, denominator, printed)) mechanisms.push('truncation');
    if (percentDoubleRoundsTo(count, denominator, printed)) mechanisms.push('double-rounding');
    if (percentWholeRoundsTo(count, denominator, printed)) mechanisms.push('whole-percent');
  }
  const otherDenominators = denominatorsFor(count, printed, Math.max(count, 1), Math.max(maxN, denominator)).filter((n) => n !== denominator);
  if (!rounds && otherDenominators.length) mechanisms.push('other-denominator');
  const countsThatFit: number[] = [];
  for (let k = 0; k <= denominator; k++) if (percentRoundsTo(k, denominator, printed)) countsThatFit.push(k);
  const correct = roundings(100 * count * 10 ** printed.decimals, denominator);
  const unitsOff = Math.min(...correct.map((r) => Math.abs(r - printed.units)));
  return { count, denominator, exact, rounds, mechanisms, otherDenominators, countsThatFit, unitsOff };
}

