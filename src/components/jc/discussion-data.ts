/**
 * Numbers for the discussion guide, computed from the published tables (data/published) so that
 * no answer types a count by hand: how many p-values Tables 2 and 3 print, how many fall below
 * α, and which Table 1 percentages (marked `+`) use a smaller denominator than the cohort.
 */
import type { CharacteristicsTable } from '../../published/schemas.ts';

/** The p-values one characteristics table prints. */
export interface PValueCount {
  readonly table: string;
  /** Rows (variables) in the table. */
  readonly rows: number;
  /** P-values printed as numbers (including `<0.001`). */
  readonly printed: number;
  /** Cells printed as `N/A`: a test the authors did not report. */
  readonly notAvailable: number;
  /** Variables whose printed p is below α, with the printed text. */
  readonly below: readonly { readonly id: string; readonly label: string; readonly printed: string }[];
}

/** Counts the printed p-values of a table and those below `alpha` (`<0.001` counts as below). */
export function countPValues(table: CharacteristicsTable, alpha = 0.05): PValueCount {
  let printed = 0;
  let notAvailable = 0;
  const below: { id: string; label: string; printed: string }[] = [];
  for (const row of table.rows) {
    if (!row.p) continue;
    if (row.p.value === null) {
      notAvailable++;
      continue;
    }
    printed++;
    const strictlyBelow = row.p.relation === '<' ? row.p.value <= alpha : row.p.value < alpha;
    if (strictlyBelow) below.push({ id: row.id, label: row.label, printed: row.p.printed });
  }
  return { table: table.label, rows: table.rows.length, printed, notAvailable, below };
}

/** Expected false positives and the chance of at least one among m independent true-null tests. */
export function multiplicity(m: number, alpha = 0.05): { readonly m: number; readonly expected: number; readonly atLeastOne: number } {
  return { m, expected: m * alpha, atLeastOne: 1 - (1 - alpha) ** m };
}

/**
 * Denominators n ≤ max that reproduce a printed percentage (GRIM): round(100·count/n, decimals)
 * equals `percent`. A `+` cell's true denominator is one of these.
 */
export function impliedDenominators(count: number, percent: number, max: number, decimals = 1): number[] {
  const out: number[] = [];
  const f = 10 ** decimals;
  for (let n = Math.max(count, 1); n <= max; n++) {
    if (Math.abs(Math.round((100 * count * f) / n) / f - percent) < 1e-9) out.push(n);
  }
  return out;
}

/** A Table 1 variable whose percentages use only the patients with data. */
export interface PlusRow {
  readonly id: string;
  readonly label: string;
  /** Patients with data: the level counts added up, or the GRIM candidates for a yes/no row. */
  readonly known: number | null;
  readonly candidates: readonly number[];
  readonly cohort: number;
}

/** Rows of a one-column characteristics table (Table 1) with `+` percentages. */
export function plusRows(table: CharacteristicsTable): PlusRow[] {
  const col = table.columns[0];
  const cohort = col.n.value ?? 0;
  const out: PlusRow[] = [];
  for (const row of table.rows) {
    if (row.kind === 'categorical') {
      const cells = row.levels.map((l) => l.cells[col.id]);
      if (!cells.some((c) => c.marks.includes('+'))) continue;
      const known = cells.reduce((s, c) => s + c.count, 0);
      out.push({ id: row.id, label: row.label, known, candidates: [known], cohort });
    } else if (row.kind === 'binary') {
      const c = row.cells[col.id];
      if (!c.marks.includes('+')) continue;
      const candidates = impliedDenominators(c.count, c.percent, cohort);
      out.push({ id: row.id, label: row.label, known: candidates.length === 1 ? candidates[0] : null, candidates, cohort });
    }
  }
  return out;
}
