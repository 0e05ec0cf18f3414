/**
 * `npm run validate:audit [-- --json]`: the audit's calibration on tables with known answers
 * (src/audit/calibration.ts, fixture from tests/oracle/audit-calibration.R). Prints the
 * false-positive rate on clean tables under every convention and the sensitivity per seeded error
 * type; exits 1 unless there is no inconsistent finding on a clean table and at least 95% of the
 * seeded errors are found at their row and column.
 */
import { calibrate, type CalibrationFixture, type CalibrationReport } from '../audit/calibration.ts';
import { readJsonFile } from '../published/read-json.ts';
import { parseArgs, usage } from './args.ts';
import { isMain } from './is-main.ts';
import { reportInputError, type CliIO } from './io.ts';

export const CALIBRATION_FIXTURE = 'tests/fixtures/audit-calibration.json';

const SPEC = {
  json: { type: 'boolean', help: 'print the report as JSON' },
  fixture: { type: 'string', help: `calibration tables (default ${CALIBRATION_FIXTURE})` },
  help: { type: 'boolean', help: 'show this help' },
} as const;

const pc = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatCalibration(r: CalibrationReport): string {
  const lines = ['Calibration of the audit on tables from R survival (colon, lung, pbc)', ''];
  lines.push(`Clean tables: ${r.clean.tables}, ${r.clean.checks} checks, ${r.clean.inconsistent} inconsistent (false-positive rate ${pc(r.clean.falsePositiveRate)})`);
  for (const [k, v] of Object.entries(r.clean.byPercent)) lines.push(`  percentages ${k.padEnd(18)} ${v.tables} tables, ${v.inconsistent} inconsistent`);
  for (const [k, v] of Object.entries(r.clean.byTest)) lines.push(`  tests       ${k.padEnd(18)} ${v.tables} tables, ${v.inconsistent} inconsistent`);
  for (const e of r.clean.examples) lines.push(`  ✗ ${e.table}: ${e.finding}: ${e.explanation}`);
  lines.push('', `Seeded errors: ${r.seeded.found} of ${r.seeded.tables} found at their row and column (sensitivity ${pc(r.seeded.sensitivity)})`);
  for (const [k, v] of Object.entries(r.seeded.byError)) lines.push(`  ${k.padEnd(22)} ${String(v.found).padStart(3)} of ${String(v.seeded).padStart(3)}  ${pc(v.sensitivity)}`);
  for (const m of r.seeded.missed.slice(0, 10)) lines.push(`  missed ${m.table} at ${[m.at.row, m.at.level, m.at.column].filter(Boolean).join(' | ')}`);
  lines.push('', `Targets: no inconsistent finding on clean tables ${r.targets.noFalsePositives ? 'met' : 'NOT met'}; at least 95% of seeded errors found ${r.targets.sensitivityAtLeast95 ? 'met' : 'NOT met'}`);
  return `${lines.join('\n')}\n`;
}

export function runValidateAuditCli(argv: readonly string[], io: CliIO): number {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      io.stdout(usage('npm run validate:audit --', SPEC));
      return 0;
    }
    const report = calibrate(readJsonFile(args.fixture ?? CALIBRATION_FIXTURE) as CalibrationFixture);
    io.stdout(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatCalibration(report));
    return report.targets.noFalsePositives && report.targets.sensitivityAtLeast95 ? 0 : 1;
  } catch (err) {
    return reportInputError(err, (t) => io.stderr(t));
  }
}

if (isMain(import.meta.url)) {
  process.exitCode = runValidateAuditCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}
