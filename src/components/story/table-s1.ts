/**
 * Rows of the paper's Table S1 (univariable Cox models of overall survival, N = 82) for the forest
 * plot and its data table, read from data/published/tableS1.json.
 */
import type { CheckedNumber, TableS1File } from '../../published/schemas.ts';
import type { ForestRow } from '../../charts/forest.ts';

export interface TableS1Line {
  readonly key: string;
  /** Section as printed (`Primary tumor`), or null. */
  readonly section: string | null;
  /** Variable label as printed. */
  readonly variable: string;
  /** Level label for categorical variables, else null. */
  readonly level: string | null;
  /** `0.86 (0.76, 0.96)` or `Ref.`, as printed. */
  readonly estimate: string;
  /** As printed, or null for a reference level. */
  readonly p: string | null;
  readonly hr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Printed P below the paper's 0.05. */
  readonly significant: boolean;
  /** The reference level of its variable. */
  readonly reference: string | null;
}

function significant(p: CheckedNumber | undefined): boolean {
  return !!p && p.value !== null && p.value < 0.05 && p.relation !== '>';
}

export function tableS1Lines(t: TableS1File): TableS1Line[] {
  const out: TableS1Line[] = [];
  for (const row of t.rows) {
    if (row.kind === 'categorical') {
      const ref = row.levels.find((l) => l.estimate.printed === 'Ref.');
      for (const level of row.levels) {
        const isRef = level.estimate.printed === 'Ref.';
        out.push({
          key: `${row.id}.${level.id}`,
          section: row.section,
          variable: row.label,
          level: level.label,
          estimate: level.estimate.printed,
          p: level.p?.printed ?? null,
          hr: level.estimate.hr ?? null,
          lower: level.estimate.lower ?? null,
          upper: level.estimate.upper ?? null,
          significant: !isRef && significant(level.p),
          reference: isRef ? null : (ref?.label ?? null),
        });
      }
    } else {
      out.push({
        key: row.id,
        section: row.section,
        variable: row.label,
        level: null,
        estimate: row.estimate.printed,
        p: row.p.printed,
        hr: row.estimate.hr ?? null,
        lower: row.estimate.lower ?? null,
        upper: row.estimate.upper ?? null,
        significant: significant(row.p),
        reference: null,
      });
    }
  }
  return out;
}

/** Forest-plot rows: every estimate; reference levels are left out (they are the 1 of their variable). */
export function tableS1ForestRows(lines: readonly TableS1Line[]): ForestRow[] {
  return lines
    .filter((l) => l.hr !== null)
    .map((l) => ({
      key: l.key,
      label: l.level ? `${l.variable}: ${l.level} vs ${(l.reference ?? 'ref.').toLowerCase()}` : l.variable,
      hr: l.hr,
      lower: l.lower,
      upper: l.upper,
      emphasis: l.significant,
    }));
}
