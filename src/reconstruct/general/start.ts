/**
 * A start that meets every number at risk exactly, so that the search only has to move within them.
 *
 * 1. Bins: per endpoint, the at-risk times of all its tables cut time into intervals. A group's
 *    numbers at risk give how many of its patients leave in each interval (a coarser table's counts
 *    are spread over the finer intervals at random, in proportion to their length).
 * 2. Per group, the two endpoints' intervals are paired at random into per-patient profiles with the
 *    first endpoint's interval ≤ the second's (nested endpoints; Hall's condition keeps every
 *    remaining pairing possible).
 * 3. Groupings are laid over each other: a patient of the next grouping joins an earlier patient with
 *    the same profile and no label yet in that grouping, or becomes a new patient. How many join is
 *    drawn uniformly between the least the cohort size allows and the most the profiles allow.
 * 4. Patients in no grouping fill the cohort, with intervals drawn from the groups' exits (or from
 *    the cohort's table when the summary has one).
 * 5. Times are uniform inside their intervals; event flags at random; with nested endpoints an
 *    earlier first-endpoint interval is an event (recurrence) there, an equal one is one half the time.
 */
import type { Random } from '../random.ts';
import type { Problem } from './problem.ts';
import type { Patients } from './state.ts';

interface Profile {
  /** Interval index per endpoint, −1 = not fixed yet. */
  bins: number[];
  /** Label per grouping, −1 = not assessed. */
  labels: number[];
}

function weighted(rng: Random, weights: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < weights.length; k++) total += Math.max(0, weights[k]);
  let pick = rng.float() * total;
  for (let k = 0; k < weights.length; k++) {
    const w = Math.max(0, weights[k]);
    if (w > 0 && pick < w) return k;
    pick -= w;
  }
  for (let k = weights.length - 1; k >= 0; k--) if (weights[k] > 0) return k;
  return 0;
}

/** Exits per interval of `edges` implied by a table (spread over finer intervals by length). */
function exitsPerInterval(rng: Random, table: readonly { tick: number; count: number }[], edges: readonly number[], horizon: number, size: number): number[] | null {
  if (table.length === 0) return null;
  const out = new Array<number>(edges.length).fill(0);
  const at = (k: number) => (k < 0 ? size : table[k].count);
  // Coarse interval k of the table: [table[k].tick, table[k+1].tick), before the first: from 0.
  const coarse = [{ lo: 0, hi: table[0].tick, exits: size - table[0].count }];
  for (let k = 0; k < table.length; k++) coarse.push({ lo: table[k].tick, hi: k + 1 < table.length ? table[k + 1].tick : horizon + 1, exits: at(k) - (k + 1 < table.length ? at(k + 1) : 0) });
  for (const c of coarse) {
    if (c.exits <= 0) continue;
    const inside: number[] = [];
    const widths: number[] = [];
    edges.forEach((lo, k) => {
      const hi = k + 1 < edges.length ? edges[k + 1] : horizon + 1;
      if (lo >= c.lo && hi <= c.hi) {
        inside.push(k);
        widths.push(hi - lo);
      }
    });
    if (inside.length === 0) return null;
    for (let m = 0; m < c.exits; m++) out[inside[weighted(rng, widths)]]++;
  }
  return out;
}

function feasible(first: readonly number[], second: readonly number[]): boolean {
  let a = 0;
  let b = 0;
  for (let k = first.length - 1; k >= 0; k--) {
    a += first[k];
    b += second[k];
    if (a > b) return false;
  }
  return true;
}

/** Random pairing of first-endpoint intervals with second-endpoint intervals, first ≤ second. */
function couple(rng: Random, first: number[], second: number[]): [number, number][] | null {
  if (!feasible(first, second)) return null;
  const out: [number, number][] = [];
  for (let o = 0; o < second.length; o++) {
    while (second[o] > 0) {
      second[o]--;
      const w = new Array<number>(first.length).fill(0);
      for (let r = 0; r <= o; r++) {
        if (first[r] === 0) continue;
        first[r]--;
        if (feasible(first, second)) w[r] = first[r] + 1;
        first[r]++;
      }
      const r = weighted(rng, w);
      first[r]--;
      out.push([r, o]);
    }
  }
  return out;
}

function sameBins(a: Profile, b: Profile): boolean {
  for (let e = 0; e < a.bins.length; e++) if (a.bins[e] !== b.bins[e] && a.bins[e] >= 0 && b.bins[e] >= 0) return false;
  return true;
}

/** Draws a start meeting every number at risk (see module doc); null if 1000 draws all failed. */
export function structuredStart(problem: Problem, rng: Random, edges: readonly number[][]): Patients | null {
  const E = problem.endpoints.length;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const patients = drawProfiles(problem, rng, edges);
    if (patients) return timesFor(problem, rng, edges, patients);
  }
  return null;
  function drawProfiles(p: Problem, r: Random, ed: readonly number[][]): Profile[] | null {
    // Marginal exits per interval (for free bins): the groups of each endpoint's best table.
    const marginal = ed.map((edges_, e) => {
      const cohort = p.curves[p.curveIndex(e, -1, 0)];
      const fromCohort = exitsPerInterval(r, cohort.atRisk, edges_, p.horizon, p.n);
      if (fromCohort) return fromCohort;
      const sum = new Array<number>(edges_.length).fill(0.01);
      p.groupings.forEach((g, gi) =>
        g.levels.forEach((_, k) => {
          const c = p.curves[p.curveIndex(e, gi, k)];
          const x = exitsPerInterval(r, c.atRisk, edges_, p.horizon, g.sizes[k]);
          if (x) x.forEach((v, b) => (sum[b] += v));
        }),
      );
      return sum;
    });
    let pool: Profile[] = [];
    for (let gi = 0; gi < p.groupings.length; gi++) {
      const g = p.groupings[gi];
      const members: Profile[] = [];
      for (let k = 0; k < g.levels.length; k++) {
        const exits = ed.map((edges_, e) => exitsPerInterval(r, p.curves[p.curveIndex(e, gi, k)].atRisk, edges_, p.horizon, g.sizes[k]));
        const bins: number[][] = Array.from({ length: g.sizes[k] }, () => new Array<number>(E).fill(-1));
        if (E === 2 && p.nested && exits[0] && exits[1]) {
          const pairs = couple(r, [...exits[0]], [...exits[1]]);
          if (!pairs) return null;
          pairs.forEach(([a, b], m) => (bins[m] = [a, b]));
        } else {
          for (let e = 0; e < E; e++) {
            const x = exits[e];
            if (!x) continue;
            const list: number[] = [];
            x.forEach((c, b) => {
              for (let m = 0; m < c; m++) list.push(b);
            });
            shuffle(r, list).forEach((b, m) => (bins[m][e] = b));
          }
        }
        for (const b of bins) members.push({ bins: b, labels: p.groupings.map((_, x) => (x === gi ? k : -1)) });
      }
      shuffle(r, members);
      // Lay this grouping over the pool.
      const needed = Math.max(0, pool.length + members.length - p.n);
      const candidates = (m: Profile) => pool.filter((q) => q.labels[gi] < 0 && sameBins(q, m));
      let most = 0;
      const taken = new Set<Profile>();
      for (const m of members) {
        const c = candidates(m).find((q) => !taken.has(q));
        if (c) {
          taken.add(c);
          most++;
        }
      }
      if (most < needed) return null;
      const joins = needed + r.int(most - needed + 1);
      let joined = 0;
      const used = new Set<Profile>();
      const next = [...pool];
      for (const m of members) {
        if (joined < joins) {
          const options = candidates(m).filter((q) => !used.has(q));
          if (options.length) {
            const q = options[r.int(options.length)];
            used.add(q);
            q.labels[gi] = m.labels[gi];
            for (let e = 0; e < E; e++) if (q.bins[e] < 0) q.bins[e] = m.bins[e];
            joined++;
            continue;
          }
        }
        next.push(m);
      }
      if (joined < needed) return null;
      pool = next;
    }
    if (pool.length > p.n) return null;
    while (pool.length < p.n) pool.push({ bins: new Array<number>(E).fill(-1), labels: p.groupings.map(() => -1) });
    // Free bins from the marginal exits (nested: first ≤ second).
    for (const q of pool) {
      if (E === 2 && p.nested) {
        if (q.bins[1] < 0) q.bins[1] = weighted(r, q.bins[0] >= 0 ? marginal[1].map((w, b) => (b >= q.bins[0] ? w : 0)) : marginal[1]);
        if (q.bins[0] < 0) q.bins[0] = weighted(r, marginal[0].map((w, b) => (b <= q.bins[1] ? w : 0)));
      } else for (let e = 0; e < E; e++) if (q.bins[e] < 0) q.bins[e] = weighted(r, marginal[e]);
    }
    return shuffle(r, pool);
  }
}

function shuffle<T>(rng: Random, values: T[]): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}

function timesFor(problem: Problem, rng: Random, edges: readonly number[][], pool: readonly Profile[]): Patients {
  const n = problem.n;
  const E = problem.endpoints.length;
  const range = (e: number, b: number): [number, number] => [Math.max(1, edges[e][b]), b + 1 < edges[e].length ? edges[e][b + 1] - 1 : problem.horizon];
  const time = Array.from({ length: E }, () => new Int32Array(n));
  const event = Array.from({ length: E }, () => new Uint8Array(n));
  pool.forEach((q, i) => {
    for (let e = E - 1; e >= 0; e--) {
      const [lo, hi] = range(e, q.bins[e]);
      time[e][i] = lo + rng.int(Math.max(1, hi - lo + 1));
      event[e][i] = rng.float() < 0.5 ? 1 : 0;
    }
    if (E === 2 && problem.nested) {
      const [lo] = range(0, q.bins[0]);
      const separate = q.bins[0] < q.bins[1] || (rng.float() < 0.5 && time[1][i] > lo);
      if (separate) {
        const hi = Math.min(range(0, q.bins[0])[1], time[1][i] - 1);
        time[0][i] = lo + rng.int(Math.max(1, hi - lo + 1));
        event[0][i] = 1;
      } else {
        time[0][i] = time[1][i];
        event[0][i] = problem.firstIncludesSecond ? event[1][i] : 0;
      }
    }
  });
  return {
    time,
    event,
    label: problem.groupings.map((_, g) => Int8Array.from(pool, (q) => q.labels[g])),
  };
}
