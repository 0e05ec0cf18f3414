/**
 * Small counts as words, the way prose writes them ("two real trials", "Three groups").
 */

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'] as const;

/** `2` → `two` up to ten; larger or fractional numbers as digits. */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < WORDS.length ? WORDS[n] : String(n);
}

/** {@link numberWord} with a capital, to start a sentence. */
export function capitalNumberWord(n: number): string {
  const w = numberWord(n);
  return w.charAt(0).toUpperCase() + w.slice(1);
}
