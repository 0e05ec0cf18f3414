/**
 * The benign mechanisms the audit recognises, in words, and the list of those it considered
 * before calling a number inconsistent. Every explanation names the mechanism that explains a
 * number, and every inconsistent finding says which ones it tried, so a reader (or the
 * paper's authors) can see what was ruled out and why.
 */
import type { BenignMechanism } from './types.ts';

export const MECHANISM_WORDS: Readonly<Record<BenignMechanism, string>> = {
  'rounding-half-up': 'rounding half up',
  'rounding-half-even': 'rounding half to even',
  truncation: 'truncation (cutting off the extra digits instead of rounding)',
  'whole-percent': 'rounding to a whole percent and printing ".0"',
  'double-rounding': 'rounding twice (first to one more decimal)',
  'largest-remainder': 'adjusting the column to add up to 100 by the largest-remainder method',
  'adjusted-to-100': 'adjusting the column to add up to exactly 100 (one value moved to its other rounding)',
  'missing-data-denominator': 'percentages of the patients with data rather than of the whole group',
  'one-sided-test': 'a one-sided test',
  'other-test': 'another usual test than the legend names',
  'hr-truncation': 'truncation of the hazard ratio (cutting off its extra digits)',
};

/** Short names, for lists and summaries. */
export const MECHANISM_NAMES: Readonly<Record<BenignMechanism, string>> = {
  'rounding-half-up': 'half-up rounding',
  'rounding-half-even': 'half-even rounding',
  truncation: 'truncation',
  'whole-percent': 'whole-percent rounding',
  'double-rounding': 'rounding twice',
  'largest-remainder': 'sum-to-100 (largest remainder)',
  'adjusted-to-100': 'sum-to-100 adjustment',
  'missing-data-denominator': 'missing-data denominators',
  'one-sided-test': 'one-sided test',
  'other-test': 'another usual test',
  'hr-truncation': 'truncated hazard ratio',
};

/** What the percentage checks try before calling a percentage inconsistent, in words. */
export const PERCENT_ALTERNATIVES =
  'rounding half up or half to even, truncation, rounding twice, whole-percent rounding, adjusting the column to add up to 100 and percentages of the patients with data';

/** What the P value checks try, in words. */
export const TEST_ALTERNATIVES =
  "Fisher's exact test (two-sided, mid-p and one-sided), Pearson's χ² with and without Yates' correction, and the likelihood-ratio test";
