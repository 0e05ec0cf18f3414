/**
 * Mutable state of one reconstruction search: the patients (typed arrays, times in ticks) and,
 * for each of the six components (RFS/OS × calcification grouping / enhancement grouping /
 * cohort), a sorted key array and its cached output and loss.
 *
 * Every change goes through {@link setPatient}, which moves the patient's keys in the sorted
 * arrays and marks the touched components dirty; {@link evaluateDirty} recomputes only those.
 * A rejected move is undone by {@link rollback}, which restores the cached outputs instead of
 * recomputing them.
 */
import * as encoding from './encoding.ts';
import * as fastKm from './fast-km.ts';
import type { PassScratch } from './fast-km.ts';
import * as lossModule from './loss.ts';
import type { Objective, Slot } from './loss.ts';

const { COMPONENTS: COMPONENT_COUNT, EARLY_CENSOR_TICK, WEIGHTS, componentFailures, componentLoss } = lossModule;

// Local bindings: imported names are read through live-binding getters, measurable in the hot loop.
const COMPONENTS = 6;
const { binOf, makeKey } = encoding;
const { createScratch, passCohort, passGrouping } = fastKm;
if (COMPONENTS !== COMPONENT_COUNT) throw new Error('internal: component count mismatch');

/** Group counts of the two groupings (calcification 2, enhancement 3). */
export const GROUP_COUNTS = [2, 3] as const;

/** The mutable state of a search (see module doc). */
export interface SearchState {
  readonly n: number;
  /** Calcification group (0 no, 1 yes) or −1 when not assessed. */
  readonly calc: Int8Array;
  /** Enhancement group (0 hypo, 1 hyper, 2 mixed) or −1 when not assessed. */
  readonly enh: Int8Array;
  readonly rfsTick: Int32Array;
  readonly rfsEvent: Uint8Array;
  readonly osTick: Int32Array;
  readonly osEvent: Uint8Array;
  readonly keys: Int32Array[];
  readonly lens: Int32Array;
  /** Keys per group of each component (4 slots per component). */
  readonly counts: Int32Array[];
  readonly outs: Float64Array[];
  readonly backup: Float64Array[];
  /** Per component: loss on quartiles + plausibility. */
  readonly losses: Float64Array;
  /** Per component: unweighted log-rank loss. */
  readonly logrankLosses: Float64Array;
  readonly backupLosses: Float64Array;
  readonly backupLogrank: Float64Array;
  /** Current weight of the log-rank part (raised by the annealer). */
  logrankWeight: number;
  readonly dirty: Uint8Array;
  readonly slots: readonly Slot[][];
  readonly objective: Objective;
  readonly scratch: PassScratch;
  readonly keyScratch: Int32Array;
  total: number;
}

/** Plain description of one patient used to build a state. */
export interface PatientTicks {
  calc: number;
  enh: number;
  rfsTick: number;
  rfsEvent: number;
  osTick: number;
  osEvent: number;
}

/** Builds a state from patients and evaluates every component. */
export function createState(patients: readonly PatientTicks[], objective: Objective): SearchState {
  const n = patients.length;
  const { slots, outputSizes } = objective;
  const s: SearchState = {
    n,
    calc: Int8Array.from(patients, (p) => p.calc),
    enh: Int8Array.from(patients, (p) => p.enh),
    rfsTick: Int32Array.from(patients, (p) => p.rfsTick),
    rfsEvent: Uint8Array.from(patients, (p) => p.rfsEvent),
    osTick: Int32Array.from(patients, (p) => p.osTick),
    osEvent: Uint8Array.from(patients, (p) => p.osEvent),
    keys: Array.from({ length: COMPONENTS }, () => new Int32Array(n)),
    lens: new Int32Array(COMPONENTS),
    counts: Array.from({ length: COMPONENTS }, () => new Int32Array(4)),
    outs: Array.from({ length: COMPONENTS }, (_, c) => new Float64Array(outputSizes[c])),
    backup: Array.from({ length: COMPONENTS }, (_, c) => new Float64Array(outputSizes[c])),
    losses: new Float64Array(COMPONENTS),
    logrankLosses: new Float64Array(COMPONENTS),
    backupLosses: new Float64Array(COMPONENTS),
    backupLogrank: new Float64Array(COMPONENTS),
    logrankWeight: WEIGHTS.logrank,
    dirty: new Uint8Array(COMPONENTS).fill(1),
    slots,
    objective,
    scratch: createScratch(),
    keyScratch: new Int32Array(COMPONENTS),
    total: 0,
  };
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < COMPONENTS; c++) {
      const key = keyFor(s, i, c);
      if (key >= 0) {
        s.keys[c][s.lens[c]++] = key;
        s.counts[c][key & 3]++;
      }
    }
  }
  for (let c = 0; c < COMPONENTS; c++) s.keys[c].subarray(0, s.lens[c]).sort();
  s.total = evaluateDirty(s);
  s.dirty.fill(0);
  return s;
}

/** Key of patient i in component c, or −1 when the patient is not in it. */
function keyFor(s: SearchState, i: number, c: number): number {
  const endpoint = c < 3 ? 0 : 1;
  const kind = c % 3;
  const group = kind === 0 ? s.calc[i] : kind === 1 ? s.enh[i] : 0;
  if (group < 0) return -1;
  return endpoint === 0
    ? makeKey(s.rfsTick[i], s.rfsEvent[i], group)
    : makeKey(s.osTick[i], s.osEvent[i], group);
}

function lowerBound(keys: Int32Array, len: number, key: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function removeKey(s: SearchState, c: number, key: number): void {
  const keys = s.keys[c];
  const len = s.lens[c];
  const at = lowerBound(keys, len, key);
  if (keys[at] !== key) throw new Error(`internal: key ${key} missing from component ${c}`);
  keys.copyWithin(at, at + 1, len);
  s.lens[c] = len - 1;
  s.counts[c][key & 3]--;
}

function insertKey(s: SearchState, c: number, key: number): void {
  const keys = s.keys[c];
  const len = s.lens[c];
  const at = lowerBound(keys, len, key);
  keys.copyWithin(at + 1, at, len);
  keys[at] = key;
  s.lens[c] = len + 1;
  s.counts[c][key & 3]++;
}

/** Replaces patient i's fields, keeps the sorted arrays in step and marks touched components. */
export function setPatient(s: SearchState, i: number, p: PatientTicks): void {
  const before = s.keyScratch;
  for (let c = 0; c < COMPONENTS; c++) before[c] = keyFor(s, i, c);
  s.calc[i] = p.calc;
  s.enh[i] = p.enh;
  s.rfsTick[i] = p.rfsTick;
  s.rfsEvent[i] = p.rfsEvent;
  s.osTick[i] = p.osTick;
  s.osEvent[i] = p.osEvent;
  for (let c = 0; c < COMPONENTS; c++) {
    const after = keyFor(s, i, c);
    if (after === before[c]) continue;
    if (before[c] >= 0) removeKey(s, c, before[c]);
    if (after >= 0) insertKey(s, c, after);
    if (!s.dirty[c]) {
      s.dirty[c] = 1;
      s.backup[c].set(s.outs[c]);
      s.backupLosses[c] = s.losses[c];
      s.backupLogrank[c] = s.logrankLosses[c];
    }
  }
}

/** Current fields of patient i. */
export function getPatient(s: SearchState, i: number): PatientTicks {
  return {
    calc: s.calc[i],
    enh: s.enh[i],
    rfsTick: s.rfsTick[i],
    rfsEvent: s.rfsEvent[i],
    osTick: s.osTick[i],
    osEvent: s.osEvent[i],
  };
}

const lrScratch = new Float64Array(1);

function evaluateComponent(s: SearchState, c: number): void {
  const kind = c % 3;
  const { probes, riskTicks, riskCaps, polish } = s.objective;
  if (kind === 2) passCohort(s.keys[c], s.lens[c], s.outs[c], s.scratch, c === 5 ? EARLY_CENSOR_TICK : 0, probes[c], riskTicks[c]);
  else passGrouping(s.keys[c], s.lens[c], GROUP_COUNTS[kind], s.outs[c], s.scratch, probes[c], s.counts[c]);
  s.losses[c] = componentLoss(s.outs[c], s.slots[c], kind === 2, lrScratch, riskCaps[c], polish);
  s.logrankLosses[c] = lrScratch[0];
}

/** Recomputes the dirty components; returns the new total loss (dirty flags stay set until commit/rollback). */
export function evaluateDirty(s: SearchState): number {
  return evaluateDirtyBounded(s, Number.POSITIVE_INFINITY);
}

/**
 * {@link evaluateDirty} with early rejection: components are evaluated one by one and, as soon as
 * the increase so far minus the most the remaining ones could still fall (their current loss,
 * losses being ≥ 0) exceeds `limit`, evaluation stops and NaN is returned. The Metropolis test
 * "accept iff Δ ≤ −T·ln u" can thus often be decided without evaluating every touched component;
 * the decision is the same as with a full evaluation.
 */
export function evaluateDirtyBounded(s: SearchState, limit: number): number {
  const w = s.logrankWeight;
  let remaining = 0;
  for (let c = 0; c < COMPONENTS; c++) if (s.dirty[c]) remaining += s.backupLosses[c] + w * s.backupLogrank[c];
  let increase = 0;
  for (let c = 0; c < COMPONENTS; c++) {
    if (!s.dirty[c]) continue;
    const before = s.backupLosses[c] + w * s.backupLogrank[c];
    evaluateComponent(s, c);
    remaining -= before;
    increase += s.losses[c] + w * s.logrankLosses[c] - before;
    if (increase - remaining > limit) return Number.NaN;
  }
  return s.total + increase;
}

/** Total loss from the cached component losses (after a change of the log-rank weight). */
export function totalLoss(s: SearchState): number {
  let total = 0;
  for (let c = 0; c < COMPONENTS; c++) total += s.losses[c] + s.logrankWeight * s.logrankLosses[c];
  return total;
}

/** Accepts the pending change. */
export function commit(s: SearchState, total: number): void {
  s.total = total;
  s.dirty.fill(0);
}

/** Restores cached outputs of dirty components (the caller has already undone the patient changes). */
export function rollback(s: SearchState): void {
  for (let c = 0; c < COMPONENTS; c++) {
    if (s.dirty[c]) {
      s.outs[c].set(s.backup[c]);
      s.losses[c] = s.backupLosses[c];
      s.logrankLosses[c] = s.backupLogrank[c];
    }
  }
  s.dirty.fill(0);
}

/** Soft-target failures of the current state (fast evaluators). */
export function countFailures(s: SearchState): number {
  let fails = 0;
  for (let c = 0; c < COMPONENTS; c++) fails += componentFailures(s.outs[c], s.slots[c]);
  return fails;
}

/** Whether patient i is in either subcohort (its bins are then fixed by the at-risk counts). */
export function isConstrained(s: SearchState, i: number): boolean {
  return s.calc[i] >= 0 || s.enh[i] >= 0;
}

/** (RFS bin, OS bin) profile of patient i as one number 0..15. */
export function profileOf(s: SearchState, i: number): number {
  return binOf(s.rfsTick[i]) * 4 + binOf(s.osTick[i]);
}
