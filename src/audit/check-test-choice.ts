/**
 * Check (a neutral note): where the Methods choose between χ² and Fisher's exact test "as
 * appropriate" (claims of kind `test-choice`), a row whose printed P is a χ² P although an
 * expected count is below 5, the usual reason to prefer Fisher's test (Cochran 1954; Agresti,
 * Categorical Data Analysis, 3rd ed., §3.5). Not an inconsistency: the number agrees with the
 * test used; the note says what Fisher's test gives instead. One note per such row.
 */
import { pCell, rowCell } from './anchors.ts';
import type { ContingencyTable } from './contingency.ts';
import type { TablesOf } from './count-rows.ts';
import { finding, scopeOf } from './finding.ts';
import type { Finding } from './types.ts';
import { p4 } from './words.ts';

/** Expected counts of a table under independence (row total × column total / N). */
export function expectedCounts(counts: readonly (readonly number[])[]): number[][] {
  const rows = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = counts[0].map((_, j) => counts.reduce((a, r) => a + r[j], 0));
  const n = rows.reduce((a, b) => a + b, 0);
  return counts.map((r, i) => r.map((_, j) => (rows[i] * cols[j]) / n));
}

/**
 * Notes for the rows `rowIds` (`table2/asa`) of tables whose stated rule is to choose tests "as
 * appropriate". `ruleCell` is the cell of that statement, when it has one.
 */
export function testChoiceNotes(
  p: TablesOf,
  rowIds: readonly string[],
  ruleCell: string | null,
  tables: readonly ContingencyTable[],
  pFindings: readonly Finding[],
): Finding[] {
  const out: Finding[] = [];
  for (const rowId of rowIds) {
    const [file, row] = rowId.split('/') as ['table2' | 'table3', string];
    const table = p[file];
    const f = pFindings.find((x) => x.cells[0] === pCell(file, row));
    const main = tables.find((t) => t.file === file && t.rowId === row && t.variant === 'main');
    if (!table || !f || !main || f.verdict !== 'consistent') continue;
    const matches = (f.recomputed.tables?.[0]?.matches ?? []) as readonly string[];
    if (!matches.includes('chisq') && !matches.includes('chisqYates')) continue;
    if (matches.includes('fisher')) continue;
    const expected = expectedCounts(main.counts).flat();
    const small = expected.filter((e) => e < 5);
    if (small.length === 0) continue;
    const fisher = f.recomputed.fisher as number;
    const same = (fisher < 0.05) === ((f.recomputed.chisq as number) < 0.05);
    out.push(
      finding({
        id: `${pCell(file, row)}-test-choice`,
        scope: scopeOf(table.label),
        check: 'test-choice',
        table: table.label,
        section: f.location.section,
        row: f.location.row,
        column: f.location.column,
        page: f.location.page,
        printed: f.printed,
        recomputed: { expectedBelow5: small.length, cells: expected.length, smallestExpected: Math.min(...expected), fisher },
        verdict: 'note',
        explanation: `The printed ${f.printed} is a χ² P, while ${small.length} of the ${expected.length} expected counts ${small.length === 1 ? 'is' : 'are'} below 5 (the smallest ${Math.min(...expected).toFixed(1)}); tests are to be chosen "as appropriate", and Fisher's exact test is the usual choice here. It gives ${p4(fisher)}${same ? ', on the same side of 0.05' : ', on the other side of 0.05'}.`,
        cells: [pCell(file, row)],
        related: [rowCell(file, row), ...(ruleCell ? [ruleCell] : [])],
      }),
    );
  }
  return out;
}

