/**
 * One of the paper's characteristics tables (data/published) written in the table-file schema,
 * so that `npm run audit -- --table` can audit it and tests can check that the file path and
 * the paper's audit agree cell by cell.
 */
import type { CharacteristicsTable } from '../../published/schemas.ts';
import type { TableFile } from './schema.ts';

export function tableFileFromPublished(t: CharacteristicsTable, options: { testsAsAppropriate?: boolean } = {}): TableFile {
  const hasTotal = t.columns.length > 1 && t.columns.some((c) => c.id === 'total');
  const fisher = t.footnotes.some((f) => f.mark === '*' && /fisher/i.test(f.text));
  return {
    title: t.label,
    columns: t.columns.map((c) => ({ id: c.id, label: c.label, n: c.n.value as number })),
    ...(hasTotal ? { totalColumn: 'total' } : {}),
    pTests: fisher ? { '': 'chisq', '*': 'fisher' } : { '': 'chisq' },
    ...(options.testsAsAppropriate ? { testsAsAppropriate: true } : {}),
    rows: t.rows.map((r) => {
      const base = { label: r.label, ...(r.section ? { section: r.section } : {}), ...(r.p ? { p: r.p.printed } : {}) };
      if (r.kind === 'categorical') {
        return { ...base, levels: r.levels.map((l) => ({ label: l.label, cells: Object.fromEntries(t.columns.map((c) => [c.id, l.cells[c.id].printed])) })) };
      }
      return { ...base, cells: Object.fromEntries(t.columns.map((c) => [c.id, r.cells[c.id].printed])) };
    }),
  };
}
