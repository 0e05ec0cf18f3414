/**
 * The contingency tables the audit tests for every binary and categorical row of Tables 2 and 3.
 *
 * Rows of a table are the levels of the characteristic (a binary row: "yes" and "no"), columns
 * are the patient groups (the total column is left out). Variants:
 * - `main`: the table the verdict rests on. Binary rows use count and denominator − count per
 *   group, with the denominators of `count-rows.ts` (the group N, or for `+` rows the number
 *   with data inferred from the printed percentages). Categorical rows use the printed levels.
 * - `column-n` (binary rows whose main denominators are not the group Ns): the group Ns as
 *   denominators, i.e. patients without data counted as "no".
 * - `with-unlisted` (categorical rows whose levels add up to less than the denominators): one
 *   more row holding the patients the percentages imply but no printed level lists.
 *
 * The same tables are exported to `tests/fixtures/audit-tables-input.json` for the R oracle.
 */
import type { Published } from '../published/load.ts';
import { countRows, type CountRow, type TablesOf } from './count-rows.ts';

export interface ContingencyTable {
  /** `t2-asa`, `t3-diabetes`. */
  readonly id: string;
  readonly file: 'table2' | 'table3';
  readonly rowId: string;
  /** `Table 2: ASA class`. */
  readonly name: string;
  readonly variant: 'main' | 'column-n' | 'with-unlisted';
  /** What was assumed, in words. */
  readonly description: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  readonly counts: readonly (readonly number[])[];
}

const list = (xs: readonly (string | number)[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

const groupLabel = (label: string) => label.replace(/\s*\(N=\d+\).*$/, '');

function binaryTables(r: CountRow, id: string, name: string): ContingencyTable[] {
  const cols = r.groupColumns;
  const colLabels = cols.map((c) => groupLabel(c.label));
  const level = r.levels[0];
  const make = (variant: ContingencyTable['variant'], dens: number[], description: string): ContingencyTable => ({
    id,
    file: r.file as 'table2' | 'table3',
    rowId: r.row.id,
    name,
    variant,
    description,
    rowLabels: ['Yes', 'No'],
    colLabels,
    counts: [cols.map((c) => level.cells[c.id].count), cols.map((c, i) => dens[i] - level.cells[c.id].count)],
  });
  const main = cols.map((c) => r.denominators[c.id].chosen);
  const ns = cols.map((c) => r.denominators[c.id].columnN);
  const plus = cols.some((c) => r.denominators[c.id].plus);
  const same = main.every((d, i) => d === ns[i]);
  const counts = cols.map((c) => level.cells[c.id].count);
  const out: ContingencyTable[] = [];
  if (same) {
    out.push(make('main', main, `${list(counts)} of ${list(ns)} patients against the rest of each group.`));
  } else {
    const why = plus
      ? 'the row is marked + (patients with data), and its percentages fit'
      : 'the row has no + mark, yet its percentages fit';
    out.push(make('main', main, `${list(counts)} of ${list(main)}: ${why} ${list(main)} patients rather than the group sizes.`));
    out.push(make('column-n', ns, `${list(counts)} of the full group sizes ${list(ns)}, counting patients without data as "no".`));
  }
  return out;
}

function categoricalTables(r: CountRow, id: string, name: string): ContingencyTable[] {
  const cols = r.groupColumns;
  const colLabels = cols.map((c) => groupLabel(c.label));
  const rowLabels = r.levels.map((l) => l.label);
  const counts = r.levels.map((l) => cols.map((c) => l.cells[c.id].count));
  const base = { id, file: r.file as 'table2' | 'table3', rowId: r.row.id, name, colLabels };
  const out: ContingencyTable[] = [
    { ...base, variant: 'main', description: `The printed levels (${list(rowLabels)}) by group.`, rowLabels, counts },
  ];
  const sums = cols.map((c) => r.denominators[c.id].levelSum);
  const dens = cols.map((c) => r.denominators[c.id].chosen);
  const missing = dens.map((d, i) => d - sums[i]);
  // Only when every column lacks patients: a column whose levels exceed its N (a printing error the
  // other checks report) cannot be completed with a non-negative 'not listed' row.
  if (missing.some((m) => m > 0) && missing.every((m) => m >= 0)) {
    const plus = cols.some((c) => r.denominators[c.id].plus);
    out.push({
      ...base,
      variant: 'with-unlisted',
      description: `${plus ? 'The percentages imply' : 'The group sizes are'} ${list(dens)} patients, the printed levels hold ${list(sums)}: adds a row "not listed" with ${list(missing)}.`,
      rowLabels: [...rowLabels, 'Not listed'],
      counts: [...counts, missing],
    });
  }
  return out;
}

/** Every contingency table of Tables 2 and 3, in printed order (main variant first for each row). */
export function contingencyTables(p: TablesOf, rows: readonly CountRow[] = countRows(p)): ContingencyTable[] {
  const out: ContingencyTable[] = [];
  for (const r of rows) {
    if (r.file === 'table1') continue;
    const id = `${r.file === 'table2' ? 't2' : 't3'}-${r.row.id}`;
    const name = `${r.table.label}: ${r.row.label}`;
    out.push(...(r.kind === 'binary' ? binaryTables(r, id, name) : categoricalTables(r, id, name)));
  }
  return out;
}
