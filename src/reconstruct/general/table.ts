/**
 * Reconstructed patients as a table in time units, and the CSV files the command writes:
 * `patients.csv` (id, one column per grouping, then `<endpoint>_<timeUnit>` and `<endpoint>_event`
 * per endpoint) and `ensemble.csv` (a `member` column first, one row per patient per member).
 */
import type { Problem } from './problem.ts';
import type { Patients } from './state.ts';

/** One reconstruction in time units; a label is null when the patient was not assessed. */
export interface PatientTable {
  readonly ids: readonly string[];
  readonly labels: readonly (readonly (string | null)[])[];
  readonly times: readonly (readonly number[])[];
  readonly events: readonly (readonly (0 | 1)[])[];
}

/** From ticks to time units (rounded to the tick's decimals), ids P01…Pn. */
export function toTable(problem: Problem, patients: Patients): PatientTable {
  const width = String(problem.n).length;
  const scale = 10 ** problem.decimals;
  return {
    ids: Array.from({ length: problem.n }, (_, i) => `P${String(i + 1).padStart(width, '0')}`),
    labels: problem.groupings.map((g, k) => Array.from(patients.label[k], (l) => (l >= 0 ? g.levels[l] : null))),
    times: patients.time.map((t) => Array.from(t, (v) => Math.round(v * problem.tick * scale) / scale)),
    events: patients.event.map((ev) => Array.from(ev, (v) => (v ? 1 : 0) as 0 | 1)),
  };
}

/** Column names: id, groupings, then per endpoint its time and event. */
export function tableColumns(problem: Problem): string[] {
  return [
    'id',
    ...problem.groupings.map((g) => g.id),
    ...problem.endpoints.flatMap((e) => [`${e}_${problem.timeUnit}`, `${e}_event`]),
  ];
}

function rows(problem: Problem, table: PatientTable): string[][] {
  return table.ids.map((id, i) => [
    id,
    ...table.labels.map((l) => l[i] ?? ''),
    ...problem.endpoints.flatMap((_, e) => [table.times[e][i].toFixed(problem.decimals), String(table.events[e][i])]),
  ]);
}

/** `patients.csv`: LF line ends, a final newline. */
export function formatPatientTable(problem: Problem, table: PatientTable): string {
  return `${[tableColumns(problem), ...rows(problem, table)].map((r) => r.join(',')).join('\n')}\n`;
}

/** `ensemble.csv`: `member` (1…N), then the columns of `patients.csv`. */
export function formatEnsembleTable(problem: Problem, members: readonly PatientTable[]): string {
  const lines = [['member', ...tableColumns(problem)].join(',')];
  members.forEach((table, m) => {
    for (const r of rows(problem, table)) lines.push([String(m + 1), ...r].join(','));
  });
  return `${lines.join('\n')}\n`;
}
