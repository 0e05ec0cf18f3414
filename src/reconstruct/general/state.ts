/**
 * The mutable state of one search and its fast evaluation.
 *
 * Patients are columns of typed arrays: a time in ticks and an event flag per endpoint, a label per
 * grouping (−1 = not assessed). The targets are grouped into *pieces*: one per Kaplan–Meier curve
 * (its numbers at risk and quartiles), one for the reverse-KM follow-up, one per log-rank test.
 * A move marks the pieces it touches; only those are recomputed, and a rejected move restores
 * their cached costs.
 *
 * The evaluators follow R: at risk at t counts times ≥ t; KM quartiles by `quantile.survfit`'s rule
 * (the midpoint where the curve is flat exactly at 1 − p); reverse KM with the event flag
 * flipped; `survdiff`'s χ² with the generalized inverse. The statistics core re-checks every
 * accepted reconstruction (fidelity.ts), so a slip here shows as a failed target, not a wrong file.
 */
import { quadraticFormGeneralizedInverse } from '../../stats/log-rank.ts';
import type { Problem } from './problem.ts';

/** Cost of a quartile reached where the target says "not reached" (and vice versa), before the slope. */
const NR_STEP = 4;
const TOL = 1e-9;

/** The patients of a search (one row per patient). */
export interface Patients {
  readonly time: Int32Array[];
  readonly event: Uint8Array[];
  readonly label: Int8Array[];
}

export interface State extends Patients {
  readonly problem: Problem;
  readonly n: number;
  /** Per piece: cost of the soft targets, failed soft targets, patients off the numbers at risk. */
  readonly cost: Float64Array;
  readonly fails: Int32Array;
  readonly hard: Int32Array;
  total: number;
  /** The log-rank pieces' share of `total`. */
  logrankTotal: number;
  failing: number;
  hardMisses: number;
  /** Largest time of the curve last stepped through (the end of a flat last stretch). */
  lastTime: number;
  /** Pending change: touched pieces and their previous values. */
  readonly dirty: Uint8Array;
  readonly dirtyList: Int32Array;
  dirtyCount: number;
  readonly savedCost: Float64Array;
  readonly savedFails: Int32Array;
  readonly savedHard: Int32Array;
  /** Quartile target indices per curve piece. */
  readonly targetsOfCurve: readonly number[][];
  readonly followUpTargets: readonly number[];
  /** Piece index of the follow-up and of the first log-rank test. */
  readonly followUpPiece: number;
  readonly logrankPiece: number;
  /** Logrank piece index per (endpoint, grouping), −1 when the paper gives none. */
  readonly logrankOf: readonly (readonly number[])[];
  readonly keys: Int32Array;
  readonly evT: Float64Array;
  readonly evS: Float64Array;
  /** Last evaluated values (ticks; Infinity = not reached; √χ² for log-rank), per quartile / log-rank target. */
  readonly quartileValue: Float64Array;
  readonly logrankValue: Float64Array;
}

/** Builds a state around patients (copied) and evaluates every piece. */
export function createState(problem: Problem, patients: Patients): State {
  const n = problem.n;
  const pieces = problem.curves.length + 1 + problem.logrank.length;
  const targetsOfCurve = problem.curves.map(() => [] as number[]);
  const followUpTargets: number[] = [];
  problem.quartiles.forEach((q, k) => (q.curve >= 0 ? targetsOfCurve[q.curve].push(k) : followUpTargets.push(k)));
  const logrankOf = problem.endpoints.map(() => problem.groupings.map(() => -1));
  problem.logrank.forEach((l, k) => (logrankOf[l.endpoint][l.grouping] = problem.curves.length + 1 + k));
  const s: State = {
    problem,
    n,
    time: patients.time.map((a) => Int32Array.from(a)),
    event: patients.event.map((a) => Uint8Array.from(a)),
    label: patients.label.map((a) => Int8Array.from(a)),
    cost: new Float64Array(pieces),
    fails: new Int32Array(pieces),
    hard: new Int32Array(pieces),
    total: 0,
    logrankTotal: 0,
    failing: 0,
    hardMisses: 0,
    lastTime: 0,
    dirty: new Uint8Array(pieces),
    dirtyList: new Int32Array(pieces),
    dirtyCount: 0,
    savedCost: new Float64Array(pieces),
    savedFails: new Int32Array(pieces),
    savedHard: new Int32Array(pieces),
    targetsOfCurve,
    followUpTargets,
    followUpPiece: problem.curves.length,
    logrankPiece: problem.curves.length + 1,
    logrankOf,
    keys: new Int32Array(n),
    evT: new Float64Array(n + 1),
    evS: new Float64Array(n + 1),
    quartileValue: new Float64Array(problem.quartiles.length),
    logrankValue: new Float64Array(problem.logrank.length),
  };
  for (let k = 0; k < pieces; k++) evaluatePiece(s, k);
  recount(s);
  return s;
}

function recount(s: State): void {
  let total = 0;
  let failing = 0;
  let hard = 0;
  for (let k = 0; k < s.cost.length; k++) {
    total += s.cost[k];
    failing += s.fails[k];
    hard += s.hard[k];
  }
  s.total = total;
  s.failing = failing;
  s.hardMisses = hard;
  let lr = 0;
  for (let k = s.logrankPiece; k < s.cost.length; k++) lr += s.cost[k];
  s.logrankTotal = lr;
}

/** Huber-like cost of a distance in scale units: quadratic inside 1, linear beyond. */
function huber(d: number): number {
  return d <= 1 ? d * d : 2 * d - 1;
}

/** Sorts keys[0..m) ascending. */
function sortKeys(keys: Int32Array, m: number): void {
  keys.subarray(0, m).sort();
}

/** KM steps of keys[0..m) (key = tick·2 + (1 − event)) into evT/evS; returns the number of event times. */
function kmSteps(s: State, m: number): number {
  const { keys, evT, evS } = s;
  let atRisk = m;
  let surv = 1;
  let ne = 0;
  let j = 0;
  while (j < m) {
    const t = keys[j] >> 1;
    let d = 0;
    let c = 0;
    while (j < m && keys[j] >> 1 === t) {
      if (keys[j] & 1) c++;
      else d++;
      j++;
    }
    if (d > 0) {
      surv *= 1 - d / atRisk;
      evT[ne] = t;
      evS[ne] = surv;
      ne++;
    }
    atRisk -= d + c;
  }
  s.lastTime = m > 0 ? keys[m - 1] >> 1 : 0;
  return ne;
}

/**
 * Quantile (1 − S = p) of the steps by `quantile.survfit`'s rule: where the curve is flat exactly at
 * 1 − p, the midpoint to the next drop, or to the last time when the curve ends there; Infinity
 * when not reached.
 */
function quantileOf(s: State, ne: number, p: number): number {
  const target = 1 - p;
  const { evT, evS } = s;
  for (let k = 0; k < ne; k++) {
    if (evS[k] <= target + TOL) {
      if (Math.abs(evS[k] - target) < TOL) return (evT[k] + (k + 1 < ne ? evT[k + 1] : s.lastTime)) / 2;
      return evT[k];
    }
  }
  return Number.POSITIVE_INFINITY;
}

function quartileCost(s: State, q: number, ne: number): number {
  const target = s.problem.quartiles[q];
  const v = quantileOf(s, ne, target.p);
  s.quartileValue[q] = v;
  const lowest = ne > 0 ? s.evS[ne - 1] : 1;
  if (target.target.notReached) {
    if (!Number.isFinite(v)) return 0;
    return NR_STEP + (1 - target.p - lowest + 0.001) / 0.02;
  }
  if (!Number.isFinite(v)) return NR_STEP + (lowest - (1 - target.p)) / 0.02;
  const d = Math.max(target.aimLo - v, v - target.aimHi, 0) / target.scale;
  return huber(d);
}

function quartilePasses(s: State, q: number): boolean {
  const target = s.problem.quartiles[q];
  const v = s.quartileValue[q];
  if (target.target.notReached) return !Number.isFinite(v);
  return Number.isFinite(v) && v >= target.acceptLo - TOL && v <= target.acceptHi + TOL;
}

function evaluateCurve(s: State, c: number): void {
  const curve = s.problem.curves[c];
  const time = s.time[curve.endpoint];
  const event = s.event[curve.endpoint];
  const label = curve.grouping >= 0 ? s.label[curve.grouping] : null;
  const { keys } = s;
  let m = 0;
  for (let i = 0; i < s.n; i++) {
    if (label === null || label[i] === curve.group) keys[m++] = time[i] * 2 + (event[i] ? 0 : 1);
  }
  sortKeys(keys, m);
  let hard = 0;
  for (const r of curve.atRisk) {
    // patients with time ≥ tick = m − (number of keys below tick·2)
    let lo = 0;
    let hi = m;
    const bound = r.tick * 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < bound) lo = mid + 1;
      else hi = mid;
    }
    hard += Math.abs(m - lo - r.count);
  }
  const ne = kmSteps(s, m);
  let cost = 0;
  let fails = 0;
  for (const q of s.targetsOfCurve[c]) {
    cost += quartileCost(s, q, ne);
    if (!quartilePasses(s, q)) fails++;
  }
  s.cost[c] = cost;
  s.fails[c] = fails;
  s.hard[c] = hard;
}

function evaluateFollowUp(s: State, piece: number): void {
  if (s.followUpTargets.length === 0) return;
  const e = s.problem.endpoints.length - 1;
  const time = s.time[e];
  const event = s.event[e];
  const { keys } = s;
  for (let i = 0; i < s.n; i++) keys[i] = time[i] * 2 + (event[i] ? 1 : 0);
  sortKeys(keys, s.n);
  const ne = kmSteps(s, s.n);
  let cost = 0;
  let fails = 0;
  for (const q of s.followUpTargets) {
    cost += quartileCost(s, q, ne);
    if (!quartilePasses(s, q)) fails++;
  }
  s.cost[piece] = cost;
  s.fails[piece] = fails;
}

/** Scratch of {@link logrankChiSquare}, reused between calls (groups ≤ 6). */
interface LogrankScratch {
  keys: Int32Array;
  readonly atRisk: Float64Array;
  readonly d: Float64Array;
  readonly exits: Float64Array;
  readonly u: number[];
  readonly v: number[][];
}

const MAX_GROUPS = 8;
const scratch: LogrankScratch = {
  keys: new Int32Array(256),
  atRisk: new Float64Array(MAX_GROUPS),
  d: new Float64Array(MAX_GROUPS),
  exits: new Float64Array(MAX_GROUPS),
  u: new Array<number>(MAX_GROUPS).fill(0),
  v: Array.from({ length: MAX_GROUPS }, () => new Array<number>(MAX_GROUPS).fill(0)),
};

/** survdiff's χ² of endpoint e by grouping g (first group with positive variance dropped). */
export function logrankChiSquare(s: Patients, e: number, g: number, groups: number): number {
  const time = s.time[e];
  const event = s.event[e];
  const label = s.label[g];
  const n = time.length;
  if (scratch.keys.length < n) scratch.keys = new Int32Array(n);
  const { keys, atRisk, d, exits, u, v } = scratch;
  atRisk.fill(0);
  for (let a = 0; a < groups; a++) {
    u[a] = 0;
    for (let b = 0; b < groups; b++) v[a][b] = 0;
  }
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (label[i] < 0) continue;
    keys[m++] = ((time[i] * 2 + (event[i] ? 0 : 1)) << 3) | label[i];
    atRisk[label[i]]++;
  }
  keys.subarray(0, m).sort();
  let j = 0;
  let total = m;
  while (j < m) {
    const t = keys[j] >> 4;
    let dAll = 0;
    let out = 0;
    for (let a = 0; a < groups; a++) {
      d[a] = 0;
      exits[a] = 0;
    }
    while (j < m && keys[j] >> 4 === t) {
      const k = keys[j] & 7;
      if (!((keys[j] >> 3) & 1)) {
        d[k]++;
        dAll++;
      }
      exits[k]++;
      out++;
      j++;
    }
    if (dAll > 0) {
      const factor = total > 1 ? (dAll * (total - dAll)) / (total * total * (total - 1)) : 0;
      for (let a = 0; a < groups; a++) {
        u[a] += d[a] - (atRisk[a] * dAll) / total;
        for (let b = 0; b < groups; b++) v[a][b] += factor * atRisk[a] * ((a === b ? total : 0) - atRisk[b]);
      }
    }
    for (let a = 0; a < groups; a++) atRisk[a] -= exits[a];
    total -= out;
  }
  let first = -1;
  for (let a = 0; a < groups; a++) {
    if (v[a][a] > 0) {
      first = a;
      break;
    }
  }
  if (first < 0) return 0;
  if (groups === 2) {
    const other = 1 - first;
    return v[other][other] > 0 ? (u[other] * u[other]) / v[other][other] : 0;
  }
  const keep: number[] = [];
  for (let a = first + 1; a < groups; a++) if (v[a][a] > 0) keep.push(a);
  if (keep.length === 0) return 0;
  return quadraticFormGeneralizedInverse(
    keep.map((a) => u[a]),
    keep.map((a) => keep.map((b) => v[a][b])),
  );
}

function evaluateLogrank(s: State, piece: number): void {
  const k = piece - s.logrankPiece;
  const target = s.problem.logrank[k];
  const root = Math.sqrt(Math.max(0, logrankChiSquare(s, target.endpoint, target.grouping, s.problem.groupings[target.grouping].levels.length)));
  s.logrankValue[k] = root;
  const scale = Math.max((target.acceptHi - target.acceptLo) / 2, 0.02);
  s.cost[piece] = huber(Math.max(target.aimLo - root, root - target.aimHi, 0) / scale);
  s.fails[piece] = root >= target.acceptLo - TOL && root <= target.acceptHi + TOL ? 0 : 1;
}

function evaluatePiece(s: State, piece: number): void {
  if (piece < s.followUpPiece) evaluateCurve(s, piece);
  else if (piece === s.followUpPiece) evaluateFollowUp(s, piece);
  else evaluateLogrank(s, piece);
}

/** Marks a piece as touched by the pending move (saving its values for a rollback). */
export function touch(s: State, piece: number): void {
  if (piece < 0 || s.dirty[piece]) return;
  s.dirty[piece] = 1;
  s.dirtyList[s.dirtyCount++] = piece;
  s.savedCost[piece] = s.cost[piece];
  s.savedFails[piece] = s.fails[piece];
  s.savedHard[piece] = s.hard[piece];
}

/** Marks every piece a change of patient i's endpoint e touches. */
export function touchPatientEndpoint(s: State, i: number, e: number): void {
  const p = s.problem;
  touch(s, p.curveIndex(e, -1, 0));
  for (let g = 0; g < p.groupings.length; g++) {
    const l = s.label[g][i];
    if (l >= 0) {
      touch(s, p.curveIndex(e, g, l));
      touch(s, s.logrankOf[e][g]);
    }
  }
  if (e === p.endpoints.length - 1) touch(s, s.followUpPiece);
}

/** Marks every piece a change of the label of grouping g from `from` to `to` touches. */
export function touchLabel(s: State, g: number, from: number, to: number): void {
  const p = s.problem;
  for (let e = 0; e < p.endpoints.length; e++) {
    if (from >= 0) touch(s, p.curveIndex(e, g, from));
    if (to >= 0) touch(s, p.curveIndex(e, g, to));
    touch(s, s.logrankOf[e][g]);
  }
}

/** Re-evaluates the touched pieces and updates the totals. */
export function evaluate(s: State): void {
  for (let k = 0; k < s.dirtyCount; k++) {
    const piece = s.dirtyList[k];
    s.total -= s.savedCost[piece];
    s.failing -= s.savedFails[piece];
    s.hardMisses -= s.savedHard[piece];
    evaluatePiece(s, piece);
    if (piece >= s.logrankPiece) s.logrankTotal += s.cost[piece] - s.savedCost[piece];
    s.total += s.cost[piece];
    s.failing += s.fails[piece];
    s.hardMisses += s.hard[piece];
  }
}

/** Keeps the pending change. */
export function commit(s: State): void {
  for (let k = 0; k < s.dirtyCount; k++) s.dirty[s.dirtyList[k]] = 0;
  s.dirtyCount = 0;
}

/** Restores the touched pieces' values (the caller restores the patient fields). */
export function rollback(s: State): void {
  for (let k = 0; k < s.dirtyCount; k++) {
    const piece = s.dirtyList[k];
    s.total += s.savedCost[piece] - s.cost[piece];
    if (piece >= s.logrankPiece) s.logrankTotal += s.savedCost[piece] - s.cost[piece];
    s.failing += s.savedFails[piece] - s.fails[piece];
    s.hardMisses += s.savedHard[piece] - s.hard[piece];
    s.cost[piece] = s.savedCost[piece];
    s.fails[piece] = s.savedFails[piece];
    s.hard[piece] = s.savedHard[piece];
    s.dirty[piece] = 0;
  }
  s.dirtyCount = 0;
}

/** Copy of the patients. */
export function snapshot(s: Patients): Patients {
  return {
    time: s.time.map((a) => Int32Array.from(a)),
    event: s.event.map((a) => Uint8Array.from(a)),
    label: s.label.map((a) => Int8Array.from(a)),
  };
}
