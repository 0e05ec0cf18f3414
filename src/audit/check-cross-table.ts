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
import { list } from './words.ts';

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

/** A subgroup row's levels against Table 1's categories under one mapping (Table 1 level id → subgroup level id). */
interface Mapping {
  readonly assign: ReadonlyMap<string, string>;
  /** Table 1 levels assigned differently from the printed labels. */
  readonly changes: readonly string[];
}

type T1Level = { id: string; label: string; count: number };

function t1Levels(p: Published, rowId: string): T1Level[] | null {
  const t1 = p.table1.rows.find((x) => x.id === rowId);
  if (!t1 || t1.kind !== 'categorical') return null;
  return t1.levels.map((l) => ({ id: l.id, label: l.label, count: l.cells.total.count }));
}

/** The mapping the labels give: same id, else the subgroup's "Other". */
function labelMapping(t1: readonly T1Level[], sub: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of t1) {
    if (l.id !== 'other' && sub.includes(l.id)) m.set(l.id, l.id);
    else if (sub.includes('other')) m.set(l.id, 'other');
  }
  return m;
}

/** Whether a subgroup table's total counts fit Table 1 under a mapping. */
function fits(t1: readonly T1Level[], r: CountRow, assign: ReadonlyMap<string, string>, left: number): boolean {
  return r.levels.every((level) => {
    const sum = t1.filter((l) => assign.get(l.id) === level.id).reduce((a, l) => a + l.count, 0);
    const c = level.cells[r.totalColumn!].count;
    return c <= sum && c >= sum - left;
  });
}

/** Other groupings of Table 1's categories under which every level of the row fits, fewest changes first. */
function alternativeMappings(t1: readonly T1Level[], r: CountRow, left: number): Mapping[] {
  const sub = r.levels.map((l) => l.id as string);
  const base = labelMapping(t1, sub);
  const out: Mapping[] = [];
  const assign = new Map<string, string>();
  const walk = (i: number) => {
    if (i === t1.length) {
      if (fits(t1, r, assign, left)) {
        const changes = t1.filter((l) => assign.get(l.id) !== base.get(l.id)).map((l) => l.id);
        out.push({ assign: new Map(assign), changes });
      }
      return;
    }
    for (const s of sub) {
      assign.set(t1[i].id, s);
      walk(i + 1);
    }
  };
  if (sub.length ** t1.length <= 100000) walk(0);
  const fewest = Math.min(...out.map((m) => m.changes.length));
  return out.filter((m) => m.changes.length === fewest && fewest > 0);
}

export function checkCrossTable(p: Published, rows: readonly CountRow[]): Finding[] {
  const out: Finding[] = [];
  const cohortN = p.table1.columns[0].n.value as number;
  for (const r of rows) {
    if (r.file === 'table1' || r.totalColumn === null) continue;
    const subN = r.columns.find((c) => c.id === r.totalColumn)!.n.value as number;
    const left = cohortN - subN;
    const failing: { level: (typeof r.levels)[number]; text: string; cell: string; match: CohortMatch }[] = [];
    for (const level of r.levels) {
      const match = cohortCount(p, r, level.id);
      if (!match) continue;
      const sub = level.cells[r.totalColumn].count;
      const lo = Math.max(0, match.count - left);
      const hi = match.count;
      const ok = sub >= lo && sub <= hi;
      const what = level.id === null ? r.row.label.toLowerCase() : level.label;
      const t1 = `Table 1 counts ${match.count}${match.parts ? ` (${match.parts})` : ''} for ${what} among all ${cohortN} patients`;
      const cell = valueCell(r.file, r.row.id, level.id, r.totalColumn);
      if (!ok) {
        failing.push({
          level,
          cell,
          match,
          text:
            sub > hi
              ? `${what} ${sub} exceeds the ${hi} of the whole cohort in Table 1${match.parts ? ` (${match.parts})` : ''}`
              : `${what} ${sub} is below the ${lo} that Table 1's ${match.count}${match.parts ? ` (${match.parts})` : ''} require among ${subN} of ${cohortN} patients (${left} are not in ${r.table.label})`,
        });
        continue;
      }
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
          verdict: 'consistent',
          explanation: `${t1}; the ${subN} patients of ${r.table.label} can include between ${lo} and ${hi} of them, and ${sub} is within that.`,
          cells: [cell],
          related: match.cells,
        }),
      );
    }
    if (failing.length === 0) continue;
    // One finding for the row: the failing levels are one problem (how the categories map).
    let text = `Under Table 1's categories, ${r.table.label}'s ${list(failing.map((f) => f.text))}.`;
    const t1 = t1Levels(p, r.row.id);
    const alts = t1 ? alternativeMappings(t1, r, left) : [];
    if (t1 && alts.length) {
      const alt = alts[0];
      const moved = alt.changes.map((id) => {
        const l = t1.find((x) => x.id === id)!;
        const to = r.levels.find((x) => x.id === alt.assign.get(id))!;
        return `Table 1's ${l.label} (${l.count}) under ${to.label}`;
      });
      text += ` Considered: other groupings of Table 1's categories. With ${list(moved)}, every count of the row fits.`;
      // Does the other subgroup table fit the same grouping?
      for (const other of rows) {
        if (other === r || other.file === 'table1' || other.row.id !== r.row.id || other.totalColumn === null) continue;
        const otherLeft = cohortN - (other.columns.find((c) => c.id === other.totalColumn)!.n.value as number);
        const sameLevels = other.levels.every((l) => r.levels.some((x) => x.id === l.id));
        if (!sameLevels) continue;
        const fitsAlt = fits(t1, other, alt.assign, otherLeft);
        const fitsLabels = fits(t1, other, labelMapping(t1, other.levels.map((l) => l.id as string)), otherLeft);
        if (!fitsAlt && fitsLabels) {
          const bad = other.levels.filter((l) => {
            const sum = t1.filter((x) => alt.assign.get(x.id) === l.id).reduce((a, x) => a + x.count, 0);
            const c = l.cells[other.totalColumn!].count;
            return c > sum || c < sum - otherLeft;
          });
          text += ` ${other.table.label} does not fit that grouping (its ${list(bad.map((l) => `${l.label} ${l.cells[other.totalColumn!].count}`))} would then be out of range) but fits the printed labels, so the two subgroup tables would group the categories differently, or a count is misprinted; the paper does not say which.`;
        } else if (fitsAlt) {
          text += ` ${other.table.label} fits that grouping too.`;
        }
      }
    } else {
      text += ' Considered: other groupings of Table 1\'s categories; none makes every count of the row fit.';
    }
    out.push(
      finding({
        id: `${failing[0].cell}-cohort`,
        scope: scopeOf(r.table.label),
        check: 'cross-table',
        table: r.table.label,
        section: r.row.section,
        row: `${r.row.label} › ${list(failing.map((f) => f.level.label))}`,
        column: r.columns.find((c) => c.id === r.totalColumn)!.label,
        page: r.row.page,
        printed: failing.map((f) => `${f.level.label} ${f.level.cells[r.totalColumn!].printed}`).join(' · '),
        recomputed: { alternatives: alts.map((a) => Object.fromEntries(a.assign)) },
        verdict: 'inconsistent',
        consequence: 'number',
        explanation: text,
        cells: failing.map((f) => f.cell),
        related: [...new Set(failing.flatMap((f) => f.match.cells))],
      }),
    );
  }
  return out;
}
