/**
 * The starting point of a search: 82 patients whose group labels and time bins already meet
 * every hard constraint.
 *
 * 1. For each of the five groups, the at-risk rows give the number of RFS times and of OS times
 *    in each bin [0,20), [20,40), [40,60), [60,∞). A random *coupling* pairs them into per-patient
 *    profiles (RFS bin, OS bin) with RFS bin ≤ OS bin (possible because every RFS at-risk count
 *    is ≤ the OS count at the same time). The coupling is drawn patient by patient in order of
 *    OS bin, choosing among RFS bins that keep the rest feasible (Hall's condition on 4 bins).
 * 2. Overlap: a patient in both subcohorts carries one calcification and one enhancement label,
 *    so its profile counts in both tables. m such patients are made by merging a calcification
 *    patient with an enhancement patient of identical profile; m is drawn uniformly from
 *    [57 + 51 − 82, the most identical-profile pairs available] (≤ 50: the enhancement subcohort
 *    has 16 patients at risk for OS at 60 months but the calcification subcohort only 15).
 *    The remaining 82 − (108 − m) = m − 26 patients belong to neither subcohort; only the cohort
 *    targets involve them, so their bins are free.
 * 3. Times are drawn uniformly within bins and events at random; the annealer does the rest.
 */
import { binHigh, binLow } from './encoding.ts';
import type { Random } from './random.ts';
import { shuffle } from './random.ts';
import type { PatientTicks } from './state.ts';
import type { Targets } from './targets.ts';
import { buildTemplate, drawTick } from './template.ts';
import type { QuartileCurve, Template } from './template.ts';
import { GROUPINGS } from './targets.ts';

/** A patient before times are drawn: labels (−1 = not assessed) and bins. */
export interface Skeleton {
  calc: number;
  enh: number;
  rfsBin: number;
  osBin: number;
}

function feasible(remR: number[], remO: number[]): boolean {
  let r = 0;
  let o = 0;
  for (let b = 3; b >= 0; b--) {
    r += remR[b];
    o += remO[b];
    if (r > o) return false;
  }
  return true;
}

/** Random pairing of RFS bins with OS bins such that RFS bin ≤ OS bin for every patient. */
export function randomCoupling(rng: Random, rfsBins: readonly number[], osBins: readonly number[]): [number, number][] {
  const remR = [...rfsBins];
  const remO = [...osBins];
  if (!feasible(remR, remO)) throw new Error('at-risk counts admit no RFS ≤ OS coupling');
  const pairs: [number, number][] = [];
  for (let o = 0; o < 4; o++) {
    while (remO[o] > 0) {
      remO[o]--;
      const weights = [0, 0, 0, 0];
      for (let r = 0; r <= o; r++) {
        if (remR[r] === 0) continue;
        remR[r]--;
        if (feasible(remR, remO)) weights[r] = remR[r] + 1;
        remR[r]++;
      }
      const r = weightedPick(rng, weights);
      remR[r]--;
      pairs.push([r, o]);
    }
  }
  return shuffle(rng, pairs);
}

/** Draws a skeleton meeting every hard constraint; see the module doc. */
export function drawSkeleton(targets: Targets, rng: Random, templates: StartTemplates, atRiskCap: number): Skeleton[] {
  const [calcGroups, enhGroups] = GROUPINGS.map((g) => targets.groupings[g].groups);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const calc: Skeleton[] = [];
    const enh: Skeleton[] = [];
    for (const [g, spec] of calcGroups.entries()) {
      for (const [r, o] of randomCoupling(rng, spec.binCounts.rfs, spec.binCounts.os)) {
        calc.push({ calc: g, enh: -1, rfsBin: r, osBin: o });
      }
    }
    for (const [g, spec] of enhGroups.entries()) {
      for (const [r, o] of randomCoupling(rng, spec.binCounts.rfs, spec.binCounts.os)) {
        enh.push({ calc: -1, enh: g, rfsBin: r, osBin: o });
      }
    }
    const calcByProfile = new Map<number, Skeleton[]>();
    for (const p of calc) {
      const key = p.rfsBin * 4 + p.osBin;
      calcByProfile.set(key, [...(calcByProfile.get(key) ?? []), p]);
    }
    let maxPairs = 0;
    const enhCount = new Map<number, number>();
    for (const p of enh) enhCount.set(p.rfsBin * 4 + p.osBin, (enhCount.get(p.rfsBin * 4 + p.osBin) ?? 0) + 1);
    for (const [key, list] of calcByProfile) maxPairs += Math.min(list.length, enhCount.get(key) ?? 0);
    const minPairs = calc.length + enh.length - targets.cohort.value;
    if (maxPairs < minPairs) continue;
    const m = rng.between(minPairs, maxPairs);

    for (const list of calcByProfile.values()) shuffle(rng, list);
    const patients: Skeleton[] = [];
    const used = new Set<Skeleton>();
    let pairs = 0;
    // Patients still followed at the last at-risk time are merged first: the cohort can hold
    // only about 20 of them (see the at-risk cap in loss.ts), against 15 + 16 in the two tables.
    const last = targets.times.length - 1;
    const order = shuffle(rng, enh).sort((a, b) => Number(b.osBin === last) - Number(a.osBin === last));
    for (const p of order) {
      const partners = calcByProfile.get(p.rfsBin * 4 + p.osBin);
      if (pairs < m && partners && partners.length > 0) {
        const partner = partners.pop() as Skeleton;
        used.add(partner);
        patients.push({ ...p, calc: partner.calc });
        pairs++;
      } else {
        patients.push(p);
      }
    }
    for (const p of calc) if (!used.has(p)) patients.push(p);
    // Patients in neither subcohort: OS bin from the cohort template's exits, the last bin only
    // while the cohort stays under the at-risk cap.
    const { cumulative } = templates.os;
    const mass = [0, 1, 2, 3].map((b) => cumulative[binHigh(b)] - cumulative[binLow(b) - 1]);
    let atRiskLast = patients.filter((p) => p.osBin === last).length;
    while (patients.length < targets.cohort.value) {
      const weights = mass.map((w, b) => (b === last && atRiskLast >= atRiskCap ? 0 : w));
      const osBin = weightedPick(rng, weights);
      if (osBin === last) atRiskLast++;
      patients.push({ calc: -1, enh: -1, rfsBin: rng.int(osBin + 1), osBin });
    }
    return shuffle(rng, patients);
  }
  throw new Error('could not draw a skeleton meeting the overlap constraints');
}

function weightedPick(rng: Random, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let pick = rng.float() * total;
  let last = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] <= 0) continue;
    if (pick < weights[i]) return i;
    pick -= weights[i];
    last = i;
  }
  return last;
}

/** Templates for the starting times: OS exits and RFS exits (see `template.ts`). */
export interface StartTemplates {
  readonly os: Template;
  readonly rfs: Template;
}

/** Cohort templates from the published cohort quartiles (OS, RFS, follow-up). */
export function startTemplates(targets: Targets): StartTemplates {
  const curve = (endpoint: string, kind: string): QuartileCurve => {
    const pick = (q: string): number => {
      const t = targets.quartiles.find((x) => x.grouping === 'all' && x.endpoint === endpoint && x.kind === kind && x.quartile === q);
      if (!t) throw new Error(`no cohort ${kind} ${endpoint} ${q} target`);
      return t.published.value;
    };
    return { q25: pick('q25'), median: pick('median'), q75: pick('q75') };
  };
  const os = curve('os', 'quartile');
  const followUp = curve('os', 'followup');
  const rfs = curve('rfs', 'quartile');
  // RFS ends at recurrence (event) or at the end of follow-up / death without recurrence.
  return { os: buildTemplate(os, followUp), rfs: buildTemplate(rfs, followUp) };
}

/**
 * Draws times within the skeleton's bins from the templates and event flags from the
 * templates' event probabilities (RFS ≤ OS, no recurrence ⇒ RFS = OS).
 */
export function drawTimes(skeleton: readonly Skeleton[], rng: Random, templates: StartTemplates): PatientTicks[] {
  return skeleton.map((p) => {
    const osTick = drawTick(templates.os, rng, binLow(p.osBin), binHigh(p.osBin));
    const osEvent = rng.float() < templates.os.eventProbability[osTick] ? 1 : 0;
    let rfsEvent = p.rfsBin < p.osBin ? 1 : rng.float() < 0.5 ? 1 : 0;
    let rfsTick = osTick;
    if (rfsEvent) {
      const hi = Math.min(binHigh(p.rfsBin), osTick - 1);
      const lo = binLow(p.rfsBin);
      if (hi >= lo) rfsTick = drawTick(templates.rfs, rng, lo, hi);
      else rfsEvent = 0;
    }
    return { calc: p.calc, enh: p.enh, rfsTick, rfsEvent, osTick, osEvent };
  });
}
