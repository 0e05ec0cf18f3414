/**
 * Adjusting p-values for multiple comparisons, as R's `p.adjust`.
 */
import { InputError } from './validate.ts';

/** Adjustment methods (a subset of R's `p.adjust.methods`). */
export type PAdjustMethod = 'holm' | 'bonferroni' | 'none';

const METHODS: readonly PAdjustMethod[] = ['holm', 'bonferroni', 'none'];

/** {@link adjustPValues} without input checks. */
export function adjustPValuesCore(p: readonly (number | null)[], method: PAdjustMethod): (number | null)[] {
  const present: number[] = [];
  for (let i = 0; i < p.length; i++) if (p[i] !== null) present.push(i);
  const m = present.length;
  const out: (number | null)[] = p.map(() => null);
  if (method === 'none') return [...p];
  if (method === 'bonferroni') {
    for (const i of present) out[i] = Math.min(1, m * (p[i] as number));
    return out;
  }
  // Holm: order ascending (stable, as R's order), adjusted = cummax((m − r + 1) p_(r)), capped at 1.
  const order = [...present].sort((a, b) => (p[a] as number) - (p[b] as number));
  let running = 0;
  order.forEach((i, r) => {
    running = Math.max(running, (m - r) * (p[i] as number));
    out[i] = Math.min(1, running);
  });
  return out;
}

/**
 * Adjusted p-values, identical to R's `p.adjust(p, method)`:
 *
 * - `bonferroni`: min(1, m·pᵢ);
 * - `holm` (Holm 1979): with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵣ₎ = min(1, max_{s ≤ r} (m − s + 1) p₍ₛ₎);
 * - `none`: unchanged.
 *
 * Missing values (`null`, R's `NA`) stay missing and do not count in m, as in R.
 */
export function adjustPValues(p: readonly number[], method: PAdjustMethod): number[];
export function adjustPValues(p: readonly (number | null)[], method: PAdjustMethod): (number | null)[];
export function adjustPValues(p: readonly (number | null)[], method: PAdjustMethod): (number | null)[] {
  if (!Array.isArray(p)) throw new InputError('p must be an array of p-values', undefined, 'p');
  if (!METHODS.includes(method)) {
    throw new InputError(`invalid method: ${JSON.stringify(method)} (expected ${METHODS.map((x) => `'${x}'`).join(', ')})`, undefined, 'method');
  }
  p.forEach((v, i) => {
    if (v !== null && (typeof v !== 'number' || !(v >= 0 && v <= 1))) {
      throw new InputError(`invalid p-value at row ${i + 1}: ${String(v)} (must be between 0 and 1)`, i + 1, 'p');
    }
  });
  return adjustPValuesCore(p, method);
}
