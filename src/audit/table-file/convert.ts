/**
 * A validated table file (schema.ts) as the audit's internal characteristics table, plus the map
 * from the audit's cell ids back to the file's row, level and column, so every finding can be
 * located in the file's own terms. The file's total column becomes the internal `total`; a
 * table with groups is audited as a subgroup table (P values tested), one without as Table 1.
 */
import type { CharacteristicsTable, CountCell, QuantileCell, TableRow } from '../../published/schemas.ts';
import { parseCountPercent, parseMedianIqr, parsePrinted } from '../../published/parse-printed.ts';
import { pCell, rowCell, valueCell, type TableFile as FileId } from '../anchors.ts';
import { LEGEND_WORDS, type LegendTest } from '../p-tests.ts';
import type { TableFile } from './schema.ts';

/** Where a cell of the internal table sits in the file. */
export interface FileLocation {
  readonly row: string;
  readonly level: string | null;
  /** The file's column id, `p` for the P value, `null` for the row as a whole. */
  readonly column: string | null;
}

export interface Converted {
  readonly file: FileId;
  readonly table: CharacteristicsTable;
  /** Internal cell id → where it is in the file. */
  readonly locations: ReadonlyMap<string, FileLocation>;
  /** The test the legend names for a P value with (`*`) or without a mark. */
  readonly legend: (starred: boolean) => LegendTest;
}

/** The file's column ids as internal ids: the total column is `total`; ids the audit reserves are renamed. */
function internalIds(t: TableFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of t.columns) {
    if (c.id === t.totalColumn) out.set(c.id, 'total');
    // `total` is what the audit calls a pooling column: rename a column that has the id but does not pool.
    else if ((c.id === 'total' && t.columns.length > 1) || c.id === 'p') out.set(c.id, `${c.id}-column`);
    else out.set(c.id, c.id);
  }
  return out;
}

function countCell(printed: string, n: number): CountCell {
  const c = parseCountPercent(printed)!;
  return { printed, count: c.count, percent: c.percent, marks: [...c.marks], denominator: c.marks.includes('+') ? null : n };
}

function quantileCell(printed: string): QuantileCell {
  const q = parseMedianIqr(printed)!;
  return { printed, median: q.median, q1: q.q1, q3: q.q3, unit: q.unit, marks: [...q.marks] };
}

export function convertTableFile(t: TableFile): Converted {
  const ids = internalIds(t);
  const file: FileId = t.columns.length > 1 ? 'table2' : 'table1';
  const n = new Map(t.columns.map((c) => [c.id, c.n]));
  const locations = new Map<string, FileLocation>();
  const cellsOf = <C>(cells: Record<string, string>, make: (printed: string, n: number) => C): Record<string, C> =>
    Object.fromEntries(t.columns.map((c) => [ids.get(c.id)!, make(cells[c.id], n.get(c.id)!)]));
  const rows: TableRow[] = t.rows.map((r, i) => {
    const id = `r${i + 1}`;
    const p = r.p === undefined ? undefined : checkedP(r.p);
    const base = { id, label: r.label, section: r.section ?? null, page: 1 as const, ...(p ? { p } : {}) };
    locations.set(rowCell(file, id), { row: r.label, level: null, column: null });
    if (p) locations.set(pCell(file, id), { row: r.label, level: null, column: 'p' });
    if (r.levels) {
      const levels = r.levels.map((l, j) => {
        const lid = `l${j + 1}`;
        locations.set(rowCell(file, id, lid), { row: r.label, level: l.label, column: null });
        for (const c of t.columns) locations.set(valueCell(file, id, lid, ids.get(c.id)!), { row: r.label, level: l.label, column: c.id });
        return { id: lid, label: l.label, cells: cellsOf(l.cells, countCell) };
      });
      return { ...base, kind: 'categorical' as const, levels };
    }
    for (const c of t.columns) locations.set(valueCell(file, id, null, ids.get(c.id)!), { row: r.label, level: null, column: c.id });
    const first = Object.values(r.cells!)[0];
    return parseCountPercent(first)
      ? { ...base, kind: 'binary' as const, cells: cellsOf(r.cells!, countCell) }
      : { ...base, kind: 'continuous' as const, cells: cellsOf(r.cells!, (printed) => quantileCell(printed)) };
  });
  const tests = t.pTests ?? { '': 'chisq', '*': 'fisher' };
  const legend = (starred: boolean): LegendTest => tests[starred ? '*' : ''] ?? (starred ? 'fisher' : 'chisq');
  const table: CharacteristicsTable = {
    id: file,
    label: t.title,
    title: t.title,
    pages: [1],
    n: { printed: String(n.get(t.totalColumn ?? t.columns[0].id)), value: n.get(t.totalColumn ?? t.columns[0].id)!, marks: [], relation: '=' },
    stub: 'Characteristics',
    columns: t.columns.map((c) => ({ id: ids.get(c.id)!, label: c.label, n: { printed: String(c.n), value: c.n, marks: [], relation: '=' } })),
    pValue: t.rows.some((r) => r.p !== undefined) ? { label: 'P value' } : null,
    footnotes: [
      { mark: '*', text: LEGEND_WORDS[legend(true)] },
      { mark: '+', text: 'percentages of the patients with data' },
    ],
    rows,
  } as CharacteristicsTable;
  return { file, table, locations, legend };
}

function checkedP(printed: string) {
  const parsed = parsePrinted(printed);
  if (parsed?.kind === 'number') return { printed, value: parsed.value, marks: [...parsed.marks], relation: parsed.relation };
  return { printed, value: null, marks: [], relation: '=' as const };
}
