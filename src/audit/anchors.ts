/**
 * Stable ids of the cells of /tables/, shared by the audit (which names the cells a finding is
 * about) and the pages (which put those ids on the cells so /audit/ can link to them).
 *
 * - Tables 1–3: `t2-n-no` (group N), `t2-asa` (row label), `t2-asa-ii-no` (count cell of a level),
 *   `t2-diabetes-no` (binary or continuous row), `t2-asa-p` (P value).
 * - Table S1: `s1-bmi-est`, `s1-bmi-p`, `s1-operation-other-est`.
 * - Figures: `fig2a-no-t20` (number at risk), `fig2a-p` (log-rank P).
 * - Prose: `x-abs-female` (a number of text.json), `c-abs-calc-characteristics` (a claim).
 */
export type TableFile = 'table1' | 'table2' | 'table3';

const PREFIX: Record<TableFile | 'tableS1', string> = { table1: 't1', table2: 't2', table3: 't3', tableS1: 's1' };

/** Group N in a column header. */
export const headerCell = (file: TableFile, column: string): string => `${PREFIX[file]}-n-${column}`;

/** Row label cell. */
export const rowCell = (file: TableFile | 'tableS1', row: string, level?: string): string =>
  level === undefined ? `${PREFIX[file]}-${row}` : `${PREFIX[file]}-${row}-${level}`;

/** Count or median cell. */
export const valueCell = (file: TableFile, row: string, level: string | null, column: string): string =>
  level === null ? `${PREFIX[file]}-${row}-${column}` : `${PREFIX[file]}-${row}-${level}-${column}`;

/** P value cell of a Table 1–3 row. */
export const pCell = (file: TableFile, row: string): string => `${PREFIX[file]}-${row}-p`;

/** Table S1 estimate or P cell. */
export const coxCell = (row: string, level: string | null, column: 'est' | 'p'): string =>
  level === null ? `s1-${row}-${column}` : `s1-${row}-${level}-${column}`;

export const atRiskCell = (figure: string, group: string, time: number): string => `${figure}-${group}-t${time}`;
export const logrankCell = (figure: string): string => `${figure}-p`;
export const textCell = (entry: string): string => `x-${entry}`;
export const claimCell = (claim: string): string => `c-${claim}`;

/** The parts of the paper, each with its page of tables (/tables/<part>/) and of checks (/audit/<part>/). */
export type TablePart = 'table-1' | 'table-2' | 'table-3' | 'table-s1' | 'figures' | 'text';

const PART_OF_PREFIX: Readonly<Record<string, TablePart>> = { t1: 'table-1', t2: 'table-2', t3: 'table-3', s1: 'table-s1', x: 'text', c: 'text' };

/**
 * The part whose table page shows a cell: `t2-asa-p` → `table-2`, `fig2a-p` → `figures`,
 * `x-abs-female` → `text`. Throws on an id that names no cell (ids are ours: a new kind of cell
 * must be added here).
 */
export function partOfCell(cell: string): TablePart {
  if (/^fig\d+[a-z]?-/.test(cell)) return 'figures';
  const part = PART_OF_PREFIX[cell.slice(0, cell.indexOf('-'))];
  if (!part) throw new Error(`partOfCell: no table part for cell id ${JSON.stringify(cell)}`);
  return part;
}

const GROUPING_TABLE: Record<string, TableFile> = { calcification: 'table2', enhancement: 'table3' };

/**
 * The cell that shows a flattened value id (`table2/insurance.private/total`,
 * `tableS1/bmi/estimate`, `survival/fig2a/logrank-p`), or `null` when /tables/ does not show it.
 * Survival group sizes are the column Ns of Tables 2 and 3 (and the cohort N that of Table 1).
 */
export function cellOfValue(valueId: string): string | null {
  const [file, rowPath, column] = valueId.split('/');
  const [row, level] = rowPath.split('.');
  if (file === 'table1' || file === 'table2' || file === 'table3') {
    if (row === 'header') return headerCell(file, column);
    if (column === 'p') return pCell(file, row);
    return valueCell(file, row, level ?? null, column);
  }
  if (file === 'tableS1') return coxCell(row, level ?? null, column === 'estimate' ? 'est' : 'p');
  if (file === 'survival') {
    if (row === 'cohort') return headerCell('table1', 'total');
    if (row in GROUPING_TABLE && column === 'n') return headerCell(GROUPING_TABLE[row], level ?? 'total');
    if (column === 'logrank-p') return logrankCell(row);
    if (/^t\d+$/.test(column) && level) return atRiskCell(row, level, Number(column.slice(1)));
    return null;
  }
  if (file === 'text') return textCell(row);
  return null;
}
