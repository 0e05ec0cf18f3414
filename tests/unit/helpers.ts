import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ rel·max(|expected|, 1e-300) or both are null/NaN-equivalent. */
export function expectClose(actual: number | null | undefined, expected: number | null | undefined, rel = 1e-6, label = ''): void {
  if (expected === null || expected === undefined || (typeof expected === 'number' && Number.isNaN(expected))) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expect(actual, label).not.toBeUndefined();
  const a = actual as number;
  if (!Number.isFinite(expected)) {
    expect(a, label).toBe(expected);
    return;
  }
  const tol = rel * Math.max(Math.abs(expected), 1e-12);
  if (!(Math.abs(a - expected) <= tol)) {
    throw new Error(`${label} expected ${expected} ± ${tol}, got ${a} (relative error ${Math.abs(a - expected) / Math.max(Math.abs(expected), 1e-300)})`);
  }
}

/** Element-wise {@link expectClose} over two arrays of equal length. */
export function expectAllClose(actual: readonly (number | null)[], expected: readonly (number | null)[], rel = 1e-6, label = ''): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i], expected[i], rel, `${label}[${i}]`);
}

/** Asserts that `run` throws an InputError with exactly this one-line message. */
export function expectInputError(run: () => unknown, message: string): void {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  if (!(error instanceof Error)) throw new Error(`expected InputError "${message}", nothing was thrown`);
  if (error.name !== 'InputError') throw new Error(`expected InputError, got ${error.name}: ${error.message}`);
  if (error.message !== message) throw new Error(`expected message "${message}", got "${error.message}"`);
  if (error.message.includes('\n')) throw new Error('error message has more than one line');
}
