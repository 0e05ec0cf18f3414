/**
 * Check: continuous rows (median [IQR]) of Tables 1–3 and their t-test / Kruskal–Wallis P
 * values. Without the patients' values none of these can be recomputed; the audit only checks
 * that each median lies within its quartiles. One finding per row.
 */
import type { TablesOf } from './count-rows.ts';
import { pCell, rowCell, valueCell } from './anchors.ts';
import { finding, scopeOf } from './finding.ts';
import type { Finding } from './types.ts';

export function checkContinuous(p: TablesOf): Finding[] {
  const out: Finding[] = [];
  for (const file of ['table1', 'table2', 'table3'] as const) {
    const t = p[file];
    if (!t) continue;
    for (const row of t.rows) {
      if (row.kind !== 'continuous') continue;
      const cells = t.columns.map((c) => ({ col: c, cell: row.cells[c.id] }));
      const bad = cells.filter(({ cell }) => !(cell.q1 <= cell.median && cell.median <= cell.q3));
      const hasP = row.p !== undefined;
      const anchor = hasP ? pCell(file, row.id) : valueCell(file, row.id, null, t.columns[0].id);
      const what = hasP
        ? `The medians, quartiles and the P value (${row.p!.printed}) need each patient's value, which the paper does not publish, so they cannot be recomputed.`
        : 'The median and quartiles need each patient\'s value, which the paper does not publish, so they cannot be recomputed.';
      const explanation = bad.length
        ? `${bad.map(({ cell }) => `“${cell.printed}”`).join(', ')}: a median must lie between its quartiles. ${what}`
        : `${what} Each median does lie between its quartiles.`;
      out.push(
        finding({
          id: `${anchor}-continuous`,
          scope: scopeOf(t.label),
          check: 'continuous',
          table: t.label,
          section: row.section,
          row: row.label,
          column: hasP ? (t.pValue?.label ?? 'P value') : t.columns[0].label,
          page: row.page,
          printed: [...cells.map(({ cell }) => cell.printed), ...(hasP ? [row.p!.printed] : [])].join(' · '),
          recomputed: { medianWithinQuartiles: bad.length === 0 },
          verdict: bad.length ? 'inconsistent' : 'cannot-check',
          consequence: bad.length ? 'number' : null,
          explanation,
          cells: [anchor],
          related: [rowCell(file, row.id)],
        }),
      );
    }
  }
  return out;
}
