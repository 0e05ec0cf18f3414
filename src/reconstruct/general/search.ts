/**
 * The search: a random start, an annealed fit until every hard constraint and soft target holds,
 * and a walk that keeps them all while it wanders (each kept state is an ensemble member).
 *
 * Moves (each touches only the pieces it changes):
 * - a time: near its current value, anywhere in its at-risk interval, or anywhere up to the horizon;
 * - an event flag (with nested endpoints: the second endpoint's; a first endpoint tied to it follows);
 * - with nested endpoints: a first-endpoint event (recurrence) added before the second endpoint's
 *   time, or removed (the first endpoint then ends with the second);
 * - two patients' labels of one grouping swapped (this moves who was assessed for which sign).
 *
 * Nested endpoints: the first endpoint's time never exceeds the second's. A patient without a
 * separate first event has equal times; its first-endpoint flag is the second's when an event of the
 * second also ends the first (`firstIncludesSecond`, RFS = recurrence or death), else 0.
 */
import type { Random } from '../random.ts';
import { createRandom } from '../random.ts';
import type { Problem } from './problem.ts';
import { structuredStart } from './start.ts';
import type { Patients, State } from './state.ts';
import { commit, createState, evaluate, rollback, snapshot, touchLabel, touchPatientEndpoint } from './state.ts';

/** Annealing settings of a fit. */
export interface FitOptions {
  readonly iterations: number;
  readonly startTemperature: number;
  readonly endTemperature: number;
}

/** Cost of one patient off a number at risk while the soft targets are fitted. */
const HARD_WEIGHT = 3;

export const FIT: FitOptions = { iterations: 150_000, startTemperature: 1, endTemperature: 0.01 };

/** At-risk bin edges per endpoint (sorted distinct ticks of every table). */
export function binEdges(problem: Problem): number[][] {
  return problem.endpoints.map((_, e) => {
    const ticks = new Set<number>([0]);
    for (const c of problem.curves) if (c.endpoint === e) for (const r of c.atRisk) ticks.add(r.tick);
    return [...ticks].sort((a, b) => a - b);
  });
}

/** A random start: labels shuffled over patients, times drawn from the cohort's exits per interval. */
export function randomStart(problem: Problem, rng: Random): Patients {
  const n = problem.n;
  const edges = binEdges(problem);
  const time = problem.endpoints.map((_, e) => {
    // Exits per interval from the largest table of this endpoint, spread uniformly inside.
    const tables = problem.curves.filter((c) => c.endpoint === e && c.atRisk.length > 0);
    const byGrouping = new Map<number, typeof tables>();
    for (const c of tables) byGrouping.set(c.grouping, [...(byGrouping.get(c.grouping) ?? []), c]);
    const e0 = edges[e];
    const mass = new Float64Array(e0.length);
    const best = [...byGrouping.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    for (const c of best) {
      for (let k = 0; k < e0.length; k++) {
        const at = (tick: number) => {
          // count at risk at tick from the table (step function through its times)
          let v = c.atRisk[0].count;
          for (const r of c.atRisk) if (r.tick <= tick) v = r.count;
          return v;
        };
        mass[k] += at(e0[k]) - (k + 1 < e0.length ? at(e0[k + 1]) : 0);
      }
    }
    const total = mass.reduce((a, b) => a + b, 0);
    return Int32Array.from({ length: n }, () => {
      let pick = rng.float() * (total || 1);
      let k = 0;
      while (k < e0.length - 1 && pick >= mass[k]) pick -= mass[k++];
      const lo = Math.max(1, e0[k]);
      const hi = k + 1 < e0.length ? e0[k + 1] - 1 : problem.horizon;
      return lo + rng.int(Math.max(1, hi - lo + 1));
    });
  });
  const event = problem.endpoints.map(() => Uint8Array.from({ length: n }, () => (rng.float() < 0.5 ? 1 : 0)));
  if (problem.nested) {
    for (let i = 0; i < n; i++) {
      if (time[0][i] >= time[1][i] || rng.float() < 0.5) {
        time[0][i] = time[1][i];
        event[0][i] = problem.firstIncludesSecond ? event[1][i] : 0;
      } else event[0][i] = 1;
    }
  }
  const label = problem.groupings.map((g) => {
    const l = new Int8Array(n).fill(-1);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let at = 0;
    g.sizes.forEach((size, k) => {
      for (let m = 0; m < size; m++) l[order[at++]] = k;
    });
    return l;
  });
  return { time, event, label };
}

/** Saved fields of the (at most two) patients a move changes. */
interface Undo {
  count: number;
  readonly who: Int32Array;
  readonly time: Int32Array[];
  readonly event: Uint8Array[];
  readonly label: Int8Array[];
}

function createUndo(problem: Problem): Undo {
  return {
    count: 0,
    who: new Int32Array(2),
    time: problem.endpoints.map(() => new Int32Array(2)),
    event: problem.endpoints.map(() => new Uint8Array(2)),
    label: problem.groupings.map(() => new Int8Array(2)),
  };
}

function save(s: State, u: Undo, i: number): void {
  const k = u.count++;
  u.who[k] = i;
  for (let e = 0; e < s.time.length; e++) {
    u.time[e][k] = s.time[e][i];
    u.event[e][k] = s.event[e][i];
  }
  for (let g = 0; g < s.label.length; g++) u.label[g][k] = s.label[g][i];
}

function restore(s: State, u: Undo): void {
  for (let k = u.count - 1; k >= 0; k--) {
    const i = u.who[k];
    for (let e = 0; e < s.time.length; e++) {
      s.time[e][i] = u.time[e][k];
      s.event[e][i] = u.event[e][k];
    }
    for (let g = 0; g < s.label.length; g++) s.label[g][i] = u.label[g][k];
  }
  u.count = 0;
}

/** Everything a chain needs besides the state. */
export interface Mover {
  readonly problem: Problem;
  readonly edges: number[][];
  readonly undo: Undo;
  readonly rng: Random;
}

function binRange(m: Mover, e: number, t: number): [number, number] {
  const edges = m.edges[e];
  let k = edges.length - 1;
  while (k > 0 && edges[k] > t) k--;
  return [Math.max(1, edges[k]), k + 1 < edges.length ? edges[k + 1] - 1 : m.problem.horizon];
}

function proposeTime(m: Mover, e: number, current: number, lo: number, hi: number): number {
  const { rng, problem } = m;
  const r = rng.float();
  let t: number;
  if (r < 0.45) {
    const step = Math.max(1, Math.round([0.002, 0.01, 0.04][rng.int(3)] * problem.horizon));
    t = current + Math.round(rng.normal() * step);
  } else if (r < 0.85) {
    const [a, b] = binRange(m, e, current);
    t = a + rng.int(b - a + 1);
  } else t = 1 + rng.int(problem.horizon);
  return Math.min(hi, Math.max(lo, t));
}

/**
 * A patient to move: while few targets fail, half the time one who belongs to a failing curve or
 * test (a random start in the list, then the first member), else anyone.
 */
function pickPatient(s: State, m: Mover): number {
  const { rng, problem } = m;
  const n = s.n;
  if (s.failing + s.hardMisses === 0 || rng.float() < 0.5) return rng.int(n);
  const pieces = s.cost.length;
  let piece = -1;
  let seen = 0;
  for (let k = 0; k < pieces; k++) {
    if (s.fails[k] + s.hard[k] > 0 && rng.int(++seen) === 0) piece = k;
  }
  if (piece < 0 || piece >= problem.curves.length) return rng.int(n);
  const curve = problem.curves[piece];
  if (curve.grouping < 0) return rng.int(n);
  const label = s.label[curve.grouping];
  const start = rng.int(n);
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    if (label[i] === curve.group) return i;
  }
  return rng.int(n);
}

/**
 * Aim: for a failing quartile, put an event (a censoring, for follow-up) of a patient of that curve
 * at a time inside the target's printed interval, if the patient's at-risk interval allows it.
 */
function aim(s: State, m: Mover): boolean {
  const { problem, rng, undo } = m;
  let q = -1;
  let seen = 0;
  for (let k = 0; k < problem.quartiles.length; k++) {
    const t = problem.quartiles[k];
    if (t.target.notReached) continue;
    const v = s.quartileValue[k];
    if (Number.isFinite(v) && v >= t.acceptLo && v <= t.acceptHi) continue;
    if (rng.int(++seen) === 0) q = k;
  }
  if (q < 0) return false;
  const target = problem.quartiles[q];
  const followUp = target.curve < 0;
  const curve = followUp ? null : problem.curves[target.curve];
  const e = curve ? curve.endpoint : problem.endpoints.length - 1;
  const lo = Math.max(1, Math.ceil(target.aimLo));
  const hi = Math.max(lo, Math.floor(target.aimHi));
  const t = lo + rng.int(hi - lo + 1);
  const n = s.n;
  const start = rng.int(n);
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    if (curve && curve.grouping >= 0 && s.label[curve.grouping][i] !== curve.group) continue;
    if (binIndex(m, e, s.time[e][i]) !== binIndex(m, e, t)) continue;
    save(s, undo, i);
    touchPatientEndpoint(s, i, e);
    if (problem.nested) touchPatientEndpoint(s, i, 1 - e);
    const want = followUp ? 0 : 1;
    if (!problem.nested) {
      s.time[e][i] = t;
      s.event[e][i] = want;
      return true;
    }
    const tied = isTied(s, problem, i);
    if (e === 1) {
      if (!tied && t <= s.time[0][i]) return false;
      s.time[1][i] = t;
      s.event[1][i] = want;
      if (tied) {
        s.time[0][i] = t;
        s.event[0][i] = problem.firstIncludesSecond ? want : 0;
      }
    } else {
      if (t >= s.time[1][i]) return false;
      s.time[0][i] = t;
      s.event[0][i] = 1;
    }
    return true;
  }
  return false;
}

/** Nested endpoints: patient i has no first-endpoint event of its own (its first time is its second). */
function isTied(s: State, problem: Problem, i: number): boolean {
  return s.time[0][i] === s.time[1][i] && !(s.event[0][i] === 1 && !problem.firstIncludesSecond);
}

/** Another patient with i's labels in every grouping and the other event flag on endpoint e, or −1. */
function sameGroups(s: State, m: Mover, i: number, e: number): number {
  const n = s.n;
  const start = m.rng.int(n);
  outer: for (let k = 0; k < n; k++) {
    const j = (start + k) % n;
    if (s.event[e][j] === s.event[e][i]) continue;
    for (let g = 0; g < s.label.length; g++) if (s.label[g][j] !== s.label[g][i]) continue outer;
    return j;
  }
  return -1;
}

/** Fine-bin profile of patient i (bins of every endpoint), as one number. */
function profile(s: State, m: Mover, i: number): number {
  let key = 0;
  for (let e = 0; e < s.time.length; e++) key = key * 64 + binIndex(m, e, s.time[e][i]);
  return key;
}

function binIndex(m: Mover, e: number, t: number): number {
  const edges = m.edges[e];
  let k = edges.length - 1;
  while (k > 0 && edges[k] > t) k--;
  return k;
}

/** A patient with the same bins as i but another label in grouping g (so a swap keeps the numbers at risk), or −1. */
function partner(s: State, m: Mover, i: number, g: number): number {
  const n = s.n;
  const label = s.label[g];
  const want = profile(s, m, i);
  const start = m.rng.int(n);
  for (let k = 0; k < n; k++) {
    const j = (start + k) % n;
    if (label[j] !== label[i] && profile(s, m, j) === want) return j;
  }
  return -1;
}

/** Proposes one move and applies it (pieces touched, old fields saved); false if none was possible. */
export function propose(s: State, m: Mover): boolean {
  const { problem, rng, undo } = m;
  const n = s.n;
  const r = rng.float();
  const last = problem.endpoints.length - 1;
  if (r < 0.22 && problem.groupings.length > 0) {
    const g = rng.int(problem.groupings.length);
    const label = s.label[g];
    const i = pickPatient(s, m);
    const j = s.hardMisses > 0 ? rng.int(n) : partner(s, m, i, g);
    if (j < 0 || label[i] === label[j]) return false;
    save(s, undo, i);
    save(s, undo, j);
    touchLabel(s, g, label[i], label[j]);
    const li = label[i];
    label[i] = label[j];
    label[j] = li;
    return true;
  }
  if (r < 0.36) {
    // Event swap: two patients of the same groups exchange the last endpoint's event flags (an event
    // moves to another time without changing any group's size or numbers at risk).
    const i = pickPatient(s, m);
    const j = sameGroups(s, m, i, last);
    if (j < 0) return false;
    save(s, undo, i);
    save(s, undo, j);
    for (const k of [i, j]) {
      touchPatientEndpoint(s, k, last);
      if (problem.nested) touchPatientEndpoint(s, k, 0);
    }
    const tiedI = problem.nested && isTied(s, problem, i);
    const tiedJ = problem.nested && isTied(s, problem, j);
    const ei = s.event[last][i];
    s.event[last][i] = s.event[last][j];
    s.event[last][j] = ei;
    if (tiedI) s.event[0][i] = problem.firstIncludesSecond ? s.event[1][i] : 0;
    if (tiedJ) s.event[0][j] = problem.firstIncludesSecond ? s.event[1][j] : 0;
    return true;
  }
  if (r < 0.44 && s.failing > 0) return aim(s, m);
  const i = pickPatient(s, m);
  save(s, undo, i);
  if (!problem.nested) {
    const e = rng.int(problem.endpoints.length);
    touchPatientEndpoint(s, i, e);
    if (r < 0.52) s.event[e][i] ^= 1;
    else s.time[e][i] = proposeTime(m, e, s.time[e][i], 1, problem.horizon);
    return true;
  }
  // Nested endpoints (first ≤ second).
  const tied = isTied(s, problem, i);
  touchPatientEndpoint(s, i, 0);
  touchPatientEndpoint(s, i, 1);
  if (r < 0.5) {
    s.event[1][i] ^= 1;
    if (tied) s.event[0][i] = problem.firstIncludesSecond ? s.event[1][i] : 0;
    return true;
  }
  if (r < 0.62) {
    if (tied) {
      if (s.time[1][i] <= 1) return false;
      s.time[0][i] = proposeTime(m, 0, s.time[1][i] - 1, 1, s.time[1][i] - 1);
      s.event[0][i] = 1;
    } else {
      s.time[0][i] = s.time[1][i];
      s.event[0][i] = problem.firstIncludesSecond ? s.event[1][i] : 0;
    }
    return true;
  }
  if (r < 0.78 && !tied) {
    if (s.time[1][i] <= 1) return false;
    s.time[0][i] = proposeTime(m, 0, s.time[0][i], 1, s.time[1][i] - 1);
    return true;
  }
  const t = proposeTime(m, 1, s.time[1][i], tied ? 1 : s.time[0][i] + 1, problem.horizon);
  if (tied) s.time[0][i] = t;
  s.time[1][i] = t;
  return true;
}

/** Undoes the proposed move. */
export function reject(s: State, m: Mover): void {
  restore(s, m.undo);
  rollback(s);
}

/** Keeps the proposed move. */
export function accept(s: State, m: Mover): void {
  m.undo.count = 0;
  commit(s);
}

/** Whether every hard constraint and soft target holds. */
export function allMet(s: State): boolean {
  return s.hardMisses === 0 && s.failing === 0;
}

/**
 * Anneals until every constraint holds (then returns the iterations used) or the budget runs out
 * (returns −1). First the numbers at risk alone (a pure counting problem), then the soft targets
 * with every number at risk kept exact ({@link polishFrom} then brings values inside their
 * printed intervals).
 */
export function fit(s: State, m: Mover, options: FitOptions = FIT): number {
  const { iterations, startTemperature: t0, endTemperature: t1 } = options;
  let it = 0;
  // Phase 1: numbers at risk (cost = patients off), greedy with a little noise.
  while (s.hardMisses > 0 && it < iterations) {
    it++;
    const before = s.hardMisses;
    if (!propose(s, m)) {
      reject(s, m);
      continue;
    }
    evaluate(s);
    const delta = s.hardMisses - before;
    if (delta <= 0 || m.rng.float() < Math.exp(-delta / 0.3)) accept(s, m);
    else reject(s, m);
  }
  if (s.hardMisses > 0) return -1;
  // Phase 2: soft targets; a patient off a number at risk costs HARD_WEIGHT, so the search may
  // cross a bin edge on its way, but it only stops with every number at risk exact. The
  // temperature restarts (at a third of the last start) whenever a cycle ends without success.
  const budget = iterations - it;
  const cycle = Math.max(20_000, Math.floor(budget / 4));
  // A start that met every number at risk keeps them all (the moves can do without leaving them).
  const weight = it === 0 ? Number.POSITIVE_INFINITY : HARD_WEIGHT;
  let done = allMet(s) ? it : -1;
  let start = t0;
  for (let k = 0; done < 0 && k < budget; k++) {
    it++;
    const phase = k % cycle;
    if (phase === 0 && k > 0) start = Math.max(t1 * 10, start / 3);
    const temperature = start * Math.exp((Math.log(t1 / start) * phase) / cycle);
    // The log-rank tests weigh little at first and fully from half the cycle on: their targets
    // are narrow and depend on every patient, so they are settled last.
    const lr = Math.min(1, 0.01 + (2 * phase) / cycle);
    const objective = () => s.total - (1 - lr) * s.logrankTotal + (s.hardMisses ? weight * s.hardMisses : 0);
    const before = objective();
    if (!propose(s, m)) {
      reject(s, m);
      continue;
    }
    evaluate(s);
    const delta = objective() - before;
    if (delta <= 0 || m.rng.float() < Math.exp(-delta / temperature)) accept(s, m);
    else reject(s, m);
    if (allMet(s)) done = it;
  }
  return done;
}

/** One step of the walk: any move that keeps every constraint is kept. Returns whether it moved. */
export function walkStep(s: State, m: Mover): boolean {
  if (!propose(s, m)) {
    reject(s, m);
    return false;
  }
  evaluate(s);
  if (allMet(s)) {
    accept(s, m);
    return true;
  }
  reject(s, m);
  return false;
}

/** Walk steps before the first member, in units of `thin`. */
export const BURN_IN_THINS = 4;

/** A chain's result: its members (snapshots of the walk), or none when the fit failed. */
export interface ChainResult {
  readonly seed: number;
  readonly fitIterations: number;
  readonly members: Patients[];
  readonly walkAcceptance: number;
}

/** Fits from a random start, then walks and keeps every `thin`-th state (`members` of them). */
export function runChain(problem: Problem, seed: number, members: number, thin: number, options: FitOptions = FIT): ChainResult {
  const rng = createRandom(seed);
  const mover: Mover = { problem, edges: binEdges(problem), undo: createUndo(problem), rng };
  const s = createState(problem, structuredStart(problem, rng, mover.edges) ?? randomStart(problem, rng));
  const fitIterations = fit(s, mover, options);
  if (fitIterations < 0) return { seed, fitIterations, members: [], walkAcceptance: 0 };
  const out: Patients[] = [];
  let moved = 0;
  let steps = 0;
  // Burn-in: a fit stops as soon as every target holds, on the edge of what the numbers allow;
  // the walk first moves away from that edge before any member is kept.
  for (let k = 0; k < BURN_IN_THINS * thin; k++) walkStep(s, mover);
  while (out.length < members) {
    for (let k = 0; k < thin; k++) {
      if (walkStep(s, mover)) moved++;
      steps++;
    }
    out.push(snapshot(s));
  }
  return { seed, fitIterations, members: out, walkAcceptance: steps ? moved / steps : 0 };
}

/**
 * Polishes given patients (which meet every constraint): a low-temperature walk that keeps every
 * constraint and prefers values inside their printed intervals.
 */
export function polishFrom(problem: Problem, patients: Patients, seed: number, iterations: number): Patients {
  const rng = createRandom(seed);
  const mover: Mover = { problem, edges: binEdges(problem), undo: createUndo(problem), rng };
  const s = createState(problem, patients);
  if (!allMet(s)) throw new Error('internal: polishFrom needs a reconstruction that meets every constraint');
  for (let k = 0; k < iterations && s.total > 0; k++) {
    const before = s.total;
    if (!propose(s, mover)) {
      reject(s, mover);
      continue;
    }
    evaluate(s);
    if (allMet(s) && (s.total <= before || rng.float() < Math.exp(-(s.total - before) / 0.01))) accept(s, mover);
    else reject(s, mover);
  }
  return snapshot(s);
}
