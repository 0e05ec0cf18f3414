/**
 * Check: group sizes agree wherever they are printed.
 * - Tables 1–3: the group Ns add up to the total column's N, which is the N of the title.
 * - Table 1's rows that define the subgroups (calcifications; arterial enhancement) against the
 *   group Ns of Tables 2 and 3: the counts should be the group sizes and the implied number of
 *   patients with data the subgroup table's N.
 * One finding per equation.
 */
import type { Published } from '../published/load.ts';
import type { CharacteristicsTable } from '../published/schemas.ts';
import { headerCell, valueCell, type TableFile } from './anchors.ts';
import type { CountRow } from './count-rows.ts';
import { finding, scopeOf } from './finding.ts';
import type { Finding } from './types.ts';

/** Which Table 1 row defines the groups of Tables 2 and 3 (a binary row counts the group `binaryGroup`). */
export const DEFINING_ROWS: readonly { readonly file: 'table2' | 'table3'; readonly row: string; readonly binaryGroup?: string }[] = [
  { file: 'table2', row: 'calcifications', binaryGroup: 'yes' },
  { file: 'table3', row: 'enhancement' },
];

const nOf = (t: CharacteristicsTable, id: string) => t.columns.find((c) => c.id === id)?.n.value as number;

function tableSizes(file: TableFile, t: CharacteristicsTable): Finding {
  const total = t.columns.find((c) => c.id === 'total');
  const groups = t.columns.filter((c) => c.id !== 'total');
  const title = t.n.value as number;
  const sum = groups.reduce((a, c) => a + (c.n.value as number), 0);
  const totalN = total ? (total.n.value as number) : title;
  const okTitle = totalN === title;
  const okSum = groups.length === 0 || sum === totalN;
  const ok = okTitle && okSum;
  const parts: string[] = [];
  if (groups.length) parts.push(`${groups.map((c) => c.n.value).join(' + ')} = ${sum}${okSum ? `, the total column's N` : `, not the total column's ${totalN}`}`);
  if (groups.length) parts.push(okTitle ? `the title's N is ${title} as well` : `the title says N=${title} but the total column says ${totalN}`);
  else parts.push(okTitle ? `the title and the column both print N=${title}` : `the title says N=${title} but the column says ${totalN}`);
  const text = parts.join('; ');
  const cell = headerCell(file, total ? total.id : t.columns[0].id);
  return finding({
    id: `${cell}-sizes`,
    scope: scopeOf(t.label),
    check: 'group-sizes',
    table: t.label,
    section: null,
    row: 'Group sizes',
    column: total?.label ?? t.columns[0].label,
    page: t.pages[0],
    printed: [`N=${title}`, ...t.columns.map((c) => c.n.printed)].join(' · '),
    recomputed: { groupSum: sum, totalN, titleN: title },
    verdict: ok ? 'consistent' : 'inconsistent',
    consequence: ok ? null : 'number',
    explanation: `${text[0].toUpperCase()}${text.slice(1)}.`,
    cells: [cell],
    related: groups.map((c) => headerCell(file, c.id)),
  });
}

function definingRow(p: Published, rows: readonly CountRow[], def: (typeof DEFINING_ROWS)[number]): Finding[] {
  const sub = p[def.file];
  const r = rows.find((x) => x.file === 'table1' && x.row.id === def.row);
  if (!r) return [];
  const subN = sub.n.value as number;
  const den = r.denominators.total.chosen;
  const out: Finding[] = [];
  const pairs = r.levels.map((l) => ({ level: l, group: l.id ?? def.binaryGroup! }));
  for (const { level, group } of pairs) {
    const groupN = nOf(sub, group);
    if (groupN === undefined) continue;
    const count = level.cells.total.count;
    const okCount = count === groupN;
    const okDen = den === subN;
    const ok = okCount && okDen;
    const groupLabel = sub.columns.find((c) => c.id === group)!.label.replace(/\s*\(N=\d+\).*$/, '');
    const cell = valueCell('table1', r.row.id, level.id, 'total');
    const explanation = ok
      ? `Table 1's ${count} (of ${den} with data, as its percentage implies) is ${sub.label}'s group "${groupLabel}" (N=${groupN}) of ${subN} patients.`
      : [
          okCount ? '' : `Table 1 prints ${count} but ${sub.label}'s group "${groupLabel}" has N=${groupN}.`,
          okDen ? '' : `Table 1's percentage implies ${den} patients with data, but ${sub.label} has ${subN}.`,
        ]
          .filter(Boolean)
          .join(' ');
    out.push(
      finding({
        id: `${cell}-groups`,
        scope: 'Table 1',
        check: 'group-sizes',
        table: 'Table 1',
        section: r.row.section,
        row: level.id === null ? r.row.label : `${r.row.label} › ${level.label}`,
        column: r.columns[0].label,
        page: r.row.page,
        printed: level.cells.total.printed,
        recomputed: { denominators: [den], groupN, subgroupN: subN },
        verdict: ok ? 'consistent' : 'inconsistent',
        consequence: ok ? null : 'number',
        explanation,
        cells: [cell],
        related: [headerCell(def.file, group), headerCell(def.file, 'total')],
      }),
    );
  }
  return out;
}

export function checkGroupSizes(p: Published, rows: readonly CountRow[]): Finding[] {
  return [
    ...(['table1', 'table2', 'table3'] as const).map((f) => tableSizes(f, p[f])),
    ...DEFINING_ROWS.flatMap((d) => definingRow(p, rows, d)),
  ];
}
