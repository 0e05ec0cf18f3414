/**
 * How audit findings are shown: badge symbol and word per verdict, the worst verdict of a cell,
 * findings grouped by the cell they badge, and a short form of what was recomputed.
 * Symbols always come with a word (visible or visually hidden), never colour alone.
 */
import type { AuditResult, Consequence, Finding, Scope } from '../../audit/types.ts';
import type { Published } from '../../published/load.ts';
import { atRiskCell, claimCell, coxCell, headerCell, logrankCell, partOfCell, pCell, rowCell, textCell, valueCell } from '../../audit/anchors.ts';
import type { TablePart } from '../../audit/anchors.ts';
import { href } from '../../lib/paths.ts';

/** Badge kinds: one per verdict. */
export type BadgeKind = 'consistent' | 'other-test' | 'note' | 'inconsistent' | 'recomputed' | 'cannot-check';

export interface BadgeInfo {
  readonly kind: BadgeKind;
  readonly symbol: string;
  /** Short word shown or read with the symbol. */
  readonly word: string;
  /** One-line meaning, for legends and filters. */
  readonly meaning: string;
}

export const BADGES: readonly BadgeInfo[] = [
  { kind: 'inconsistent', symbol: '✗', word: 'inconsistent', meaning: 'neither rounding nor any benign mechanism we tried explains it' },
  { kind: 'note', symbol: '•', word: 'note', meaning: 'a neutral remark on notation or the choice of a test; the numbers agree' },
  { kind: 'other-test', symbol: '≈', word: 'other test', meaning: 'the P value matches another usual test than the legend names' },
  { kind: 'recomputed', symbol: '⊕', word: 'recomputed', meaning: 'the paper prints N/A; we show our own number' },
  { kind: 'cannot-check', symbol: '?', word: 'cannot check', meaning: 'needs patient-level data that are not published' },
  { kind: 'consistent', symbol: '✓', word: 'consistent', meaning: 'agrees with the other printed numbers, by rounding or a named benign mechanism' },
];

const BY_KIND = new Map(BADGES.map((b) => [b.kind, b]));

export function badgeKind(f: Finding): BadgeKind {
  switch (f.verdict) {
    case 'consistent':
      return 'consistent';
    case 'consistent-other-test':
      return 'other-test';
    case 'inconsistent':
      return 'inconsistent';
    case 'note':
      return 'note';
    case 'recomputed':
      return 'recomputed';
    case 'cannot-check':
      return 'cannot-check';
  }
}

export const badgeOf = (f: Finding): BadgeInfo => BY_KIND.get(badgeKind(f))!;

/** The badge that matters most among a cell's findings (order of {@link BADGES}). */
export function worstBadge(findings: readonly Finding[]): BadgeInfo {
  const kinds = new Set(findings.map(badgeKind));
  return BADGES.find((b) => kinds.has(b.kind)) ?? BY_KIND.get('consistent')!;
}

/** Findings by the cells they badge. */
/** The findings of each cell, by the cell's anchor id: what every audited table and list is given. */
export type FindingsByCell = ReadonlyMap<string, Finding[]>;

export function findingsByCell(audit: AuditResult): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of audit.findings) {
    for (const c of f.cells) out.set(c, [...(out.get(c) ?? []), f]);
  }
  return out;
}

const p4 = (p: unknown) => (typeof p === 'number' ? (p < 0.0001 ? '<0.0001' : p.toFixed(4)) : '–');

/** What we recomputed, in a few characters, to show beside the printed value. */
export function recomputedShort(f: Finding): string {
  const r = f.recomputed;
  switch (f.check) {
    case 'categorical-p': {
      const parts = [`Fisher ${p4(r.fisher)}`, `χ² ${p4(r.chisq)}`];
      if (typeof r.likelihoodRatio === 'number') parts.push(`LR ${p4(r.likelihoodRatio)}`);
      if (typeof r.fisherOneSided === 'number') parts.push(`one-sided Fisher ${p4(r.fisherOneSided)}`);
      return parts.join(' · ');
    }
    case 'percentage':
      return typeof r.percent === 'number' ? `${r.percent.toFixed(2)}% of ${(r.denominators ?? [])[0]}` : '';
    case 'cox':
      return typeof r.p === 'number' ? `P ${p4(r.p)}` : '';
    case 'text-number':
      return typeof r.percent === 'number' ? `${r.percent.toFixed(2)}%` : '';
    case 'survival':
      return typeof r.p === 'number' ? `reconstruction P ${p4(r.p)}` : '';
    default:
      return '';
  }
}

/** The check's name for people. */
export const CHECK_NAMES: Readonly<Record<Finding['check'], string>> = {
  percentage: 'Percentage of a count',
  denominators: 'Row adds up',
  'categorical-p': 'P value of a categorical row',
  continuous: 'Median [IQR] row',
  cox: 'Hazard ratio, CI and P',
  'cox-duplicate-ci': 'Duplicated CI',
  claim: 'Statement in the text',
  'text-number': 'Number in the text',
  'text-vs-text': 'Two numbers in the text',
  'cross-table': 'Subgroup against whole cohort',
  'group-sizes': 'Group sizes',
  survival: 'Survival figure',
  'pooled-median': 'Pooled median within its groups',
  'identical-rows': 'Rows with identical counts',
  inclusion: 'Methods against Results',
  'test-choice': 'Choice of test',
};

/** `Table 2 · ASA class › II · No calcifications present (N=45), N (%)`. */
export function whereText(f: Finding): string {
  const l = f.location;
  const page = l.page === null ? null : l.page === 'supplementary' ? 'supplement' : `p. ${l.page}`;
  return [l.table, l.section, l.row, l.column, page].filter((x) => x !== null && x !== '').join(' · ');
}

/**
 * A short name for every cell of /tables/, for link text on /audit/:
 * `Table 2, ASA class II, No calcifications present`, `Table S1, BMI, P value`, `Figure 2A, log-rank P`.
 */
export function cellLabels(p: Published): Map<string, string> {
  const out = new Map<string, string>();
  const short = (label: string) => label.replace(/\s*\(N=\d+\).*$/, '').replace(/,\s*N \(%\)$/, '');
  for (const file of ['table1', 'table2', 'table3'] as const) {
    const t = p[file];
    for (const c of t.columns) out.set(headerCell(file, c.id), `${t.label}, group size, ${short(c.label)}`);
    for (const row of t.rows) {
      out.set(rowCell(file, row.id), `${t.label}, ${row.label}`);
      if (row.p) out.set(pCell(file, row.id), `${t.label}, ${row.label}, P value`);
      if (row.kind === 'categorical') {
        for (const l of row.levels) for (const c of t.columns) out.set(valueCell(file, row.id, l.id, c.id), `${t.label}, ${row.label} ${l.label}, ${short(c.label)}`);
      } else {
        for (const c of t.columns) out.set(valueCell(file, row.id, null, c.id), `${t.label}, ${row.label}, ${short(c.label)}`);
      }
    }
  }
  for (const row of p.tableS1.rows) {
    if (row.kind === 'categorical') {
      for (const l of row.levels) {
        out.set(coxCell(row.id, l.id, 'est'), `Table S1, ${row.label} ${l.label}, hazard ratio`);
        out.set(coxCell(row.id, l.id, 'p'), `Table S1, ${row.label} ${l.label}, P value`);
      }
    } else {
      out.set(coxCell(row.id, null, 'est'), `Table S1, ${row.label}, hazard ratio`);
      out.set(coxCell(row.id, null, 'p'), `Table S1, ${row.label}, P value`);
    }
  }
  for (const fig of p.survival.figures) {
    const grouping = p.survival.groupings.find((g) => g.id === fig.grouping);
    for (const g of grouping?.groups ?? []) {
      out.set(`${fig.id}-${g.id}`, `${fig.figure}, numbers at risk, ${g.label}`);
      for (const t of fig.times) out.set(atRiskCell(fig.id, g.id, t), `${fig.figure}, at risk at ${t} months, ${g.label}`);
    }
    out.set(logrankCell(fig.id), `${fig.figure}, log-rank P`);
  }
  for (const e of p.text.entries) out.set(textCell(e.id), `${e.section}, “${e.printed}”`);
  for (const c of p.claims.claims) out.set(claimCell(c.id), `${c.section}, statement`);
  return out;
}

/** Words for what a problem affects. */
export const CONSEQUENCE_WORDS: Readonly<Record<Exclude<Consequence, null>, string>> = {
  conclusion: 'Bears on a conclusion',
  number: 'A reported number',
  presentation: 'Presentation',
};

const CONSEQUENCE_ORDER: readonly Exclude<Consequence, null>[] = ['conclusion', 'number', 'presentation'];

/** The distinct problems (inconsistent findings), by consequence, in reading order within each. */
export function problemsInOrder(findings: readonly Finding[]): Finding[] {
  return findings
    .filter((f) => f.verdict === 'inconsistent')
    .map((f, i) => ({ f, i }))
    .sort((a, b) => CONSEQUENCE_ORDER.indexOf(a.f.consequence ?? 'number') - CONSEQUENCE_ORDER.indexOf(b.f.consequence ?? 'number') || a.i - b.i)
    .map(({ f }) => f);
}

/** The part pages of /audit/: one per part of the paper, so no page lists every check at once. */
export const PART_SLUGS: Readonly<Record<Scope, TablePart>> = {
  'Table 1': 'table-1',
  'Table 2': 'table-2',
  'Table 3': 'table-3',
  'Table S1': 'table-s1',
  Figures: 'figures',
  Text: 'text',
};

/**
 * The first sentence of an explanation, the lead shown for a problem (the rest, the evidence and
 * the alternatives considered, sits behind a disclosure). Sentences end at ". " before a capital
 * letter, so decimals, "P=0.046" and "Results: Tumor …" do not split.
 */
export function splitLead(explanation: string): { lead: string; rest: string } {
  const m = /^(.+?\.)\s+(?=[A-Z“"])/.exec(explanation);
  if (!m || m[1].length < 40) return { lead: explanation, rest: '' };
  return { lead: m[1], rest: explanation.slice(m[0].length) };
}

/** The title of each part's table page (/tables/<part>/), in the paper's order. */
export const TABLE_PART_TITLES: Readonly<Record<TablePart, string>> = {
  'table-1': 'Table 1: all 82 patients',
  'table-2': 'Table 2: with and without calcifications',
  'table-3': 'Table 3: by arterial enhancement',
  'table-s1': 'Table S1: Cox regression for overall survival',
  figures: 'Numbers under Figures 2 and 3',
  text: 'Numbers and statements in the text',
};

/** The link to a cell on its part's table page: `t2-asa-p` → `/tables/table-2/#t2-asa-p`. */
export const cellHref = (cell: string): string => href(`tables/${partOfCell(cell)}/#${cell}`);

/**
 * The text of a cell's audit note, findings in the order given (worst first), one paragraph each,
 * paragraphs and lines separated by newlines (shown with `white-space: pre-line`):
 * `Consistent · P value of a categorical row`, the explanation, `Recomputed: …`.
 */
export function noteText(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const b = badgeOf(f);
      const ours = recomputedShort(f);
      const word = b.word.charAt(0).toUpperCase() + b.word.slice(1);
      return [`${word} · ${CHECK_NAMES[f.check]}`, f.explanation, ...(ours ? [`Recomputed: ${ours}`] : [])].join('\n');
    })
    .join('\n\n');
}

/** Rows that carry the printed section header they stand under (null: none). */
export interface Sectioned {
  readonly section: string | null;
}

/**
 * Consecutive rows under the same printed section header, as one group each (one `<tbody>` per
 * group in Tables 1–3 and S1); a header that comes back later starts a new group, as printed.
 */
export function sectionsOf<R extends Sectioned>(rows: readonly R[]): { header: string | null; rows: R[] }[] {
  const sections: { header: string | null; rows: R[] }[] = [];
  for (const row of rows) {
    const last = sections.at(-1);
    if (last && last.header === row.section) last.rows.push(row);
    else sections.push({ header: row.section, rows: [row] });
  }
  return sections;
}
