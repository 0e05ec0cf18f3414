/**
 * Check: do a row's numbers add up? Per count row of Tables 1–3:
 * - the levels of a categorical row add up to the group N (rows without `+`) or to the number
 *   of patients with data that the percentages imply (`+` rows);
 * - the total column is the sum of the group columns, for counts and for the denominators;
 * - the percentages of levels that cover everyone add up to 100 within rounding;
 * - a row printed without `+` whose percentages only fit other denominators is missing its mark;
 * - for `+` rows: which denominators fit every level (reported, as the audit uses them).
 * One finding per row.
 */
import { rowCell } from './anchors.ts';
import { cellPercent, type CountRow } from './count-rows.ts';
import { columnSumTo100, percentMechanism } from './check-percentages.ts';
import { finding, scopeOf } from './finding.ts';
import { checkPercent } from './grim.ts';
import { MECHANISM_WORDS } from './mechanisms.ts';
import { halfUnit } from './rounding.ts';
import type { SumTo100 } from './sum-to-100.ts';
import type { BenignMechanism, Finding } from './types.ts';
import { denominatorsText, list } from './words.ts';

interface Issue {
  readonly text: string;
  /** `note`: notation only (a missing `+` mark); the others as the finding's consequence. */
  readonly kind: 'number' | 'presentation' | 'note';
}

/** True when every percentage of the column is explained by rounding or a benign mechanism. */
function columnExplained(r: CountRow, column: string, sums: Record<string, SumTo100>): boolean {
  const d = r.denominators[column];
  return r.levels.every((l) => {
    const cell = l.cells[column];
    const c = checkPercent(cell.count, d.chosen, cellPercent(cell), d.columnN);
    return c.rounds || percentMechanism(c, sums[column]) !== null;
  });
}

const shortLabel = (label: string) => label.replace(/\s*\(N=\d+\).*$/, '');

export function checkRowDenominators(r: CountRow): Finding {
  const issues: Issue[] = [];
  const notes: string[] = [];
  const cols = r.columns;
  const d = (id: string) => r.denominators[id];
  const name = (id: string) => shortLabel(cols.find((c) => c.id === id)!.label);
  const sums = columnSumTo100(r);

  // Counts: total = sum of the groups, level by level.
  if (r.totalColumn) {
    for (const level of r.levels) {
      const total = level.cells[r.totalColumn].count;
      const parts = r.groupColumns.map((c) => level.cells[c.id].count);
      const sum = parts.reduce((a, b) => a + b, 0);
      if (sum !== total) {
        issues.push({
          text: `${level.id === null ? 'The' : `For ${level.label}, the`} total ${total} is not the sum of the groups (${parts.join(' + ')} = ${sum}).`,
          kind: 'number',
        });
      }
    }
  }

  // Levels against the group sizes or the implied numbers with data.
  if (r.kind === 'categorical') {
    for (const c of cols) {
      const x = d(c.id);
      const where = cols.length > 1 ? ` (${name(c.id)})` : '';
      if (!x.plus && x.levelSum !== x.columnN) {
        issues.push({
          text:
            x.levelSum > x.columnN
              ? `The levels${where} add up to ${x.levelSum}, more than the group size ${x.columnN}.`
              : `The levels${where} add up to ${x.levelSum}, not the group size ${x.columnN}; patients without data or a level that is not printed would explain it, but the row has no + mark and lists no such level.`,
          kind: x.levelSum > x.columnN ? 'number' : 'presentation',
        });
      } else if (x.plus && x.chosen > x.levelSum) {
        issues.push({
          text: `The percentages${where} imply ${x.chosen} patients with data, but the printed levels hold only ${x.levelSum}: ${x.chosen - x.levelSum} ${x.chosen - x.levelSum === 1 ? 'patient is' : 'patients are'} in no printed level (a category that is not printed would explain it).`,
          kind: 'presentation',
        });
      }
      // Percentages of levels that cover everyone should add up to 100 within rounding.
      if (x.levelSum === x.chosen && !columnExplained(r, c.id, sums)) {
        const cells = r.levels.map((l) => l.cells[c.id]);
        const sum = cells.reduce((a, cell) => a + cell.percent, 0);
        const tol = cells.reduce((a, cell) => a + halfUnit(cellPercent(cell).decimals), 0);
        if (Math.abs(sum - 100) > tol + 1e-9) {
          issues.push({ text: `The percentages${where} add up to ${+sum.toFixed(4)}, more than rounding allows (100 ± ${+tol.toFixed(4)}).`, kind: 'number' });
        }
      }
    }
  }

  // '+' marks and the denominators they stand for.
  const plusCols = cols.filter((c) => d(c.id).plus);
  const unmarkedInferred = cols.filter((c) => !d(c.id).plus && d(c.id).basis === 'inferred');
  if (unmarkedInferred.length) {
    issues.push({
      text: `The row has no + mark, yet its percentages are of ${list(unmarkedInferred.map((c) => d(c.id).chosen))} patients with data rather than the group sizes ${list(unmarkedInferred.map((c) => d(c.id).columnN))}: a notation point, the numbers agree.`,
      kind: 'note',
    });
  }
  for (const c of plusCols) {
    const x = d(c.id);
    if (x.basis === 'best-fit') {
      const explained = columnExplained(r, c.id, sums);
      const text = `No number of patients with data reproduces every percentage${cols.length > 1 ? ` of ${name(c.id)}` : ''} by ordinary rounding; the audit uses ${x.chosen}${r.kind === 'categorical' && x.chosen === x.levelSum ? ', the sum of the levels' : ''}`;
      if (explained) {
        const m = sums[c.id];
        notes.push(`${text}, and ${m ? MECHANISM_WORDS[m] : 'the mechanisms named on each cell'} ${m ? 'reproduces' : 'reproduce'} every printed percentage.`);
      } else {
        issues.push({ text: `${text}.`, kind: 'number' });
      }
    }
  }
  if (plusCols.length && plusCols.every((c) => d(c.id).basis === 'inferred')) {
    const ambiguous = plusCols.filter((c) => d(c.id).candidates.length > 1);
    notes.push(
      `The percentages imply ${list(plusCols.map((c) => d(c.id).chosen))} patients with data${cols.length > 1 ? ` (${list(plusCols.map((c) => name(c.id)))})` : ''}.` +
        (ambiguous.length
          ? ` Several numbers fit${cols.length > 1 ? ` ${list(ambiguous.map((c) => name(c.id)))}` : ''} (${ambiguous.map((c) => denominatorsText(d(c.id).candidates)).join('; ')}); the audit uses the largest${r.totalColumn ? ' that adds up' : ''}.`
          : ''),
    );
  }
  if (r.totalColumn && r.additive === false) {
    issues.push({
      text: `The denominators do not add up: no choice for the groups (${r.groupColumns.map((c) => denominatorsText(d(c.id).candidates.length ? d(c.id).candidates : [d(c.id).chosen])).join('; ')}) sums to one that fits the total.`,
      kind: 'number',
    });
  } else if (r.totalColumn) {
    const g = r.groupColumns.map((c) => d(c.id).chosen);
    notes.push(`Denominators add up: ${d(r.totalColumn).chosen} = ${g.join(' + ')}.`);
  }
  if (r.kind === 'categorical' && !plusCols.length && issues.length === 0) {
    notes.unshift(`The levels add up to the group size${cols.length > 1 ? 's' : ''} (${list(cols.map((c) => d(c.id).columnN))}).`);
  }

  const problems = issues.filter((i) => i.kind !== 'note');
  const verdict = problems.length ? 'inconsistent' : issues.length ? 'note' : 'consistent';
  const consequence = problems.some((i) => i.kind === 'number') ? 'number' : 'presentation';
  const explanation = issues.length ? issues.map((i) => i.text).join(' ') : notes.join(' ') || 'Counts and denominators agree.';
  const explainedBy = [
    ...new Set(
      cols.flatMap((c): BenignMechanism[] => [...(d(c.id).chosen !== d(c.id).columnN ? (['missing-data-denominator'] as const) : []), ...(sums[c.id] ? [sums[c.id]!] : [])]),
    ),
  ];
  const printed = r.levels
    .map((l) => `${l.id === null ? '' : `${l.label}: `}${cols.map((c) => l.cells[c.id].printed).join(', ')}`)
    .join(' · ');
  return finding({
    id: `${rowCell(r.file, r.row.id)}-sums`,
    scope: scopeOf(r.table.label),
    check: 'denominators',
    table: r.table.label,
    section: r.row.section,
    row: r.row.label,
    column: null,
    page: r.row.page,
    printed,
    recomputed: {
      denominators: cols.map((c) => d(c.id).chosen),
      columns: cols.map((c) => c.id),
      levelSums: cols.map((c) => d(c.id).levelSum),
      candidates: cols.map((c) => d(c.id).candidates),
      additive: r.additive,
    },
    verdict,
    consequence: verdict === 'inconsistent' ? consequence : null,
    explainedBy,
    explanation,
    cells: [rowCell(r.file, r.row.id)],
  });
}

/** Rows with something to add up: categorical rows, `+` rows, and rows with a total column. */
export function checkDenominators(rows: readonly CountRow[]): Finding[] {
  return rows
    .filter((r) => r.kind === 'categorical' || r.totalColumn !== null || Object.values(r.denominators).some((d) => d.plus || d.basis !== 'column-n'))
    .map(checkRowDenominators);
}
