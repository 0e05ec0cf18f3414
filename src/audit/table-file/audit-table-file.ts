/**
 * `auditTableFile`: validates a table file (schema.ts), converts it (convert.ts) and runs the
 * same per-table checks as the paper's Tables 1–3 (src/audit/audit-tables.ts). Findings keep the
 * shape of `npm run audit -- --json`; each `location` names the table title, the row label, the
 * level label (or `null`) and the file's column id (`p` for the P value, `null` for the row).
 */
import { InputError } from '../../stats/validate.ts';
import { auditTables } from '../audit-tables.ts';
import { CONSEQUENCES, VERDICTS, type CheckId, type Consequence, type Finding, type Verdict } from '../types.ts';
import { convertTableFile } from './convert.ts';
import { TableFile } from './schema.ts';

export interface TableFileFinding extends Omit<Finding, 'location' | 'scope' | 'cells' | 'related'> {
  readonly location: { readonly table: string; readonly section: string | null; readonly row: string; readonly level: string | null; readonly column: string | null };
  /** Other places of the same finding (a grouped problem), in the same terms. */
  readonly places: readonly { readonly row: string; readonly level: string | null; readonly column: string | null }[];
}

export interface TableFileAudit {
  readonly summary: {
    readonly checked: number;
    readonly byVerdict: Readonly<Record<Verdict, number>>;
    readonly byConsequence: Readonly<Record<Exclude<Consequence, null>, number>>;
    readonly explainedByMechanism: number;
    readonly byCheck: Readonly<Partial<Record<CheckId, number>>>;
  };
  readonly findings: readonly TableFileFinding[];
}

/** Parses a table file's JSON value; throws an InputError with one line naming the field. */
export function parseTableFile(value: unknown, name: string): TableFile {
  const parsed = TableFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new InputError(`${name}: ${path}: ${issue.message}`, undefined, path);
  }
  return parsed.data;
}

export function auditTableFile(t: TableFile): TableFileAudit {
  const c = convertTableFile(t);
  const rowsWithP = c.table.rows.filter((r) => r.kind !== 'continuous' && r.p).map((r) => `${c.file}/${r.id}`);
  const { findings } = auditTables(
    { [c.file]: c.table },
    {
      legendOf: (_table, printed) => c.legend(printed.marks.includes('*')),
      testChoice: t.testsAsAppropriate ? { rows: rowsWithP, ruleCell: null } : undefined,
    },
  );
  const out: TableFileFinding[] = findings.map((f) => {
    const here = c.locations.get(f.cells[0]) ?? { row: f.location.row, level: null, column: null };
    const { location: _l, scope: _s, cells, related: _r, ...rest } = f;
    return {
      ...rest,
      location: { table: t.title, section: f.location.section, ...here },
      places: cells.slice(1).map((cell) => c.locations.get(cell)).filter((x) => x !== undefined),
    };
  });
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const byConsequence = Object.fromEntries(CONSEQUENCES.map((k) => [k, 0])) as Record<Exclude<Consequence, null>, number>;
  const byCheck: Partial<Record<CheckId, number>> = {};
  let explainedByMechanism = 0;
  for (const f of out) {
    byVerdict[f.verdict]++;
    if (f.consequence) byConsequence[f.consequence]++;
    if (f.verdict === 'consistent' && f.explainedBy.length) explainedByMechanism++;
    byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
  }
  return { summary: { checked: out.length, byVerdict, byConsequence, explainedByMechanism, byCheck }, findings: out };
}
