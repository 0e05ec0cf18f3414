/**
 * Check: two different hazard ratios of Table S1 printed with the very same 95% CI. Two
 * estimates rarely share an interval to the last printed digit; when one HR is not at the
 * interval's centre, the HR/CI/P check of that row and this one are the same problem, so this
 * finding carries both (check-cox.ts leaves those rows out) and lists every place.
 * One finding per set of rows sharing a CI.
 */
import type { Published } from '../published/load.ts';
import type { CheckedNumber, EstimateCell } from '../published/schemas.ts';
import { coxConsistency } from './check-cox.ts';
import { coxCell } from './anchors.ts';
import { finding } from './finding.ts';
import type { Finding } from './types.ts';
import { list } from './words.ts';

interface Estimate {
  readonly row: string;
  readonly level: string | null;
  readonly label: string;
  readonly est: EstimateCell;
  readonly p: CheckedNumber;
}

const ciOf = (printed: string) => /\(([^)]+)\)/.exec(printed)?.[1] ?? '';

const f3 = (x: number) => (x < 0.001 ? '<0.001' : x.toFixed(3));

/** Which of the rows the shared interval fits (HR at its centre and P as printed), and which not. */
function explainShared(group: readonly Estimate[], ci: string, centre: number): string {
  const judged = group.map((g) => {
    const input = { printed: g.est.printed, hr: g.est.hr as number, lower: g.est.lower as number, upper: g.est.upper as number };
    const c = coxConsistency(input, g.p);
    const t = coxConsistency(input, g.p, true);
    return { g, c, fits: (c.centred && c.pFits) || (t.centred && t.pFits) };
  });
  const fit = judged.filter((x) => x.fits);
  const off = judged.filter((x) => !x.fits);
  const rows = list(judged.map(({ g }) => `${g.label} (HR ${g.est.hr}, P ${g.p.printed})`));
  let text = `${rows} print the same 95% CI (${ci}); its centre on the log scale is ${centre.toFixed(2)}.`;
  if (fit.length) text += ` It fits ${list(fit.map(({ g, c }) => `${g.label} (P ${f3(c.p)} from the interval)`))}`;
  if (off.length) text += `${fit.length ? ', but not' : ' It fits neither'} ${list(off.map(({ g, c }) => `${g.label}: HR ${g.est.hr} is off the centre and would give P ${f3(c.p)}, not ${g.p.printed}`))}.`;
  else text += '.';
  text +=
    ' Considered: rounding of the printed numbers and truncation of the HR (neither puts the HR at the centre), and a likelihood-based interval or P (which need not be centred, but would not reproduce another row\'s interval to the last digit). The table alone cannot tell which row\'s numbers are as intended.';
  return text;
}

export function checkCoxDuplicates(p: Published): Finding[] {
  const t = p.tableS1;
  const estimates: Estimate[] = [];
  for (const row of t.rows) {
    if (row.kind === 'categorical') {
      for (const l of row.levels) if (l.estimate.hr !== undefined && l.p) estimates.push({ row: row.id, level: l.id, label: `${row.label} › ${l.label}`, est: l.estimate, p: l.p });
    } else {
      estimates.push({ row: row.id, level: null, label: row.label, est: row.estimate, p: row.p });
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
    if (group.some((g) => g.est.lower === undefined || g.p.value === null)) continue;
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
        consequence: distinct ? 'number' : null,
        explanation: distinct ? explainShared(group, ci, centre) : `${list(group.map((g) => g.label))} print the same estimate and CI (${ci}).`,
        cells: [...cells, ...group.map((g) => coxCell(g.row, g.level, 'p'))],
      }),
    );
  }
  return out;
}
