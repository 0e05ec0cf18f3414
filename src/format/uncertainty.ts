/**
 * Formatting the numbers computed from reconstructed data, with their uncertainty: pooled hazard
 * ratios (src/analysis/uncertainty.ts) and ranges across the ensemble of reconstructions. One
 * place for the words, so the story, the explorer, the forest plot and the journal-club pages say
 * the same thing. With real data every function here gets `null` for the ensemble and the number
 * is shown as computed.
 */
import type { EnsembleRange, PooledHazardRatio } from '../analysis/uncertainty-schema.ts';
import { formatEstimateCI, formatFixed, formatInterval, formatP } from './number.ts';

/** `0.66–1.49`; one number when both ends round to the same text. */
export function formatRange(r: EnsembleRange, digits = 2): string {
  const lo = formatFixed(r.lower, digits);
  const hi = formatFixed(r.upper, digits);
  return lo === hi ? lo : `${lo}–${hi}`;
}

/** Counts: `39–45`, or `43` when every member agrees. */
export function formatCountRange(r: EnsembleRange): string {
  return formatRange(r, 0);
}

/** p-values: `0.770–0.774`, `< 0.001`, `0.004–0.031`. */
export function formatPRange(r: EnsembleRange, digits = 3): string {
  const lo = formatP(r.lower, digits);
  const hi = formatP(r.upper, digits);
  return lo === hi ? lo : `${lo}–${hi}`;
}

/** `months` rounded to as many decimals as the paper printed in `printed` (`"34.5"` → 1, `"32"` → 0). */
export function roundLikePrinted(months: number | null, printed: string | null | undefined): string {
  if (months === null || !Number.isFinite(months)) return 'not reached';
  const decimals = printed && /^\d+\.(\d+)$/.test(printed) ? printed.split('.')[1].length : 0;
  return formatFixed(months, decimals);
}

/** One Cox term as computed from one patient file. */
export interface HazardTerm {
  readonly hr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly p: number | null;
}

/** What the pages show for one hazard ratio. */
export interface HazardDisplay {
  /** The HR and CI shown: pooled over the ensemble with reconstructed data, else as computed. */
  readonly hr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly p: number | null;
  /** `0.44 (0.16–1.19)` */
  readonly text: string;
  /** `0.16–1.19` */
  readonly interval: string;
  /** `0.107` */
  readonly pText: string;
  readonly reconstructed: boolean;
  /** Members pooled (null with real data). */
  readonly members: number | null;
  /** 2.5–97.5% range of the members' own HRs, `0.42–0.46` (null with real data). */
  readonly memberRange: string | null;
  /**
   * The words that go beside the number with reconstructed data:
   * `reconstructed: pooled over 200 reconstructions, whose own estimates range 0.42–0.46`; null with real data.
   */
  readonly note: string | null;
  /** {@link note} without its leading `reconstructed: `, for pages that link that word. */
  readonly noteDetail: string | null;
}

/** The ensemble behind a reconstructed HR: its pooled estimate (null if no member could estimate it) and size. */
export interface HazardEnsemble {
  readonly pooled: PooledHazardRatio | null;
  readonly members: number;
}

/** How a reconstructed HR was pooled, and the spread of the single reconstructions. */
export function reconstructedDetail(pooled: PooledHazardRatio, members: number): string {
  return `pooled over ${members} reconstructions, whose own estimates range ${formatRange(pooled.memberRange)}`;
}

/**
 * How to show one hazard ratio. `ensemble` null = real data: the Cox estimate as computed.
 * Otherwise the pooled estimate and interval, labelled reconstructed.
 */
export function hazardDisplay(term: HazardTerm, ensemble: HazardEnsemble | null, digits = 2): HazardDisplay {
  if (!ensemble) {
    return {
      hr: term.hr,
      lower: term.lower,
      upper: term.upper,
      p: term.p,
      text: formatEstimateCI(term.hr, term.lower, term.upper, digits),
      interval: formatInterval(term.lower, term.upper, digits),
      pText: formatP(term.p),
      reconstructed: false,
      members: null,
      memberRange: null,
      note: null,
      noteDetail: null,
    };
  }
  const h = ensemble.pooled;
  if (!h) {
    return {
      hr: null,
      lower: null,
      upper: null,
      p: null,
      text: 'not estimable',
      interval: '–',
      pText: '–',
      reconstructed: true,
      members: ensemble.members,
      memberRange: null,
      note: `reconstructed: not estimable in the ${ensemble.members} reconstructions`,
      noteDetail: `not estimable in the ${ensemble.members} reconstructions`,
    };
  }
  return {
    hr: h.hr,
    lower: h.lower,
    upper: h.upper,
    p: h.p,
    text: formatEstimateCI(h.hr, h.lower, h.upper, digits),
    interval: formatInterval(h.lower, h.upper, digits),
    pText: formatP(h.p),
    reconstructed: true,
    members: ensemble.members,
    memberRange: formatRange(h.memberRange, digits),
    note: `reconstructed: ${reconstructedDetail(h, ensemble.members)}`,
    noteDetail: reconstructedDetail(h, ensemble.members),
  };
}
