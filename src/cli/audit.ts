/**
 * `npm run audit [-- --json] [--dir data/published] [--fidelity data/reconstructed/fidelity.json]`
 * `npm run audit -- --table <file.json> [--json]`: the same per-table checks on any baseline table
 * given in the schema of src/audit/table-file/schema.ts.
 *
 * Audits every printed number of the paper (src/audit/) and prints a readable report: counts by
 * verdict and by table, then each finding. `--json` prints `{ "summary": …, "findings": […] }`
 * instead. Bad data/published files: one line naming the file and JSON path, exit code 1.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readFidelity, type Fidelity } from '../audit/check-survival.ts';
import { runAudit } from '../audit/run-audit.ts';
import { SCOPES, VERDICTS, type AuditResult, type Finding, type Verdict } from '../audit/types.ts';
import { loadPublished, type Published } from '../published/load.ts';
import { displayName, readJsonFile } from '../published/read-json.ts';
import { auditTableFile, parseTableFile, type TableFileAudit, type TableFileFinding } from '../audit/table-file/audit-table-file.ts';
import { InputError } from '../stats/validate.ts';
import { parseArgs, usage } from './args.ts';
import { isMain } from './is-main.ts';
import { reportInputError } from './io.ts';
import type { CliIO } from './io.ts';

const SPEC = {
  json: { type: 'boolean', help: 'print the audit as JSON ({ summary, findings }) instead of the report' },
  dir: { type: 'string', help: 'folder of the published numbers (default data/published)' },
  fidelity: { type: 'string', help: 'reconstruction fidelity report (default data/reconstructed/fidelity.json, if present)' },
  table: { type: 'string', help: "audit one baseline table file instead of the paper (schema: README, 'Audit any paper's table')" },
  help: { type: 'boolean', help: 'show this help' },
} as const;

export const DEFAULT_FIDELITY = 'data/reconstructed/fidelity.json';

/** Loads `root/data/published` and the fidelity report (when there is one) and runs the audit. Used by `npm run data`. */
export function auditProject(root = '.'): AuditResult {
  const published = loadPublished(join(root, 'data/published'));
  const file = join(root, DEFAULT_FIDELITY);
  const { fidelity, source } = loadFidelity(existsSync(file) ? file : undefined, published);
  return runAudit(published, { fidelity, fidelitySource: source.replace(`${root}/`, '') });
}

/** Reads the fidelity report if there is one; `null` when absent. */
export function loadFidelity(path: string | undefined, published: Published): { fidelity: Fidelity | null; source: string } {
  const file = path ?? DEFAULT_FIDELITY;
  if (!existsSync(file)) {
    if (path !== undefined) throw new InputError(`${file}: no such file`);
    return { fidelity: null, source: file };
  }
  return { fidelity: readFidelity(readJsonFile(file), published), source: file };
}

const SYMBOL: Readonly<Record<Verdict, string>> = {
  consistent: '✓',
  'consistent-other-test': '≈',
  note: '•',
  inconsistent: '✗',
  recomputed: '⊕',
  'cannot-check': '?',
};

const symbolOf = (f: Finding) => SYMBOL[f.verdict];

/** The readable report. */
export function formatReport(result: AuditResult): string {
  const { summary, findings } = result;
  const lines: string[] = [];
  lines.push(`Audit of the printed numbers of Armstrong et al. 2020 (HepatoBiliary Surg Nutr 9(1):1-12)`);
  lines.push(`${summary.checked} numbers or groups of numbers checked`);
  lines.push('');
  const width = Math.max(...VERDICTS.map((v) => v.length));
  for (const v of VERDICTS) {
    const c = summary.byConsequence;
    const extra =
      v === 'inconsistent'
        ? `  (${c.conclusion} changing a conclusion, ${c.number} in a reported number, ${c.presentation} in presentation)`
        : v === 'consistent'
          ? `  (${summary.explainedByMechanism} by a named benign mechanism)`
          : '';
    lines.push(`  ${SYMBOL[v]} ${v.padEnd(width)} ${String(summary.byVerdict[v]).padStart(4)}${extra}`);
  }
  // Like /audit/: the distinct problems first, by consequence, then every check by part of the paper.
  const order = ['conclusion', 'number', 'presentation'];
  const problems = findings.filter((f) => f.verdict === 'inconsistent').sort((a, b) => order.indexOf(a.consequence ?? 'number') - order.indexOf(b.consequence ?? 'number'));
  if (problems.length) {
    lines.push('', 'Problems, by consequence:');
    for (const f of problems) lines.push(`  ✗ [${f.consequence}] ${f.id}: ${f.explanation.split(/(?<=\.)\s+(?=[A-Z])/)[0]}`);
  }
  lines.push('');
  lines.push('By table:');
  for (const s of SCOPES) {
    const t = summary.byTable[s];
    const parts = VERDICTS.filter((v) => t[v] > 0).map((v) => `${t[v]} ${v}`);
    lines.push(`  ${s.padEnd(9)} ${String(t.total).padStart(4)}: ${parts.join(', ')}`);
  }
  let scope = '';
  for (const f of findings) {
    if (f.scope !== scope) {
      scope = f.scope;
      lines.push('', `── ${scope} ${'─'.repeat(Math.max(0, 60 - scope.length))}`);
    }
    const where = [f.location.section, f.location.row, f.location.column].filter(Boolean).join(' | ');
    lines.push(`${symbolOf(f)} ${f.id}  [${f.check}] ${where}`);
    lines.push(`    printed: ${f.printed}`);
    lines.push(`    ${f.explanation}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The readable report of one table file. */
export function formatTableReport(result: TableFileAudit, title: string): string {
  const { summary, findings } = result;
  const lines = [`Audit of ${title}`, `${summary.checked} checks`, ''];
  for (const v of VERDICTS) if (summary.byVerdict[v]) lines.push(`  ${SYMBOL[v]} ${v.padEnd(22)} ${String(summary.byVerdict[v]).padStart(4)}`);
  const order = (f: TableFileFinding) => ['inconsistent', 'consistent-other-test', 'note', 'recomputed', 'cannot-check', 'consistent'].indexOf(f.verdict);
  for (const f of [...findings].sort((a, b) => order(a) - order(b))) {
    const l = f.location;
    lines.push('', `${SYMBOL[f.verdict]} ${[l.row, l.level, l.column].filter((x) => x !== null).join(' | ')}  [${f.check}]`);
    lines.push(`    printed: ${f.printed}`);
    lines.push(`    ${f.explanation}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the command; returns the exit code. */
export function runAuditCli(argv: readonly string[], io: CliIO): number {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      io.stdout(usage('npm run audit --', SPEC));
      return 0;
    }
    if (args.table !== undefined) {
      const t = parseTableFile(readJsonFile(args.table), displayName(args.table));
      const result = auditTableFile(t);
      io.stdout(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatTableReport(result, t.title));
      return 0;
    }
    const published = loadPublished(args.dir ?? 'data/published');
    const { fidelity, source } = loadFidelity(args.fidelity, published);
    const result = runAudit(published, { fidelity, fidelitySource: source });
    io.stdout(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatReport(result));
    return 0;
  } catch (err) {
    return reportInputError(err, (t) => io.stderr(t));
  }
}

if (isMain(import.meta.url)) {
  process.exitCode = runAuditCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}
