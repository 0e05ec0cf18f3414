/**
 * The Kaplan–Meier sandbox: a small class of patients in two groups that the learner edits.
 * State changes are pure functions returning a new state; `analyseSandbox` runs the statistics
 * core (Kaplan–Meier, risk table, log-rank) and the log-rank walk-through on it. The page renders
 * the initial state at build time with these functions and `<jc-km-sandbox>` re-runs them on
 * every edit, so the numbers on screen are always the core's.
 */
import { kaplanMeier } from '../../stats/kaplan-meier.ts';
import type { KaplanMeierFit } from '../../stats/kaplan-meier.ts';
import { logRank } from '../../stats/log-rank.ts';
import type { LogRankResult } from '../../stats/log-rank.ts';
import { riskTable } from '../../stats/risk-table.ts';
import type { RiskTable } from '../../stats/risk-table.ts';
import { logRankSteps } from './log-rank-steps.ts';
import type { LogRankSteps } from './log-rank-steps.ts';

export type SandboxGroup = 'A' | 'B';
export const SANDBOX_GROUPS: readonly SandboxGroup[] = ['A', 'B'];
export const GROUP_LABELS: Readonly<Record<SandboxGroup, string>> = { A: 'Group A', B: 'Group B' };

/** Follow-up runs from 0 to this many months; times move in whole months. */
export const MAX_TIME = 60;
export const RISK_TIMES: readonly number[] = [0, 12, 24, 36, 48, 60];
/** The class never grows beyond this, nor shrinks below one patient per group. */
export const MAX_PATIENTS = 16;

export interface SandboxPatient {
  readonly id: number;
  readonly group: SandboxGroup;
  /** Months from surgery to the event or to the end of follow-up. */
  readonly time: number;
  /** true: the event happened at `time`; false: censored (followed up to `time`, no event yet). */
  readonly event: boolean;
}

export interface SandboxState {
  readonly patients: readonly SandboxPatient[];
  readonly nextId: number;
}

/** Ten patients, five per group, with one tie across groups (month 24) to show how ties count. */
export function initialSandbox(): SandboxState {
  const rows: [SandboxGroup, number, boolean][] = [
    ['A', 8, true],
    ['A', 15, false],
    ['A', 24, true],
    ['A', 40, true],
    ['A', 52, false],
    ['B', 12, true],
    ['B', 24, true],
    ['B', 30, false],
    ['B', 44, false],
    ['B', 58, false],
  ];
  return { patients: rows.map(([group, time, event], i) => ({ id: i + 1, group, time, event })), nextId: rows.length + 1 };
}

function clampTime(t: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(MAX_TIME, Math.max(0, Math.round(t)));
}

export function setTime(state: SandboxState, id: number, time: number): SandboxState {
  return { ...state, patients: state.patients.map((p) => (p.id === id ? { ...p, time: clampTime(time) } : p)) };
}

export function setEvent(state: SandboxState, id: number, event: boolean): SandboxState {
  return { ...state, patients: state.patients.map((p) => (p.id === id ? { ...p, event } : p)) };
}

export function canAdd(state: SandboxState): boolean {
  return state.patients.length < MAX_PATIENTS;
}

export function canRemove(state: SandboxState, id: number): boolean {
  const p = state.patients.find((x) => x.id === id);
  return !!p && state.patients.filter((x) => x.group === p.group).length > 1;
}

/** Adds a patient to `group`, censored at the end of follow-up (a quiet newcomer to edit). */
export function addPatient(state: SandboxState, group: SandboxGroup, time = MAX_TIME, event = false): SandboxState {
  if (!canAdd(state)) return state;
  const patient: SandboxPatient = { id: state.nextId, group, time: clampTime(time), event };
  return { patients: [...state.patients, patient], nextId: state.nextId + 1 };
}

export function removePatient(state: SandboxState, id: number): SandboxState {
  if (!canRemove(state, id)) return state;
  return { ...state, patients: state.patients.filter((p) => p.id !== id) };
}

export interface SandboxAnalysis {
  readonly fits: Readonly<Record<SandboxGroup, KaplanMeierFit>>;
  readonly riskTables: Readonly<Record<SandboxGroup, RiskTable>>;
  /** The core's log-rank test on the displayed data. */
  readonly logRank: LogRankResult;
  /** The same test, one event time per row. */
  readonly steps: LogRankSteps;
}

/** Runs the statistics core on the class. Every group always has at least one patient. */
export function analyseSandbox(state: SandboxState): SandboxAnalysis {
  const fits = {} as Record<SandboxGroup, KaplanMeierFit>;
  const riskTables = {} as Record<SandboxGroup, RiskTable>;
  for (const g of SANDBOX_GROUPS) {
    const rows = state.patients.filter((p) => p.group === g);
    const t = rows.map((p) => p.time);
    const e = rows.map((p) => (p.event ? 1 : 0) as 0 | 1);
    fits[g] = kaplanMeier(t, e);
    riskTables[g] = riskTable(t, e, RISK_TIMES);
  }
  const time = state.patients.map((p) => p.time);
  const event = state.patients.map((p) => (p.event ? 1 : 0) as 0 | 1);
  const group = state.patients.map((p) => p.group);
  return {
    fits,
    riskTables,
    logRank: logRank(time, event, group, { levels: SANDBOX_GROUPS }),
    steps: logRankSteps(time, event, group, SANDBOX_GROUPS),
  };
}

/** Patients sorted for display: by group, then by id (stable as times change under the slider). */
export function displayOrder(state: SandboxState): SandboxPatient[] {
  return [...state.patients].sort((a, b) => (a.group === b.group ? a.id - b.id : a.group < b.group ? -1 : 1));
}
