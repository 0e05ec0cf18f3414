/**
 * Check: the P value of every binary and categorical row of Tables 2 and 3, recomputed from
 * the printed counts with Fisher's exact test (two-sided; one-sided too for 2 × 2 tables) and
 * Pearson's χ² (without and, for 2 × 2, with Yates' correction). Which test does the printed
 * P match, rounding-aware, and does that agree with its footnote mark (`*` = Fisher)? Where
 * the paper prints N/A we report our P and say whether it is below 0.05.
 * One finding per row.
 */
import type { Published } from '../published/load.ts';
import type { CharacteristicsTable, CheckedNumber } from '../published/schemas.ts';
import type { TablesOf } from './count-rows.ts';
import { pCell, rowCell } from './anchors.ts';
import type { ContingencyTable } from './contingency.ts';
import { finding, scopeOf } from './finding.ts';
import { judgeP, matchingTests, testTable, type LegendTest } from './p-tests.ts';
import type { BenignMechanism, Finding, TestedTable } from './types.ts';
import { p4 } from './words.ts';

export { matchingTests, testTable, TEST_WORDS } from './p-tests.ts';

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

/** The test the legend names for a printed P: a mark whose footnote names Fisher's test, else χ² (the paper's Methods). */
export function legendTestOf(printed: CheckedNumber, footnotes: readonly { mark: string | null; text: string }[]): LegendTest {
  for (const mark of printed.marks) {
    const note = footnotes.find((f) => f.mark === mark);
    if (note && /fisher/i.test(note.text)) return 'fisher';
  }
  return 'chisq';
}

/** Which test the legend names for a printed P of a table (default: the footnotes, as {@link legendTestOf}). */
export type LegendOf = (table: CharacteristicsTable, printed: CheckedNumber) => LegendTest;

export function checkCategoricalP(p: TablesOf, tables: readonly ContingencyTable[], legendOf: LegendOf = (t, printed) => legendTestOf(printed, t.footnotes)): CategoricalPResult {
  const findings: Finding[] = [];
  const byRow = new Map<string, RowPs>();
  const ids = [...new Set(tables.map((t) => t.id))];
  for (const id of ids) {
    const variants = tables.filter((t) => t.id === id);
    const first = variants[0];
    const file = first.file;
    const table = p[file]!;
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
    let explainedBy: BenignMechanism[] = [];
    if (printed.value === null) {
      const below = [main.ps.fisher, main.ps.chisq].filter((x): x is number => x !== null && x < 0.05);
      verdict = 'recomputed';
      explanation =
        `The paper prints ${printed.printed}. On the printed counts Fisher's exact test gives ${p4(main.ps.fisher)} and χ² ${p4(main.ps.chisq)}` +
        (below.length === 2 ? ': both below 0.05.' : below.length === 1 ? ': one of them below 0.05.' : ', neither below 0.05.');
    } else {
      const legend = legendOf(table, printed);
      let j = judgeP(printed.printed, legend, main);
      let used = main;
      if (j.verdict === 'inconsistent') {
        // A variant table (other denominators, an unlisted level) may explain the printed P.
        for (const v of tested.slice(1)) {
          const jv = judgeP(printed.printed, legend, v);
          if (jv.verdict !== 'inconsistent') {
            j = jv;
            used = v;
            break;
          }
        }
      }
      verdict = j.verdict;
      explainedBy = [...j.explainedBy];
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
          ...(main.ps.fisherMidP !== undefined ? { fisherMidP: main.ps.fisherMidP } : {}),
          likelihoodRatio: main.ps.likelihoodRatio ?? null,
          tables: tested,
        },
        verdict,
        consequence: verdict === 'inconsistent' ? 'number' : null,
        explainedBy,
        explanation,
        cells: [cell],
        related: [rowCell(file, row.id)],
      }),
    );
  }
  return { findings, byRow };
}
