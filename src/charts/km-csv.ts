/**
 * The figure's data as CSV: the Kaplan–Meier table (one row per group and distinct time, as R's
 * survfit) and the KMunicate risk table at the axis ticks. Numbers are written in full precision.
 */
import { groupLabel, riskAt } from './km-data.ts';
import type { KmData } from './km-data.ts';

/** Quotes a field when needed (RFC 4180), and defuses spreadsheet formulas in text fields. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const KM_CSV_HEADER = ['group', 'group_label', 'time', 'n_risk', 'n_event', 'n_censor', 'surv', 'std_err', 'lower_95', 'upper_95'] as const;
export const RISK_CSV_HEADER = ['group', 'group_label', 'time', 'at_risk', 'censored_cumulative', 'events_cumulative'] as const;

/** The KM table; `std_err` is the Greenwood standard error of S(t). */
export function kmTableCsv(data: KmData): string {
  const rows: (string | number | null)[][] = [];
  for (const g of data.analysis.groups) {
    const c = data.analysis.km[g];
    for (let i = 0; i < c.time.length; i++) {
      rows.push([g, groupLabel(data, g), c.time[i], c.nRisk[i], c.nEvent[i], c.nCensor[i], c.surv[i], c.se[i], c.lower[i], c.upper[i]]);
    }
  }
  return csv(KM_CSV_HEADER, rows);
}

/** The risk table at `ticks`: at risk = time ≥ t; censored and events strictly before t. */
export function riskTableCsv(data: KmData, ticks: readonly number[]): string {
  const rows: (string | number | null)[][] = [];
  for (const g of data.analysis.groups) {
    for (const t of ticks) {
      const r = riskAt(data, g, t);
      rows.push([g, groupLabel(data, g), t, r.atRisk, r.censored, r.events]);
    }
  }
  return csv(RISK_CSV_HEADER, rows);
}
