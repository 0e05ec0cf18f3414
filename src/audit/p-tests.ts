/**
 * The usual tests of a contingency table and the judgement of a printed P value against them.
 * Shared by the audit of the paper's Tables 2 and 3 (check-categorical-p.ts) and the audit of
 * any table file (table-file/), so both judge a P value the same way.
 *
 * A table's legend names a test for each footnote mark (`*` = Fisher). A printed P that rounds
 * to the named test's P is consistent; one that rounds to another usual two-sided test
 * (Pearson, Yates, Fisher, mid-p, likelihood ratio) is `consistent-other-test` with the
 * mechanism `other-test`; one that rounds to a one-sided Fisher P is `consistent-other-test`
 * with `one-sided-test`. Only a P that no usual test gives is inconsistent.
 */
import type { CheckedNumber } from '../published/schemas.ts';
import { chiSquareTest } from '../stats/chi-square.ts';
import { fisherExact } from '../stats/fisher-exact.ts';
import { fisherMidP } from './fisher-mid-p.ts';
import { fisherOneSided } from './fisher-one-sided.ts';
import { likelihoodRatioTest } from './likelihood-ratio.ts';
import { TEST_ALTERNATIVES } from './mechanisms.ts';
import { printedDecimal, printsAs } from './rounding.ts';
import type { BenignMechanism, TestName, TestPs, TestedTable } from './types.ts';
import { p4 } from './words.ts';

/** The tests a legend can name. `chisq` stands for "χ² test", with or without Yates' correction. */
export const LEGEND_TESTS = ['chisq', 'chisq-yates', 'chisq-pearson', 'fisher', 'fisher-midp', 'lr'] as const;
export type LegendTest = (typeof LEGEND_TESTS)[number];

/** The computed tests a legend name accepts. */
export const LEGEND_FAMILY: Readonly<Record<LegendTest, readonly TestName[]>> = {
  chisq: ['chisq', 'chisqYates'],
  'chisq-yates': ['chisqYates'],
  'chisq-pearson': ['chisq'],
  fisher: ['fisher'],
  'fisher-midp': ['fisherMidP'],
  lr: ['likelihoodRatio'],
};

export const LEGEND_WORDS: Readonly<Record<LegendTest, string>> = {
  chisq: 'a χ² test',
  'chisq-yates': "χ² with Yates' correction",
  'chisq-pearson': "Pearson's χ² test",
  fisher: "Fisher's exact test",
  'fisher-midp': "Fisher's mid-p",
  lr: 'the likelihood-ratio test',
};

/** R: fisher.test(m)$p.value, chisq.test(m, correct = FALSE / TRUE)$p.value, fisher.test(m, alternative = …), mid-p and G from dhyper / pchisq. */
export function testTable(counts: readonly (readonly number[])[]): TestPs {
  const fisher = fisherExact(counts).p;
  const chisq = chiSquareTest(counts, { correct: false }).p;
  const likelihoodRatio = likelihoodRatioTest(counts)?.p ?? null;
  if (counts.length === 2 && counts[0].length === 2) {
    return {
      fisher,
      chisq,
      chisqYates: chiSquareTest(counts, { correct: true }).p,
      fisherOneSided: fisherOneSided(counts).smaller,
      fisherMidP: fisherMidP(counts),
      likelihoodRatio,
    };
  }
  return { fisher, chisq, likelihoodRatio };
}

const TEST_ORDER: readonly TestName[] = ['fisher', 'chisq', 'chisqYates', 'fisherMidP', 'likelihoodRatio', 'fisherOneSided'];

export const TEST_WORDS: Readonly<Record<TestName, string>> = {
  fisher: "Fisher's exact test",
  chisq: "Pearson's χ² test",
  chisqYates: "χ² with Yates' correction",
  fisherMidP: "Fisher's mid-p",
  likelihoodRatio: 'the likelihood-ratio test',
  fisherOneSided: "the one-sided Fisher's exact test",
};

/** Tests whose P prints as the printed value. */
export function matchingTests(
  ps: TestPs,
  printed: { readonly printed: string; readonly value: number | null; readonly relation?: CheckedNumber['relation']; readonly marks?: readonly string[] },
): TestName[] {
  if (printed.value === null) return [];
  const d = printedDecimal(printed.printed)?.decimals ?? 3;
  return TEST_ORDER.filter((t) => {
    const v = ps[t];
    return typeof v === 'number' && printsAs(v, printed.value as number, d, printed.relation);
  });
}

/** Every computed P, in words: `Fisher 0.0167, χ² 0.0224, …`. */
export function valuesText(ps: TestPs): string {
  const parts = [`Fisher ${p4(ps.fisher)}`, `χ² ${p4(ps.chisq)}`];
  if (ps.chisqYates !== undefined) parts.push(`Yates ${p4(ps.chisqYates)}`);
  if (ps.fisherMidP !== undefined) parts.push(`mid-p ${p4(ps.fisherMidP)}`);
  if (ps.likelihoodRatio !== undefined) parts.push(`likelihood ratio ${p4(ps.likelihoodRatio)}`);
  if (ps.fisherOneSided !== undefined) parts.push(`one-sided Fisher ${p4(ps.fisherOneSided)}`);
  return parts.join(', ');
}

export interface PJudgement {
  readonly verdict: 'consistent' | 'consistent-other-test' | 'inconsistent';
  readonly explainedBy: readonly BenignMechanism[];
  readonly text: string;
  /** The test the verdict rests on, if any matched. */
  readonly test: TestName | null;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Judges a printed P against the tests of one table, given the test its legend names. */
export function judgeP(printed: string, legend: LegendTest, t: Pick<TestedTable, 'ps' | 'matches'>): PJudgement {
  const m = t.matches;
  const ps = t.ps;
  const shown = `the printed ${printed}`;
  const family = LEGEND_FAMILY[legend];
  const named = family.find((x) => m.includes(x));
  if (named) {
    return {
      verdict: 'consistent',
      explainedBy: [],
      test: named,
      text: `${cap(TEST_WORDS[named])} gives ${p4(ps[named])}, which matches ${shown}; the legend names ${LEGEND_WORDS[legend]}.`,
    };
  }
  const other = m.find((x) => x !== 'fisherOneSided');
  if (other) {
    return {
      verdict: 'consistent-other-test',
      explainedBy: ['other-test'],
      test: other,
      text: `${cap(shown)} matches ${TEST_WORDS[other]} (${p4(ps[other])}) rather than ${LEGEND_WORDS[legend]} that the legend names (${family.filter((x) => typeof ps[x] === 'number').map((x) => `${TEST_WORDS[x]} ${p4(ps[x])}`).join(', ')}): the number agrees with another usual test.`,
    };
  }
  if (m.includes('fisherOneSided')) {
    return {
      verdict: 'consistent-other-test',
      explainedBy: ['one-sided-test'],
      test: 'fisherOneSided',
      text: `${cap(shown)} matches the one-sided Fisher P (${p4(ps.fisherOneSided)}), not the two-sided one (${p4(ps.fisher)}) that tables normally give; Stata, for one, prints both one under the other.`,
    };
  }
  return {
    verdict: 'inconsistent',
    explainedBy: [],
    test: null,
    text: `No usual test reproduces ${shown} from these counts. Tried: ${TEST_ALTERNATIVES}, which give ${valuesText(ps)}.`,
  };
}
