/**
 * Check: the P value of every binary and categorical row of Tables 2 and 3, recomputed from
 * the printed counts with Fisher's exact test (two-sided; one-sided too for 2 × 2 tables) and
 * Pearson's χ² (without and, for 2 × 2, with Yates' correction). Which test does the printed
 * P match, rounding-aware, and does that agree with its footnote mark (`*` = Fisher)? Where
 * the paper prints N/A we report our P and say whether it is below 0.05.
 * One finding per row.
 */
import type { Published } from '../published/load.ts';
import type { CheckedNumber } from '../published/schemas.ts';
import { chiSquareTest } from '../stats/chi-square.ts';
import { fisherExact } from '../stats/fisher-exact.ts';
import { pCell, rowCell } from './anchors.ts';
import type { ContingencyTable } from './contingency.ts';
import { finding, scopeOf } from './finding.ts';
import { fisherOneSided } from './fisher-one-sided.ts';
import { printedDecimal, printsAs } from './rounding.ts';
import type { Finding, TestName, TestPs, TestedTable } from './types.ts';
import { p4 } from './words.ts';

/** R: fisher.test(m)$p.value, chisq.test(m, correct = FALSE / TRUE)$p.value, fisher.test(m, alternative = "less" / "greater"). */
export function testTable(counts: readonly (readonly number[])[]): TestPs {
  const fisher = fisherExact(counts).p;
  const chisq = chiSquareTest(counts, { correct: false }).p;
  if (counts.length === 2 && counts[0].length === 2) {
    return { fisher, chisq, chisqYates: chiSquareTest(counts, { correct: true }).p, fisherOneSided: fisherOneSided(counts).smaller };
  }
  return { fisher, chisq };
}

const TEST_ORDER: readonly TestName[] = ['fisher', 'chisq', 'chisqYates', 'fisherOneSided'];

export const TEST_WORDS: Readonly<Record<TestName, string>> = {
  fisher: "Fisher's exact test",
  chisq: "Pearson's χ² test",
  chisqYates: "χ² with Yates' correction",
  fisherOneSided: "the one-sided Fisher's exact test",
};

/** Tests whose P prints as the printed value. */
export function matchingTests(ps: TestPs, printed: CheckedNumber): TestName[] {
  if (printed.value === null) return [];
  const d = printedDecimal(printed.printed)?.decimals ?? 3;
  return TEST_ORDER.filter((t) => {
    const v = ps[t];
    return typeof v === 'number' && printsAs(v, printed.value as number, d, printed.relation);
  });
}

/** The recomputed P values of one row, as the claims check needs them. */
export interface RowPs {
  readonly fisher: number;
  readonly chisq: number | null;
}

export interface CategoricalPResult {
  readonly findings: Finding[];
  /** `table2/asa` → P values of the main table. */
  readonly byRow: ReadonlyMap<string, RowPs>;
}

const isChi = (t: TestName) => t === 'chisq' || t === 'chisqYates';

function valuesText(ps: TestPs): string {
  const parts = [`Fisher ${p4(ps.fisher)}`, `χ² ${p4(ps.chisq)}`];
  if (ps.chisqYates !== undefined) parts.push(`Yates ${p4(ps.chisqYates)}`);
  if (ps.fisherOneSided !== undefined) parts.push(`one-sided Fisher ${p4(ps.fisherOneSided)}`);
  return parts.join(', ');
}

interface Judgement {
  readonly verdict: 'consistent' | 'consistent-other-test' | 'inconsistent';
  readonly text: string;
}

function judge(printed: CheckedNumber, t: TestedTable): Judgement {
  const fisherMark = printed.marks.includes('*');
  const m = t.matches;
  const ps = t.ps;
  const shown = `the printed ${printed.printed}`;
  if (fisherMark && m.includes('fisher')) {
    return { verdict: 'consistent', text: `Fisher's exact test gives ${p4(ps.fisher)}, which matches ${shown}; the asterisk says Fisher.` };
  }
  if (!fisherMark && m.some(isChi)) {
    const which = m.includes('chisq') ? 'chisq' : 'chisqYates';
    return {
      verdict: 'consistent',
      text: `${TEST_WORDS[which]} gives ${p4(ps[which])}, which matches ${shown}, as expected without an asterisk (Fisher ${p4(ps.fisher)}).`,
    };
  }
  if (fisherMark && m.some(isChi)) {
    const which = m.includes('chisq') ? 'chisq' : 'chisqYates';
    return {
      verdict: 'consistent-other-test',
      text: `${shown[0].toUpperCase()}${shown.slice(1)} matches ${TEST_WORDS[which]} (${p4(ps[which])}), not Fisher's exact test (${p4(ps.fisher)}) that the asterisk names.`,
    };
  }
  if (!fisherMark && m.includes('fisher')) {
    return {
      verdict: 'consistent-other-test',
      text: `${shown[0].toUpperCase()}${shown.slice(1)} has no asterisk, so it should be a χ² test (${p4(ps.chisq)}), but it matches Fisher's exact test (${p4(ps.fisher)}).`,
    };
  }
  if (m.includes('fisherOneSided')) {
    return {
      verdict: 'consistent-other-test',
      text: `${shown[0].toUpperCase()}${shown.slice(1)} matches the one-sided Fisher P (${p4(ps.fisherOneSided)}), not the two-sided one (${p4(ps.fisher)}) that tables normally give; Stata prints both, one under the other.`,
    };
  }
  return { verdict: 'inconsistent', text: `No test reproduces ${shown} from these counts: ${valuesText(ps)}.` };
}

export function checkCategoricalP(p: Published, tables: readonly ContingencyTable[]): CategoricalPResult {
  const findings: Finding[] = [];
  const byRow = new Map<string, RowPs>();
  const ids = [...new Set(tables.map((t) => t.id))];
  for (const id of ids) {
    const variants = tables.filter((t) => t.id === id);
    const first = variants[0];
    const file = first.file;
    const table = p[file];
    const row = table.rows.find((r) => r.id === first.rowId)!;
    const printed = row.p as CheckedNumber;
    const tested: TestedTable[] = variants.map((v) => {
      const ps = testTable(v.counts);
      return {
        variant: v.variant,
        description: v.description,
        rowLabels: v.rowLabels,
        colLabels: v.colLabels,
        counts: v.counts,
        ps,
        matches: matchingTests(ps, printed),
      };
    });
    const main = tested[0];
    byRow.set(`${file}/${row.id}`, { fisher: main.ps.fisher, chisq: main.ps.chisq });

    let verdict: Finding['verdict'];
    let explanation: string;
    if (printed.value === null) {
      const below = [main.ps.fisher, main.ps.chisq].filter((x): x is number => x !== null && x < 0.05);
      verdict = 'recomputed';
      explanation =
        `The paper prints ${printed.printed}. On the printed counts Fisher's exact test gives ${p4(main.ps.fisher)} and χ² ${p4(main.ps.chisq)}` +
        (below.length === 2 ? ': both below 0.05.' : below.length === 1 ? ': one of them below 0.05.' : ', neither below 0.05.');
    } else {
      let j = judge(printed, main);
      let used = main;
      if (j.verdict === 'inconsistent') {
        // A variant table (other denominators, an unlisted level) may explain the printed P.
        for (const v of tested.slice(1)) {
          const jv = judge(printed, v);
          if (jv.verdict !== 'inconsistent') {
            j = jv;
            used = v;
            break;
          }
        }
      }
      verdict = j.verdict;
      explanation = j.text;
      if (used !== main) explanation += ` Only another reading of the row gives this: ${used.description}`;
      else if (main.variant === 'main' && tested.length > 1) explanation += ` Table used: ${main.description[0].toLowerCase()}${main.description.slice(1)}`;
      const unlisted = tested.find((t) => t.variant === 'with-unlisted');
      if (unlisted && used === main) {
        explanation += ` Adding the patients in no printed level as a level of their own gives Fisher ${p4(unlisted.ps.fisher)} and χ² ${p4(unlisted.ps.chisq)}.`;
      }
    }
    const cell = pCell(file, row.id);
    findings.push(
      finding({
        id: `${cell}-pvalue`,
        scope: scopeOf(table.label),
        check: 'categorical-p',
        table: table.label,
        section: row.section,
        row: row.label,
        column: table.pValue?.label ?? 'P value',
        page: row.page,
        printed: printed.printed,
        recomputed: {
          fisher: main.ps.fisher,
          chisq: main.ps.chisq,
          ...(main.ps.chisqYates !== undefined ? { chisqYates: main.ps.chisqYates } : {}),
          ...(main.ps.fisherOneSided !== undefined ? { fisherOneSided: main.ps.fisherOneSided } : {}),
          tables: tested,
        },
        verdict,
        severity: verdict === 'inconsistent' ? 'major' : null,
        explanation,
        cells: [cell],
        related: [rowCell(file, row.id)],
      }),
    );
  }
  return { findings, byRow };
}
