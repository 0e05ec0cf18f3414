/**
 * Check: a median printed for the whole group (the total column) must lie within the range of
 * the medians of the groups that partition it. Each group has at least half of its patients at
 * or below its median, so at least half of everyone is at or below the largest group median, and
 * likewise at or above the smallest: the pooled median cannot leave [smallest, largest].
 *
 * Rounding: the groups' medians stand for their rounding intervals. The pooled median is read at
 * the precision the row itself uses for medians (a row that prints `2.5` elsewhere would print a
 * pooled 2.5 as `2.5`, so a printed `3` stands for 3.0); the explanation says so and gives the
 * reading at the pooled value's own precision. Only rows whose group Ns add up to the total's
 * are checked (the groups then partition the same patients). One finding per continuous row with
 * a total column.
 *
 * Quartiles are not checked the same way: interpolating definitions (R's default, type 7) can put a
 * pooled quartile outside its groups' range without any error: quantile(c(0, 10), 0.25) is 2.5 for
 * each of two groups, yet quantile(c(0, 0, 10, 10), 0.25) is 0.
 */
import type { CharacteristicsTable } from '../published/schemas.ts';
import { rowCell, valueCell, type TableFile } from './anchors.ts';
import { finding, scopeOf } from './finding.ts';
import { halfUnit, printedDecimal } from './rounding.ts';
import type { Finding } from './types.ts';
import { list } from './words.ts';

/** The printed median token of a `median [q1–q3]` cell: `2.5% [2–12%]` → `2.5`. */
const medianToken = (printed: string) => /\d+(?:\.\d+)?/.exec(printed)?.[0] ?? '';

export interface PooledMedianJudgement {
  readonly ok: boolean;
  /** Range of the group medians, widened by their rounding. */
  readonly range: readonly [number, number];
  /** The pooled median as an interval at the row's precision. */
  readonly pooled: readonly [number, number];
  /** Whether the pooled median would fit if read at its own (coarser) precision. */
  readonly fitsAtOwnPrecision: boolean;
  readonly rowDecimals: number;
}

/** Judges one pooled median (`total`, as printed) against its groups' printed medians. */
export function judgePooledMedian(total: string, groups: readonly string[]): PooledMedianJudgement {
  const tokens = [total, ...groups].map(medianToken);
  const decimals = tokens.map((t) => printedDecimal(t)?.decimals ?? 0);
  const rowDecimals = Math.max(...decimals);
  const values = tokens.map(Number);
  const lo = Math.min(...values.slice(1).map((v, i) => v - halfUnit(decimals[i + 1])));
  const hi = Math.max(...values.slice(1).map((v, i) => v + halfUnit(decimals[i + 1])));
  const h = halfUnit(rowDecimals);
  const own = halfUnit(decimals[0]);
  const pooled: [number, number] = [values[0] - h, values[0] + h];
  const eps = 1e-9;
  const ok = pooled[1] >= lo - eps && pooled[0] <= hi + eps;
  const fitsAtOwnPrecision = values[0] + own >= lo - eps && values[0] - own <= hi + eps;
  return { ok, range: [lo, hi], pooled, fitsAtOwnPrecision, rowDecimals };
}

export function checkPooledMedians(file: TableFile, t: CharacteristicsTable): Finding[] {
  const total = t.columns.find((c) => c.id === 'total');
  const groups = t.columns.filter((c) => c.id !== 'total');
  if (!total || groups.length < 2) return [];
  const partition = groups.reduce((a, c) => a + (c.n.value as number), 0) === total.n.value;
  if (!partition) return [];
  const out: Finding[] = [];
  for (const row of t.rows) {
    if (row.kind !== 'continuous') continue;
    const pooledCell = row.cells[total.id];
    const groupCells = groups.map((c) => row.cells[c.id]);
    const j = judgePooledMedian(pooledCell.printed, groupCells.map((c) => c.printed));
    const medians = groupCells.map((c) => medianToken(c.printed));
    const p = medianToken(pooledCell.printed);
    const groupText = `the groups' medians ${list(medians)}`;
    const explanation = j.ok
      ? `The pooled median ${p} lies within ${groupText}, as it must when the groups split the same patients.`
      : `The median of all ${total.n.value} patients, ${p}, lies outside ${groupText} for the same patients, split into groups; a pooled median must lie between the smallest and the largest group median. ` +
        `Considered: rounding of every median${
          j.fitsAtOwnPrecision && j.rowDecimals > 0
            ? ` (read at its own precision ${p} could stand for anything from ${(Number(p) - halfUnit(printedDecimal(p)?.decimals ?? 0)).toString()} up, which would fit; but the same row prints medians to ${j.rowDecimals} decimal${j.rowDecimals === 1 ? '' : 's'}, so ${p} stands for ${Number(p).toFixed(j.rowDecimals)})`
            : ''
        }, and groups that leave patients out (they do not: the group sizes add up to ${total.n.value}).`;
    const cell = valueCell(file, row.id, null, total.id);
    out.push(
      finding({
        id: `${cell}-pooled-median`,
        scope: scopeOf(t.label),
        check: 'pooled-median',
        table: t.label,
        section: row.section,
        row: row.label,
        column: total.label,
        page: row.page,
        printed: [pooledCell.printed, ...groupCells.map((c) => c.printed)].join(' · '),
        recomputed: { groupRange: j.range, pooled: j.pooled },
        verdict: j.ok ? 'consistent' : 'inconsistent',
        consequence: j.ok ? null : 'number',
        explanation,
        cells: [cell],
        related: [...groups.map((c) => valueCell(file, row.id, null, c.id)), rowCell(file, row.id)],
      }),
    );
  }
  return out;
}
