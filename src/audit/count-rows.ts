/**
 * The count rows of Tables 1–3 (binary rows and categorical rows with their levels), each with
 * the denominator its percentages are taken of, per column.
 *
 * Cells without the `+` mark are percentages of the column N. Cells with `+` are percentages of
 * the patients with data, a number the paper does not print: we infer it as the denominators n
 * (between the largest count, or the sum of the levels, and the column N) under which every
 * printed percentage of the column rounds correctly. Where no n fits every level we keep the n
 * that fits the most (preferring the sum of the levels). Across columns the group denominators
 * should add up to the total's; among several fitting choices we keep one that adds up, and the
 * largest. A row printed without `+` whose percentages do not fit the column N but do fit other
 * denominators gets those (Table 2 "Symptomatic").
 */
import type { Published } from '../published/load.ts';

/** The characteristics tables a per-table audit reads: the paper's three, or one table of a file (`npm run audit -- --table`). */
export type TablesOf = Partial<Pick<Published, 'table1' | 'table2' | 'table3'>>;
import type { CharacteristicsTable, CountCell, TableColumn, TableRow } from '../published/schemas.ts';
import type { TableFile } from './anchors.ts';
import {
  percentDoubleRoundsTo,
  percentRoundsTo,
  percentToken,
  percentTruncatesTo,
  percentWholeRoundsTo,
  printedDecimal,
  type PrintedDecimal,
} from './rounding.ts';
import { sumTo100 } from './sum-to-100.ts';

/** One level of a count row (a binary row has one level, with `id` null). */
export interface CountLevel {
  readonly id: string | null;
  readonly label: string;
  readonly cells: Readonly<Record<string, CountCell>>;
}

export type DenominatorBasis =
  /** The column N (cells without `+` whose percentages fit it). */
  | 'column-n'
  /** Inferred from the printed percentages. */
  | 'inferred'
  /** No denominator fits every level: the one fitting the most. */
  | 'best-fit';

export interface ColumnDenominator {
  readonly column: string;
  readonly columnN: number;
  /** Any cell of the column carries `+`. */
  readonly plus: boolean;
  readonly levelSum: number;
  /** Every level's percentage rounds correctly with the column N. */
  readonly fitsColumnN: boolean;
  /** Denominators under which every level's percentage rounds correctly. */
  readonly candidates: readonly number[];
  /** The denominator used. */
  readonly chosen: number;
  readonly basis: DenominatorBasis;
}

export interface CountRow {
  readonly file: TableFile;
  readonly table: CharacteristicsTable;
  readonly row: Extract<TableRow, { kind: 'binary' | 'categorical' }>;
  readonly rowIndex: number;
  readonly kind: 'binary' | 'categorical';
  readonly levels: readonly CountLevel[];
  readonly columns: readonly TableColumn[];
  /** Column id of the total column when the table also has group columns, else `null`. */
  readonly totalColumn: string | null;
  readonly groupColumns: readonly TableColumn[];
  readonly denominators: Readonly<Record<string, ColumnDenominator>>;
  /** Whether the group denominators add up to the total's: `null` without a total column. */
  readonly additive: boolean | null;
}

/** The printed percentage of a count cell as a decimal. */
export function cellPercent(cell: CountCell): PrintedDecimal {
  const token = percentToken(cell.printed);
  const d = token ? printedDecimal(token) : null;
  if (!d) throw new Error(`no percentage in count cell "${cell.printed}"`);
  return d;
}

const fitsAll = (levels: readonly CountLevel[], column: string, n: number) =>
  levels.every((l) => percentRoundsTo(l.cells[column].count, n, cellPercent(l.cells[column])));

const fitting = (levels: readonly CountLevel[], column: string, n: number) =>
  levels.filter((l) => percentRoundsTo(l.cells[column].count, n, cellPercent(l.cells[column]))).length;

interface Options {
  readonly column: TableColumn;
  readonly levels: readonly CountLevel[];
  readonly kind: 'binary' | 'categorical';
}

/** Candidate denominators of one column before the columns are reconciled. */
function columnOptions({ column, levels, kind }: Options): Omit<ColumnDenominator, 'chosen' | 'basis'> & { fallback: number; wide: number[]; explainedColumnN: boolean; explainedLevelSum: boolean } {
  const columnN = column.n.value as number;
  const cells = levels.map((l) => l.cells[column.id]);
  const plus = cells.some((c) => c.marks.includes('+'));
  const levelSum = cells.reduce((a, c) => a + c.count, 0);
  const lo = Math.max(1, kind === 'categorical' ? levelSum : Math.max(...cells.map((c) => c.count)));
  const candidates: number[] = [];
  for (let n = lo; n <= columnN; n++) if (fitsAll(levels, column.id, n)) candidates.push(n);
  const fitsColumnN = fitsAll(levels, column.id, columnN);
  // Fallback when nothing fits every level: the n fitting most levels, preferring the level sum, then the largest.
  let fallback = kind === 'categorical' ? Math.max(levelSum, 1) : columnN;
  if (plus) {
    let best = -1;
    for (let n = columnN; n >= lo; n--) {
      const k = fitting(levels, column.id, n) + (kind === 'categorical' && n === levelSum ? 0.5 : 0);
      if (k > best) {
        best = k;
        fallback = n;
      }
    }
  }
  // What a benign mechanism explains as well: truncation, rounding twice, whole percents, sum-to-100.
  const explainedAt = (n: number) => explainedByMechanism(levels, column.id, n, kind);
  const wide: number[] = [];
  for (let n = lo; n <= columnN; n++) if (explainedAt(n)) wide.push(n);
  return {
    column: column.id,
    columnN,
    plus,
    levelSum,
    fitsColumnN,
    candidates,
    fallback,
    wide,
    explainedColumnN: explainedAt(columnN),
    explainedLevelSum: kind === 'categorical' && levelSum > 0 && explainedAt(levelSum),
  };
}

/** True when every level's percentage of `n` is explained by rounding or a benign mechanism (the column's sum-to-100 included). */
function explainedByMechanism(levels: readonly CountLevel[], column: string, n: number, kind: 'binary' | 'categorical'): boolean {
  if (n <= 0) return false;
  const cells = levels.map((l) => l.cells[column]);
  const ds = cells.map(cellPercent);
  if (kind === 'categorical' && ds.every((d) => d.decimals === ds[0].decimals)) {
    if (sumTo100(cells.map((c) => c.count), n, ds.map((d) => d.units), ds[0].decimals)) return true;
  }
  return cells.every(
    (c, i) =>
      percentRoundsTo(c.count, n, ds[i]) || percentTruncatesTo(c.count, n, ds[i]) || percentDoubleRoundsTo(c.count, n, ds[i]) || percentWholeRoundsTo(c.count, n, ds[i]),
  );
}

/** Group denominators, one from each set, whose sum is in `totals`: the largest such sum (subset-sum over small integers). */
function additiveChoice(sets: readonly (readonly number[])[], totals: ReadonlySet<number>): number[] | null {
  let reach = new Map<number, number[]>([[0, []]]);
  for (const set of sets) {
    const next = new Map<number, number[]>();
    for (const [sum, picks] of reach) for (const x of set) if (!next.has(sum + x)) next.set(sum + x, [...picks, x]);
    reach = next;
  }
  const best = [...reach.keys()].filter((s) => totals.has(s)).sort((a, b) => b - a)[0];
  return best === undefined ? null : reach.get(best)!;
}

function* product(sets: readonly (readonly number[])[]): Generator<number[]> {
  if (sets.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = sets;
  for (const x of first) for (const tail of product(rest)) yield [x, ...tail];
}

/** Builds the {@link CountRow} of one binary or categorical row. */
export function countRow(file: TableFile, table: CharacteristicsTable, rowIndex: number): CountRow {
  const row = table.rows[rowIndex];
  if (row.kind === 'continuous') throw new Error(`${file} row ${row.id} is continuous`);
  const levels: CountLevel[] =
    row.kind === 'binary' ? [{ id: null, label: row.label, cells: row.cells }] : row.levels.map((l) => ({ id: l.id, label: l.label, cells: l.cells }));
  const columns = table.columns;
  const totalColumn = columns.length > 1 && columns.some((c) => c.id === 'total') ? 'total' : null;
  const groupColumns = columns.filter((c) => c.id !== totalColumn);
  const options = new Map(columns.map((c) => [c.id, columnOptions({ column: c, levels, kind: row.kind as 'binary' | 'categorical' })]));

  // Each column's choice set: the column N when it fits a row printed without '+', else the candidates.
  // A column whose N (or, for a '+' categorical row, whose level sum) a benign mechanism explains keeps it:
  // inferring another denominator by ordinary rounding would only be a way of not naming the mechanism.
  const choiceSet = (id: string): { set: number[]; wide: number[]; basis: DenominatorBasis } => {
    const o = options.get(id)!;
    if (!o.plus && (o.fitsColumnN || o.explainedColumnN)) return { set: [o.columnN], wide: [o.columnN], basis: 'column-n' };
    if (o.plus && o.explainedLevelSum && !o.candidates.includes(o.levelSum)) return { set: [o.levelSum], wide: [o.levelSum], basis: 'inferred' };
    if (o.plus && o.explainedLevelSum) return { set: [o.levelSum], wide: [o.levelSum], basis: 'inferred' };
    if (o.candidates.length) return { set: [...o.candidates], wide: [...new Set([...o.candidates, ...o.wide])], basis: 'inferred' };
    if (o.wide.length) return { set: [...o.wide], wide: [...o.wide], basis: 'inferred' };
    return { set: [o.plus ? o.fallback : o.columnN], wide: [o.plus ? o.fallback : o.columnN], basis: o.plus ? 'best-fit' : 'column-n' };
  };
  const choices = new Map(columns.map((c) => [c.id, choiceSet(c.id)]));
  const chosen = new Map<string, number>();
  let additive: boolean | null = null;
  if (totalColumn) {
    const groupSets = groupColumns.map((c) => choices.get(c.id)!.set);
    const totalSet = new Set(choices.get(totalColumn)!.set);
    let best: number[] | null = null;
    let bestSum = -1;
    for (const combo of product(groupSets)) {
      const sum = combo.reduce((a, b) => a + b, 0);
      if (totalSet.has(sum) && sum > bestSum) {
        best = combo;
        bestSum = sum;
      }
    }
    if (best === null) {
      // No strict choice adds up: allow the denominators a benign mechanism explains.
      const wide = additiveChoice(groupColumns.map((c) => choices.get(c.id)!.wide), new Set(choices.get(totalColumn)!.wide));
      if (wide) {
        best = wide;
        bestSum = wide.reduce((a, b) => a + b, 0);
      }
    }
    additive = best !== null;
    // Without '+', a denominator other than the column N is accepted only when the row adds up with it;
    // otherwise the column N stays, and a percentage that does not fit it is reported at its cell.
    if (!best) {
      for (const c of columns) {
        const o = options.get(c.id)!;
        if (!o.plus && choices.get(c.id)!.basis === 'inferred') choices.set(c.id, { set: [o.columnN], wide: [o.columnN], basis: 'column-n' });
      }
    }
    if (best) {
      groupColumns.forEach((c, i) => chosen.set(c.id, best![i]));
      chosen.set(totalColumn, bestSum);
    }
  }
  for (const c of columns) if (!chosen.has(c.id)) chosen.set(c.id, Math.max(...choices.get(c.id)!.set));

  const denominators: Record<string, ColumnDenominator> = {};
  for (const c of columns) {
    const { fallback: _fallback, wide: _wide, explainedColumnN: _e, explainedLevelSum: _l, ...o } = options.get(c.id)!;
    denominators[c.id] = { ...o, chosen: chosen.get(c.id)!, basis: choices.get(c.id)!.basis };
  }
  return {
    file,
    table,
    row: row as CountRow['row'],
    rowIndex,
    kind: row.kind,
    levels,
    columns,
    totalColumn,
    groupColumns,
    denominators,
    additive,
  };
}

/** Every binary and categorical row of Tables 1–3, in printed order. */
export function countRows(p: TablesOf): CountRow[] {
  const out: CountRow[] = [];
  for (const file of ['table1', 'table2', 'table3'] as const) {
    const t = p[file];
    if (!t) continue;
    t.rows.forEach((r, i) => {
      if (r.kind !== 'continuous') out.push(countRow(file, t, i));
    });
  }
  return out;
}

/** `ASA class › II`, or the row label for a binary row. */
export function levelPath(row: CountRow['row'], level: CountLevel): string {
  return level.id === null ? row.label : `${row.label} › ${level.label}`;
}
