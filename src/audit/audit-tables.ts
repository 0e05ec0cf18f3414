/**
 * The per-table part of the audit: every check that needs only one characteristics table
 * (percentages, rows that add up, P values of categorical rows, medians and quartiles, pooled
 * medians, identical count rows, the choice of test). The paper's Tables 1–3 (run-audit.ts) and
 * any table file (`npm run audit -- --table`, src/audit/table-file/) both go through here, so a
 * number is judged the same way wherever it comes from. Pure.
 */
import { checkCategoricalP, type CategoricalPResult, type LegendOf } from './check-categorical-p.ts';
import { checkContinuous } from './check-continuous.ts';
import { checkDenominators } from './check-denominators.ts';
import { checkIdenticalRows } from './check-identical-rows.ts';
import { checkPercentages } from './check-percentages.ts';
import { checkPooledMedians } from './check-pooled-median.ts';
import { testChoiceNotes } from './check-test-choice.ts';
import { contingencyTables, type ContingencyTable } from './contingency.ts';
import { countRows, type CountRow, type TablesOf } from './count-rows.ts';
import type { Finding } from './types.ts';

export interface TableAuditOptions {
  /** Which test the legend names for a printed P (default: the table's footnotes). */
  readonly legendOf?: LegendOf;
  /** Rows (`table2/asa`) whose tests are chosen "as appropriate", and the cell of that statement. */
  readonly testChoice?: { readonly rows: readonly string[]; readonly ruleCell: string | null };
}

export interface TableAudit {
  readonly findings: Finding[];
  readonly rows: CountRow[];
  readonly tables: ContingencyTable[];
  readonly categorical: CategoricalPResult;
}

export function auditTables(p: TablesOf, options: TableAuditOptions = {}): TableAudit {
  const rows = countRows(p);
  const tables = contingencyTables(p, rows);
  const categorical = checkCategoricalP(p, tables, options.legendOf);
  // Identical count rows whose P is not reproduced either: one problem, one finding (it carries the P).
  const identical = checkIdenticalRows(rows, categorical.findings);
  const merged = new Set(identical.filter((f) => f.verdict === 'inconsistent').flatMap((f) => f.cells));
  const pFindings = categorical.findings.filter((f) => !(f.verdict === 'inconsistent' && merged.has(f.cells[0])));
  const findings = [
    ...checkDenominators(rows),
    ...checkPercentages(rows),
    ...pFindings,
    ...(options.testChoice ? testChoiceNotes(p, options.testChoice.rows, options.testChoice.ruleCell, tables, categorical.findings) : []),
    ...identical,
    ...(['table1', 'table2', 'table3'] as const).flatMap((file) => (p[file] ? checkPooledMedians(file, p[file]) : [])),
    ...checkContinuous(p),
  ];
  return { findings, rows, tables, categorical };
}
