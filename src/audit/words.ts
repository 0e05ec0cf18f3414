/**
 * Number formatting for the audit's explanations (plain text, read by clinicians).
 * Estimators never format; only explanations do, through these helpers.
 */

/**
 * An exact percentage with enough decimals to see how it rounds: three, trailing zeros dropped
 * but one kept (`64.151%`, `75.0%`, `28.049%`).
 */
export const pct = (x: number): string => `${x.toFixed(3).replace(/0+$/, '').replace(/\.$/, '.0')}%`;

/** A P value with four decimals (`0.0167`), or `<0.0001`. */
export const p4 = (p: number | null | undefined): string => {
  if (p === null || p === undefined || !Number.isFinite(p)) return 'not computable';
  return p < 0.0001 ? '<0.0001' : p.toFixed(4);
};

/** `a`, `a and b`, `a, b and c`. */
export function list(xs: readonly (string | number)[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** `1 patient`, `3 patients`. */
export const patients = (n: number): string => `${n} patient${n === 1 ? '' : 's'}`;

/** Quotes a printed string the way explanations show it: “0.017*”. */
export const q = (s: string): string => `“${s}”`;

/** Denominators for prose: `44` or `44, 45 or 46` (ranges collapsed: `60–82`). */
export function denominatorsText(ns: readonly number[]): string {
  if (ns.length === 0) return 'none';
  const runs: string[] = [];
  let start = ns[0];
  let prev = ns[0];
  for (const n of [...ns.slice(1), Number.NaN]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    runs.push(prev - start >= 2 ? `${start}–${prev}` : start === prev ? String(start) : `${start}, ${prev}`);
    start = n;
    prev = n;
  }
  return runs.length === 1 ? runs[0] : `${runs.slice(0, -1).join(', ')} or ${runs[runs.length - 1]}`;
}
