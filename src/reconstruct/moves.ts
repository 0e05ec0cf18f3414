/**
 * Moves of the annealer. Every move keeps each group's RFS and OS bin counts (hence all 40
 * numbers at risk), the group sizes, RFS ≤ OS, and "no recurrence ⇒ RFS censored at the OS time":
 * - time moves: an OS or RFS time (or both, keeping their gap) moves within its bin (anywhere in
 *   [1, 220] months for a patient in neither subcohort); without recurrence RFS = OS moves along;
 * - event flips: OS event; RFS event 1 → 0 only when both times share a bin (RFS then jumps to
 *   the OS time), 0 → 1 draws a recurrence time in the OS bin before the OS time;
 * - event swaps: two patients of one group with opposite OS events exchange them;
 * - label swaps: two patients with the same (RFS bin, OS bin) profile swap their calcification
 *   (or enhancement) label, one of them possibly "not assessed"; this is how the overlap of the
 *   two subcohorts changes during the search;
 * - coupling swaps: two recurrent patients in the same cell swap their RFS parts, which changes
 *   no statistic but changes profiles, so that later label swaps can reach other structures;
 * - focused moves (min-conflicts style): a share of proposals picks a patient of a group whose
 *   target is currently unsettled, near the target time, or relocates an event of that group to
 *   the target time in one compound step ({@link relocateEvent}).
 */
import * as encoding from './encoding.ts';
import * as lossModule from './loss.ts';
import type { Slot } from './loss.ts';
import type { Random } from './random.ts';
import * as state from './state.ts';
import type { PatientTicks, SearchState } from './state.ts';

// Local bindings: imported names are read through live-binding getters, measurable in this loop.
const { MAX_TICK, MIN_TICK, TICKS_PER_MONTH, binHigh, binLow, binOf } = encoding;
const { slotUnsettled } = lossModule;
const { getPatient, isConstrained, profileOf } = state;

/** A pending move: up to two patients with their new fields. */
export interface Move {
  count: number;
  readonly index: [number, number];
  readonly next: [PatientTicks | null, PatientTicks | null];
}

function newTick(rng: Random, current: number, lo: number, hi: number): number {
  if (rng.float() < 0.4) return rng.between(lo, hi);
  const scale = [3, 15, 60][rng.int(3)];
  const t = current + Math.round(rng.normal() * scale);
  return t < lo ? lo : t > hi ? hi : t;
}

function osTimeMove(s: SearchState, rng: Random, i: number): PatientTicks | null {
  const p = getPatient(s, i);
  let lo = MIN_TICK;
  let hi = MAX_TICK;
  if (isConstrained(s, i)) {
    const b = binOf(p.osTick);
    lo = binLow(b);
    hi = binHigh(b);
  }
  if (p.rfsEvent) lo = Math.max(lo, p.rfsTick + 1);
  if (lo > hi) return null;
  const t = newTick(rng, p.osTick, lo, hi);
  if (t === p.osTick) return null;
  p.osTick = t;
  if (!p.rfsEvent) p.rfsTick = t;
  return p;
}

function rfsTimeMove(s: SearchState, rng: Random, i: number): PatientTicks | null {
  const p = getPatient(s, i);
  if (!p.rfsEvent) return osTimeMove(s, rng, i);
  let lo = MIN_TICK;
  let hi = MAX_TICK;
  if (isConstrained(s, i)) {
    const b = binOf(p.rfsTick);
    lo = binLow(b);
    hi = binHigh(b);
  }
  hi = Math.min(hi, p.osTick - 1);
  if (lo > hi) return null;
  const t = newTick(rng, p.rfsTick, lo, hi);
  if (t === p.rfsTick) return null;
  p.rfsTick = t;
  return p;
}

/** Moves OS and RFS times together (a recurrent patient keeps the gap between them). */
function jointTimeMove(s: SearchState, rng: Random, i: number): PatientTicks | null {
  const p = getPatient(s, i);
  if (!p.rfsEvent) return osTimeMove(s, rng, i);
  let lo = MIN_TICK;
  let hi = MAX_TICK;
  let rLo = MIN_TICK;
  let rHi = MAX_TICK;
  if (isConstrained(s, i)) {
    const b = binOf(p.osTick);
    lo = binLow(b);
    hi = binHigh(b);
    const rb = binOf(p.rfsTick);
    rLo = binLow(rb);
    rHi = binHigh(rb);
  }
  const t = newTick(rng, p.osTick, lo, hi);
  const r = p.rfsTick + (t - p.osTick);
  if (t === p.osTick || r < rLo || r > rHi || r >= t) return null;
  p.osTick = t;
  p.rfsTick = r;
  return p;
}

function osEventFlip(s: SearchState, i: number): PatientTicks {
  const p = getPatient(s, i);
  p.osEvent = 1 - p.osEvent;
  return p;
}

function rfsEventFlip(s: SearchState, rng: Random, i: number): PatientTicks | null {
  const p = getPatient(s, i);
  const constrained = isConstrained(s, i);
  if (p.rfsEvent) {
    if (constrained && binOf(p.rfsTick) !== binOf(p.osTick)) return null;
    p.rfsEvent = 0;
    p.rfsTick = p.osTick;
    return p;
  }
  const lo = constrained ? binLow(binOf(p.osTick)) : MIN_TICK;
  const hi = p.osTick - 1;
  if (lo > hi) return null;
  p.rfsEvent = 1;
  p.rfsTick = rng.float() < 0.5 ? rng.between(lo, hi) : Math.max(lo, hi - rng.int(60));
  return p;
}

function labelSwap(s: SearchState, rng: Random, i: number, move: Move, calc: boolean): boolean {
  const labels = calc ? s.calc : s.enh;
  const profile = profileOf(s, i);
  let candidates = 0;
  let chosen = -1;
  for (let j = 0; j < s.n; j++) {
    if (labels[j] === labels[i] || profileOf(s, j) !== profile) continue;
    candidates++;
    if (rng.int(candidates) === 0) chosen = j;
  }
  if (chosen < 0) return false;
  const a = getPatient(s, i);
  const b = getPatient(s, chosen);
  if (calc) [a.calc, b.calc] = [b.calc, a.calc];
  else [a.enh, b.enh] = [b.enh, a.enh];
  setMove(move, i, a, chosen, b);
  return true;
}

function couplingSwap(s: SearchState, rng: Random, i: number, move: Move): boolean {
  if (!s.rfsEvent[i]) return false;
  let candidates = 0;
  let chosen = -1;
  for (let j = 0; j < s.n; j++) {
    if (j === i || !s.rfsEvent[j] || s.calc[j] !== s.calc[i] || s.enh[j] !== s.enh[i]) continue;
    if (s.rfsTick[j] >= s.osTick[i] || s.rfsTick[i] >= s.osTick[j]) continue;
    if (binOf(s.rfsTick[j]) === binOf(s.rfsTick[i])) continue;
    candidates++;
    if (rng.int(candidates) === 0) chosen = j;
  }
  if (chosen < 0) return false;
  const a = getPatient(s, i);
  const b = getPatient(s, chosen);
  [a.rfsTick, b.rfsTick] = [b.rfsTick, a.rfsTick];
  setMove(move, i, a, chosen, b);
  return true;
}

/**
 * Two patients of the same group (calcification or enhancement) with opposite OS events swap
 * them: the group keeps its number of deaths while the curve's shape changes.
 */
function osEventSwap(s: SearchState, rng: Random, i: number, move: Move): boolean {
  const byCalc = rng.float() < 0.5;
  const labels = byCalc ? s.calc : s.enh;
  if (labels[i] < 0) return false;
  let candidates = 0;
  let chosen = -1;
  for (let j = 0; j < s.n; j++) {
    if (labels[j] !== labels[i] || s.osEvent[j] === s.osEvent[i]) continue;
    candidates++;
    if (rng.int(candidates) === 0) chosen = j;
  }
  if (chosen < 0) return false;
  const a = getPatient(s, i);
  const b = getPatient(s, chosen);
  [a.osEvent, b.osEvent] = [b.osEvent, a.osEvent];
  setMove(move, i, a, chosen, b);
  return true;
}

function setMove(move: Move, i: number, a: PatientTicks | null, j = -1, b: PatientTicks | null = null): void {
  move.count = a === null ? 0 : b === null ? 1 : 2;
  move.index[0] = i;
  move.next[0] = a;
  move.index[1] = j;
  move.next[1] = b;
}

/** Soft targets that currently cost something, with their component. */
export interface Focus {
  readonly component: number;
  readonly slot: Slot;
}

/** Share of moves aimed at a patient involved in an unsettled target. */
const FOCUS_SHARE = 0.3;
/** A focused move picks a patient whose time lies within this many ticks of the target. */
const FOCUS_WINDOW = 150;

/** Collects the soft targets that currently cost something. */
export function unsettled(s: SearchState, into: Focus[]): void {
  into.length = 0;
  for (let c = 0; c < s.slots.length; c++) {
    for (const slot of s.slots[c]) if (slotUnsettled(s.outs[c], slot)) into.push({ component: c, slot });
  }
}

/**
 * A patient for the next move: usually uniform, sometimes (min-conflicts style) one that
 * belongs to the group of an unsettled target and, for a quartile, whose time is near it.
 */
function pickPatient(s: SearchState, rng: Random, focus: readonly Focus[]): number {
  if (focus.length === 0 || rng.float() >= FOCUS_SHARE) return rng.int(s.n);
  const { component, slot } = focus[rng.int(focus.length)];
  const kind = component % 3;
  const times = component < 3 ? s.rfsTick : s.osTick;
  const labels = kind === 0 ? s.calc : kind === 1 ? s.enh : null;
  const target = Math.round(slot.value * TICKS_PER_MONTH);
  const near = !slot.logrank;
  let candidates = 0;
  let chosen = -1;
  for (let j = 0; j < s.n; j++) {
    if (labels !== null && (labels[j] < 0 || (slot.group >= 0 && labels[j] !== slot.group))) continue;
    if (near && Math.abs(times[j] - target) > FOCUS_WINDOW) continue;
    candidates++;
    if (rng.int(candidates) === 0) chosen = j;
  }
  return chosen >= 0 ? chosen : rng.int(s.n);
}

/**
 * A focused compound move for an unsettled quartile: within the target's group, one patient
 * gives up its event (for the reverse KM of follow-up: its censoring) and another takes one,
 * at a time drawn within a month of the target when its bin allows. This moves a crossing of
 * the KM curve in one step where two single moves would each cost more than they gain.
 */
function relocateEvent(s: SearchState, rng: Random, focus: Focus, move: Move): boolean {
  const { component, slot } = focus;
  if (slot.logrank) return false;
  const os = component >= 3;
  const kind = component % 3;
  const reverse = kind === 2 && os && slot.index >= 3 && slot.index < 6;
  const labels = kind === 0 ? s.calc : kind === 1 ? s.enh : null;
  const events = os ? s.osEvent : s.rfsEvent;
  const want = reverse ? 0 : 1;
  const times = os ? s.osTick : s.rfsTick;
  const target = Math.round(slot.value * TICKS_PER_MONTH);
  const current = s.outs[component][slot.index];
  const currentTick = Number.isNaN(current) ? -1 : Math.round(current * TICKS_PER_MONTH);
  // a: the event nearest the current quartile (the crossing that sits in the wrong place) or a
  // random one; b: a non-event whose bin can hold the target time, or a random one.
  const nearest = rng.float() < 0.5;
  const fitting = rng.float() < 0.7;
  let na = 0;
  let nb = 0;
  let a = -1;
  let b = -1;
  let best = Number.POSITIVE_INFINITY;
  for (let j = 0; j < s.n; j++) {
    if (labels !== null && (labels[j] < 0 || (slot.group >= 0 && labels[j] !== slot.group))) continue;
    if (events[j] === want) {
      if (nearest && currentTick >= 0) {
        const d = Math.abs(times[j] - currentTick) + rng.float();
        if (d < best) {
          best = d;
          a = j;
        }
      } else {
        na++;
        if (rng.int(na) === 0) a = j;
      }
    } else {
      const bin = binOf(s.osTick[j]);
      const inBin = !isConstrained(s, j) || (target >= binLow(bin) && target <= binHigh(bin));
      const holds = inBin;
      if (fitting && !holds) continue;
      nb++;
      if (rng.int(nb) === 0) b = j;
    }
  }
  if (a < 0 || b < 0) return false;
  const pa = getPatient(s, a);
  const pb = getPatient(s, b);
  if (os) {
    pa.osEvent = 1 - want;
    pb.osEvent = want;
    let lo = isConstrained(s, b) ? binLow(binOf(pb.osTick)) : MIN_TICK;
    const hi = isConstrained(s, b) ? binHigh(binOf(pb.osTick)) : MAX_TICK;
    if (pb.rfsEvent) lo = Math.max(lo, pb.rfsTick + 1);
    const from = Math.max(lo, target - 10);
    const to = Math.min(hi, target + 10);
    if (from <= to) {
      pb.osTick = rng.between(from, to);
      if (!pb.rfsEvent) pb.rfsTick = pb.osTick;
    }
  } else {
    // a loses its recurrence (RFS then ends at the OS time, which must share its bin).
    if (isConstrained(s, a) && binOf(pa.rfsTick) !== binOf(pa.osTick)) return false;
    pa.rfsEvent = 0;
    pa.rfsTick = pa.osTick;
    const lo = isConstrained(s, b) ? binLow(binOf(pb.osTick)) : MIN_TICK;
    const hi = pb.osTick - 1;
    if (lo > hi) return false;
    const from = Math.max(lo, target - 10);
    const to = Math.min(hi, target + 10);
    pb.rfsEvent = 1;
    pb.rfsTick = from <= to ? rng.between(from, to) : rng.between(lo, hi);
  }
  setMove(move, a, pa, b, pb);
  return true;
}

/** Share of focused proposals that are compound relocations. */
const RELOCATE_SHARE = 0.5;

/** Draws one move (possibly none) into `move`. */
export function propose(s: SearchState, rng: Random, move: Move, focus: readonly Focus[]): void {
  if (focus.length > 0 && rng.float() < FOCUS_SHARE * RELOCATE_SHARE) {
    move.count = 0;
    relocateEvent(s, rng, focus[rng.int(focus.length)], move);
    return;
  }
  const i = pickPatient(s, rng, focus);
  const u = rng.float();
  move.count = 0;
  if (u < 0.2) setMove(move, i, osTimeMove(s, rng, i));
  else if (u < 0.38) setMove(move, i, rfsTimeMove(s, rng, i));
  else if (u < 0.46) setMove(move, i, jointTimeMove(s, rng, i));
  else if (u < 0.56) setMove(move, i, osEventFlip(s, i));
  else if (u < 0.68) setMove(move, i, rfsEventFlip(s, rng, i));
  else if (u < 0.76) osEventSwap(s, rng, i, move);
  else if (u < 0.84) labelSwap(s, rng, i, move, true);
  else if (u < 0.92) labelSwap(s, rng, i, move, false);
  else couplingSwap(s, rng, i, move);
}
