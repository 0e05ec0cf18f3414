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

/** A P value as a journal prints it, three decimals (`0.017`, `<0.001`). */
export const p3 = (p: number): string => (p < 0.001 ? '<0.001' : p.toFixed(3));

/** `a`, `a and b`, `a, b and c`. */
export function list(xs: readonly (string | number)[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** `a`, `a or b`, `a, b or c`. */
export function listOr(xs: readonly (string | number)[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}

/** `1 patient`, `3 patients`. */
export const patients = (n: number): string => `${n} patient${n === 1 ? '' : 's'}`;

/** Quotes a printed string the way explanations show it: “0.017*”. */
export const q = (s: string): string => `“${s}”`;

/** Up to `max` items, then `and k more`. */
export function listSome(xs: readonly (string | number)[], max = 6): string {
  if (xs.length <= max) return list(xs);
  return `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`;
}

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
