/**
 * Check: does every printed percentage of Tables 1–3 equal its count over its denominator,
 * rounded to the printed decimals (half-way either way)? If not, which reporting habit
 * (truncation, double rounding, whole percents) or which other denominators would give it?
 * One finding per count cell.
 */
import { rowCell, valueCell } from './anchors.ts';
import { cellPercent, levelPath, type ColumnDenominator, type CountRow } from './count-rows.ts';
import { finding, scopeOf } from './finding.ts';
import { checkPercent, mechanismWords, type PercentCheck } from './grim.ts';
import { percentToken, roundings } from './rounding.ts';
import type { Finding } from './types.ts';
import { denominatorsText, list, listOr, pct } from './words.ts';

/** How the denominator was chosen, in words. */
export function denominatorWords(d: ColumnDenominator, kind: CountRow['kind']): string {
  if (d.basis === 'column-n') return `${d.chosen} (the group size)`;
  if (d.basis === 'inferred') {
    return d.plus
      ? `${d.chosen} (the patients with data that the row's percentages imply)`
      : `${d.chosen} (the row has no + mark, yet its percentages imply ${d.chosen} patients with data)`;
  }
  return kind === 'categorical' && d.chosen === d.levelSum
    ? `${d.chosen} (the sum of the row's levels; no single denominator fits all its percentages)`
    : `${d.chosen} (the number of patients with data that fits most of the row's percentages)`;
}

/** Explains one percentage check in one or two sentences. */
export function explainPercent(c: PercentCheck, printedPercent: string, denominatorText: string): string {
  const head = `${c.count} of ${denominatorText} is ${pct(c.exact)}`;
  if (c.rounds) {
    const scaled = 100 * c.count * 10 ** (printedPercent.split('.')[1]?.length ?? 0);
    const halfway = roundings(scaled, c.denominator).length === 2;
    return halfway
      ? `${head}, exactly half-way, so it may be printed either way; ${printedPercent} is one of them.`
      : `${head}, which rounds to ${printedPercent} as printed.`;
  }
  const decimals = printedPercent.split('.')[1]?.length ?? 0;
  const correct = (Math.round(c.exact * 10 ** decimals + 1e-9) / 10 ** decimals).toFixed(decimals);
  let text = `${head}, which rounds to ${correct}, not the printed ${printedPercent}.`;
  const habits = c.mechanisms.filter((m) => m !== 'rounding' && m !== 'other-denominator');
  if (habits.length) text += ` The printed value is what you get by ${listOr(habits.map(mechanismWords))}.`;
  else if (c.otherDenominators.length) {
    text += ` It would be right for ${c.count} of ${denominatorsText(c.otherDenominators.slice(0, 8))}${c.otherDenominators.length > 8 ? ' (and others)' : ''}.`;
  } else if (c.countsThatFit.length === 0) {
    text += ` No whole number of patients out of ${c.denominator} gives ${printedPercent}%, and no other denominator fits ${c.count}.`;
  } else {
    text += ` ${list(c.countsThatFit)} of ${c.denominator} would give it.`;
  }
  return text;
}

/** Minor when a reporting habit explains it or it is one unit off in its last digit. */
export function percentSeverity(c: PercentCheck): 'minor' | 'major' {
  const habit = c.mechanisms.some((m) => m === 'truncation' || m === 'double-rounding' || m === 'whole-percent');
  return habit || c.unitsOff <= 1 ? 'minor' : 'major';
}

export function checkPercentages(rows: readonly CountRow[]): Finding[] {
  const out: Finding[] = [];
  for (const r of rows) {
    for (const level of r.levels) {
      for (const col of r.columns) {
        const cell = level.cells[col.id];
        const d = r.denominators[col.id];
        const printedPercent = percentToken(cell.printed) as string;
        const c = checkPercent(cell.count, d.chosen, cellPercent(cell), d.columnN);
        const id = valueCell(r.file, r.row.id, level.id, col.id);
        out.push(
          finding({
            id: `${id}-pct`,
            scope: scopeOf(r.table.label),
            check: 'percentage',
            table: r.table.label,
            section: r.row.section,
            row: levelPath(r.row, level),
            column: col.label,
            page: r.row.page,
            printed: cell.printed,
            recomputed: {
              percent: c.exact,
              denominators: [d.chosen],
              denominatorBasis: d.basis,
              mechanisms: c.mechanisms,
              otherDenominators: c.otherDenominators,
              ...(c.rounds ? {} : { countsThatFit: c.countsThatFit, unitsOff: c.unitsOff }),
            },
            verdict: c.rounds ? 'consistent' : 'inconsistent',
            severity: c.rounds ? null : percentSeverity(c),
            explanation: explainPercent(c, printedPercent, denominatorWords(d, r.kind)),
            cells: [id],
            related: [rowCell(r.file, r.row.id)],
          }),
        );
      }
    }
  }
  return out;
}
