/**
 * Plausibility of a reconstructed table as a real cohort: how many events of each kind, how
 * censoring is spread, how many tied times, and the features the published numbers force.
 * Reported in `fidelity.json`; none of it is a target.
 */
import { quantileSorted } from 'd3-array';
import type { Patient } from '../io/patients.ts';

/** Descriptive features of a table (counts and months). */
export interface Plausibility {
  readonly deaths: number;
  readonly recurrences: number;
  readonly deathsWithoutRecurrence: number;
  readonly censoredAlive: number;
  /** Follow-up of patients censored alive: min, quartiles, max (months). */
  readonly censoredFollowUp: { readonly min: number; readonly q25: number; readonly median: number; readonly q75: number; readonly max: number } | null;
  readonly censoredBefore6Months: number;
  readonly censoredBefore24Months: number;
  /** Months from recurrence to death or last follow-up: median. */
  readonly medianRecurrenceToOsEnd: number | null;
  /** Patients sharing their OS time with another patient; largest such cluster. */
  readonly tiedOsTimes: number;
  readonly largestOsTie: number;
  /** Recurrence times shared with another patient's recurrence. */
  readonly tiedRecurrenceTimes: number;
  readonly assessedBoth: number;
  readonly assessedNeither: number;
  /** Whole cohort at risk for OS at 60 months (the product identity caps it near 20). */
  readonly cohortAtRiskOs60: number;
  /** Deaths and censorings between 40 and 45 months in the whole cohort. */
  readonly osExits40to45: number;
  /** OS ends (death or last follow-up) before 20 months: patients assessed in a subcohort / in neither. */
  readonly osEndBefore20: { readonly assessed: number; readonly neither: number };
  /** Patients in neither subcohort censored alive, and how many of them before 30 months. */
  readonly neitherCensored: { readonly total: number; readonly before30: number };
}

function ties(values: readonly number[]): { tied: number; largest: number } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let tied = 0;
  let largest = 1;
  for (const c of counts.values()) {
    if (c > 1) tied += c;
    largest = Math.max(largest, c);
  }
  return { tied, largest };
}

function isNeither(p: Patient): boolean {
  return p.calcification === null && p.enhancement === null;
}

/** Computes {@link Plausibility} for a patient table. */
export function plausibility(patients: readonly Patient[]): Plausibility {
  const censored = patients.filter((p) => p.osEvent === 0).map((p) => p.osMonths).sort((a, b) => a - b);
  const gaps = patients
    .filter((p) => p.rfsEvent === 1)
    .map((p) => p.osMonths - p.rfsMonths)
    .sort((a, b) => a - b);
  const os = ties(patients.map((p) => p.osMonths));
  const rec = ties(patients.filter((p) => p.rfsEvent === 1).map((p) => p.rfsMonths));
  const r1 = (x: number | undefined): number => Number((x ?? Number.NaN).toFixed(1));
  return {
    deaths: patients.filter((p) => p.osEvent === 1).length,
    recurrences: patients.filter((p) => p.rfsEvent === 1).length,
    deathsWithoutRecurrence: patients.filter((p) => p.osEvent === 1 && p.rfsEvent === 0).length,
    censoredAlive: censored.length,
    censoredFollowUp:
      censored.length === 0
        ? null
        : {
            min: r1(censored[0]),
            q25: r1(quantileSorted(censored, 0.25)),
            median: r1(quantileSorted(censored, 0.5)),
            q75: r1(quantileSorted(censored, 0.75)),
            max: r1(censored[censored.length - 1]),
          },
    censoredBefore6Months: censored.filter((t) => t < 6).length,
    censoredBefore24Months: censored.filter((t) => t < 24).length,
    medianRecurrenceToOsEnd: gaps.length ? r1(quantileSorted(gaps, 0.5)) : null,
    tiedOsTimes: os.tied,
    largestOsTie: os.largest,
    tiedRecurrenceTimes: rec.tied,
    assessedBoth: patients.filter((p) => p.calcification !== null && p.enhancement !== null).length,
    assessedNeither: patients.filter((p) => p.calcification === null && p.enhancement === null).length,
    cohortAtRiskOs60: patients.filter((p) => p.osMonths >= 60).length,
    osExits40to45: patients.filter((p) => p.osMonths >= 40 && p.osMonths < 45).length,
    osEndBefore20: {
      assessed: patients.filter((p) => !isNeither(p) && p.osMonths < 20).length,
      neither: patients.filter((p) => isNeither(p) && p.osMonths < 20).length,
    },
    neitherCensored: {
      total: patients.filter((p) => isNeither(p) && p.osEvent === 0).length,
      before30: patients.filter((p) => isNeither(p) && p.osEvent === 0 && p.osMonths < 30).length,
    },
  };
}
