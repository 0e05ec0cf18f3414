/**
 * fast-check generators shared by the property tests: small survival data sets (ties and
 * censoring on purpose), group labels, permutations and contingency tables. Sizes are modest so
 * that each property runs in well under two seconds; every `fc.assert` passes a fixed seed.
 */
import fc from 'fast-check';

/**
 * Options for every `fc.assert`: a fixed seed (reproducible runs) and a run count. For a longer
 * exploratory search, `FC_SEED_OFFSET=7 FC_RUNS_SCALE=50 npx vitest run tests/unit/properties`
 * shifts every seed and multiplies every run count (CI uses the defaults).
 */
export const runs = (seed: number, numRuns = 200) => ({
  seed: seed + Number(process.env.FC_SEED_OFFSET ?? 0),
  numRuns: Math.max(1, Math.round(numRuns * Number(process.env.FC_RUNS_SCALE ?? 1))),
});

/**
 * Follow-up times: whole or half months on a small grid (so ties are common and no two distinct
 * times are within √ε of each other, which the estimators would merge), or occasionally any double.
 */
export const timeArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }).map((k) => k / 2) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }) },
);

/** One patient: time and event (0 = censored, 1 = event). */
export const patientArb = fc.record({ time: timeArb, event: fc.constantFrom<0 | 1>(0, 1) });

/** Survival data: 1–`max` patients. */
export function survivalArb(max = 30) {
  return fc.array(patientArb, { minLength: 1, maxLength: max }).map((rows) => ({
    time: rows.map((r) => r.time),
    event: rows.map((r) => r.event),
  }));
}

/**
 * Survival data with a group label per patient drawn from `k` levels (each present at least once).
 * With `eventsPerGroup`, each group also gets that many events at random times first (so that,
 * e.g., a Cox model usually has a finite estimate to compare).
 */
export function groupedArb(k: number, max = 30, eventsPerGroup = 0) {
  const forced = fc.array(timeArb, { minLength: k * eventsPerGroup, maxLength: k * eventsPerGroup });
  const rest = fc.array(fc.record({ time: timeArb, event: fc.constantFrom<0 | 1>(0, 1), g: fc.integer({ min: 0, max: k - 1 }) }), {
    minLength: k,
    maxLength: Math.max(k, max - k * eventsPerGroup),
  });
  return fc
    .tuple(forced, rest)
    .map(([times, rows]) => [
      ...times.map((time, i) => ({ time, event: 1 as const, g: i % k })),
      ...rows.map((r, i) => (i < k ? { ...r, g: i } : r)),
    ])
    .map((rows) => ({ time: rows.map((r) => r.time), event: rows.map((r) => r.event), group: rows.map((r) => r.g) }));
}

/** A permutation of 0…n−1. */
export function permutationArb(n: number) {
  const ids = Array.from({ length: n }, (_, i) => i);
  return fc.shuffledSubarray(ids, { minLength: n, maxLength: n });
}

/** Distinct, non-empty string labels (unicode included) to rename groups with. */
export function labelsArb(k: number) {
  return fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }), { minLength: k, maxLength: k });
}

/** An r × c table of counts 0…`maxCell` with a positive total not above `maxTotal`. */
export function tableArb(rows: fc.Arbitrary<number>, cols: fc.Arbitrary<number>, maxCell = 8, maxTotal = 40) {
  return fc
    .tuple(rows, cols)
    .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 0, max: maxCell }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
    .filter((t) => {
      const total = t.flat().reduce((a, b) => a + b, 0);
      return total > 0 && total <= maxTotal;
    });
}

/** Applies a permutation to an array: out[i] = values[perm[i]]. */
export function permute<T>(values: readonly T[], perm: readonly number[]): T[] {
  return perm.map((j) => values[j]);
}

export const transpose = (t: readonly (readonly number[])[]): number[][] => t[0].map((_, j) => t.map((row) => row[j]));

/** |a − b| ≤ rel·max(|a|, |b|, floor): equality up to rounding. */
export function near(a: number | null, b: number | null, rel = 1e-9, floor = 1e-12): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), floor);
}
