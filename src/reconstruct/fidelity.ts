/**
 * The fidelity report: every published number the reconstruction must reproduce, recomputed from
 * the patient table with the project's statistics core (`src/stats/`), never with the search's
 * own fast evaluators.
 *
 * Hard constraints (must hold exactly): cohort and subcohort sizes, group sizes, the 40 numbers at
 * risk (R/Stata: time ≥ t), RFS ≤ OS, "no recurrence ⇒ RFS censored at the OS time", and the
 * overlap bookkeeping (patients in both subcohorts m ≥ 57 + 51 − 82 and in neither = m − 26).
 * Soft targets (within a tolerance): KM quartiles per group and for the cohort (±1 month,
 * `quantile.survfit` rule), reverse-KM median follow-up and its quartiles (±2 months), log-rank p
 * (±0.005). Each entry also says whether the value rounds to the printed number.
 */
import type { Patient } from '../io/patients.ts';
import type { Endpoint, GroupingId } from '../published/survival-schema.ts';
import { kaplanMeier, logRank, medianFollowUp, riskTable, survivalQuartiles } from '../stats/index.ts';
import type { Printed, Targets } from './targets.ts';
import { ENDPOINTS, GROUPINGS, LEVELS } from './targets.ts';

/** One line of the report. */
export interface FidelityEntry {
  readonly id: string;
  readonly kind: 'hard' | 'soft';
  readonly category:
    | 'cohort-size'
    | 'subcohort-size'
    | 'group-size'
    | 'at-risk'
    | 'rule'
    | 'overlap'
    | 'quartile'
    | 'follow-up'
    | 'logrank';
  readonly description: string;
  readonly endpoint?: Endpoint;
  readonly grouping?: GroupingId | 'all';
  readonly group?: string;
  readonly statistic?: string;
  readonly time?: number;
  readonly published: { readonly printed: string; readonly value: number | null };
  readonly reconstructed: number | null;
  /** `≥` when the published value is a lower bound (default: equal within the tolerance). */
  readonly relation?: '≥';
  readonly tolerance: number;
  /** |reconstructed − published| (for a lower bound: the shortfall), null when either is missing. */
  readonly error: number | null;
  readonly pass: boolean;
  /** Soft targets: does the reconstructed value print as the published string? */
  readonly roundsToPrinted?: boolean;
}

/** The report's summary counts. */
export interface FidelitySummary {
  readonly hard: { readonly met: number; readonly total: number };
  readonly soft: { readonly passed: number; readonly total: number };
  /** Soft targets whose reconstructed value prints exactly as published. */
  readonly softRoundingToPrinted: { readonly count: number; readonly total: number };
}

function round(x: number, digits: number | null): number {
  return digits === null ? x : Number(x.toFixed(digits));
}

/** Decimals kept in the report (enough for p-values; `null` keeps full precision). */
export const REPORT_DIGITS = 6;

function entry(
  e: Omit<FidelityEntry, 'error' | 'pass' | 'reconstructed'> & { reconstructed: number | null },
  digits: number | null = REPORT_DIGITS,
): FidelityEntry {
  const value = e.published.value;
  const rec = e.reconstructed === null ? null : round(e.reconstructed, digits);
  const error =
    rec === null || value === null ? null : round(e.relation === '≥' ? Math.max(0, value - rec) : Math.abs(rec - value), digits);
  const pass = error !== null && error <= e.tolerance + 1e-9;
  const out: FidelityEntry = { ...e, reconstructed: rec, error, pass };
  if (e.kind === 'soft') return { ...out, roundsToPrinted: printsAs(rec, e.published.printed) };
  return out;
}

/** Whether x, rounded to the printed number of decimals, reads as the printed string. */
export function printsAs(x: number | null, printed: string): boolean {
  if (x === null) return false;
  const dot = printed.indexOf('.');
  const decimals = dot < 0 ? 0 : printed.length - dot - 1;
  return x.toFixed(decimals) === printed;
}

function exact(printed: Printed): { printed: string; value: number } {
  return { printed: printed.printed, value: printed.value };
}

function labelOf(p: Patient, grouping: GroupingId): string | null {
  return grouping === 'calcification' ? p.calcification : p.enhancement;
}

function series(patients: readonly Patient[], endpoint: Endpoint): { time: number[]; event: (0 | 1)[] } {
  return {
    time: patients.map((p) => (endpoint === 'os' ? p.osMonths : p.rfsMonths)),
    event: patients.map((p) => (endpoint === 'os' ? p.osEvent : p.rfsEvent)),
  };
}

/** The hard constraints, checked on the patient table. */
export function hardEntries(patients: readonly Patient[], targets: Targets): FidelityEntry[] {
  const out: FidelityEntry[] = [];
  const hard = (e: Omit<FidelityEntry, 'error' | 'pass' | 'reconstructed' | 'kind' | 'tolerance'> & { reconstructed: number | null }): void => {
    out.push(entry({ ...e, kind: 'hard', tolerance: 0 }));
  };
  hard({
    id: 'cohort-size',
    category: 'cohort-size',
    description: 'patients in the cohort',
    published: exact(targets.cohort),
    reconstructed: patients.length,
  });
  for (const grouping of GROUPINGS) {
    const spec = targets.groupings[grouping];
    hard({
      id: `subcohort-size-${grouping}`,
      category: 'subcohort-size',
      description: `patients assessed for ${grouping}`,
      grouping,
      published: exact(spec.n),
      reconstructed: patients.filter((p) => labelOf(p, grouping) !== null).length,
    });
  }
  for (const grouping of GROUPINGS) {
    for (const spec of targets.groupings[grouping].groups) {
      hard({
        id: `group-size-${grouping}-${spec.group}`,
        category: 'group-size',
        description: `patients in ${grouping} = ${spec.group}`,
        grouping,
        group: spec.group,
        published: exact(spec.n),
        reconstructed: patients.filter((p) => labelOf(p, grouping) === spec.group).length,
      });
    }
  }
  for (const grouping of GROUPINGS) {
    for (const endpoint of ENDPOINTS) {
      for (const spec of targets.groupings[grouping].groups) {
        const members = patients.filter((p) => labelOf(p, grouping) === spec.group);
        const { time, event } = series(members, endpoint);
        const table = riskTable(time, event, [...targets.times]);
        targets.times.forEach((t, k) => {
          hard({
            id: `at-risk-${endpoint}-${grouping}-${spec.group}-${t}`,
            category: 'at-risk',
            description: `number at risk (time ≥ ${t} months), ${endpoint.toUpperCase()}, ${grouping} = ${spec.group}`,
            endpoint,
            grouping,
            group: spec.group,
            time: t,
            published: exact(spec.atRisk[endpoint][k]),
            reconstructed: table.atRisk[k],
          });
        });
      }
    }
  }
  const n = patients.length;
  hard({
    id: 'rule-rfs-not-after-os',
    category: 'rule',
    description: 'patients with RFS time ≤ OS time',
    published: { printed: 'every patient', value: n },
    reconstructed: patients.filter((p) => p.rfsMonths <= p.osMonths).length,
  });
  hard({
    id: 'rule-no-recurrence-censored-at-os',
    category: 'rule',
    description: 'patients without recurrence have RFS censored at the OS time (rfs_months = os_months)',
    published: { printed: 'every patient', value: n },
    reconstructed: patients.filter((p) => p.rfsEvent === 1 || p.rfsMonths === p.osMonths).length,
  });
  const both = patients.filter((p) => p.calcification !== null && p.enhancement !== null).length;
  const neither = patients.filter((p) => p.calcification === null && p.enhancement === null).length;
  const [calcN, enhN] = GROUPINGS.map((g) => targets.groupings[g].n.value);
  const minBoth = calcN + enhN - targets.cohort.value;
  hard({
    id: 'overlap-both-subcohorts',
    category: 'overlap',
    description: `patients in both subcohorts (at least ${calcN} + ${enhN} − ${targets.cohort.value})`,
    published: { printed: `${minBoth}`, value: minBoth },
    relation: '≥',
    reconstructed: both,
  });
  hard({
    id: 'overlap-neither-subcohort',
    category: 'overlap',
    description: 'patients in neither subcohort = patients in both − (57 + 51 − 82)',
    published: { printed: 'both − 26', value: both - minBoth },
    reconstructed: neither,
  });
  return out;
}

function quartileValues(time: number[], event: (0 | 1)[]): Record<string, number | null> {
  const q = survivalQuartiles(kaplanMeier(time, event));
  return { q25: q.q25.est, median: q.median.est, q75: q.q75.est };
}

/** The soft targets, recomputed with the statistics core (values rounded to `digits`, null: exact). */
export function softEntries(patients: readonly Patient[], targets: Targets, digits: number | null = REPORT_DIGITS): FidelityEntry[] {
  const out: FidelityEntry[] = [];
  for (const t of targets.quartiles) {
    let value: number | null;
    if (t.kind === 'followup') {
      const { time, event } = series(patients, 'os');
      const fu = medianFollowUp(time, event);
      value = fu[t.quartile].est;
    } else {
      const grouping = t.grouping;
      const members = grouping === 'all' ? [...patients] : patients.filter((p) => labelOf(p, grouping) === t.group);
      const { time, event } = series(members, t.endpoint);
      value = quartileValues(time, event)[t.quartile];
    }
    const what = t.kind === 'followup' ? 'median follow-up (reverse KM)' : `KM ${t.endpoint.toUpperCase()}`;
    out.push(
      entry({
        id: t.id,
        kind: 'soft',
        category: t.kind === 'followup' ? 'follow-up' : 'quartile',
        description: `${what} ${t.quartile}, ${t.grouping === 'all' ? 'whole cohort' : `${t.grouping} = ${t.group}`}`,
        endpoint: t.endpoint,
        grouping: t.grouping,
        group: t.group,
        statistic: t.quartile,
        published: exact(t.published),
        reconstructed: value,
        tolerance: t.tolerance,
      },
      digits),
    );
  }
  for (const t of targets.logrank) {
    const members = patients.filter((p) => labelOf(p, t.grouping) !== null);
    const { time, event } = series(members, t.endpoint);
    const group = members.map((p) => labelOf(p, t.grouping) as string);
    const lr = logRank(time, event, group, { levels: LEVELS[t.grouping] });
    out.push(
      entry({
        id: t.id,
        kind: 'soft',
        category: 'logrank',
        description: `log-rank p, ${t.endpoint.toUpperCase()} by ${t.grouping} (${t.figure})`,
        endpoint: t.endpoint,
        grouping: t.grouping,
        statistic: 'p',
        published: exact(t.published),
        reconstructed: lr.p,
        tolerance: t.tolerance,
      },
      digits),
    );
  }
  return out;
}

/** Counts of hard constraints met and soft targets passed. */
export function summarize(entries: readonly FidelityEntry[]): FidelitySummary {
  const hard = entries.filter((e) => e.kind === 'hard');
  const soft = entries.filter((e) => e.kind === 'soft');
  return {
    hard: { met: hard.filter((e) => e.pass).length, total: hard.length },
    soft: { passed: soft.filter((e) => e.pass).length, total: soft.length },
    softRoundingToPrinted: { count: soft.filter((e) => e.roundsToPrinted).length, total: soft.length },
  };
}

/** Hard and soft entries of a patient table. */
export function fidelityEntries(patients: readonly Patient[], targets: Targets): FidelityEntry[] {
  return [...hardEntries(patients, targets), ...softEntries(patients, targets)];
}
