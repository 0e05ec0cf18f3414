/**
 * Runs every check of the audit over the published numbers and collects the findings in a
 * deterministic order: by where their first cell is printed (Tables 1, 2, 3, S1, the figures'
 * numbers at risk and log-rank P values, then the numbers and claims of the prose), then by
 * check. Pure: no I/O; the fidelity report of the reconstruction, if any, comes in `options`.
 */
import { flattenPublished, type Published } from '../published/load.ts';
import {
  atRiskCell,
  claimCell,
  coxCell,
  headerCell,
  logrankCell,
  pCell,
  rowCell,
  textCell,
  valueCell,
} from './anchors.ts';
import { auditTables } from './audit-tables.ts';
import { checkClaims } from './check-claims.ts';
import { checkCox } from './check-cox.ts';
import { checkCoxDuplicates } from './check-cox-duplicates.ts';
import { checkCrossTable } from './check-cross-table.ts';
import { checkGroupSizes } from './check-group-sizes.ts';
import { checkInclusion } from './check-inclusion.ts';
import { checkSurvival, type Fidelity } from './check-survival.ts';
import { checkTextNumbers, cellDenominators } from './check-text-numbers.ts';
import { checkTextVsText } from './check-text-vs-text.ts';
import { SCOPES, VERDICTS, type AuditResult, type AuditSummary, type CheckId, type Finding, type Scope, type Verdict } from './types.ts';

export interface AuditOptions {
  /** What the reconstruction's fidelity report says (`readFidelity`), or `null`/absent when there is none. */
  readonly fidelity?: Fidelity | null;
  readonly fidelitySource?: string;
}

const CHECK_ORDER: readonly CheckId[] = [
  'group-sizes',
  'denominators',
  'percentage',
  'cross-table',
  'categorical-p',
  'continuous',
  'cox',
  'cox-duplicate-ci',
  'survival',
  'text-number',
  'text-vs-text',
  'claim',
  'pooled-median',
  'identical-rows',
  'test-choice',
  'inclusion',
];

/** Every cell id of /tables/ in reading order. */
export function cellOrder(p: Published): string[] {
  const out: string[] = [];
  for (const file of ['table1', 'table2', 'table3'] as const) {
    const t = p[file];
    for (const c of t.columns) out.push(headerCell(file, c.id));
    for (const row of t.rows) {
      out.push(rowCell(file, row.id));
      if (row.kind === 'categorical') {
        if (row.p) out.push(pCell(file, row.id));
        for (const l of row.levels) {
          out.push(rowCell(file, row.id, l.id));
          for (const c of t.columns) out.push(valueCell(file, row.id, l.id, c.id));
        }
      } else {
        for (const c of t.columns) out.push(valueCell(file, row.id, null, c.id));
        if (row.p) out.push(pCell(file, row.id));
      }
    }
  }
  for (const row of p.tableS1.rows) {
    out.push(rowCell('tableS1', row.id));
    if (row.kind === 'categorical') {
      for (const l of row.levels) out.push(rowCell('tableS1', row.id, l.id), coxCell(row.id, l.id, 'est'), coxCell(row.id, l.id, 'p'));
    } else {
      out.push(coxCell(row.id, null, 'est'), coxCell(row.id, null, 'p'));
    }
  }
  for (const fig of p.survival.figures) {
    for (const g of Object.keys(fig.atRisk)) {
      out.push(`${fig.id}-${g}`);
      for (const t of fig.times) out.push(atRiskCell(fig.id, g, t));
    }
    out.push(logrankCell(fig.id));
  }
  for (const e of p.text.entries) out.push(textCell(e.id));
  for (const c of p.claims.claims) out.push(claimCell(c.id));
  return out;
}

function summarise(findings: readonly Finding[]): AuditSummary {
  const zero = () => Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const byVerdict = zero();
  const byConsequence = { conclusion: 0, number: 0, presentation: 0 };
  let explainedByMechanism = 0;
  const byTable = Object.fromEntries(SCOPES.map((s) => [s, { ...zero(), total: 0 }])) as Record<Scope, Record<Verdict, number> & { total: number }>;
  const byCheck: Partial<Record<CheckId, number>> = {};
  for (const f of findings) {
    byVerdict[f.verdict]++;
    if (f.consequence) byConsequence[f.consequence]++;
    if (f.verdict === 'consistent' && f.explainedBy.length) explainedByMechanism++;
    byTable[f.scope][f.verdict]++;
    byTable[f.scope].total++;
    byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
  }
  return { checked: findings.length, byVerdict, byConsequence, explainedByMechanism, byTable, byCheck };
}

/** Runs the audit. Deterministic: same input, same findings in the same order with the same ids. */
export function runAudit(published: Published, options: AuditOptions = {}): AuditResult {
  const flat = new Map(flattenPublished(published).map((v) => [v.id, v]));
  const testRule = published.claims.claims.find((c) => c.kind === 'test-choice');
  const perTable = auditTables(published, { testChoice: testRule ? { rows: testRule.rows, ruleCell: claimCell(testRule.id) } : undefined });
  const { rows, categorical } = perTable;
  // A CI shared by rows with different HRs is one problem: its finding covers those rows' HR/CI/P checks.
  const duplicates = checkCoxDuplicates(published);
  const grouped = new Set(duplicates.filter((f) => f.verdict === 'inconsistent').flatMap((f) => f.cells));
  const all: Finding[] = [
    ...checkGroupSizes(published, rows),
    ...perTable.findings,
    ...checkCrossTable(published, rows),
    ...checkCox(published, { grouped }),
    ...duplicates,
    ...checkSurvival(published, { fidelity: options.fidelity ?? null, fidelitySource: options.fidelitySource }),
    ...checkTextNumbers(published.text.entries, flat, cellDenominators(rows)),
    ...checkTextVsText(published.text.entries, flat),
    ...checkClaims(published, flat, rows, categorical.byRow),
    ...checkInclusion(published, rows),
  ];
  const order = new Map(cellOrder(published).map((id, i) => [id, i]));
  const seen = new Set<string>();
  for (const f of all) {
    if (seen.has(f.id)) throw new Error(`duplicate finding id ${f.id}`);
    seen.add(f.id);
    if (!order.has(f.cells[0])) throw new Error(`finding ${f.id} points at unknown cell ${f.cells[0]}`);
  }
  const findings = all
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        order.get(a.f.cells[0])! - order.get(b.f.cells[0])! ||
        CHECK_ORDER.indexOf(a.f.check) - CHECK_ORDER.indexOf(b.f.check) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
  return { summary: summarise(findings), findings };
}
