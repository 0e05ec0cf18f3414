/**
 * A printed number and the interval of true values it stands for. A string keeps its printed
 * precision ("32" is anything in [31.5, 32.5], "0.772" anything in [0.7715, 0.7725]); "<0.001" is
 * [0, 0.001], ">60" is [60, ∞); "NR" is a quartile that was not reached. A JSON number is exact.
 */

/** The interval behind one printed value. */
export interface PrintedInterval {
  /** As given (a JSON number is shown with `String`). */
  readonly printed: string;
  /** Central value (the number itself; for "<x" and ">x" the bound). */
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
  /** Half the printed rounding step (0 for exact numbers and bounds). */
  readonly halfWidth: number;
  /** "NR": not reached. */
  readonly notReached: boolean;
}

/** Pattern of an accepted printed string. */
export const PRINTED_PATTERN = /^(NR|[<>]?(?:\d+(?:\.\d+)?|\.\d+))$/;

/** Decimals of a printed decimal: "34.5" → 1, "32" → 0. */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The interval behind a printed value (see module doc). */
export function printedInterval(value: string | number): PrintedInterval {
  if (typeof value === 'number') {
    return { printed: String(value), value, lo: value, hi: value, halfWidth: 0, notReached: false };
  }
  if (value === 'NR') return { printed: value, value: Number.POSITIVE_INFINITY, lo: Number.POSITIVE_INFINITY, hi: Number.POSITIVE_INFINITY, halfWidth: 0, notReached: true };
  if (value.startsWith('<')) {
    const v = Number(value.slice(1));
    return { printed: value, value: v, lo: 0, hi: v, halfWidth: 0, notReached: false };
  }
  if (value.startsWith('>')) {
    const v = Number(value.slice(1));
    return { printed: value, value: v, lo: v, hi: Number.POSITIVE_INFINITY, halfWidth: 0, notReached: false };
  }
  const v = Number(value);
  const half = 0.5 * 10 ** -decimalsOf(value);
  return { printed: value, value: v, lo: Math.max(0, v - half), hi: v + half, halfWidth: half, notReached: false };
}
