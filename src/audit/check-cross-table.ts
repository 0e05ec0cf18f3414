/**
 * Check: counts of the Table 2 and Table 3 subgroups against the whole cohort of Table 1.
 * Each subgroup is part of the 82 patients, so a count in its total column can be neither
 * larger than Table 1's count for the same category nor smaller than Table 1's count minus the
 * patients left out of the subgroup (82 − 57 = 25 for Table 2, 82 − 51 = 31 for Table 3).
 * Levels are matched by id; a subgroup level "Other" stands for every Table 1 level the
 * subgroup table does not list. One finding per level.
 */
import type { Published } from '../published/load.ts';
import type { CountCell } from '../published/schemas.ts';
import { valueCell } from './anchors.ts';
import { levelPath, type CountRow } from './count-rows.ts';
import { finding, scopeOf } from './finding.ts';
import type { Finding } from './types.ts';

interface CohortMatch {
  readonly count: number;
  readonly cells: readonly string[];
  /** How the Table 1 count was formed, when it combines levels. */
  readonly parts: string | null;
}

function cohortCount(p: Published, r: CountRow, levelId: string | null): CohortMatch | null {
  const t1 = p.table1.rows.find((x) => x.id === r.row.id && x.kind === r.kind);
  if (!t1) return null;
  if (t1.kind === 'binary') return { count: t1.cells.total.count, cells: [valueCell('table1', t1.id, null, 'total')], parts: null };
  if (t1.kind !== 'categorical' || levelId === null) return null;
  const same = t1.levels.find((l) => l.id === levelId);
  if (same && levelId !== 'other') return { count: same.cells.total.count, cells: [valueCell('table1', t1.id, same.id, 'total')], parts: null };
  if (levelId !== 'other') return null;
  // "Other" in the subgroup table: every Table 1 level it does not list.
  const listed = new Set(r.levels.map((l) => l.id));
  const absorbed = t1.levels.filter((l) => l.id === 'other' || !listed.has(l.id));
  const cell = (l: { cells: Record<string, CountCell> }) => l.cells.total.count;
  return {
    count: absorbed.reduce((a, l) => a + cell(l), 0),
    cells: absorbed.map((l) => valueCell('table1', t1.id, l.id, 'total')),
    parts: absorbed.length > 1 ? absorbed.map((l) => `${l.label} ${cell(l)}`).join(' + ') : null,
  };
}

export function checkCrossTable(p: Published, rows: readonly CountRow[]): Finding[] {
  const out: Finding[] = [];
  const cohortN = p.table1.columns[0].n.value as number;
  for (const r of rows) {
    if (r.file === 'table1' || r.totalColumn === null) continue;
    const subN = r.columns.find((c) => c.id === r.totalColumn)!.n.value as number;
    const left = cohortN - subN;
    for (const level of r.levels) {
      const match = cohortCount(p, r, level.id);
      if (!match) continue;
      const sub = level.cells[r.totalColumn].count;
      const lo = Math.max(0, match.count - left);
      const hi = match.count;
      const ok = sub >= lo && sub <= hi;
      const what = level.id === null ? r.row.label.toLowerCase() : level.label;
      const t1 = `Table 1 counts ${match.count}${match.parts ? ` (${match.parts})` : ''} for ${what} among all ${cohortN} patients`;
      let explanation: string;
      if (ok) {
        explanation = `${t1}; the ${subN} patients of ${r.table.label} can include between ${lo} and ${hi} of them, and ${sub} is within that.`;
      } else if (sub > hi) {
        explanation = `${r.table.label} prints ${sub} for ${what} among its ${subN} patients, more than the ${hi} that Table 1 counts in the whole cohort of ${cohortN}, of which ${r.table.label}'s patients are a part.`;
      } else {
        explanation = `${t1}; only ${left} patients are left out of ${r.table.label}, so at least ${lo} of them must be among its ${subN}, but it prints ${sub}.`;
      }
      const cell = valueCell(r.file, r.row.id, level.id, r.totalColumn);
      out.push(
        finding({
          id: `${cell}-cohort`,
          scope: scopeOf(r.table.label),
          check: 'cross-table',
          table: r.table.label,
          section: r.row.section,
          row: levelPath(r.row, level),
          column: r.columns.find((c) => c.id === r.totalColumn)!.label,
          page: r.row.page,
          printed: level.cells[r.totalColumn].printed,
          recomputed: { cohortCount: match.count, allowed: [lo, hi] },
          verdict: ok ? 'consistent' : 'inconsistent',
          severity: ok ? null : 'major',
          explanation,
          cells: [cell],
          related: match.cells,
        }),
      );
    }
  }
  return out;
}
