/**
 * Zod schemas of the files in `data/published/` other than `survival.json`
 * (see `survival-schema.ts`): Tables 1–3, Table S1, the numbers of the prose (`text.json`)
 * and the sentences that compare groups (`claims.json`).
 *
 * The files keep the paper as printed, typos included. The schemas check the FILE, not the
 * paper: every parsed number must equal the parse of the printed string beside it
 * (`parse-printed.ts`), ids must be unique, cells must match the table's columns, footnote
 * marks must be defined, and so on. Whether the paper's numbers agree with each other is the
 * audit's business. References between files (`refersTo`, claim `rows`) are checked by
 * `load.ts`, which sees all files at once.
 *
 * Data model of a characteristics table (Tables 1–3):
 * - `columns`: one per patient group, each with its printed N; `pValue` says whether the table
 *   prints a P value column.
 * - `rows`: in printed order. `section` is the printed section header above the row
 *   ("Primary tumor", "Liver metastasis"/"Liver Metastasis") or `null` for the rows printed
 *   before any header. `kind` is `continuous` (median [IQR] per column), `binary` (one count
 *   line such as "Gender, female") or `categorical` (a header line, with the P value when there
 *   is one, and one line per level).
 * - cells: `{ printed, count, percent, marks, denominator }` or `{ printed, median, q1, q3, unit, marks }`.
 *   `denominator` is the column N for count cells without the `+` mark and `null` for `+` cells,
 *   whose available-data denominator the paper does not print. Medians carry no denominator.
 */
import { z } from 'zod';
import { FootnoteMark, PrintedNumber } from './printed.ts';
import {
  parseCountPercent,
  parseHazardRatio,
  parseMedianIqr,
  parseNumber,
  parsePrinted,
  proseNumbers,
  type Mark,
} from './parse-printed.ts';

// ---------------------------------------------------------------- shared pieces

/** Lower-case id such as `gender-female`, `grade-1` or `0`. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "gender-female"');

/** Page as printed in the running header, or `supplementary` for Table S1 (printed after page 12). */
export const PageRef = z.union([z.number().int().min(1).max(12), z.literal('supplementary')]);
export type PageRef = z.infer<typeof PageRef>;

/** Files of `data/published/`, as used in value ids. */
export const PublishedFileId = z.enum(['table1', 'table2', 'table3', 'tableS1', 'survival', 'text']);
export type PublishedFileId = z.infer<typeof PublishedFileId>;

/** Id of one printed value: `file/row/column`, e.g. `table2/insurance.private/no`, `tableS1/bmi/p`, `survival/fig2a/logrank-p`. */
export const ValueId = z
  .string()
  .regex(/^(table1|table2|table3|tableS1|survival|text)\/[a-z0-9.-]+\/[a-z0-9-]+$/, 'must be a value id "file/row/column"');

/** Id of one row (or one level of a categorical row): `file/row` or `file/row.level`, e.g. `table2/asa`, `table1/enhancement.hypo`, `survival/fig2a`. */
export const RowId = z
  .string()
  .regex(/^(table1|table2|table3|tableS1|survival)\/[a-z0-9-]+(?:\.[a-z0-9-]+)?$/, 'must be a row id "file/row" or "file/row.level"');

const Marks = z.array(FootnoteMark).default([]);
const Note = z.string().min(1).optional();

const sameMarks = (a: readonly Mark[], b: readonly Mark[]) => a.length === b.length && a.every((m, i) => m === b[i]);
const show = (s: string) => JSON.stringify(s);

/** Adds one issue per mismatch between stored fields and the parse of the printed string. */
function compare(ctx: z.RefinementCtx, printed: string, expected: Record<string, unknown>, stored: Record<string, unknown>): void {
  for (const [key, want] of Object.entries(expected)) {
    const got = stored[key];
    const equal = Array.isArray(want) ? Array.isArray(got) && sameMarks(want as Mark[], got as Mark[]) : got === want;
    if (!equal) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `printed ${show(printed)} parses to ${key} ${JSON.stringify(want)}, but ${JSON.stringify(got)} is stored`,
      });
    }
  }
}

/**
 * A {@link PrintedNumber} whose printed string is one number (`0.017*`, `<0.001`, `57`) or `N/A`,
 * and whose value, marks and relation equal its parse.
 */
export const CheckedNumber = PrintedNumber.superRefine((v, ctx) => {
  const parsed = parsePrinted(v.printed);
  if (parsed?.kind === 'na') {
    compare(ctx, v.printed, { value: null, marks: [], relation: '=' }, v);
  } else if (parsed?.kind === 'number') {
    compare(ctx, v.printed, { value: parsed.value, marks: parsed.marks, relation: parsed.relation }, v);
  } else {
    ctx.addIssue({ code: 'custom', path: ['printed'], message: `printed ${show(v.printed)} is not a single number or "N/A"` });
  }
});
export type CheckedNumber = z.infer<typeof CheckedNumber>;

/** A printed whole number such as a group size. */
const CheckedCount = CheckedNumber.refine((v) => v.value !== null && Number.isInteger(v.value) && v.value >= 0, {
  message: 'must be a whole number',
  path: ['value'],
});

// ---------------------------------------------------------------- Tables 1–3

/** `n (pct)` cell, e.g. `34 (64.1)+`. */
export const CountCell = z
  .object({
    printed: z.string().min(1),
    count: z.number().int().nonnegative(),
    percent: z.number().nonnegative().max(100, 'a percentage cannot exceed 100'),
    marks: Marks,
    /** Column N when the cell has no `+` mark; `null` (unknown) when it has one. */
    denominator: z.number().int().positive().nullable(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const p = parseCountPercent(c.printed);
    if (!p) {
      ctx.addIssue({ code: 'custom', path: ['printed'], message: `printed ${show(c.printed)} is not a count cell such as "53 (93.0)"` });
      return;
    }
    compare(ctx, c.printed, { count: p.count, percent: p.percent, marks: p.marks }, c);
  });
export type CountCell = z.infer<typeof CountCell>;

/** `median [q1–q3]` cell, e.g. `3% [2–10%]`; `unit` is `'%'` when any of the three is printed with `%`. */
export const QuantileCell = z
  .object({
    printed: z.string().min(1),
    median: z.number(),
    q1: z.number(),
    q3: z.number(),
    unit: z.literal('%').nullable(),
    marks: Marks,
  })
  .strict()
  .superRefine((c, ctx) => {
    const p = parseMedianIqr(c.printed);
    if (!p) {
      ctx.addIssue({ code: 'custom', path: ['printed'], message: `printed ${show(c.printed)} is not a median [IQR] cell such as "57 [50–63]"` });
      return;
    }
    compare(ctx, c.printed, { median: p.median, q1: p.q1, q3: p.q3, unit: p.unit, marks: p.marks }, c);
  });
export type QuantileCell = z.infer<typeof QuantileCell>;

const rowBase = {
  id: Slug,
  /** Label exactly as printed, e.g. `Tumor size (cm), median (IQR)`. */
  label: z.string().min(1),
  /** Printed section header above the row, or `null` before the first header. */
  section: z.string().min(1).nullable(),
  page: PageRef,
  /** P value cell as printed (`0.017*`, `<0.001`, `N/A`); absent when the table prints no P column. */
  p: CheckedNumber.optional(),
  note: Note,
};

export const ContinuousRow = z.object({ ...rowBase, kind: z.literal('continuous'), cells: z.record(Slug, QuantileCell) }).strict();
export const BinaryRow = z.object({ ...rowBase, kind: z.literal('binary'), cells: z.record(Slug, CountCell) }).strict();
export const Level = z.object({ id: Slug, label: z.string().min(1), cells: z.record(Slug, CountCell), note: Note }).strict();
export const CategoricalRow = z.object({ ...rowBase, kind: z.literal('categorical'), levels: z.array(Level).min(2) }).strict();
export const TableRow = z.discriminatedUnion('kind', [ContinuousRow, BinaryRow, CategoricalRow]);
export type TableRow = z.infer<typeof TableRow>;
export type Level = z.infer<typeof Level>;

export const TableColumn = z
  .object({ id: Slug, label: z.string().min(1), n: CheckedCount, note: Note })
  .strict()
  .refine((c) => c.id !== 'p', { message: 'column id "p" is reserved for the P value', path: ['id'] });
export type TableColumn = z.infer<typeof TableColumn>;

export const Footnote = z.object({ mark: FootnoteMark.nullable(), text: z.string().min(1) }).strict();
export type Footnote = z.infer<typeof Footnote>;

function uniqueIds(ctx: z.RefinementCtx, items: readonly { id: string }[], path: (string | number)[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

/** Schema of a characteristics table file (`table1.json`, `table2.json`, `table3.json`). */
export function characteristicsTable<Id extends string>(id: Id) {
  return z
    .object({
      $comment: z.string().optional(),
      id: z.literal(id),
      /** `Table 2` */
      label: z.string().min(1),
      /** Title as printed, after the label. */
      title: z.string().min(1),
      pages: z.array(PageRef).min(1),
      /** N printed in the title. */
      n: CheckedCount,
      /** Header of the label column, `Characteristics`. */
      stub: z.string().min(1),
      columns: z.array(TableColumn).min(1),
      /** Header of the P value column, or `null` when the table has none. */
      pValue: z.object({ label: z.string().min(1) }).strict().nullable(),
      footnotes: z.array(Footnote),
      rows: z.array(TableRow).min(1),
    })
    .strict()
    .superRefine((t, ctx) => {
      uniqueIds(ctx, t.columns, ['columns']);
      uniqueIds(ctx, t.rows, ['rows']);
      if (t.rows.some((r) => r.id === 'header')) ctx.addIssue({ code: 'custom', path: ['rows'], message: 'row id "header" is reserved' });
      const columnIds = t.columns.map((c) => c.id);
      const columnN = new Map(t.columns.map((c) => [c.id, c.n.value]));
      const defined = new Set(t.footnotes.map((f) => f.mark).filter((m) => m !== null));
      const checkMarks = (marks: readonly Mark[], path: (string | number)[]) => {
        for (const m of marks) {
          if (!defined.has(m)) ctx.addIssue({ code: 'custom', path, message: `mark "${m}" has no footnote` });
        }
      };
      const checkCells = (cells: Record<string, CountCell | QuantileCell>, path: (string | number)[]) => {
        const keys = Object.keys(cells);
        if (keys.join() !== columnIds.join()) {
          ctx.addIssue({ code: 'custom', path, message: `cells ${JSON.stringify(keys)} do not match columns ${JSON.stringify(columnIds)}` });
          return;
        }
        for (const [col, cell] of Object.entries(cells)) {
          checkMarks(cell.marks, [...path, col, 'marks']);
          if (!('denominator' in cell)) continue;
          const n = columnN.get(col);
          if (typeof n === 'number' && cell.count > n) {
            ctx.addIssue({ code: 'custom', path: [...path, col, 'count'], message: `count ${cell.count} is larger than the column N ${n}` });
          }
          const want = cell.marks.includes('+') ? null : columnN.get(col);
          if (cell.denominator !== want) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, col, 'denominator'],
              message: `denominator must be ${want === null ? 'null for a "+" cell' : `the column N ${want}`}, not ${cell.denominator}`,
            });
          }
        }
      };
      t.rows.forEach((row, i) => {
        if (!t.pages.includes(row.page)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'page'], message: `page ${row.page} is not one of the table's pages` });
        if ((t.pValue === null) !== (row.p === undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rows', i, 'p'],
            message: t.pValue === null ? 'the table has no P value column' : 'missing: the table prints a P value on every row',
          });
        }
        if (row.p) checkMarks(row.p.marks, ['rows', i, 'p', 'marks']);
        if (row.kind === 'categorical') {
          uniqueIds(ctx, row.levels, ['rows', i, 'levels']);
          row.levels.forEach((level, j) => checkCells(level.cells, ['rows', i, 'levels', j, 'cells']));
        } else {
          checkCells(row.cells, ['rows', i, 'cells']);
        }
      });
    });
}

export const Table1File = characteristicsTable('table1');
export const Table2File = characteristicsTable('table2');
export const Table3File = characteristicsTable('table3');
export type CharacteristicsTable = z.infer<typeof Table1File> | z.infer<typeof Table2File> | z.infer<typeof Table3File>;

// ---------------------------------------------------------------- Table S1

/** Hazard ratio cell `0.86 (0.76, 0.96)`, or `Ref.` (no numbers) for a reference level. */
export const EstimateCell = z
  .object({
    printed: z.string().min(1),
    hr: z.number().positive().optional(),
    lower: z.number().nonnegative().optional(),
    upper: z.number().positive().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.printed === 'Ref.') {
      for (const key of ['hr', 'lower', 'upper'] as const) {
        if (c[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `a "Ref." cell has no ${key}` });
      }
      return;
    }
    const p = parseHazardRatio(c.printed);
    if (!p) {
      ctx.addIssue({ code: 'custom', path: ['printed'], message: `printed ${show(c.printed)} is neither "Ref." nor a hazard ratio such as "0.86 (0.76, 0.96)"` });
      return;
    }
    compare(ctx, c.printed, { hr: p.hr, lower: p.lower, upper: p.upper }, c);
  });
export type EstimateCell = z.infer<typeof EstimateCell>;

const coxBase = { id: Slug, label: z.string().min(1), section: z.string().min(1).nullable(), page: PageRef, note: Note };
export const CoxLevel = z.object({ id: Slug, label: z.string().min(1), estimate: EstimateCell, p: CheckedNumber.optional(), note: Note }).strict();
export const CoxRow = z.discriminatedUnion('kind', [
  z.object({ ...coxBase, kind: z.literal('continuous'), estimate: EstimateCell, p: CheckedNumber }).strict(),
  z.object({ ...coxBase, kind: z.literal('binary'), estimate: EstimateCell, p: CheckedNumber }).strict(),
  z.object({ ...coxBase, kind: z.literal('categorical'), levels: z.array(CoxLevel).min(2) }).strict(),
]);
export type CoxRow = z.infer<typeof CoxRow>;
export type CoxLevel = z.infer<typeof CoxLevel>;

export const TableS1File = z
  .object({
    $comment: z.string().optional(),
    id: z.literal('tableS1'),
    label: z.string().min(1),
    title: z.string().min(1),
    pages: z.array(PageRef).min(1),
    n: CheckedCount,
    stub: z.string().min(1),
    /** Header spanning the two value columns. */
    spanner: z.string().min(1),
    columns: z.tuple([
      z.object({ id: z.literal('estimate'), label: z.string().min(1) }).strict(),
      z.object({ id: z.literal('p'), label: z.string().min(1) }).strict(),
    ]),
    rows: z.array(CoxRow).min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    uniqueIds(ctx, t.rows, ['rows']);
    t.rows.forEach((row, i) => {
      if (!t.pages.includes(row.page)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'page'], message: `page ${row.page} is not one of the table's pages` });
      if (row.kind !== 'categorical') {
        if (row.estimate.printed === 'Ref.') ctx.addIssue({ code: 'custom', path: ['rows', i, 'estimate'], message: 'only a level can be "Ref."' });
        return;
      }
      uniqueIds(ctx, row.levels, ['rows', i, 'levels']);
      const refs = row.levels.filter((l) => l.estimate.printed === 'Ref.').length;
      if (refs !== 1) ctx.addIssue({ code: 'custom', path: ['rows', i, 'levels'], message: `needs exactly one "Ref." level, has ${refs}` });
      row.levels.forEach((level, j) => {
        const isRef = level.estimate.printed === 'Ref.';
        if (isRef === (level.p !== undefined)) {
          ctx.addIssue({ code: 'custom', path: ['rows', i, 'levels', j, 'p'], message: isRef ? 'a "Ref." level has no P value' : 'missing P value' });
        }
      });
    });
  });
export type TableS1File = z.infer<typeof TableS1File>;

// ---------------------------------------------------------------- prose: text.json

/** Sections of the paper whose prose is transcribed. */
export const TextSection = z.enum([
  'Abstract',
  'Introduction',
  'Methods',
  'Results',
  'Results: Tumor calcification',
  'Results: Tumor arterial enhancement pattern',
  'Discussion',
  'Conclusions',
  'Figure 2 caption',
  'Figure 3 caption',
]);
export type TextSection = z.infer<typeof TextSection>;

/** What a number in a prose fragment stands for. */
export const ValueRole = z.enum([
  'count', 'denominator', 'percent', 'median', 'q1', 'q3', 'hr', 'ci-level', 'lower', 'upper', 'p',
  'threshold', 'start', 'end', 'time', 'value',
]);
export type ValueRole = z.infer<typeof ValueRole>;

export const ProseValue = z
  .object({
    role: ValueRole,
    /** The number's own characters, `59.5%`, `0.772`, `Twelve`. */
    printed: z.string().min(1),
    value: z.number(),
    relation: z.enum(['=', '<', '>']).default('='),
  })
  .strict();
export type ProseValue = z.infer<typeof ProseValue>;

const squash = (s: string) => s.replace(/\s+/g, '');
const words = (s: string) => s.trim().split(/\s+/).length;

/** Checks that `quote` is short and contains `printed` (ignoring whitespace), the paper's context for the number. */
function checkQuote(ctx: z.RefinementCtx, quote: string, maxWords: number, printed?: string): void {
  if (words(quote) > maxWords) ctx.addIssue({ code: 'custom', path: ['quote'], message: `has ${words(quote)} words, more than ${maxWords}` });
  if (printed !== undefined && !squash(quote).includes(squash(printed))) {
    ctx.addIssue({ code: 'custom', path: ['printed'], message: `${show(printed)} does not occur in the quote` });
  }
}

export const TextEntry = z
  .object({
    id: Slug,
    section: TextSection,
    page: PageRef,
    /** `result` of this study, `method` (design parameter) or `literature` (another study's number). */
    kind: z.enum(['result', 'method', 'literature']),
    /** Context, at most 20 words, a whitespace-insensitive substring of the paper's text. */
    quote: z.string().min(1),
    /** The printed fragment that holds the numbers, e.g. `N=48, 59.5%` or `Fifty-one (of 82, 62.2%)`. */
    printed: z.string().min(1),
    /** The numbers of `printed`, in order. */
    values: z.array(ProseValue).min(1),
    /** Denominator of a percentage, `stated` in the sentence or `implied` by the cohort it speaks of. */
    denominator: z.object({ value: z.number().int().positive(), basis: z.enum(['stated', 'implied']) }).strict().nullable(),
    /** Ids of the values this entry restates (`table1/gender-female/total`, `survival/fig2a/logrank-p`). */
    refersTo: z.array(ValueId).default([]),
    note: Note,
  })
  .strict()
  .superRefine((e, ctx) => {
    checkQuote(ctx, e.quote, 20, e.printed);
    const tokens = proseNumbers(e.printed);
    if (tokens.length !== e.values.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `printed ${show(e.printed)} holds ${tokens.length} numbers (${tokens.map((t) => t.printed).join(', ')}), ${e.values.length} are stored`,
      });
      return;
    }
    tokens.forEach((t, i) => {
      const v = e.values[i];
      const path = ['values', i];
      if (v.printed !== t.printed) ctx.addIssue({ code: 'custom', path: [...path, 'printed'], message: `number ${i + 1} of ${show(e.printed)} is ${show(t.printed)}, not ${show(v.printed)}` });
      else if (v.value !== t.value) ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: `printed ${show(t.printed)} parses to ${t.value}, but ${v.value} is stored` });
      else if (v.relation !== t.relation) ctx.addIssue({ code: 'custom', path: [...path, 'relation'], message: `printed relation is "${t.relation}", not "${v.relation}"` });
    });
    e.values.forEach((v, i) => {
      if (v.role === 'percent' && v.value > 100) {
        ctx.addIssue({ code: 'custom', path: ['values', i, 'value'], message: `a percentage cannot exceed 100 (${v.value} is stored)` });
      }
    });
    const roles = e.values.map((v) => v.role);
    roles.forEach((r, i) => {
      if (roles.indexOf(r) !== i) ctx.addIssue({ code: 'custom', path: ['values', i, 'role'], message: `role "${r}" used twice` });
    });
  });
export type TextEntry = z.infer<typeof TextEntry>;

export const TextFile = z
  .object({ $comment: z.string().optional(), entries: z.array(TextEntry).min(1) })
  .strict()
  .superRefine((f, ctx) => uniqueIds(ctx, f.entries, ['entries']));
export type TextFile = z.infer<typeof TextFile>;

// ---------------------------------------------------------------- claims.json

/** What a sentence says about the groups it compares. */
export const ClaimKind = z.enum(['no-difference', 'difference', 'similar-to-cohort', 'ranking', 'majority', 'all-patients', 'test-choice']);
export type ClaimKind = z.infer<typeof ClaimKind>;

/** Significance threshold of a claim: printed in the sentence (`P>0.05`) or the 0.05 of the Methods. */
export const Threshold = z
  .object({
    printed: z.string().min(1),
    value: z.number().positive(),
    relation: z.enum(['=', '<', '>']).default('='),
    source: z.enum(['stated', 'methods']),
  })
  .strict()
  .superRefine((t, ctx) => {
    const p = parseNumber(t.printed);
    if (!p) {
      ctx.addIssue({ code: 'custom', path: ['printed'], message: `printed ${show(t.printed)} is not a threshold such as "P>0.05"` });
      return;
    }
    compare(ctx, t.printed, { value: p.value, relation: p.relation }, t);
  });
export type Threshold = z.infer<typeof Threshold>;

export const Claim = z
  .object({
    id: Slug,
    section: TextSection,
    page: PageRef,
    /** Short quote, at most 25 words, a whitespace-insensitive substring of the paper's text. */
    quote: z.string().min(1),
    /** What the claim says, following its threshold. */
    kind: ClaimKind,
    /** The kind the words state, when it differs from `kind` (e.g. "were significantly associated … (P>0.05)"). */
    printedKind: ClaimKind.optional(),
    test: z.enum(['univariate comparison', 'log-rank', 'univariate Cox']).nullable(),
    threshold: Threshold.nullable(),
    /** Table rows or survival figures the claim speaks about. */
    rows: z.array(RowId).min(1),
    /** Ids of text.json entries holding the numbers printed in the sentence. */
    values: z.array(Slug).default([]),
    note: Note,
  })
  .strict()
  .superRefine((c, ctx) => {
    checkQuote(ctx, c.quote, 25);
    if (c.printedKind === c.kind) ctx.addIssue({ code: 'custom', path: ['printedKind'], message: 'set only when it differs from kind' });
    const seen = new Set<string>();
    c.rows.forEach((r, i) => {
      if (seen.has(r)) ctx.addIssue({ code: 'custom', path: ['rows', i], message: `duplicate row "${r}"` });
      seen.add(r);
    });
  });
export type Claim = z.infer<typeof Claim>;

export const ClaimsFile = z
  .object({ $comment: z.string().optional(), claims: z.array(Claim).min(1) })
  .strict()
  .superRefine((f, ctx) => uniqueIds(ctx, f.claims, ['claims']));
export type ClaimsFile = z.infer<typeof ClaimsFile>;
