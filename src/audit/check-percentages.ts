/**
 * Check: does every printed percentage of Tables 1–3 equal its count over its denominator,
 * rounded to the printed decimals (half-way either way)? If not, which benign mechanism
 * (sum-to-100 adjustment of its column, truncation, rounding twice, whole percents) gives it?
 * Only a percentage none of them explains is inconsistent; then other denominators are leads.
 * One finding per count cell.
 */
import { rowCell, valueCell } from './anchors.ts';
import { cellPercent, levelPath, type ColumnDenominator, type CountRow } from './count-rows.ts';
import { finding, scopeOf } from './finding.ts';
import { checkPercent, type PercentCheck } from './grim.ts';
import { MECHANISM_WORDS, PERCENT_ALTERNATIVES } from './mechanisms.ts';
import { percentRoundsTo, percentToken, roundings } from './rounding.ts';
import { sumTo100, type SumTo100 } from './sum-to-100.ts';
import type { BenignMechanism, Finding } from './types.ts';
import { denominatorsText, list, pct } from './words.ts';

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

/** The mechanism that explains a percentage ordinary rounding does not give, if any (sum-to-100 first: it is the column's convention). */
export function percentMechanism(c: PercentCheck, column: SumTo100): BenignMechanism | null {
  if (c.rounds) return null;
  if (column) return column;
  if (c.mechanisms.includes('truncation')) return 'truncation';
  if (c.mechanisms.includes('double-rounding')) return 'double-rounding';
  if (c.mechanisms.includes('whole-percent')) return 'whole-percent';
  return null;
}

/** Explains one percentage check in one or two sentences, naming the mechanism that explains it or the ones tried. */
export function explainPercent(c: PercentCheck, printedPercent: string, denominatorText: string, column: SumTo100 = null): string {
  const head = `${c.count} of ${denominatorText} is ${pct(c.exact)}`;
  const decimals = printedPercent.split('.')[1]?.length ?? 0;
  if (c.rounds) {
    const scaled = 100 * c.count * 10 ** decimals;
    const halfway = roundings(scaled, c.denominator).length === 2;
    if (!halfway) return `${head}, which rounds to ${printedPercent} as printed.`;
    const up = Math.ceil(scaled / c.denominator);
    const even = up % 2 === 0 ? up : up - 1;
    const printedUnits = Math.round(Number(printedPercent) * 10 ** decimals);
    const which = printedUnits === up && printedUnits === even ? 'rounding half up and half to even both give' : printedUnits === up ? 'rounding half up gives' : 'rounding half to even gives';
    return `${head}, exactly half-way; ${which} the printed ${printedPercent}.`;
  }
  const correct = (Math.round(c.exact * 10 ** decimals + 1e-9) / 10 ** decimals).toFixed(decimals);
  const m = percentMechanism(c, column);
  if (m === 'largest-remainder' || m === 'adjusted-to-100') {
    return `${head}, which rounds to ${correct}; the printed ${printedPercent} comes from ${MECHANISM_WORDS[m]}: the column's printed percentages add up to exactly 100.`;
  }
  if (m) return `${head}; the printed ${printedPercent} is what ${MECHANISM_WORDS[m]} gives (ordinary rounding gives ${correct}).`;
  let text = `${head}, which rounds to ${correct}, not the printed ${printedPercent}. None of ${PERCENT_ALTERNATIVES} gives it.`;
  if (c.otherDenominators.length) {
    text += ` It would be right for ${c.count} of ${denominatorsText(c.otherDenominators.slice(0, 8))}${c.otherDenominators.length > 8 ? ' (and others)' : ''}.`;
  } else if (c.countsThatFit.length === 0) {
    text += ` No whole number of patients out of ${c.denominator} gives ${printedPercent}%, and no other denominator fits ${c.count}.`;
  } else {
    text += ` ${list(c.countsThatFit)} of ${c.denominator} would give it.`;
  }
  return text;
}

/**
 * What an unexplained percentage affects: a count or percentage that cannot be right as
 * printed is a discrepancy in a reported number.
 */
export function percentConsequence(): 'number' {
  return 'number';
}

/** Sum-to-100 convention of each column of a categorical row (`null` for binary rows and columns that do not add up). */
export function columnSumTo100(r: CountRow): Record<string, SumTo100> {
  const out: Record<string, SumTo100> = {};
  for (const col of r.columns) {
    out[col.id] = null;
    if (r.kind !== 'categorical') continue;
    const cells = r.levels.map((l) => l.cells[col.id]);
    const ds = cells.map(cellPercent);
    if (ds.some((d) => d.decimals !== ds[0].decimals)) continue;
    const counts = cells.map((c) => c.count);
    // Only when ordinary rounding would not already add up to 100: then the adjustment is the column's convention.
    const den = r.denominators[col.id].chosen;
    if (cells.every((c, i) => percentRoundsTo(c.count, den, ds[i]))) continue;
    out[col.id] = sumTo100(counts, den, ds.map((d) => d.units), ds[0].decimals);
  }
  return out;
}

export function checkPercentages(rows: readonly CountRow[]): Finding[] {
  const out: Finding[] = [];
  for (const r of rows) {
    const sums = columnSumTo100(r);
    for (const level of r.levels) {
      for (const col of r.columns) {
        const cell = level.cells[col.id];
        const d = r.denominators[col.id];
        const printedPercent = percentToken(cell.printed) as string;
        const c = checkPercent(cell.count, d.chosen, cellPercent(cell), d.columnN);
        const id = valueCell(r.file, r.row.id, level.id, col.id);
        const m = percentMechanism(c, sums[col.id]);
        const explained: BenignMechanism[] = [];
        if (d.chosen !== d.columnN) explained.push('missing-data-denominator');
        if (m) explained.push(m);
        const ok = c.rounds || m !== null;
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
            verdict: ok ? 'consistent' : 'inconsistent',
            consequence: ok ? null : percentConsequence(),
            explainedBy: explained,
            explanation: explainPercent(c, printedPercent, denominatorWords(d, r.kind), sums[col.id]),
            cells: [id],
            related: [rowCell(r.file, r.row.id)],
          }),
        );
      }
    }
  }
  return out;
}
