/** Small pure helpers that turn the story's numbers into words. */

/** `a` or `an` before a whole number said aloud (an 8…, an 11, an 18, an 80–89…). */
export function article(n: number): 'a' | 'an' {
  const s = String(Math.round(Math.abs(n)));
  return s.startsWith('8') || s === '11' || s === '18' ? 'an' : 'a';
}

/** One hazard ratio in words: `an 83% lower hazard`, `a 19% higher hazard`, `4.3 times the hazard`. */
export function hazardInWords(hr: number): string {
  if (hr < 1) {
    const pct = Math.round((1 - hr) * 100);
    return `${article(pct)} ${pct}% lower hazard`;
  }
  if (hr < 2) {
    const pct = Math.round((hr - 1) * 100);
    return pct === 0 ? 'the same hazard' : `${article(pct)} ${pct}% higher hazard`;
  }
  return `${hr.toFixed(1)} times the hazard`;
}

/** A hazard-ratio interval in words: `from an 83% lower hazard to 4.3 times the hazard`. */
export function intervalInWords(lower: number | null, upper: number | null): string {
  if (lower === null || upper === null) return 'not estimable';
  return `from ${hazardInWords(lower)} to ${hazardInWords(upper)}`;
}

/** Whether an interval contains both halving (0.5) and doubling (2) of the hazard. */
export function spansHalvingAndDoubling(lower: number | null, upper: number | null): boolean {
  return lower !== null && upper !== null && lower <= 0.5 && upper >= 2;
}
