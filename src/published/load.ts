/**
 * Loads every file of `data/published/`, validates each with its schema and the references
 * between them, and flattens the lot into one list of printed values.
 *
 * Value ids are `file/row/column`:
 * - tables: `table2/age/no`, `table2/insurance.private/total`, `table2/insurance/p`,
 *   `table2/header/yes` (the group N printed in the column header or title);
 * - Table S1: `tableS1/bmi/estimate`, `tableS1/bmi/p`, `tableS1/insurance.private/estimate` (`Ref.`);
 * - survival: `survival/cohort/n`, `survival/calcification/n`, `survival/calcification.yes/n`,
 *   `survival/fig2a.no/t20` (number at risk at 20 months), `survival/fig2a/logrank-p`,
 *   `survival/rfs-cohort/median-iqr`, `survival/followup-cohort/median-iqr`;
 * - prose: `text/abs-female/printed`.
 * Row ids (claims) are the first two parts: `table2/insurance`, `table1/enhancement.hypo`, `survival/fig2a`.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../stats/validate.ts';
import type { Mark, Relation } from './parse-printed.ts';
import { displayName, readPublishedJson } from './read-json.ts';
import {
  ClaimsFile,
  Table1File,
  Table2File,
  Table3File,
  TableS1File,
  TextFile,
  type CharacteristicsTable,
  type CheckedNumber,
  type CountCell,
  type EstimateCell,
  type PageRef,
  type PublishedFileId,
  type QuantileCell,
} from './schemas.ts';
import { SurvivalFile } from './survival-schema.ts';

export interface Published {
  readonly table1: CharacteristicsTable;
  readonly table2: CharacteristicsTable;
  readonly table3: CharacteristicsTable;
  readonly tableS1: TableS1File;
  readonly text: TextFile;
  readonly claims: ClaimsFile;
  readonly survival: SurvivalFile;
}

/** File names of `data/published/`, by key of {@link Published}. */
export const PUBLISHED_FILES = {
  table1: 'table1.json',
  table2: 'table2.json',
  table3: 'table3.json',
  tableS1: 'tableS1.json',
  text: 'text.json',
  claims: 'claims.json',
  survival: 'survival.json',
} as const satisfies Record<keyof Published, string>;

/** What a flattened value is. */
export type FlatKind = 'n' | 'count' | 'quantiles' | 'p' | 'hr' | 'ref' | 'at-risk' | 'prose';

/** One printed value of the paper with everything needed to find and compare it. */
export interface FlatValue {
  /** `file/row/column`. */
  readonly id: string;
  readonly file: PublishedFileId;
  readonly kind: FlatKind;
  readonly location: {
    readonly page: PageRef;
    readonly table?: string;
    readonly figure?: string;
    readonly section?: string;
    readonly row: string;
    readonly column: string;
  };
  /** Label as printed: row or level label, column label for group Ns, the quote for prose; survival quartiles get `RFS, No calcifications`. */
  readonly label: string;
  /** Label of the categorical variable a level belongs to, else `null`. */
  readonly variable: string | null;
  /** Printed table section header (`Primary tumor`), text section (`Results`), or `null`. */
  readonly section: string | null;
  /** Column header as printed, when there is one. */
  readonly columnLabel: string | null;
  /** Exactly as printed: `34 (64.1)+`, `0.017*`, `N/A`, `Ref.`, `N=48, 59.5%`. */
  readonly printed: string;
  /** Parsed numbers by name: count/percent, median/q1/q3, hr/lower/upper, p, n, atRisk/time, or prose roles. Empty for `N/A` and `Ref.`. */
  readonly numbers: Readonly<Record<string, number>>;
  /** `<` or `>` when printed as an inequality (`<0.001`, `P>0.05`). */
  readonly relation: Relation;
  readonly marks: readonly Mark[];
  /** Denominator of a percentage when known (column N for unmarked count cells, stated/implied for prose), else `null`. */
  readonly denominator: number | null;
  /** N of the column's group, when the value belongs to a group column. */
  readonly groupN: number | null;
}

function fail(dir: string, file: string, path: (string | number)[], message: string): never {
  const name = displayName(join(dir, file));
  throw new InputError(`${name}: ${path.join('.')}: ${message}`, undefined, path.join('.'));
}

/**
 * Reads and validates every file of `dir`, then checks references between files
 * (text `refersTo`, claim `rows` and `values`). Throws an `InputError` with one line naming the
 * file and JSON path of the first problem.
 */
export function loadPublished(dir = 'data/published'): Published {
  const published: Published = {
    table1: readPublishedJson(join(dir, PUBLISHED_FILES.table1), Table1File),
    table2: readPublishedJson(join(dir, PUBLISHED_FILES.table2), Table2File),
    table3: readPublishedJson(join(dir, PUBLISHED_FILES.table3), Table3File),
    tableS1: readPublishedJson(join(dir, PUBLISHED_FILES.tableS1), TableS1File),
    text: readPublishedJson(join(dir, PUBLISHED_FILES.text), TextFile),
    claims: readPublishedJson(join(dir, PUBLISHED_FILES.claims), ClaimsFile),
    survival: readPublishedJson(join(dir, PUBLISHED_FILES.survival), SurvivalFile),
  };
  checkReferences(published, dir);
  return published;
}

function checkReferences(p: Published, dir: string): void {
  const values = new Set(flattenPublished(p).map((v) => v.id));
  const rows = rowIds(p);
  const entries = new Set(p.text.entries.map((e) => e.id));
  p.text.entries.forEach((e, i) => {
    e.refersTo.forEach((ref, j) => {
      if (ref.startsWith('text/')) fail(dir, PUBLISHED_FILES.text, ['entries', i, 'refersTo', j], `refers to another text entry "${ref}"`);
      if (!values.has(ref)) fail(dir, PUBLISHED_FILES.text, ['entries', i, 'refersTo', j], `unknown value "${ref}"`);
    });
  });
  p.claims.claims.forEach((c, i) => {
    c.rows.forEach((r, j) => {
      if (!rows.has(r)) fail(dir, PUBLISHED_FILES.claims, ['claims', i, 'rows', j], `unknown row "${r}"`);
    });
    c.values.forEach((v, j) => {
      if (!entries.has(v)) fail(dir, PUBLISHED_FILES.claims, ['claims', i, 'values', j], `unknown text entry "${v}"`);
    });
  });
}

/** Every row id a claim may name: table rows and levels, Table S1 rows and levels, survival figures. */
export function rowIds(p: Published): Set<string> {
  const ids = new Set<string>();
  for (const file of ['table1', 'table2', 'table3'] as const) {
    for (const row of p[file].rows) {
      ids.add(`${file}/${row.id}`);
      if (row.kind === 'categorical') for (const level of row.levels) ids.add(`${file}/${row.id}.${level.id}`);
    }
  }
  for (const row of p.tableS1.rows) {
    ids.add(`tableS1/${row.id}`);
    if (row.kind === 'categorical') for (const level of row.levels) ids.add(`tableS1/${row.id}.${level.id}`);
  }
  for (const fig of p.survival.figures) ids.add(`survival/${fig.id}`);
  return ids;
}

// ---------------------------------------------------------------- flattening

function countValue(cell: CountCell): Pick<FlatValue, 'kind' | 'numbers' | 'marks' | 'denominator'> {
  return { kind: 'count', numbers: { count: cell.count, percent: cell.percent }, marks: cell.marks, denominator: cell.denominator };
}

function quantileValue(cell: QuantileCell): Pick<FlatValue, 'kind' | 'numbers' | 'marks' | 'denominator'> {
  return { kind: 'quantiles', numbers: { median: cell.median, q1: cell.q1, q3: cell.q3 }, marks: cell.marks, denominator: null };
}

function flattenTable(file: 'table1' | 'table2' | 'table3', t: CharacteristicsTable): FlatValue[] {
  const out: FlatValue[] = [];
  const base = (page: PageRef, row: string, column: string, section: string | null) => ({
    id: `${file}/${row}/${column}`,
    file,
    location: { page, table: t.label, ...(section ? { section } : {}), row, column },
  });
  for (const col of t.columns) {
    out.push({
      ...base(t.pages[0], 'header', col.id, null),
      kind: 'n',
      label: col.label,
      variable: null,
      section: null,
      columnLabel: col.label,
      printed: col.n.printed,
      numbers: { n: col.n.value as number },
      relation: '=',
      marks: [],
      denominator: null,
      groupN: col.n.value,
    });
  }
  for (const row of t.rows) {
    const cells = (rowPath: string, label: string, variable: string | null, cellMap: Record<string, CountCell | QuantileCell>) => {
      for (const col of t.columns) {
        const cell = cellMap[col.id];
        out.push({
          ...base(row.page, rowPath, col.id, row.section),
          ...('count' in cell ? countValue(cell) : quantileValue(cell)),
          label,
          variable,
          section: row.section,
          columnLabel: col.label,
          printed: cell.printed,
          relation: '=',
          groupN: col.n.value,
        });
      }
    };
    if (row.p) {
      out.push({
        ...base(row.page, row.id, 'p', row.section),
        kind: 'p',
        label: row.label,
        variable: null,
        section: row.section,
        columnLabel: t.pValue?.label ?? null,
        printed: row.p.printed,
        numbers: row.p.value === null ? {} : { p: row.p.value },
        relation: row.p.relation,
        marks: row.p.marks,
        denominator: null,
        groupN: null,
      });
    }
    if (row.kind === 'categorical') {
      for (const level of row.levels) cells(`${row.id}.${level.id}`, level.label, row.label, level.cells);
    } else {
      cells(row.id, row.label, null, row.cells);
    }
  }
  return out;
}

function flattenS1(t: TableS1File): FlatValue[] {
  const out: FlatValue[] = [];
  const [estimateCol, pCol] = t.columns;
  const push = (
    page: PageRef,
    section: string | null,
    rowPath: string,
    label: string,
    variable: string | null,
    estimate: EstimateCell,
    p: CheckedNumber | undefined,
  ) => {
    const base = (column: string) => ({
      id: `tableS1/${rowPath}/${column}`,
      file: 'tableS1' as const,
      location: { page, table: t.label, ...(section ? { section } : {}), row: rowPath, column },
      label,
      variable,
      section,
      denominator: null,
      groupN: t.n.value,
    });
    const isRef = estimate.hr === undefined;
    out.push({
      ...base(estimateCol.id),
      kind: isRef ? 'ref' : 'hr',
      columnLabel: estimateCol.label,
      printed: estimate.printed,
      numbers: isRef ? {} : { hr: estimate.hr as number, lower: estimate.lower as number, upper: estimate.upper as number },
      relation: '=',
      marks: [],
    });
    if (p) {
      out.push({
        ...base(pCol.id),
        kind: 'p',
        columnLabel: pCol.label,
        printed: p.printed,
        numbers: p.value === null ? {} : { p: p.value },
        relation: p.relation,
        marks: p.marks,
      });
    }
  };
  for (const row of t.rows) {
    if (row.kind === 'categorical') {
      for (const level of row.levels) push(row.page, row.section, `${row.id}.${level.id}`, level.label, row.label, level.estimate, level.p);
    } else {
      push(row.page, row.section, row.id, row.label, null, row.estimate, row.p);
    }
  }
  return out;
}

function flattenSurvival(s: SurvivalFile): FlatValue[] {
  const out: FlatValue[] = [];
  const common = { file: 'survival' as const, variable: null, relation: '=' as const, marks: [], denominator: null };
  out.push({
    ...common,
    id: 'survival/cohort/n',
    kind: 'n',
    location: { ...s.cohort.location, row: 'cohort', column: 'n' },
    label: 'Cohort',
    section: s.cohort.location.section ?? null,
    columnLabel: null,
    printed: s.cohort.n.printed,
    numbers: { n: s.cohort.n.value as number },
    groupN: s.cohort.n.value,
  });
  for (const g of s.groupings) {
    out.push({
      ...common,
      id: `survival/${g.id}/n`,
      kind: 'n',
      location: { ...g.location, row: g.id, column: 'n' },
      label: g.label,
      section: null,
      columnLabel: null,
      printed: g.n.printed,
      numbers: { n: g.n.value as number },
      groupN: g.n.value,
    });
    for (const group of g.groups) {
      out.push({
        ...common,
        id: `survival/${g.id}.${group.id}/n`,
        kind: 'n',
        location: { ...g.location, row: `${g.id}.${group.id}`, column: 'n' },
        label: group.label,
        variable: g.label,
        section: null,
        columnLabel: null,
        printed: group.n.printed,
        numbers: { n: group.n.value as number },
        groupN: group.n.value,
      });
    }
  }
  for (const fig of s.figures) {
    const grouping = s.groupings.find((g) => g.id === fig.grouping);
    for (const [groupId, counts] of Object.entries(fig.atRisk)) {
      const group = grouping?.groups.find((g) => g.id === groupId);
      counts.forEach((printed, i) => {
        const time = fig.times[i];
        out.push({
          ...common,
          id: `survival/${fig.id}.${groupId}/t${time}`,
          kind: 'at-risk',
          location: { page: fig.page, figure: fig.figure, row: `${fig.id}.${groupId}`, column: `t${time}` },
          label: group?.label ?? groupId,
          variable: 'Number at risk',
          section: null,
          columnLabel: `${time} months`,
          printed,
          numbers: { atRisk: Number(printed), time },
          groupN: group?.n.value ?? null,
        });
      });
    }
    out.push({
      ...common,
      id: `survival/${fig.id}/logrank-p`,
      kind: 'p',
      location: { page: fig.page, figure: fig.figure, row: fig.id, column: 'logrank-p' },
      label: `${fig.figure} log-rank test`,
      section: null,
      columnLabel: null,
      printed: fig.logrankP.printed,
      numbers: fig.logrankP.value === null ? {} : { p: fig.logrankP.value },
      relation: fig.logrankP.relation,
      marks: fig.logrankP.marks,
      groupN: null,
    });
  }
  const groupOf = (grouping: string, group: string) => {
    const g = s.groupings.find((x) => x.id === grouping)?.groups.find((x) => x.id === group);
    return g ? { label: g.label, n: g.n.value } : { label: 'Entire cohort', n: s.cohort.n.value };
  };
  const quartiles = [
    ...s.quantiles.map((q) => ({ q, what: q.endpoint === 'rfs' ? 'RFS' : 'OS', group: groupOf(q.grouping, q.group) })),
    { q: s.followUp, what: 'Follow-up', group: groupOf('all', 'all') },
  ];
  for (const { q, what, group } of quartiles) {
    out.push({
      ...common,
      id: `survival/${q.id}/median-iqr`,
      kind: 'quantiles',
      location: { ...q.location, row: q.id, column: 'median-iqr' },
      label: `${what}, ${group.label}`,
      section: q.location.section ?? null,
      columnLabel: null,
      printed: q.printed,
      numbers: { median: q.median.value as number, q1: q.q25.value as number, q3: q.q75.value as number },
      groupN: group.n,
    });
  }
  return out;
}

function flattenText(t: TextFile): FlatValue[] {
  return t.entries.map((e) => ({
    id: `text/${e.id}/printed`,
    file: 'text' as const,
    kind: 'prose' as const,
    location: { page: e.page, section: e.section, row: e.id, column: 'printed' },
    label: e.quote,
    variable: null,
    section: e.section,
    columnLabel: null,
    printed: e.printed,
    numbers: Object.fromEntries(e.values.map((v) => [v.role, v.value])),
    relation: e.values.find((v) => v.relation !== '=')?.relation ?? '=',
    marks: [],
    denominator: e.denominator?.value ?? null,
    groupN: null,
  }));
}

/**
 * Every printed value of the paper, one entry per printed cell or prose fragment, in file order:
 * Tables 1, 2, 3, S1, survival numbers, then prose. Claims hold no values of their own.
 */
export function flattenPublished(p: Published): FlatValue[] {
  return [
    ...flattenTable('table1', p.table1),
    ...flattenTable('table2', p.table2),
    ...flattenTable('table3', p.table3),
    ...flattenS1(p.tableS1),
    ...flattenSurvival(p.survival),
    ...flattenText(p.text),
  ];
}

/** The `value` of a text.json entry by role, e.g. `textEntryValue(p, 'res-prior-tace', 'count')`; throws when absent. */
export function textEntryValue(p: Pick<Published, 'text'>, id: string, role: string): number {
  const entry = p.text.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no text.json entry "${id}"`);
  const value = entry.values.find((v) => v.role === role);
  if (!value || value.value === null) throw new Error(`text.json entry "${id}" has no value "${role}"`);
  return value.value;
}

/** All published files as one zod schema: what `npm run data` writes to src/generated/published.json. */
export const PublishedFiles = z
  .object({
    table1: Table1File,
    table2: Table2File,
    table3: Table3File,
    tableS1: TableS1File,
    text: TextFile,
    claims: ClaimsFile,
    survival: SurvivalFile,
  })
  .strict();
