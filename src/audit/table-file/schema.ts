/**
 * Schema of a baseline-characteristics table for `npm run audit -- --table <file.json>` (README,
 * "Audit any paper's table"). Cells are strings as printed: `n (pct)` for counts, `median [q1–q3]`
 * for continuous rows; a row without levels is one level against the rest of its column. Marks
 * after a printed value: `*` (its test is the one `pTests["*"]` names) and `+` (percentages of
 * the patients with data). Validated with zod; the first problem becomes one line naming the field.
 */
import { z } from 'zod';
import { parseCountPercent, parseMedianIqr, parsePrinted } from '../../published/parse-printed.ts';
import { LEGEND_TESTS } from '../p-tests.ts';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');
const Label = z.string().trim().min(1, 'must not be empty');
const Cells = z.record(z.string(), z.string());

export const TableFileColumn = z.object({ id: Id, label: Label, n: z.number().int().positive() }).strict();

export const TableFileLevel = z.object({ label: Label, cells: Cells }).strict();

export const TableFileRow = z
  .object({
    label: Label,
    /** Printed section header above the row (optional). */
    section: Label.optional(),
    cells: Cells.optional(),
    levels: z.array(TableFileLevel).min(2, 'a row with levels needs at least two').optional(),
    /** The P value as printed, with its mark (`0.017*`, `<0.001`, `N/A`). */
    p: z.string().optional(),
  })
  .strict();

export const TableFile = z
  .object({
    $comment: z.string().optional(),
    title: Label,
    columns: z.array(TableFileColumn).min(1),
    /** The column that pools the others (optional). */
    totalColumn: Id.optional(),
    /** The legend: the mark after a P value (`""` for none) → the test it names. */
    pTests: z.record(z.enum(['', '*']), z.enum(LEGEND_TESTS)).optional(),
    /** The paper chooses between χ² and Fisher "as appropriate": adds a note where a χ² P has expected counts below 5. */
    testsAsAppropriate: z.boolean().optional(),
    rows: z.array(TableFileRow).min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    const ids = t.columns.map((c) => c.id);
    const n = new Map(t.columns.map((c) => [c.id, c.n]));
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['columns', i, 'id'], message: `duplicate column id "${id}"` });
    });
    if (t.totalColumn !== undefined && !ids.includes(t.totalColumn)) {
      ctx.addIssue({ code: 'custom', path: ['totalColumn'], message: `"${t.totalColumn}" is not a column id (${ids.join(', ')})` });
    }
    const marks = new Set(Object.keys(t.pTests ?? { '': 'chisq' }));
    const checkCells = (cells: Record<string, string>, path: (string | number)[], kind: 'count' | 'quantiles' | null): 'count' | 'quantiles' | null => {
      for (const id of ids) if (!(id in cells)) ctx.addIssue({ code: 'custom', path: [...path, id], message: `missing (columns are ${ids.join(', ')})` });
      let seen = kind;
      for (const [col, printed] of Object.entries(cells)) {
        const at = [...path, col];
        if (!ids.includes(col)) {
          ctx.addIssue({ code: 'custom', path: at, message: `"${col}" is not a column id (${ids.join(', ')})` });
          continue;
        }
        const count = parseCountPercent(printed);
        const quantiles = count ? null : parseMedianIqr(printed);
        if (!count && !quantiles) {
          ctx.addIssue({ code: 'custom', path: at, message: `${JSON.stringify(printed)} is neither "n (pct)" nor "median [q1–q3]"` });
          continue;
        }
        const k = count ? 'count' : 'quantiles';
        if (seen !== null && seen !== k) ctx.addIssue({ code: 'custom', path: at, message: `${JSON.stringify(printed)} mixes counts and medians in one row` });
        seen = k;
        if (count && count.count > (n.get(col) as number)) {
          ctx.addIssue({ code: 'custom', path: at, message: `count ${count.count} is larger than the column's n ${n.get(col)}` });
        }
        if (count && count.percent > 100) ctx.addIssue({ code: 'custom', path: at, message: `percentage ${count.percent} is above 100` });
      }
      return seen;
    };
    t.rows.forEach((r, i) => {
      const path = ['rows', i];
      if ((r.cells === undefined) === (r.levels === undefined)) {
        ctx.addIssue({ code: 'custom', path, message: 'needs either "cells" or "levels", not both or neither' });
        return;
      }
      let kind: 'count' | 'quantiles' | null = null;
      if (r.cells) kind = checkCells(r.cells, [...path, 'cells'], null);
      r.levels?.forEach((l, j) => {
        kind = checkCells(l.cells, [...path, 'levels', j, 'cells'], kind);
      });
      if (r.levels && kind === 'quantiles') ctx.addIssue({ code: 'custom', path: [...path, 'levels'], message: 'levels must hold counts "n (pct)"' });
      if (r.p !== undefined) {
        const parsed = parsePrinted(r.p);
        if (!parsed || (parsed.kind !== 'number' && parsed.kind !== 'na')) {
          ctx.addIssue({ code: 'custom', path: [...path, 'p'], message: `${JSON.stringify(r.p)} is not a P value such as "0.017*", "<0.001" or "N/A"` });
        } else if (parsed.kind === 'number') {
          const mark = parsed.marks.filter((m) => m === '*').join('');
          if (parsed.value < 0 || parsed.value > 1) ctx.addIssue({ code: 'custom', path: [...path, 'p'], message: `${r.p} is not between 0 and 1` });
          if (!marks.has(mark)) ctx.addIssue({ code: 'custom', path: [...path, 'p'], message: `mark "${mark}" is not in pTests` });
        }
      }
    });
  });
export type TableFile = z.infer<typeof TableFile>;
