/**
 * The numbers under a Kaplan–Meier plot (KMunicate style): at risk, censored and events,
 * at chosen times.
 */
import { bisectLeft } from 'd3-array';
import type { KaplanMeierFit } from './kaplan-meier.ts';
import { firstAtOrAfter } from './survival-at.ts';
import { checkSurvivalData, checkTimes, InputError } from './validate.ts';
import type { EventFlag } from './validate.ts';

/** Counts at each requested time; all arrays align with `times`. */
export interface RiskTable {
  readonly times: readonly number[];
  /** #(time ≥ t): R's `n.risk` convention (a patient with an event or censoring at t is still at risk at t). */
  readonly atRisk: readonly number[];
  /** Cumulative number of events strictly before t. */
  readonly events: readonly number[];
  /** Cumulative number of censorings strictly before t. */
  readonly censored: readonly number[];
}

function checkRequestedTimes(times: unknown): asserts times is readonly number[] {
  if (!Array.isArray(times)) throw new InputError('times must be an array of numbers', undefined, 'times');
  checkTimes(times, 'times');
}

/** {@link riskTable} without input checks. */
export function riskTableCore(time: ArrayLike<number>, event: ArrayLike<EventFlag | number>, times: readonly number[]): RiskTable {
  let nEvents = 0;
  for (let i = 0; i < time.length; i++) if (event[i] === 1 || event[i] === true) nEvents++;
  const eventTimes = new Float64Array(nEvents);
  const censorTimes = new Float64Array(time.length - nEvents);
  for (let i = 0, a = 0, b = 0; i < time.length; i++) {
    if (event[i] === 1 || event[i] === true) eventTimes[a++] = time[i];
    else censorTimes[b++] = time[i];
  }
  eventTimes.sort();
  censorTimes.sort();
  // Sorted ascending, so the count strictly before t is the insertion point of t on the left.
  const events = times.map((t) => bisectLeft(eventTimes, t));
  const censored = times.map((t) => bisectLeft(censorTimes, t));
  const atRisk = times.map((_, i) => time.length - events[i] - censored[i]);
  return { times: [...times], atRisk, events, censored };
}

/**
 * Risk table at the requested times, in the KMunicate layout (Morris et al., BMJ Open 2019):
 *
 * - at risk(t) = #(time ≥ t), as R's `summary(survfit(…), times = t)$n.risk`;
 * - events(t) = #(event, time < t) and censored(t) = #(censored, time < t), both cumulative and
 *   strictly before t,
 *
 * so that at risk + events + censored = n at every t: a patient whose event or censoring falls
 * exactly on a tick is still counted at risk there, and moves to the events/censored rows after it.
 * Counts the raw times (no merging of near-equal times). R:
 * `c(sum(time >= t), sum(status == 1 & time < t), sum(status == 0 & time < t))`.
 */
export function riskTable(time: readonly number[], event: readonly EventFlag[], times: readonly number[]): RiskTable {
  checkSurvivalData(time, event);
  checkRequestedTimes(times);
  return riskTableCore(time, event, times);
}

/**
 * {@link riskTable} computed from a Kaplan–Meier fit instead of the raw data (same conventions):
 * at risk(t) = n.risk at the first fitted time ≥ t (0 after the last), events and censored are
 * sums of `nEvent` and `nCensor` over fitted times < t.
 */
export function riskTableFromFit(fit: KaplanMeierFit, times: readonly number[]): RiskTable {
  checkRequestedTimes(times);
  const m = fit.time.length;
  const cumEvents = new Float64Array(m + 1);
  const cumCensor = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) {
    cumEvents[j + 1] = cumEvents[j] + fit.nEvent[j];
    cumCensor[j + 1] = cumCensor[j] + fit.nCensor[j];
  }
  const atRisk: number[] = [];
  const events: number[] = [];
  const censored: number[] = [];
  for (const t of times) {
    const k = firstAtOrAfter(fit.time, t);
    atRisk.push(k < m ? fit.nRisk[k] : 0);
    events.push(cumEvents[k]);
    censored.push(cumCensor[k]);
  }
  return { times: [...times], atRisk, events, censored };
}
