/**
 * Integer encoding used inside the search.
 *
 * Times are whole tenths of a month ("ticks"): the CSV prints months with one decimal, so the
 * search evaluates exactly the values that end up in the file. An observation of a series is one
 * 32-bit key `time·8 + censored·4 + group`, so sorting keys orders by time, puts events before
 * censorings at a tied time (the Kaplan–Meier convention) and carries the group (0–3) along.
 */

/** Ticks per month: times are multiples of 0.1 month. */
export const TICKS_PER_MONTH = 10;

/** Lower edges of the at-risk bins in ticks (0, 20, 40, 60 months). */
export const BIN_EDGES = [0, 200, 400, 600] as const;

/** Earliest admissible time in ticks (1.0 month). */
export const MIN_TICK = 10;
/** Latest admissible time in ticks (220.0 months: resections from 2000, follow-up to mid-2018). */
export const MAX_TICK = 2200;

/** Bin index 0..3 of a time in ticks. */
export function binOf(t: number): number {
  return t < 200 ? 0 : t < 400 ? 1 : t < 600 ? 2 : 3;
}

/** Smallest admissible tick of a bin. */
export function binLow(bin: number): number {
  return Math.max(BIN_EDGES[bin], MIN_TICK);
}

/** Largest admissible tick of a bin. */
export function binHigh(bin: number): number {
  return bin < 3 ? BIN_EDGES[bin + 1] - 1 : MAX_TICK;
}

/** Sort key of one observation (see module doc). */
export function makeKey(tick: number, event: number, group: number): number {
  return tick * 8 + (event ? 0 : 4) + group;
}

