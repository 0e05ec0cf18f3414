/**
 * `npm run stats -- --in <file.csv> --time <col> --event <col> [--group <col>] [--ref <level>]
 *                    [--times 0,20,40,60] [--conf-type log|log-log|plain] [--out <file.json>]`
 *
 * Runs the same analysis the site build uses on any CSV file, prints a readable summary and
 * writes the JSON described in README ("stats JSON") to --out. Bad input: one line on stderr,
 * exit code 1, nothing written.
 */
import { analyseSurvival } from '../analysis/survival-analysis.ts';
import { formatAnalysisReport } from '../format/analysis-report.ts';
import { columnIndex, eventColumn, labelColumn, parseDecimal, readCsvFile, showCell, showList, timeColumn } from '../io/csv.ts';
import { checkTarget, isSameFile, writeFileAtomic } from '../io/write-atomic.ts';
import { InputError } from '../stats/validate.ts';
import type { ConfType } from '../stats/kaplan-meier.ts';
import { parseArgs, usage } from './args.ts';
import { isMain } from './is-main.ts';
import { reportInputError } from './io.ts';
import type { CliIO } from './io.ts';

const SPEC = {
  in: { type: 'string', help: 'CSV file with one row per patient', required: true },
  time: { type: 'string', help: 'column holding follow-up time (number ≥ 0)', required: true },
  event: { type: 'string', help: 'column holding the event indicator (1 = event, 0 = censored)', required: true },
  group: { type: 'string', help: 'column holding the group; rows with an empty group are left out' },
  ref: { type: 'string', help: 'reference group for hazard ratios (default: first in sorted order)' },
  times: { type: 'string', help: 'comma-separated times for the risk table (default 0,20,40,60)' },
  'conf-type': { type: 'string', help: 'CI transform: log (default, as R), log-log (as Stata/SAS) or plain' },
  'conf-level': { type: 'string', help: 'confidence level (default 0.95)' },
  out: { type: 'string', help: 'write the JSON result to this file' },
  quiet: { type: 'boolean', help: 'do not print the summary' },
  help: { type: 'boolean', help: 'show this help' },
} as const;

/**
 * Most groups compared at once. The analysis runs every pairwise log-rank test and a Cox model
 * with one term per group, so a column of ids given as --group (thousands of "groups") would run
 * for hours; more than this many groups is almost certainly the wrong column.
 */
export const MAX_GROUPS = 50;

function parseTimes(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const times = parts.map(parseDecimal);
  const bad = parts.findIndex((s, i) => s === '' || !Number.isFinite(times[i]) || times[i] < 0);
  if (bad >= 0) throw new InputError(`invalid --times value "${parts[bad]}": expected numbers ≥ 0 separated by commas`);
  for (let i = 1; i < times.length; i++) {
    if (times[i] <= times[i - 1]) throw new InputError(`invalid --times: values must increase (${times[i - 1]} then ${times[i]})`);
  }
  return times;
}

function parseConfType(text: string | undefined): ConfType {
  if (text === undefined) return 'log';
  if (text === 'log' || text === 'log-log' || text === 'plain') return text;
  throw new InputError(`invalid --conf-type "${text}": expected log, log-log or plain`);
}

function parseConfLevel(text: string | undefined): number {
  if (text === undefined) return 0.95;
  const v = parseDecimal(text);
  if (!(v > 0 && v < 1)) throw new InputError(`invalid --conf-level "${text}": expected a number between 0 and 1, e.g. 0.95`);
  return v;
}

/** Runs the command; returns the exit code. */
export function runStats(argv: readonly string[], io: CliIO): number {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      io.stdout(usage('npm run stats --', SPEC));
      return 0;
    }
    const file = args.in!;
    if (args.out !== undefined) {
      // Real paths and inodes, not text: a symlink, a symlinked folder or a hard link to the input is the input.
      if (isSameFile(args.out, file)) throw new InputError(`--out ${args.out} is the input file: choose another file for the JSON result`);
      checkTarget(args.out, [file]);
    }
    const times = args.times ? parseTimes(args.times) : undefined;
    const confType = parseConfType(args['conf-type']);
    const confLevel = parseConfLevel(args['conf-level']);
    const table = readCsvFile(file);
    // Check every named column exists before reading any values, so the first error is the most basic one.
    columnIndex(table, args.time!, 'time column');
    columnIndex(table, args.event!, 'event column');
    if (args.group !== undefined) columnIndex(table, args.group, 'group column');
    const allTime = timeColumn(table, args.time!);
    const allEvent = eventColumn(table, args.event!);

    let time = allTime;
    let event = allEvent;
    let group: string[] | undefined;
    let leftOut = 0;
    if (args.group !== undefined) {
      const labels = labelColumn(table, args.group, 'group column');
      const keep: number[] = [];
      labels.forEach((label, i) => (label === null ? leftOut++ : keep.push(i)));
      time = keep.map((i) => allTime[i]);
      event = keep.map((i) => allEvent[i]);
      group = keep.map((i) => labels[i] as string);
      const column = showCell(args.group);
      if (group.length === 0) throw new InputError(`${file}: column ${column} is empty in every row`, undefined, args.group);
      const levels = new Set(group);
      if (levels.size < 2) {
        throw new InputError(
          `${file}: column ${column} has a single level (${showCell(group[0])}): at least two groups are needed to compare them`,
          undefined,
          args.group,
        );
      }
      if (levels.size > MAX_GROUPS) {
        throw new InputError(
          `${file}: column ${column} has ${levels.size} different values, too many groups to compare (at most ${MAX_GROUPS}): is it the right column?`,
          undefined,
          args.group,
        );
      }
      if (args.ref !== undefined && !levels.has(args.ref)) {
        throw new InputError(
          `${file}: --ref ${showCell(args.ref)} is not a value of column ${column} (values: ${showList([...levels].sort())})`,
          undefined,
          args.group,
        );
      }
    } else if (args.ref !== undefined) {
      throw new InputError('--ref needs --group');
    }

    const result = analyseSurvival({ time, event, group }, { times, confType, confLevel, reference: args.ref });
    const json = `${JSON.stringify(result, null, 2)}\n`;
    // Everything is computed (the report included) before anything is written.
    const title = `${file}: ${args.time} / ${args.event}${args.group ? ` by ${args.group}` : ''}`;
    const report = args.quiet ? '' : `${formatAnalysisReport(result, title)}\n`;
    if (args.out !== undefined) writeFileAtomic(args.out, json, { inputs: [file] });
    if (!args.quiet) {
      io.stdout(report);
      if (leftOut) io.stdout(`\n${leftOut} row(s) with an empty "${args.group}" were left out.\n`);
      if (args.out) io.stdout(`\nJSON written to ${args.out}\n`);
    }
    return 0;
  } catch (err) {
    return reportInputError(err, (t) => io.stderr(t));
  }
}

if (isMain(import.meta.url)) {
  process.exitCode = runStats(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}
