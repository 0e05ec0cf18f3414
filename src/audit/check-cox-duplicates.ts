/**
 * Check: two different hazard ratios of Table S1 printed with the very same 95% CI. Possible,
 * but a telltale sign of a copied cell, especially when one HR is not at the CI's centre.
 * One finding per set of rows sharing a CI.
 */
import type { Published } from '../published/load.ts';
import type { EstimateCell } from '../published/schemas.ts';
import { coxCell } from './anchors.ts';
import { finding } from './finding.ts';
import type { Finding } from './types.ts';
import { list } from './words.ts';

interface Estimate {
  readonly row: string;
  readonly level: string | null;
  readonly label: string;
  readonly est: EstimateCell;
}

const ciOf = (printed: string) => /\(([^)]+)\)/.exec(printed)?.[1] ?? '';

export function checkCoxDuplicates(p: Published): Finding[] {
  const t = p.tableS1;
  const estimates: Estimate[] = [];
  for (const row of t.rows) {
    if (row.kind === 'categorical') {
      for (const l of row.levels) if (l.estimate.hr !== undefined) estimates.push({ row: row.id, level: l.id, label: `${row.label} › ${l.label}`, est: l.estimate });
    } else {
      estimates.push({ row: row.id, level: null, label: row.label, est: row.estimate });
    }
  }
  const groups = new Map<string, Estimate[]>();
  for (const e of estimates) {
    const key = ciOf(e.est.printed);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out: Finding[] = [];
  for (const [ci, group] of groups) {
    if (group.length < 2) continue;
    const hrs = group.map((g) => g.est.hr as number);
    const centre = Math.sqrt((group[0].est.lower as number) * (group[0].est.upper as number));
    const cells = group.map((g) => coxCell(g.row, g.level, 'est'));
    const distinct = new Set(hrs).size > 1;
    out.push(
      finding({
        id: `${cells[0]}-duplicate-ci`,
        scope: 'Table S1',
        check: 'cox-duplicate-ci',
        table: t.label,
        section: null,
        row: group.map((g) => g.label).join('; '),
        column: t.columns[0].label,
        page: 'supplementary',
        printed: group.map((g) => g.est.printed).join(' · '),
        recomputed: { ci, hazardRatios: hrs, centre },
        verdict: distinct ? 'inconsistent' : 'consistent',
        severity: distinct ? 'major' : null,
        explanation: distinct
          ? `${list(group.map((g) => `${g.label} (HR ${g.est.hr})`))} share the CI (${ci}), whose centre on the log scale is ${centre.toFixed(2)}. Different HRs with identical CIs suggest one CI was copied from another row.`
          : `${list(group.map((g) => g.label))} print the same estimate and CI (${ci}).`,
        cells,
      }),
    );
  }
  return out;
}
