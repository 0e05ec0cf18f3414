/**
 * From search state to the patient table: ids, months with one decimal, group labels, and the
 * CSV text of `data/reconstructed/patients.csv`.
 */
import type { Calcification, Enhancement, Patient } from '../io/patients.ts';
import { CALCIFICATION_LEVELS, ENHANCEMENT_LEVELS, PATIENT_COLUMNS } from '../io/patients.ts';
import { TICKS_PER_MONTH } from './encoding.ts';
import type { PatientTicks } from './state.ts';

/** Decimals of the month columns (times are whole ticks of 0.1 month). */
export const MONTH_DECIMALS = 1;

/** Patients P01…P82 in search order (which carries no information: the skeleton is shuffled). */
export function toPatients(ticks: readonly PatientTicks[]): Patient[] {
  const width = String(ticks.length).length;
  return ticks.map((p, i) => ({
    id: `P${String(i + 1).padStart(width, '0')}`,
    calcification: p.calc >= 0 ? (CALCIFICATION_LEVELS[p.calc] as Calcification) : null,
    enhancement: p.enh >= 0 ? (ENHANCEMENT_LEVELS[p.enh] as Enhancement) : null,
    rfsMonths: p.rfsTick / TICKS_PER_MONTH,
    rfsEvent: p.rfsEvent ? 1 : 0,
    osMonths: p.osTick / TICKS_PER_MONTH,
    osEvent: p.osEvent ? 1 : 0,
  }));
}

/** Back to ticks (for the fast evaluators); months must be multiples of 0.1. */
export function toTicks(patients: readonly Patient[]): PatientTicks[] {
  return patients.map((p) => ({
    calc: p.calcification === null ? -1 : CALCIFICATION_LEVELS.indexOf(p.calcification),
    enh: p.enhancement === null ? -1 : ENHANCEMENT_LEVELS.indexOf(p.enhancement),
    rfsTick: Math.round(p.rfsMonths * TICKS_PER_MONTH),
    rfsEvent: p.rfsEvent,
    osTick: Math.round(p.osMonths * TICKS_PER_MONTH),
    osEvent: p.osEvent,
  }));
}

function patientCells(p: Patient): (string | number)[] {
  return [
    p.id,
    p.calcification ?? '',
    p.enhancement ?? '',
    p.rfsMonths.toFixed(MONTH_DECIMALS),
    p.rfsEvent,
    p.osMonths.toFixed(MONTH_DECIMALS),
    p.osEvent,
  ];
}

/**
 * `ensemble.csv`: a `member` column (1…N) and then the columns of `patients.csv`, one row per
 * patient per member, members in acceptance order.
 */
export function formatEnsembleCsv(members: readonly (readonly Patient[])[]): string {
  const lines = [['member', ...PATIENT_COLUMNS].join(',')];
  members.forEach((patients, m) => {
    for (const p of patients) lines.push([m + 1, ...patientCells(p)].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** CSV text with the columns of `PATIENT_COLUMNS`, LF line ends, a final newline. */
export function formatPatientsCsv(patients: readonly Patient[]): string {
  const lines = [PATIENT_COLUMNS.join(','), ...patients.map((p) => patientCells(p).join(','))];
  return `${lines.join('\n')}\n`;
}
